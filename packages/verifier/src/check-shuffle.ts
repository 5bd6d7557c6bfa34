/**
 * Independent check of a Terelius–Wikström shuffle proof (PROTOCOL.md §6.3). The N equations
 * t̂ᵢ = c·ĉᵢ + ŝᵢ·G + s'ᵢ·ĉᵢ₋₁ are checked together as one random linear combination with the
 * verifier's own 128-bit random weights (a failure slips through with probability ≤ 2⁻¹²⁸).
 */
import type { Group } from '@isoloir/crypto';
import { ensure } from './failure.ts';
import { inlineMsm, type MsmJob, type MsmService } from './msm-service.ts';
import { LABELS, bytesToScalar, createHasher, h0, hashToScalar } from './hashes.ts';
import { arr, bytes, field, int, obj, scalar, str } from './read-json.ts';
import type { State } from './state.ts';
import { ed25519Valid, proofDigest, rowsDigest } from './check-ceremony.ts';

function random128(): bigint {
  const b = new Uint32Array(4);
  crypto.getRandomValues(b);
  return b.reduce((acc, x) => (acc << 32n) | BigInt(x), 0n);
}

export interface ShuffleStatement {
  readonly electionId: string;
  readonly groupId: string;
  readonly mixNode: number;
  readonly pk: Uint8Array;
}

/**
 * Returns undefined if the proof holds, otherwise what failed. All five groups of equations of
 * PROTOCOL.md §6.3 are checked at once as a random linear combination (weights γ, ρ: 128 bits from
 * the verifier's own generator), i.e. one multi-scalar multiplication, split in jobs for `msm`.
 */
export async function verifyShuffleProof<P>(
  group: Group<P>,
  st: ShuffleStatement,
  inputs: readonly (readonly Uint8Array[])[],
  outputs: readonly (readonly Uint8Array[])[],
  proofJson: unknown,
  loc: string,
  msm: MsmService = inlineMsm(group),
): Promise<string | undefined> {
  const q = group.order;
  const n = inputs.length;
  const width = (inputs[0]?.length ?? 0) / 2;
  const o = obj(proofJson, loc);
  const raw = (key: string): Uint8Array[] =>
    arr(field(o, key, loc), loc).map((v, i) => bytes(v, `${loc} ${key}[${String(i)}]`));
  const scs = (key: string): bigint[] =>
    arr(field(o, key, loc), loc).map((v, i) => scalar(v, q, `${loc} ${key}[${String(i)}]`));
  const commitments = raw('commitments');
  const chain = raw('chain');
  const tHat = raw('tHat');
  const t1 = bytes(field(o, 't1', loc), loc);
  const t2 = bytes(field(o, 't2', loc), loc);
  const t3 = bytes(field(o, 't3', loc), loc);
  const t4 = arr(field(o, 't4', loc), loc).map((pair) => arr(pair, loc).map((v) => bytes(v, loc)));
  const s1 = scalar(field(o, 's1', loc), q, loc);
  const s2 = scalar(field(o, 's2', loc), q, loc);
  const s3 = scalar(field(o, 's3', loc), q, loc);
  const s4 = scs('s4');
  const sHat = scs('sHat');
  const sPrime = scs('sPrime');
  if (
    [commitments, chain, tHat, sHat, sPrime].some((a) => a.length !== n) ||
    t4.length !== width ||
    s4.length !== width ||
    t4.some((p) => p.length !== 2)
  )
    return 'proof-shape';
  if (
    n === 0 ||
    outputs.length !== n ||
    outputs.some((ct) => ct.length !== 2 * width) ||
    inputs.some((ct) => ct.length !== 2 * width)
  )
    return 'ciphertext-shape';
  const H0 = h0(group);

  // Statement seed and challenges, exactly as PROTOCOL.md §6.2.
  const sh = createHasher(LABELS.shuffleStatement);
  sh.add([group.name, st.electionId, st.groupId, st.mixNode, n, width]);
  sh.add([group.encode(group.generator), group.encode(H0), st.pk]);
  for (const list of [inputs, outputs]) for (const ct of list) for (const b of ct) sh.add(b);
  for (const c of commitments) sh.add(c);
  const seed = sh.digest();
  const u: bigint[] = [];
  for (let j = 1; j <= n; j++) u.push(hashToScalar(q, LABELS.shuffleU, [seed, j]));
  const ch = createHasher(LABELS.shuffleChallenge);
  ch.add(seed);
  for (const c of chain) ch.add(c);
  ch.add([t1, t2, t3]);
  for (const pair of t4) ch.add(pair);
  for (const t of tHat) ch.add(t);
  const c = bytesToScalar(ch.digest(), q);

  // Random weights: γ₁, γ₂, γ₃ for (1)–(3), γa_w, γb_w for (4), ρᵢ for (5).
  const [g1, g2, g3] = [random128(), random128(), random128()];
  const ga = s4.map(() => random128());
  const gb = s4.map(() => random128());
  const rho = Array.from({ length: n }, random128);
  const uProd = u.reduce((acc, x) => (acc * x) % q, 1n);
  const m = (x: bigint): bigint => ((x % q) + q) % q;
  let gCoeff = m(g1 * s1 + g2 * s2 + g3 * s3 + rho.reduce((acc, r, i) => acc + r * (sHat[i] ?? 0n), 0n));
  let pkCoeff = 0n;
  s4.forEach((s, w) => {
    gCoeff = m(gCoeff - (ga[w] ?? 0n) * s);
    pkCoeff = m(pkCoeff - (gb[w] ?? 0n) * s);
  });
  const small: Uint8Array[] = [group.encode(group.generator), st.pk, t1, t2, t3, ...t4.flat(), group.encode(H0)];
  const smallScalars: bigint[] = [
    gCoeff,
    pkCoeff,
    q - g1,
    q - g2,
    q - g3,
    ...t4.flatMap((_, w) => [q - (ga[w] ?? 0n), q - (gb[w] ?? 0n)]),
    m(-g2 * c * uProd + (rho[0] ?? 0n) * (sPrime[0] ?? 0n)),
  ];

  const jobs: MsmJob[] = [{ points: small, scalars: smallScalars }];
  const per = Math.max(256, Math.ceil(n / (msm.parallelism * 8)));
  for (let lo = 0; lo < n; lo += per) {
    const hi = Math.min(n, lo + per);
    const points: Uint8Array[] = [];
    const scalars: bigint[] = [];
    const gens: bigint[] = [];
    for (let i = lo; i < hi; i++) {
      const uc = m((u[i] ?? 0n) * c);
      const sp = sPrime[i] ?? 0n;
      points.push(commitments[i] ?? new Uint8Array(0), chain[i] ?? new Uint8Array(0), tHat[i] ?? new Uint8Array(0));
      const chainCoeff = (rho[i] ?? 0n) * c + (rho[i + 1] ?? 0n) * (sPrime[i + 1] ?? 0n) + (i === n - 1 ? g2 * c : 0n);
      scalars.push(m(g1 * c + g3 * uc), m(chainCoeff), q - (rho[i] ?? 0n));
      gens.push(m(-g1 * c + g3 * sp));
      for (let w = 0; w < width; w++) {
        points.push(
          inputs[i]?.[2 * w] ?? new Uint8Array(0),
          inputs[i]?.[2 * w + 1] ?? new Uint8Array(0),
          outputs[i]?.[2 * w] ?? new Uint8Array(0),
          outputs[i]?.[2 * w + 1] ?? new Uint8Array(0),
        );
        scalars.push(m((ga[w] ?? 0n) * uc), m((gb[w] ?? 0n) * uc), m((ga[w] ?? 0n) * sp), m((gb[w] ?? 0n) * sp));
      }
    }
    jobs.push({ points, scalars, generatorsFrom: lo, generatorScalars: gens });
  }
  const partials = await msm.run(jobs);
  let total = group.identity;
  for (const part of partials) {
    const p = part === undefined ? undefined : group.decode(part);
    if (p === undefined) return 'not-a-group-element';
    total = group.add(total, p);
  }
  return group.isIdentity(total) ? undefined : 'equations';
}

export async function checkShuffle<P>(s: State<P>, payload: unknown, loc: string): Promise<void> {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const mixNode = int(field(o, 'mixNode', loc), loc);
  const trustee = int(field(o, 'trustee', loc), loc);
  const where = `${loc} (group ${groupId}, mix node ${String(mixNode)}, trustee ${String(trustee)})`;
  const mixers = s.mixers.get(groupId) ?? new Set<number>();
  ensure(
    s.qualified.includes(trustee),
    'shuffle-input',
    where,
    'the mixer is not a qualified trustee of the key ceremony',
  );
  ensure(
    !mixers.has(trustee),
    'shuffle-input',
    where,
    'the same trustee shuffled this group twice (one mixer is no mix)',
  );
  const inputs = s.current.get(groupId);
  ensure(inputs !== undefined, 'shuffle-input', where, 'shuffle before the group input');
  ensure(mixNode === (s.mixNodes.get(groupId) ?? 0) + 1, 'shuffle-input', where, 'mix nodes out of order');
  ensure(
    !s.decoded.has(groupId) && !s.validPartials.has(groupId),
    'shuffle-input',
    where,
    'shuffle after decryption started',
  );
  const outputs = arr(field(o, 'outputs', where), where).map((ct, i) =>
    arr(ct, `${where} output #${String(i)}`).map((b) => bytes(b, `${where} output #${String(i)}`)),
  );
  ensure(s.pk !== undefined, 'completeness', where, 'no election key');
  const failed = await verifyShuffleProof(
    s.group,
    { electionId: s.electionId, groupId, mixNode, pk: s.group.encode(s.pk) },
    inputs,
    outputs,
    field(o, 'proof', where),
    `${where} proof`,
    s.msm,
  );
  ensure(
    failed === undefined,
    'shuffle-proof',
    where,
    `shuffle proof fails (${failed ?? ''}): outputs are not a proven re-encryption of the inputs`,
  );
  const signingKey = s.ceremony?.signingKeys.get(trustee);
  if (s.ceremony !== undefined) {
    const body = {
      electionId: s.electionId,
      groupId,
      mixNode,
      trustee,
      outputs: rowsDigest(outputs),
      proof: proofDigest(field(o, 'proof', where)),
    };
    ensure(
      ed25519Valid(signingKey ?? '', 'isoloir/v1/shuffle-upload', body, field(o, 'signature', where) as string | null),
      'shuffle-input',
      where,
      'the shuffle is not signed by its trustee’s registered key',
    );
  }
  s.current.set(groupId, outputs);
  s.mixNodes.set(groupId, mixNode);
  s.mixers.set(groupId, mixers.add(trustee));
  s.shuffles++;
}
