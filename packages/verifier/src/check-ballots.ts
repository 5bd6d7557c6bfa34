/** Cast ballots (proof bound to election, voter, ballot; voter on the roll; sequence and receipt time) and group inputs. */
import { hashInputs, type Group } from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import { LABELS, hashToScalar } from './hashes.ts';
import { arr, bytes, field, int, obj, scalar, str } from './read-json.ts';
import type { State } from './state.ts';

function ballotProofValid<P>(
  group: Group<P>,
  s: State<P>,
  ids: [string, string, string],
  encoded: readonly Uint8Array[],
  c: bigint,
  responses: readonly bigint[],
  loc: string,
): boolean {
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
    ids[2],
    group.encode(group.generator),
    group.encode(pk),
    pairs.map(([a, b]) => [group.encode(a), group.encode(b)]),
    ts.map((t) => group.encode(t)),
  ]);
  return expected === c;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function checkBallot<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const voterId = str(field(o, 'voterId', loc), loc);
  const ballotId = str(field(o, 'ballotId', loc), loc);
  const constituency = str(field(o, 'constituency', loc), loc);
  const sequence = int(field(o, 'sequence', loc), loc);
  const receivedAt = str(field(o, 'receivedAt', loc), loc);
  const where = `${loc} (ballot ${ballotId})`;
  const segment = s.segments.get(groupId);
  ensure(segment !== undefined, 'eligibility', where, `no roll for group ${groupId}`);
  ensure(
    segment.constituency === constituency,
    'constituency',
    where,
    `a ballot of constituency ${constituency} in group ${groupId}`,
  );
  ensure(segment.ids.has(voterId), 'eligibility', where, `voter ${voterId} is not on the roll of ${groupId}`);
  ensure(!s.ballots.has(ballotId), 'ballot-duplicate', where, 'ballot id used twice');
  ensure(!s.current.has(groupId), 'completeness', where, 'ballot cast after counting started');
  ensure(
    ISO.test(receivedAt) && !Number.isNaN(Date.parse(receivedAt)),
    'sequence',
    where,
    'receipt time is not an ISO 8601 UTC time',
  );
  const mine = s.byVoter.get(voterId) ?? [];
  const previous = s.ballots.get(mine.at(-1) ?? '');
  ensure(
    sequence === mine.length + 1,
    'sequence',
    where,
    `voter's ballot number ${String(sequence)}, expected ${String(mine.length + 1)}`,
  );
  ensure(
    previous === undefined || Date.parse(previous.receivedAt) <= Date.parse(receivedAt),
    'sequence',
    where,
    "received before the voter's previous ballot",
  );
  const cts = arr(field(o, 'ciphertexts', loc), where).map((c) => bytes(c, where));
  ensure(cts.length === 2 * s.width, 'ballot-proof', where, `ballot must have ${String(s.width)} ciphertexts`);
  const proof = obj(field(o, 'proof', where), where);
  const c = scalar(field(proof, 'challenge', where), s.group.order, where);
  const responses = arr(field(proof, 'responses', where), where).map((r) => scalar(r, s.group.order, where));
  ensure(
    ballotProofValid(s.group, s, [constituency, voterId, ballotId], cts, c, responses, where),
    'ballot-proof',
    where,
    'proof of knowledge of the encryption randomness fails for this election, constituency, voter and ballot',
  );
  const digest = ciphertextDigest(cts);
  const copyOf = s.seenCiphertexts.get(digest);
  if (copyOf !== undefined) fail('ballot-duplicate', where, `same ciphertext as ${copyOf}`);
  s.seenCiphertexts.set(digest, ballotId);
  s.ballots.set(ballotId, { groupId, voterId, digest, sequence, receivedAt });
  mine.push(ballotId);
  s.byVoter.set(voterId, mine);
  const order = s.castOrder.get(groupId) ?? [];
  order.push(ballotId);
  s.castOrder.set(groupId, order);
}

/**
 * What the verifier keeps of a ballot's ciphertexts (memory: 32 characters a ballot instead of the
 * ciphertexts): the first 32 bytes of H("isoloir/verifier/ciphertexts", the encoded elements), as a
 * one-byte string. A group input's ciphertexts are compared by it: passing another ciphertext off as a
 * counted ballot's would take a second preimage (or a collision) of 256-bit SHA-512.
 */
export function ciphertextDigest(ct: readonly Uint8Array[]): string {
  return String.fromCharCode(...hashInputs('isoloir/verifier/ciphertexts', [ct]).subarray(0, 32));
}

/**
 * A counting group's input is exactly the counted ballots (not cancelled) of its member segments,
 * each once, in any order (the split shuffles them); every member is a roll segment of the same
 * constituency, counted in this group only.
 */
export function checkGroupInput<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const where = `${loc} (group ${groupId})`;
  ensure(!s.current.has(groupId) && !s.members.has(groupId), 'group-input', where, 'second input for this group');
  const members = arr(field(o, 'members', loc), loc).map((m) => str(m, loc));
  const own = s.segments.get(groupId);
  ensure(
    own !== undefined && members.includes(groupId),
    'group-input',
    where,
    'a counting group is a roll segment and one of its own members',
  );
  for (const m of members) {
    const seg = s.segments.get(m);
    ensure(seg !== undefined, 'group-input', where, `member ${m} is not a roll segment`);
    ensure(seg.constituency === own.constituency, 'group-input', where, `member ${m} is in another constituency`);
    const other = s.groupOf.get(m);
    ensure(other === undefined, 'group-input', where, `member ${m} is already counted in ${other ?? ''}`);
    s.groupOf.set(m, groupId);
  }
  s.members.set(groupId, members);
  const expected = new Map<string, string>();
  for (const m of members) {
    for (const id of s.castOrder.get(m) ?? []) {
      const b = s.ballots.get(id);
      if (b !== undefined && !s.cancelled.has(id)) expected.set(b.digest, id);
    }
  }
  const given = arr(field(o, 'ciphertexts', loc), loc).map((ct, i) =>
    arr(ct, `${where} #${String(i)}`).map((b) => bytes(b, `${where} #${String(i)}`)),
  );
  given.forEach((ct, i) => {
    const k = ciphertextDigest(ct);
    ensure(
      expected.has(k),
      'group-input',
      `${where} ciphertext #${String(i)}`,
      'is not a counted ballot of this group (or is there twice)',
    );
    expected.delete(k);
  });
  const missing = [...expected.values()];
  ensure(
    missing.length === 0,
    'group-input',
    where,
    `counted ballots missing from the input: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}`,
  );
  s.current.set(groupId, given);
  if (given.length === 0) s.decoded.set(groupId, []);
}
