/**
 * Independent check of a Terelius–Wikström shuffle proof (PROTOCOL.md §6.3). The N equations
 * t̂ᵢ = c·ĉᵢ + ŝᵢ·G + s'ᵢ·ĉᵢ₋₁ are checked together as one random linear combination with the
 * verifier's own 128-bit random weights (a failure slips through with probability ≤ 2⁻¹²⁸).
 */
import type { Group } from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import { LABELS, bytesToScalar, createHasher, h0, hashToScalar, hs } from './hashes.ts';
import { arr, bytes, field, int, obj, point, scalar, str } from './read-json.ts';
import type { State } from './state.ts';

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

/** Returns undefined if the proof holds, otherwise the name of the failing equation. */
export function verifyShuffleProof<P>(group: Group<P>, st: ShuffleStatement, inputs: readonly (readonly Uint8Array[])[], outputs: readonly (readonly Uint8Array[])[], proofJson: unknown, loc: string): string | undefined {
  const q = group.order;
  const n = inputs.length;
  const width = (inputs[0]?.length ?? 0) / 2;
  const o = obj(proofJson, loc);
  const pts = (key: string): P[] => arr(field(o, key, loc), loc).map((v, i) => point(group, v, `${loc} ${key}[${String(i)}]`));
  const scs = (key: string): bigint[] => arr(field(o, key, loc), loc).map((v, i) => scalar(v, q, `${loc} ${key}[${String(i)}]`));
  const commitmentsRaw = arr(field(o, 'commitments', loc), loc).map((v) => bytes(v, loc));
  const chainRaw = arr(field(o, 'chain', loc), loc).map((v) => bytes(v, loc));
  const tHatRaw = arr(field(o, 'tHat', loc), loc).map((v) => bytes(v, loc));
  const commitments = pts('commitments');
  const chain = pts('chain');
  const tHat = pts('tHat');
  const t1 = point(group, field(o, 't1', loc), loc);
  const t2 = point(group, field(o, 't2', loc), loc);
  const t3 = point(group, field(o, 't3', loc), loc);
  const t4 = arr(field(o, 't4', loc), loc).map((pair) => arr(pair, loc).map((v) => point(group, v, loc)));
  const t4Raw = arr(field(o, 't4', loc), loc).map((pair) => arr(pair, loc).map((v) => bytes(v, loc)));
  const s1 = scalar(field(o, 's1', loc), q, loc);
  const s2 = scalar(field(o, 's2', loc), q, loc);
  const s3 = scalar(field(o, 's3', loc), q, loc);
  const s4 = scs('s4');
  const sHat = scs('sHat');
  const sPrime = scs('sPrime');
  if ([commitments, chain, tHat, sHat, sPrime].some((a) => a.length !== n) || t4.length !== width || s4.length !== width || t4.some((p) => p.length !== 2)) return 'proof-shape';
  if (outputs.length !== n || outputs.some((ct) => ct.length !== 2 * width) || inputs.some((ct) => ct.length !== 2 * width)) return 'ciphertext-shape';
  const dec = (list: readonly (readonly Uint8Array[])[]): P[][] =>
    list.map((ct, i) =>
      ct.map((b) => {
        const p = group.decode(b);
        if (p === undefined) fail('format', `${loc} ciphertext #${String(i)}`, 'not a group element');
        return p;
      }),
    );
  const e = dec(inputs);
  const e2 = dec(outputs);
  const H0 = h0(group);
  const h = hs(group, n);

  // Statement seed and challenges, exactly as PROTOCOL.md §6.2.
  const sh = createHasher(LABELS.shuffleStatement);
  sh.add([group.name, st.electionId, st.groupId, st.mixNode, n, width]);
  sh.add([group.encode(group.generator), group.encode(H0), st.pk]);
  for (const list of [inputs, outputs]) for (const ct of list) for (const b of ct) sh.add(b);
  for (const c of commitmentsRaw) sh.add(c);
  const seed = sh.digest();
  const u: bigint[] = [];
  for (let j = 1; j <= n; j++) u.push(hashToScalar(q, LABELS.shuffleU, [seed, j]));
  const ch = createHasher(LABELS.shuffleChallenge);
  ch.add(seed);
  for (const c of chainRaw) ch.add(c);
  ch.add([group.encode(t1), group.encode(t2), group.encode(t3)]);
  for (const pair of t4Raw) ch.add(pair);
  for (const t of tHatRaw) ch.add(t);
  const c = bytesToScalar(ch.digest(), q);
  const pk = group.decode(st.pk);
  if (pk === undefined) return 'public-key';
  const G = group.generator;
  const sum = (ps: readonly P[]): P => ps.reduce((acc, p) => group.add(acc, p), group.identity);

  // (1) t₁ = c·(Σcⱼ − Σhᵢ) + s₁·G
  const cBar = group.sub(sum(commitments), sum(h));
  if (!group.equals(t1, group.add(group.mul(cBar, c), group.mul(G, s1)))) return 't1';
  // (2) t₂ = c·(ĉ_N − (Πuⱼ)·H₀) + s₂·G
  const uProd = u.reduce((acc, x) => (acc * x) % q, 1n);
  const cHat = group.sub(chain[n - 1] ?? group.identity, group.mul(H0, uProd));
  if (!group.equals(t2, group.add(group.mul(cHat, c), group.mul(G, s2)))) return 't2';
  // (3) t₃ = c·Σuⱼcⱼ + s₃·G + Σs'ᵢhᵢ
  const t3Check = group.add(group.msm([...commitments, ...h, G], [...u.map((x) => (x * c) % q), ...sPrime, s3]), group.identity);
  if (!group.equals(t3, t3Check)) return 't3';
  // (4) per component: t₄ = c·Σuⱼeⱼ + Σs'ᵢe'ᵢ − s₄·(G, pk)
  for (let w = 0; w < width; w++) {
    const uc = u.map((x) => (x * c) % q);
    const col = (list: P[][], k: number): P[] => list.map((ct) => ct[2 * w + k] ?? group.identity);
    const s4w = s4[w] ?? 0n;
    const aCheck = group.msm([...col(e, 0), ...col(e2, 0), G], [...uc, ...sPrime, q - s4w]);
    const bCheck = group.msm([...col(e, 1), ...col(e2, 1), pk], [...uc, ...sPrime, q - s4w]);
    if (!group.equals(t4[w]?.[0] ?? group.identity, aCheck) || !group.equals(t4[w]?.[1] ?? group.identity, bCheck)) return `t4[${String(w)}]`;
  }
  // (5) Σρᵢ(c·ĉᵢ + ŝᵢ·G + s'ᵢ·ĉᵢ₋₁ − t̂ᵢ) = 0, ĉ₀ = H₀
  const rho = Array.from({ length: n }, random128);
  const points: P[] = [H0, ...chain, G, ...tHat];
  const coeff: bigint[] = [((rho[0] ?? 0n) * (sPrime[0] ?? 0n)) % q];
  for (let i = 0; i < n; i++) coeff.push(((rho[i] ?? 0n) * c + (rho[i + 1] ?? 0n) * (sPrime[i + 1] ?? 0n)) % q);
  coeff.push(rho.reduce((acc, r, i) => (acc + r * (sHat[i] ?? 0n)) % q, 0n));
  for (const r of rho) coeff.push(q - r);
  if (!group.isIdentity(group.msm(points, coeff))) return 'tHat';
  return undefined;
}

export function checkShuffle<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const mixNode = int(field(o, 'mixNode', loc), loc);
  const where = `${loc} (group ${groupId}, mix node ${String(mixNode)})`;
  const inputs = s.current.get(groupId);
  ensure(inputs !== undefined, 'shuffle-input', where, 'shuffle before the group input');
  ensure(mixNode === (s.mixNodes.get(groupId) ?? 0) + 1, 'shuffle-input', where, 'mix nodes out of order');
  ensure(!s.decoded.has(groupId) && !s.validPartials.has(groupId), 'shuffle-input', where, 'shuffle after decryption started');
  const outputs = arr(field(o, 'outputs', where), where).map((ct, i) => arr(ct, `${where} output #${String(i)}`).map((b) => bytes(b, `${where} output #${String(i)}`)));
  ensure(s.pk !== undefined, 'completeness', where, 'no election key');
  const failed = verifyShuffleProof(s.group, { electionId: s.electionId, groupId, mixNode, pk: s.group.encode(s.pk) }, inputs, outputs, field(o, 'proof', where), `${where} proof`);
  ensure(failed === undefined, 'shuffle-proof', where, `shuffle proof fails (${failed ?? ''}): outputs are not a proven re-encryption of the inputs`);
  s.current.set(groupId, outputs);
  s.mixNodes.set(groupId, mixNode);
  s.shuffles++;
}
