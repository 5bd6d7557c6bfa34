/** Key ceremony: dealer proofs, complaints, qualified set, election key, trustee keys. */
import type { Group } from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import { LABELS, challengeOf } from './hashes.ts';
import { arr, field, int, obj, point, scalar } from './read-json.ts';
import type { State } from './state.ts';
import { checkAgainstCeremony } from './check-ceremony.ts';

function schnorrValid<P>(
  group: Group<P>,
  label: string,
  context: (string | number)[],
  x: P,
  c: bigint,
  s: bigint,
): boolean {
  const t = group.sub(group.mul(group.generator, s), group.mul(x, c));
  return challengeOf(group, label, context, [x, t]) === c;
}

/** Σₖ jᵏ·Cₖ */
function image<P>(group: Group<P>, commitments: readonly P[], j: number): P {
  let acc = group.identity;
  let x = 1n;
  for (const c of commitments) {
    acc = group.add(acc, group.mul(c, x));
    x = (x * BigInt(j)) % group.order;
  }
  return acc;
}

export function checkDealer<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const dealer = int(field(o, 'dealer', loc), loc);
  ensure(
    dealer >= 1 && dealer <= s.trustees && !s.dealers.has(dealer),
    'parameters',
    loc,
    'unknown or repeated dealer',
  );
  const commitments = arr(field(o, 'commitments', loc), loc).map((c, k) =>
    point(s.group, c, `${loc} commitment ${String(k)}`),
  );
  const proof = obj(field(o, 'proof', loc), loc);
  const c = scalar(field(proof, 'challenge', loc), s.group.order, loc);
  const r = scalar(field(proof, 'response', loc), s.group.order, loc);
  const first = commitments[0];
  const valid =
    commitments.length === s.threshold &&
    first !== undefined &&
    schnorrValid(s.group, LABELS.dealer, [s.electionId, s.threshold, s.trustees, dealer], first, c, r);
  s.dealers.set(dealer, { commitments, valid });
  s.dealerEntries.set(dealer, field(o, 'commitments', loc) as string[]);
}

export function checkComplaint<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const by = int(field(o, 'by', loc), loc);
  const against = int(field(o, 'against', loc), loc);
  const dealer = s.dealers.get(against);
  if (dealer === undefined) fail('complaint', loc, 'complaint against an unknown dealer');
  const revealed = field(o, 'revealed', loc);
  const upheld =
    revealed === null ||
    !s.group.equals(
      s.group.mul(s.group.generator, scalar(revealed, s.group.order, loc)),
      image(s.group, dealer.commitments, by),
    );
  if (upheld) s.disqualified.add(against);
  s.complaintEntries.push({ by, against, revealed: revealed as string | null });
}

export function checkKey<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const qualified = arr(field(o, 'qualified', loc), loc).map((q) => int(q, loc));
  const expected = [...s.dealers.entries()]
    .filter(([i, d]) => d.valid && !s.disqualified.has(i))
    .map(([i]) => i)
    .sort((a, b) => a - b);
  ensure(
    JSON.stringify(qualified) === JSON.stringify(expected),
    'election-key',
    loc,
    `qualified set should be [${expected.join(',')}]`,
  );
  ensure(expected.length >= s.threshold, 'election-key', loc, 'fewer qualified dealers than the threshold');
  let pk = s.group.identity;
  for (const i of expected) pk = s.group.add(pk, s.dealers.get(i)?.commitments[0] ?? s.group.identity);
  const published = point(s.group, field(o, 'publicKey', loc), loc);
  ensure(
    s.group.equals(pk, published) && !s.group.isIdentity(pk),
    'election-key',
    loc,
    'public key is not the sum of the qualified dealers’ constant commitments',
  );
  s.pk = pk;
  s.qualified = expected;
  const trustees = arr(field(o, 'trustees', loc), loc);
  ensure(trustees.length === s.trustees, 'trustee-key', loc, 'one verification key per trustee expected');
  trustees.forEach((t, idx) => {
    const tl = `${loc} trustee ${String(idx + 1)}`;
    const to = obj(t, tl);
    const j = int(field(to, 'trustee', tl), tl);
    ensure(j === idx + 1, 'trustee-key', tl, 'trustees out of order');
    const vk = point(s.group, field(to, 'verificationKey', tl), tl);
    let expectedVk = s.group.identity;
    for (const i of expected)
      expectedVk = s.group.add(expectedVk, image(s.group, s.dealers.get(i)?.commitments ?? [], j));
    ensure(
      s.group.equals(vk, expectedVk),
      'trustee-key',
      tl,
      'verification key does not match the dealers’ commitments',
    );
    const proof = obj(field(to, 'proof', tl), tl);
    const c = scalar(field(proof, 'challenge', tl), s.group.order, tl);
    const r = scalar(field(proof, 'response', tl), s.group.order, tl);
    ensure(
      schnorrValid(s.group, LABELS.trusteeKey, [s.electionId, j], vk, c, r),
      'trustee-key',
      tl,
      'proof of knowledge of the key share fails',
    );
    s.vks.set(j, vk);
  });
  checkAgainstCeremony(
    s,
    {
      qualified,
      publicKey: field(o, 'publicKey', loc) as string,
      trustees: trustees.map((t) => t as { trustee: number; verificationKey: string }),
    },
    s.complaintEntries,
    s.dealerEntries,
    loc,
  );
}
