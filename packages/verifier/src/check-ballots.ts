/** Cast ballots (proof bound to election, voter, ballot) and cancellations. */
import type { Group } from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import { LABELS, hashToScalar } from './hashes.ts';
import { arr, bytes, field, obj, scalar, str } from './read-json.ts';
import type { State } from './state.ts';

function ballotProofValid<P>(group: Group<P>, s: State<P>, ids: [string, string], encoded: readonly Uint8Array[], c: bigint, responses: readonly bigint[], loc: string): boolean {
  const pk = s.pk;
  if (pk === undefined) fail('completeness', loc, 'ballot before the election key');
  const pairs: [P, P][] = [];
  for (let w = 0; w < encoded.length; w += 2) {
    const a = group.decode(encoded[w] ?? new Uint8Array(0));
    const b = group.decode(encoded[w + 1] ?? new Uint8Array(0));
    if (a === undefined || b === undefined) fail('format', loc, 'ciphertext is not made of group elements');
    if (group.isIdentity(a)) return false;
    pairs.push([a, b]);
  }
  if (responses.length !== pairs.length) return false;
  const ts = pairs.map(([a], w) => group.sub(group.mul(group.generator, responses[w] ?? 0n), group.mul(a, c)));
  const expected = hashToScalar(group.order, LABELS.ballot, [
    group.name,
    s.electionId,
    ids[0],
    ids[1],
    group.encode(group.generator),
    group.encode(pk),
    pairs.map(([a, b]) => [group.encode(a), group.encode(b)]),
    ts.map((t) => group.encode(t)),
  ]);
  return expected === c;
}

export function checkBallot<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const voterId = str(field(o, 'voterId', loc), loc);
  const ballotId = str(field(o, 'ballotId', loc), loc);
  const where = `${loc} (ballot ${ballotId})`;
  ensure(s.groupIds.includes(groupId), 'parameters', where, `unknown group ${groupId}`);
  ensure(!s.ballots.has(ballotId), 'ballot-duplicate', where, 'ballot id used twice');
  ensure(!s.current.has(groupId), 'completeness', where, 'ballot cast after counting started');
  const cts = arr(field(o, 'ciphertexts', loc), where).map((c) => bytes(c, where));
  ensure(cts.length === 2 * s.width, 'ballot-proof', where, `ballot must have ${String(s.width)} ciphertexts`);
  const proof = obj(field(o, 'proof', where), where);
  const c = scalar(field(proof, 'challenge', where), s.group.order, where);
  const responses = arr(field(proof, 'responses', where), where).map((r) => scalar(r, s.group.order, where));
  ensure(ballotProofValid(s.group, s, [voterId, ballotId], cts, c, responses, where), 'ballot-proof', where, 'proof of knowledge of the encryption randomness fails for this election, voter and ballot');
  const key = cts.map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')).join('|');
  const copyOf = s.seenCiphertexts.get(key);
  if (copyOf !== undefined) fail('ballot-duplicate', where, `same ciphertext as ${copyOf}`);
  s.seenCiphertexts.set(key, ballotId);
  s.ballots.set(ballotId, { groupId, voterId, cts });
  const order = s.castOrder.get(groupId) ?? [];
  order.push(ballotId);
  s.castOrder.set(groupId, order);
}

export function checkCancellation<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const ballotId = str(field(o, 'ballotId', loc), loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const ballot = s.ballots.get(ballotId);
  ensure(ballot?.groupId === groupId, 'cancellation', loc, `cancels unknown ballot ${ballotId}`);
  ensure(!s.cancelled.has(ballotId), 'cancellation', loc, 'ballot cancelled twice');
  ensure(!s.current.has(groupId), 'cancellation', loc, 'cancellation after counting started');
  s.cancelled.add(ballotId);
}

/** The group's input must be exactly the counted ballots (not cancelled), in casting order, one per voter. */
export function checkGroupInput<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  ensure(s.groupIds.includes(groupId) && !s.current.has(groupId), 'group-input', loc, 'unknown group or second input');
  const counted = (s.castOrder.get(groupId) ?? []).filter((id) => !s.cancelled.has(id));
  const voters = new Set<string>();
  for (const id of counted) {
    const voter = s.ballots.get(id)?.voterId ?? '';
    ensure(!voters.has(voter), 'group-input', loc, `voter ${voter} has more than one counted ballot`);
    voters.add(voter);
  }
  const given = arr(field(o, 'ciphertexts', loc), loc).map((ct, i) => arr(ct, `${loc} #${String(i)}`).map((b) => bytes(b, `${loc} #${String(i)}`)));
  ensure(given.length === counted.length, 'group-input', loc, `expected ${String(counted.length)} counted ballots, found ${String(given.length)}`);
  given.forEach((ct, i) => {
    const expected = s.ballots.get(counted[i] ?? '')?.cts ?? [];
    const same = ct.length === expected.length && ct.every((b, w) => b.length === expected[w]?.length && b.every((x, k) => x === expected[w]?.[k]));
    ensure(same, 'group-input', `${loc} ciphertext #${String(i)}`, `is not the counted ballot ${counted[i] ?? ''}`);
  });
  s.current.set(groupId, given);
}
