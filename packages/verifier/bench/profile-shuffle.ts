/**
 * NODE-ONLY profiling harness (not part of the API): shuffle + proof and the independent
 * verification at N ciphertexts on T worker threads, with the time of each step on stderr.
 *   node packages/verifier/bench/profile-shuffle.ts N [T] [setup|prove|all]
 * Use under `node --cpu-prof` or `valgrind --tool=callgrind` (instruction counts are repeatable
 * on a loaded machine, wall-clock figures are not; CPU seconds of all threads are printed too).
 */
import {
  bytesToHex,
  chunkRanges,
  loadGroup,
  loadNodeWorkerPool,
  randomScalar,
  scalarToHex,
  shuffleAndProve,
  type EncodedCiphertext,
  type ShuffleProof,
} from '@isoloir/crypto';
import { verifyShuffleProof } from '../src/check-shuffle.ts';
import { createMsmPool } from '../src/node/msm-pool.ts';

/** The proof as it appears in the record (PROTOCOL.md §6, README "shuffle" entry). */
function proofJson(p: ShuffleProof): unknown {
  const hex = bytesToHex;
  return {
    commitments: p.commitments.map(hex),
    chain: p.chain.map(hex),
    t1: hex(p.t1),
    t2: hex(p.t2),
    t3: hex(p.t3),
    t4: p.t4.map(([a, b]) => [hex(a), hex(b)]),
    tHat: p.tHat.map(hex),
    s1: scalarToHex(p.s1),
    s2: scalarToHex(p.s2),
    s3: scalarToHex(p.s3),
    s4: p.s4.map(scalarToHex),
    sHat: p.sHat.map(scalarToHex),
    sPrime: p.sPrime.map(scalarToHex),
  };
}

const n = Number(process.argv[2] ?? '4000');
const threads = Number(process.argv[3] ?? '2');
/** 'setup' | 'prove' | 'all': stop early, so that instruction counts can be split by step. */
const mode = process.argv[4] ?? 'all';
const group = await loadGroup('secp256k1', 'mcl');
const pool = (await loadNodeWorkerPool()).createWorkerPool('secp256k1', 'mcl', threads);
const msm = createMsmPool('secp256k1', threads);
try {
  const pkBytes = group.encode(group.mulBase(randomScalar(group.order)));
  const ranges = chunkRanges(n, threads, 512);
  const layout = { maxListNumber: 40, maxEffectives: 88, maxSubstitutes: 96 };
  const encrypted = (
    await pool.run(
      'encryptBallots',
      ranges.map(([lo, hi]) => ({
        pk: pkBytes,
        layout,
        ballots: Array.from({ length: hi - lo }, (_, i) => ({
          context: {
            electionId: 'p',
            constituency: 'p',
            voterId: `v${String(lo + i)}`,
            ballotId: `b${String(lo + i)}`,
          },
          plain: { kind: 'list' as const, list: 1 + ((lo + i) % 40), headBox: false, effectives: [1], substitutes: [] },
        })),
      })),
    )
  ).flat();
  const inputs: EncodedCiphertext[] = encrypted.map((b) => b.ciphertexts);
  await shuffleAndProve(
    group,
    pool,
    { electionId: 'p', groupId: 'warm', mixNode: 1 },
    pkBytes,
    inputs.slice(0, Math.min(n, 512)),
  );
  if (mode === 'setup') process.exit(0);
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  const res = await shuffleAndProve(group, pool, { electionId: 'p', groupId: 'g', mixNode: 1 }, pkBytes, inputs);
  const tProve = (performance.now() - t0) / 1000;
  const cProve = process.cpuUsage(c0);
  if (mode === 'prove') process.exit(0);
  const proof = proofJson(res.proof);
  c0 = process.cpuUsage();
  t0 = performance.now();
  const failed = await verifyShuffleProof(
    group,
    { electionId: 'p', groupId: 'g', mixNode: 1, pk: pkBytes },
    inputs,
    res.outputs,
    proof,
    'profile',
    msm,
  );
  const tVerify = (performance.now() - t0) / 1000;
  const cVerify = process.cpuUsage(c0);
  const cpu = (u: NodeJS.CpuUsage): number => Math.round((u.user + u.system) / 1e4) / 100;
  if (failed !== undefined) throw new Error(`verification failed: ${failed}`);
  process.stdout.write(
    `${JSON.stringify({ n, threads, prove_s: tProve, prove_per_s: Math.round(n / tProve), prove_cpu_s: cpu(cProve), verify_s: tVerify, verify_per_s: Math.round(n / tVerify), verify_cpu_s: cpu(cVerify) })}\n`,
  );
} finally {
  await pool.close();
  await msm.close();
}
