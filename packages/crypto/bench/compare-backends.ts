/**
 * NODE-ONLY backend comparison (single thread, inline runner): raw operations and a whole
 * shuffle + proof of N width-1 ciphertexts on each backend.
 * Run: node packages/crypto/bench/compare-backends.ts [N]
 */
import { createRistretto255Noble } from '../src/group/ristretto255-noble.ts';
import { createSecp256k1Noble } from '../src/group/secp256k1-noble.ts';
import { createSecp256k1Mcl } from '../src/group/secp256k1-mcl.ts';
import { randomScalar } from '../src/group/scalar.ts';
import { inlineRunner } from '../src/parallel/runner.ts';
import { shuffleAndProve } from '../src/shuffle/shuffle-prove.ts';
import { generators } from '../src/shuffle/generators.ts';
import type { Group } from '../src/group/group.ts';

function perSecond(count: number, fn: () => void): number {
  const t0 = performance.now();
  fn();
  return Math.round(count / ((performance.now() - t0) / 1000));
}

async function compare(group: Group<unknown>, n: number): Promise<Record<string, number | string>> {
  const ks = Array.from({ length: 300 }, () => randomScalar(group.order));
  const p = group.mulBase(randomScalar(group.order));
  const pts = ks.map((k) => group.mulBase(k));
  const pk = group.mulBase(randomScalar(group.order));
  const inputs = Array.from({ length: n }, () => [
    group.encode(group.mulBase(randomScalar(group.order))),
    group.encode(group.mulBase(randomScalar(group.order))),
  ]);
  generators(group, 0, n);
  const t0 = performance.now();
  await shuffleAndProve(
    group,
    inlineRunner(group),
    { electionId: 'cmp', groupId: 'g', mixNode: 1 },
    group.encode(pk),
    inputs,
  );
  const shuffle = Math.round(n / ((performance.now() - t0) / 1000));
  return {
    backend: `${group.name}/${group.backend}`,
    random_base_mul_per_s: perSecond(ks.length, () => {
      for (const k of ks) group.mul(p, k);
    }),
    fixed_base_mul_per_s: perSecond(ks.length, () => {
      for (const k of ks) group.mulBase(k);
    }),
    add_per_s: perSecond(20000, () => {
      let a = p;
      for (let i = 0; i < 20000; i++) a = group.add(a, p);
    }),
    msm_points_per_s: perSecond(ks.length, () => {
      group.msm(pts, ks);
    }),
    decode_per_s: perSecond(pts.length, () => {
      for (const q of pts) group.decode(group.encode(q));
    }),
    shuffle_prove_per_s_one_core: shuffle,
  };
}

const n = Number(process.argv[2] ?? 300);
for (const g of [createRistretto255Noble(), createSecp256k1Noble(), await createSecp256k1Mcl()] as Group<unknown>[]) {
  process.stdout.write(`${JSON.stringify(await compare(g, n))}\n`);
}
