// What a trustee does at counting, on their own machine, with their key share: first compare the
// ceremony the server serves with the one pinned in the share file (ceremony-mismatch) and take the
// election key, the threshold, the qualified set and every trustee's signing key from the pin only;
// then for each group, fetch the current ciphertexts, shuffle with proof, sign, upload; then, before
// any partial decryption, check the group (trustee-checks.ts) and decrypt with proof, sign, upload.
// Resumable: the server's state says what is done; anything done is skipped.
import {
  hexToScalar,
  partialDecryptBulk,
  scalarToHex,
  shuffleAndProve,
  type Group,
  type Runner,
} from '@isoloir/crypto';
import type { GroupWork, PartialUpload, PublishedGroup, ShuffleChecker, ShuffleUpload } from '@isoloir/server/counting';
import {
  fromHex,
  partialSigningBody,
  rowsDigest,
  shuffleProofJson,
  shuffleSigningBody,
  SIGNING_LABELS,
  unpackRows,
} from '@isoloir/server/counting';
import { progress, type ProgressStream } from '../../progress.ts';
import type { TrusteeShare } from '../ceremony/share-file.ts';
import { checkGroupBeforeDecrypting, type ChainLink } from './trustee-checks.ts';
import {
  checkAgainstPin,
  pinnedTrustees,
  CeremonyMismatch,
  type CeremonyPin,
  type ServedKey,
} from '../ceremony/pin.ts';
import type { Transcript } from '../ceremony/board-client.ts';

/** The server as a trustee sees it. */
export interface CountingService {
  groups(): Promise<GroupWork[]>;
  current(groupId: string): Promise<{ mixNodes: number; blob: Uint8Array }>;
  /** The key as the server serves it (group, election key, threshold, verification keys). */
  key(): Promise<ServedKey>;
  /** The ceremony transcript and the key as the server serves them (compared with the pin, never used as such). */
  served(): Promise<{ transcript: Transcript; key: ServedKey }>;
  /** The group's published ballots, cancellations and anonymised input. */
  publishedGroup(groupId: string): Promise<PublishedGroup>;
  /** The group's chain of shuffles. */
  shuffleChain(groupId: string): Promise<ChainLink[]>;
  uploadShuffle(up: ShuffleUpload): Promise<void>;
  uploadPartial(up: PartialUpload): Promise<void>;
}

/** The proof's JSON form (moved to the server's counting package, which the browser tests share). */
export { shuffleProofJson };

export interface TrusteeContext {
  readonly group: Group<unknown>;
  readonly runner: Runner;
  readonly share: TrusteeShare;
  readonly service: CountingService;
  /** The shuffle proof check (@isoloir/verifier's), used before decrypting. */
  readonly checkShuffle: ShuffleChecker;
  readonly stream?: ProgressStream;
  /** Digests of the outputs this trustee uploaded in this run, per group (its own shuffle must be in the chain). */
  readonly ownShuffles?: Map<string, string>;
  /** Called after each group with the seconds its shuffle (or decryption) took. */
  readonly onTiming?: (what: 'shuffle' | 'decrypt', groupId: string, ciphertexts: number, seconds: number) => void;
}

/**
 * The ceremony pinned in the share file, once what the server serves now is found equal to it
 * (CeremonyMismatch otherwise, before anything is sent).
 */
export async function pinnedCeremony(share: TrusteeShare, service: CountingService): Promise<CeremonyPin> {
  const pin = share.ceremony;
  if (pin === null)
    throw new CeremonyMismatch(
      'a ceremony',
      'to count with',
      'nothing: this share file pins no finished ceremony (keygen stopped before the election key was published)',
    );
  const mine = pin.keys.find((k) => k.trustee === share.trustee);
  if (mine?.verificationKey !== share.verificationKey || mine.signingKey !== share.signingKey)
    throw new CeremonyMismatch(
      `trustee ${String(share.trustee)}’s keys`,
      'of this share',
      'other keys: the file is damaged',
    );
  checkAgainstPin(pin, await service.served());
  return pin;
}

/** The groups this trustee may shuffle now: with ballots, short of t shuffles, not shuffled by it yet. */
export function toShuffle(groups: readonly GroupWork[], threshold: number, trustee: number): GroupWork[] {
  return groups.filter((g) => g.ballots > 0 && g.shuffles < threshold && !g.shuffledBy.includes(trustee));
}

/** The groups this trustee may decrypt now: fully mixed, not decrypted by it yet, not counted. */
export function toDecrypt(groups: readonly GroupWork[], threshold: number, trustee: number): GroupWork[] {
  return groups.filter(
    (g) => g.ballots > 0 && g.shuffles >= threshold && !g.decryptedBy.includes(trustee) && !g.counted,
  );
}

/**
 * Shuffles one group with a proof, signs and uploads it; returns the digest of the outputs (the
 * trustee's own shuffle, which its decryption checks for in the chain) and the ciphertexts shuffled.
 */
export async function mixGroup(
  ctx: TrusteeContext,
  publicKey: string,
  groupId: string,
): Promise<{ digest: string; ciphertexts: number }> {
  const cur = await ctx.service.current(groupId);
  const inputs = unpackRows(cur.blob);
  const started = performance.now();
  const ctx2 = { electionId: ctx.share.electionId, groupId, mixNode: cur.mixNodes + 1 };
  const { outputs, proof } = await shuffleAndProve(ctx.group, ctx.runner, ctx2, fromHex(publicKey), inputs);
  ctx.onTiming?.('shuffle', groupId, inputs.length, (performance.now() - started) / 1000);
  const up = {
    electionId: ctx.share.electionId,
    groupId,
    trustee: ctx.share.trustee,
    mixNode: ctx2.mixNode,
    outputs,
    proof: shuffleProofJson(proof),
  };
  await ctx.service.uploadShuffle({
    ...up,
    signature: ctx.share.signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(up)),
  });
  const digest = rowsDigest(outputs);
  ctx.ownShuffles?.set(groupId, digest);
  return { digest, ciphertexts: inputs.length };
}

/** Shuffles every group this trustee has not shuffled yet while mixing is open. Returns how many. */
export async function mixAll(ctx: TrusteeContext): Promise<number> {
  const { threshold, publicKey } = await pinnedCeremony(ctx.share, ctx.service);
  const groups = toShuffle(await ctx.service.groups(), threshold, ctx.share.trustee);
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const bar = progress(`trustee ${String(ctx.share.trustee)} shuffle`, total, ctx.stream);
  let done = 0;
  for (const g of groups) {
    done += (await mixGroup(ctx, publicKey, g.groupId)).ciphertexts;
    bar.update(done);
  }
  bar.finish();
  return groups.length;
}

/**
 * Checks one fully mixed group (trustee-checks.ts) and only then decrypts this trustee's part with a
 * proof, signs and uploads it. Returns the ciphertexts decrypted.
 */
export async function decryptGroup(ctx: TrusteeContext, pin: CeremonyPin, groupId: string): Promise<number> {
  const secret = hexToScalar(ctx.share.secret, ctx.group.order);
  if (secret === undefined) throw new Error('the key share file holds no valid secret');
  const cur = await ctx.service.current(groupId);
  const cts = unpackRows(cur.blob);
  await checkGroupBeforeDecrypting({
    group: ctx.group,
    electionId: ctx.share.electionId,
    groupId,
    publicKey: fromHex(pin.publicKey),
    threshold: pin.threshold,
    me: ctx.share.trustee,
    mySigningKey: ctx.share.signingKey,
    ownShuffle: ctx.ownShuffles?.get(groupId),
    trustees: pinnedTrustees(pin),
    published: await ctx.service.publishedGroup(groupId),
    chain: await ctx.service.shuffleChain(groupId),
    toDecrypt: cts,
    checkShuffle: ctx.checkShuffle,
  });
  const started = performance.now();
  const pd = await partialDecryptBulk(
    ctx.group,
    ctx.runner,
    { electionId: ctx.share.electionId, groupId },
    ctx.share.trustee,
    secret,
    cts,
  );
  ctx.onTiming?.('decrypt', groupId, cts.length, (performance.now() - started) / 1000);
  const up = {
    electionId: ctx.share.electionId,
    groupId,
    trustee: ctx.share.trustee,
    shares: pd.shares,
    proof: { challenge: scalarToHex(pd.proof.challenge), response: scalarToHex(pd.proof.response) },
  };
  await ctx.service.uploadPartial({
    ...up,
    signature: ctx.share.signer.sign(SIGNING_LABELS.partial, partialSigningBody(up)),
  });
  return cts.length;
}

/** Partially decrypts, with proof, every fully mixed group this trustee has not decrypted yet, each after its checks. */
export async function decryptAll(ctx: TrusteeContext): Promise<number> {
  const pin = await pinnedCeremony(ctx.share, ctx.service);
  const groups = toDecrypt(await ctx.service.groups(), pin.threshold, ctx.share.trustee);
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const bar = progress(`trustee ${String(ctx.share.trustee)} decrypt`, total, ctx.stream);
  let done = 0;
  for (const g of groups) {
    done += await decryptGroup(ctx, pin, g.groupId);
    bar.update(done);
  }
  bar.finish();
  return groups.length;
}
