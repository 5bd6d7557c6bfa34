/** Partial decryptions (batched Chaum–Pedersen), combination, decoding and counts. */
import type { Group } from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import { LABELS, challengeOf, createHasher, hashToScalar } from './hashes.ts';
import { arr, bytes, field, int, obj, scalar, str } from './read-json.ts';
import { decode, type Decoded } from './decode-ballot.ts';
import type { State } from './state.ts';
import { ed25519Valid, proofDigest, rowsDigest } from './check-ceremony.ts';
import { countLegally } from './legal-count.ts';

function lagrange(indices: readonly number[], i: number, q: bigint): bigint {
  let num = 1n;
  let den = 1n;
  for (const j of indices) {
    if (j === i) continue;
    num = (num * BigInt(j)) % q;
    den = (((den * BigInt(j - i)) % q) + q) % q;
  }
  // den^(q−2) mod q (q prime)
  let inv = 1n;
  let base = den;
  let e = q - 2n;
  while (e > 0n) {
    if ((e & 1n) === 1n) inv = (inv * base) % q;
    base = (base * base) % q;
    e >>= 1n;
  }
  return (num * inv) % q;
}

function partialValid<P>(
  group: Group<P>,
  s: State<P>,
  groupId: string,
  trustee: number,
  vk: P,
  cts: readonly (readonly Uint8Array[])[],
  shares: readonly (readonly Uint8Array[])[],
  c: bigint,
  r: bigint,
): boolean {
  const h = createHasher(LABELS.decryptionBatch);
  h.add([group.name, s.electionId, groupId, trustee, group.encode(vk)]);
  const as: Uint8Array[] = [];
  for (const ct of cts) for (let w = 0; w < ct.length; w += 2) as.push(ct[w] ?? new Uint8Array(0));
  const ds = shares.flat();
  for (const a of as) h.add(a);
  for (const d of ds) h.add(d);
  const seed = h.digest();
  const rho = as.map((_, k) => hashToScalar(group.order, LABELS.decryptionCoefficient, [seed, k]));
  const decodeAll = (list: Uint8Array[]): P[] | undefined => {
    const out: P[] = [];
    for (const b of list) {
      const p = group.decode(b);
      if (p === undefined) return undefined;
      out.push(p);
    }
    return out;
  };
  const aPts = decodeAll(as);
  const dPts = decodeAll(ds);
  if (aPts === undefined || dPts === undefined) return false;
  const A = group.msm(aPts, rho);
  const D = group.msm(dPts, rho);
  const t1 = group.sub(group.mul(group.generator, r), group.mul(vk, c));
  const t2 = group.sub(group.mul(A, r), group.mul(D, c));
  return challengeOf(group, LABELS.decryptionProof, [s.electionId, groupId, trustee, seed], [vk, A, D, t1, t2]) === c;
}

export function checkPartialDecryption<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const trustee = int(field(o, 'trustee', loc), loc);
  const where = `${loc} (group ${groupId}, trustee ${String(trustee)})`;
  const cts = s.current.get(groupId);
  ensure(
    cts !== undefined && (s.mixers.get(groupId)?.size ?? 0) >= s.threshold,
    'completeness',
    where,
    `decryption before ${String(s.threshold)} shuffles by distinct qualified trustees`,
  );
  ensure(!s.decoded.has(groupId), 'completeness', where, 'partial decryption after combination');
  const vk = s.vks.get(trustee);
  ensure(vk !== undefined, 'decryption-proof', where, 'unknown trustee');
  const shares = arr(field(o, 'shares', where), where).map((row, i) =>
    arr(row, `${where} #${String(i)}`).map((b) => bytes(b, `${where} #${String(i)}`)),
  );
  const proof = obj(field(o, 'proof', where), where);
  if (s.ceremony !== undefined) {
    const body = { electionId: s.electionId, groupId, trustee, shares: rowsDigest(shares), proof: proofDigest(proof) };
    ensure(
      ed25519Valid(
        s.ceremony.signingKeys.get(trustee) ?? '',
        'isoloir/v1/partial-upload',
        body,
        field(o, 'signature', where) as string | null,
      ),
      'decryption-proof',
      where,
      'the partial decryption is not signed by its trustee’s registered key',
    );
  }
  const c = scalar(field(proof, 'challenge', where), s.group.order, where);
  const r = scalar(field(proof, 'response', where), s.group.order, where);
  const shapeOk = shares.length === cts.length && shares.every((row, i) => row.length * 2 === (cts[i]?.length ?? 0));
  const valid = shapeOk && partialValid(s.group, s, groupId, trustee, vk, cts, shares, c, r);
  ensure(
    valid,
    'decryption-proof',
    where,
    `trustee ${String(trustee)}'s partial decryption fails its Chaum–Pedersen proof`,
  );
  const map = s.validPartials.get(groupId) ?? new Map<number, Uint8Array[][]>();
  map.set(trustee, shares);
  s.validPartials.set(groupId, map);
}

function canonical(d: Decoded): string {
  return JSON.stringify(
    d.kind === 'list'
      ? [d.kind, d.list, d.headBox, d.effectives, d.substitutes]
      : d.kind === 'invalid'
        ? [d.kind, d.reason]
        : [d.kind],
  );
}

export function checkDecryption<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const where = `${loc} (group ${groupId})`;
  const cts = s.current.get(groupId);
  ensure(
    cts !== undefined && !s.decoded.has(groupId),
    'completeness',
    where,
    'decryption without shuffled input, or twice',
  );
  const trustees = arr(field(o, 'trustees', where), where).map((t) => int(t, where));
  const partials = s.validPartials.get(groupId) ?? new Map<number, Uint8Array[][]>();
  ensure(
    new Set(trustees).size === trustees.length && trustees.length === s.threshold,
    'decryption',
    where,
    `exactly ${String(s.threshold)} distinct trustees required`,
  );
  for (const t of trustees) {
    if (!partials.has(t)) fail('decryption', where, `trustee ${String(t)} has no partial decryption`);
  }
  const lambdas = trustees.map((t) => lagrange(trustees, t, s.group.order));
  const plaintexts = arr(field(o, 'plaintexts', where), where).map((row, i) =>
    arr(row, `${where} #${String(i)}`).map((b) => bytes(b, `${where} #${String(i)}`)),
  );
  ensure(plaintexts.length === cts.length, 'decryption', where, 'one plaintext per ciphertext expected');
  const ballots = arr(field(o, 'ballots', where), where);
  ensure(ballots.length === cts.length, 'decoding', where, 'one decoded ballot per ciphertext expected');
  const decodedList: Decoded[] = [];
  cts.forEach((ct, i) => {
    const at = `${where} ciphertext #${String(i)}`;
    const row = plaintexts[i] ?? [];
    ensure(row.length * 2 === ct.length, 'decryption', at, 'width');
    for (let w = 0; w < row.length; w++) {
      const b = s.group.decode(ct[2 * w + 1] ?? new Uint8Array(0));
      const ds = trustees.map((t) => s.group.decode(partials.get(t)?.[i]?.[w] ?? new Uint8Array(0)));
      if (b === undefined || ds.some((d) => d === undefined)) fail('format', at, 'not a group element');
      const m = s.group.sub(
        b,
        s.group.msm(
          ds.filter((d) => d !== undefined),
          lambdas,
        ),
      );
      const published = s.group.decode(row[w] ?? new Uint8Array(0));
      ensure(
        published !== undefined && s.group.equals(m, published),
        'decryption',
        at,
        'plaintext is not the combination of the partial decryptions',
      );
    }
    const d = decode(s.group.name, s.layout, row);
    const claimed = obj(ballots[i], at);
    const claimedCanonical = canonical(claimed as unknown as Decoded);
    ensure(
      claimedCanonical === canonical(d),
      'decoding',
      at,
      `published ballot ${claimedCanonical} but the plaintext decodes to ${canonical(d)}`,
    );
    decodedList.push(d);
  });
  s.decoded.set(groupId, decodedList);
}

/** The published counts must be exactly the verifier's own legal count of the group's decoded ballots. */
export function checkCounts<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const where = `${loc} (group ${groupId})`;
  const decoded = s.decoded.get(groupId);
  ensure(
    decoded !== undefined && !s.counted.has(groupId),
    'completeness',
    where,
    'counts without decryption, or twice',
  );
  const constituency = s.constituencies.get(s.segments.get(groupId)?.constituency ?? '');
  ensure(constituency !== undefined, 'definition', where, "the group's constituency is not defined");
  const expected = countLegally(constituency, decoded);
  const given = field(o, 'counts', where);
  const diff = firstDifference(expected, given, 'counts');
  ensure(
    diff === undefined,
    'counts',
    where,
    `published counts differ from the legal count of the decoded ballots at ${diff ?? ''}`,
  );
  s.legal.set(groupId, expected);
  s.counted.add(groupId);
  // The group is done: drop its ciphertexts, shares and decoded ballots (memory: one group at a
  // time). The keys stay, so a later shuffle, share or decryption of it still fails `completeness`.
  s.current.set(groupId, []);
  s.validPartials.set(groupId, new Map());
  s.decoded.set(groupId, []);
}

/** Path of the first difference between two JSON values (object key order ignored), or undefined. */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${String(i)}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (
    typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join(',') !== kb.join(',')) return `${path} (fields ${kb.join(',')} instead of ${ka.join(',')})`;
    for (const k of ka) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return a === b ? undefined : path;
}
