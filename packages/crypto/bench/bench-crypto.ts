/**
 * NODE-ONLY benchmark of the bulk operations on the bulk backend, all cores in use.
 * ideal_ratio[k] = (naive operation count × 1/raw_scalar_mults_per_s ÷ cores) / measured time:
 * 1 means "as fast as doing every naive scalar multiplication at the raw speed on every core";
 * above 1, fixed-base tables and multi-scalar multiplication beat the naive count.
 */
import { availableParallelism } from 'node:os';
import { loadGroup } from '../src/group/load-group.ts';
import { randomScalar, bytesToHex } from '../src/group/scalar.ts';
import { createWorkerPool } from '../src/node/node-worker-pool.ts';
import { chunkRanges } from '../src/parallel/runner.ts';
import { shuffleAndProve, type EncodedCiphertext } from '../src/shuffle/shuffle-prove.ts';
import { combineBulk, partialDecryptBulk, verifyPartialDecryptionBulk } from '../src/decrypt/decrypt-bulk.ts';
import { deal, electionPublicKey, trusteeKey } from '../src/keygen/dkg.ts';
import { shufflePayload } from '../src/record/payloads.ts';
import { decodeBallot, type BallotLayout, type PlainBallot } from '../src/encoding/ballot-codec.ts';
import { extractEncoded } from '../src/encoding/extract-encoded.ts';
import type { Json } from '../src/record/canonical-json.ts';

export interface BenchOptions {
  readonly ciphertexts: number;
  readonly width: number;
  readonly threads?: number;
  readonly progress?: (message: string) => void;
  /** Optional independent shuffle verifier (the CLI passes @isoloir/verifier's). */
  readonly verifyShuffle?: (
    inputs: readonly EncodedCiphertext[],
    outputs: readonly EncodedCiphertext[],
    proof: Json,
    pk: Uint8Array,
    mixNode: number,
  ) => Promise<boolean> | boolean;
}

export interface BenchResult {
  readonly ciphertexts: number;
  readonly width: number;
  readonly cores: number;
  readonly group: string;
  readonly backend: string;
  readonly raw_scalar_mults_per_s: number;
  readonly ballot_proof_verify_per_s: number;
  readonly shuffle_prove_per_s: number;
  readonly shuffle_verify_per_s: number | null;
  readonly decrypt_per_s: number;
  readonly ideal_ratio: Record<string, number | null>;
  readonly seconds: Record<string, number>;
}

function layoutForWidth(width: number): BallotLayout {
  // 5 header bytes + bitsets; width w holds 28·w bytes.
  const bytes = 28 * width - 5;
  return {
    maxListNumber: 40,
    maxEffectives: 8 * Math.floor(bytes / 2),
    maxSubstitutes: 8 * (bytes - Math.floor(bytes / 2)),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, (performance.now() - t0) / 1000];
}

export async function runCryptoBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.progress ?? (() => undefined);
  const n = opts.ciphertexts;
  const width = opts.width;
  const cores = opts.threads ?? availableParallelism();
  const group = await loadGroup('secp256k1', 'mcl');
  const pool = createWorkerPool('secp256k1', 'mcl', cores);
  try {
    // Raw speed: random-base multiplications on one core.
    let p = group.mulBase(randomScalar(group.order));
    const k = randomScalar(group.order);
    const t0 = performance.now();
    let mults = 0;
    while (performance.now() - t0 < 1000) {
      p = group.mul(p, k);
      mults++;
    }
    const raw = mults / ((performance.now() - t0) / 1000);
    log(`raw random-base scalar multiplication: ${raw.toFixed(0)}/s per core, ${String(cores)} cores`);
    const idealSeconds = (ops: number): number => ops / (raw * cores);

    // Key (1 dealer suffices for speed; threshold 2 of 3 for decryption).
    const params = { electionId: 'bench', threshold: 2, trustees: 3 };
    const dealt = [1, 2, 3].map((i) => deal(group, params, i));
    const qualified = [1, 2, 3];
    const pk = electionPublicKey(
      group,
      dealt.map((d) => d.published),
      qualified,
    );
    const pkBytes = group.encode(pk);
    const keys = [1, 2].map((j) =>
      trusteeKey(group, params, j, new Map(dealt.map((d) => [d.published.dealer, d.shares[j - 1] ?? 0n])), qualified),
    );
    const layout = layoutForWidth(width);
    const plains: PlainBallot[] = Array.from({ length: n }, (_, i) => ({
      kind: 'list',
      list: 1 + (i % 40),
      headBox: i % 3 === 0,
      effectives: [1 + (i % 7)],
      substitutes: [],
    }));

    log(`encrypting ${String(n)} ballots of width ${String(width)} (setup, not measured)…`);
    const ranges = chunkRanges(n, cores, 512);
    const contexts = plains.map((_, i) => ({
      electionId: 'bench',
      constituency: 'bench',
      voterId: `v${String(i)}`,
      ballotId: `b${String(i)}`,
    }));
    const encrypted = (
      await pool.run(
        'encryptBallots',
        ranges.map(([lo, hi]) => ({
          pk: pkBytes,
          layout,
          ballots: plains.slice(lo, hi).map((plain, i) => ({
            context: contexts[lo + i] ?? { electionId: '', constituency: '', voterId: '', ballotId: '' },
            plain,
          })),
        })),
      )
    ).flat();

    log('verifying ballot proofs…');
    const [checks, tBallots] = await timed(() =>
      pool.run(
        'checkBallotProofs',
        ranges.map(([lo, hi]) => ({
          pk: pkBytes,
          ballots: encrypted.slice(lo, hi).map((b, i) => ({
            context: contexts[lo + i] ?? { electionId: '', constituency: '', voterId: '', ballotId: '' },
            ciphertexts: b.ciphertexts,
            challenge: b.challenge,
            responses: b.responses,
          })),
        })),
      ),
    );
    if (checks.flat().some((c) => !c)) throw new Error('bench: a ballot proof failed');

    const inputs: EncodedCiphertext[] = encrypted.map((b) => b.ciphertexts);
    log('warming up generators and tables…');
    await shuffleAndProve(
      group,
      pool,
      { electionId: 'bench', groupId: 'warm', mixNode: 1 },
      pkBytes,
      inputs.slice(0, Math.min(n, cores * 512)),
    );
    log(`shuffling and proving ${String(n)} ciphertexts…`);
    const [shuffled, tShuffle] = await timed(() =>
      shuffleAndProve(group, pool, { electionId: 'bench', groupId: 'g', mixNode: 1 }, pkBytes, inputs),
    );

    let tVerify: number | null = null;
    if (opts.verifyShuffle !== undefined) {
      const verify = opts.verifyShuffle;
      log('verifying the shuffle proof (independent verifier)…');
      const payload = shufflePayload('g', 1, shuffled.outputs, shuffled.proof) as { proof: Json };
      const [okShuffle, t] = await timed(async () => verify(inputs, shuffled.outputs, payload.proof, pkBytes, 1));
      if (!okShuffle) throw new Error('bench: shuffle proof rejected');
      tVerify = t;
    }

    log('threshold decryption by 2 trustees with proofs, verification, combination and decoding…');
    const ctx = { electionId: 'bench', groupId: 'g' };
    const [decoded, tDecrypt] = await timed(async () => {
      const partials = [];
      for (const key of keys) {
        const pd = await partialDecryptBulk(group, pool, ctx, key.trustee, key.secret, shuffled.outputs);
        if (!(await verifyPartialDecryptionBulk(group, pool, ctx, key.verificationKey, shuffled.outputs, pd)))
          throw new Error('bench: partial decryption rejected');
        partials.push(pd);
      }
      const combined = await combineBulk(group, pool, 2, shuffled.outputs, partials);
      if (!combined.ok) throw new Error(combined.error);
      return combined.value.map((row) =>
        decodeBallot(
          layout,
          row.map((m) => extractEncoded(group.name, m)),
        ),
      );
    });
    if (decoded.some((d) => d.kind !== 'list')) throw new Error('bench: decoding failed');
    log(
      `check: first output decodes to ${bytesToHex(new TextEncoder().encode(JSON.stringify(decoded[0])).slice(0, 0))}${JSON.stringify(decoded[0])}`,
    );

    const rate = (t: number): number => Math.round(n / t);
    const ratio = (ops: number, t: number): number => Math.round((idealSeconds(ops) / t) * 100) / 100;
    return {
      ciphertexts: n,
      width,
      cores,
      group: group.name,
      backend: group.backend,
      raw_scalar_mults_per_s: Math.round(raw),
      ballot_proof_verify_per_s: rate(tBallots),
      shuffle_prove_per_s: rate(tShuffle),
      shuffle_verify_per_s: tVerify === null ? null : rate(tVerify),
      decrypt_per_s: rate(tDecrypt),
      ideal_ratio: {
        ballot_proof_verify: ratio(n * 2 * width, tBallots),
        shuffle_prove: ratio(n * (6 + 4 * width), tShuffle),
        shuffle_verify: tVerify === null ? null : ratio(n * (5 + 4 * width), tVerify),
        decrypt: ratio(n * 6 * 2 * width, tDecrypt),
      },
      seconds: {
        ballot_proof_verify: tBallots,
        shuffle_prove: tShuffle,
        shuffle_verify: tVerify ?? 0,
        decrypt: tDecrypt,
      },
    };
  } finally {
    await pool.close();
  }
}
