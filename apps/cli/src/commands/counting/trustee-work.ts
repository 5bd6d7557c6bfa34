// What a trustee does at counting, on their own machine, with their key share: for each group,
// fetch the current ciphertexts, shuffle with proof, upload; then partial decryption with proof.
// Resumable: the server's state says what is done; anything done is skipped.
import { hexToScalar, partialDecryptBulk, scalarToHex, shuffleAndProve, type Group, type Runner } from '@isoloir/crypto';
import type { GroupWork, PartialUpload, ShuffleUpload } from '@isoloir/server/counting';
import type { TrusteeShareFile } from '@isoloir/server/counting';
import { fromHex, shuffleProofJson, unpackRows } from '@isoloir/server/counting';
import { progress, type ProgressStream } from '../../progress.ts';

/** The server as a trustee sees it (HTTP client, or in-process for the offline demo). */
export interface CountingService {
  groups(): Promise<GroupWork[]>;
  current(groupId: string): Promise<{ mixNodes: number; blob: Uint8Array }>;
  publicKey(): Promise<{ publicKey: string; threshold: number }>;
  uploadShuffle(up: ShuffleUpload): Promise<void>;
  uploadPartial(up: PartialUpload): Promise<void>;
}

/** The proof's JSON form (moved to the server's counting package, which the browser tests share). */
export { shuffleProofJson };

export interface TrusteeContext {
  readonly group: Group<unknown>;
  readonly runner: Runner;
  readonly share: TrusteeShareFile;
  readonly service: CountingService;
  readonly stream?: ProgressStream;
  /** Called after each group with the seconds its shuffle (or decryption) took. */
  readonly onTiming?: (what: 'shuffle' | 'decrypt', groupId: string, ciphertexts: number, seconds: number) => void;
}

/** Shuffles every group this trustee has not shuffled yet while mixing is open. Returns how many. */
export async function mixAll(ctx: TrusteeContext): Promise<number> {
  const { threshold, publicKey } = await ctx.service.publicKey();
  const groups = (await ctx.service.groups()).filter((g) => g.ballots > 0 && g.shuffles < threshold && !g.shuffledBy.includes(ctx.share.trustee));
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const bar = progress(`trustee ${String(ctx.share.trustee)} shuffle`, total, ctx.stream);
  let done = 0;
  for (const g of groups) {
    const cur = await ctx.service.current(g.groupId);
    const inputs = unpackRows(cur.blob);
    const started = performance.now();
    const ctx2 = { electionId: ctx.share.electionId, groupId: g.groupId, mixNode: cur.mixNodes + 1 };
    const { outputs, proof } = await shuffleAndProve(ctx.group, ctx.runner, ctx2, fromHex(publicKey), inputs);
    ctx.onTiming?.('shuffle', g.groupId, inputs.length, (performance.now() - started) / 1000);
    await ctx.service.uploadShuffle({ electionId: ctx.share.electionId, groupId: g.groupId, trustee: ctx.share.trustee, mixNode: ctx2.mixNode, outputs, proof: shuffleProofJson(proof) });
    done += inputs.length;
    bar.update(done);
  }
  bar.finish();
  return groups.length;
}

/** Partially decrypts, with proof, every fully mixed group this trustee has not decrypted yet. */
export async function decryptAll(ctx: TrusteeContext): Promise<number> {
  const { threshold } = await ctx.service.publicKey();
  const groups = (await ctx.service.groups()).filter((g) => g.ballots > 0 && g.shuffles >= threshold && !g.decryptedBy.includes(ctx.share.trustee) && !g.counted);
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const bar = progress(`trustee ${String(ctx.share.trustee)} decrypt`, total, ctx.stream);
  const secret = hexToScalar(ctx.share.secret, ctx.group.order);
  if (secret === undefined) throw new Error('the key share file holds no valid secret');
  let done = 0;
  for (const g of groups) {
    const cur = await ctx.service.current(g.groupId);
    const cts = unpackRows(cur.blob);
    const started = performance.now();
    const pd = await partialDecryptBulk(ctx.group, ctx.runner, { electionId: ctx.share.electionId, groupId: g.groupId }, ctx.share.trustee, secret, cts);
    ctx.onTiming?.('decrypt', g.groupId, cts.length, (performance.now() - started) / 1000);
    await ctx.service.uploadPartial({ electionId: ctx.share.electionId, groupId: g.groupId, trustee: ctx.share.trustee, shares: pd.shares, proof: { challenge: scalarToHex(pd.proof.challenge), response: scalarToHex(pd.proof.response) } });
    done += cts.length;
    bar.update(done);
  }
  bar.finish();
  return groups.length;
}
