// `isoloir trustee keygen`: one trustee's part of the key ceremony (Pedersen DKG with complaints,
// packages/crypto/src/keygen/dkg.ts), run on the trustee's own machine against the server, which
// acts only as a bulletin board. Steps (the board's phases, ceremony-state.ts on the server):
//   1. make a signing key (Ed25519) and an encryption key (X25519); register them as trustee j;
//      print their fingerprint (ceremony/fingerprint.ts), for the other trustees, out of band;
//   1a. once every trustee is registered, compare the fingerprints of the others' registrations as
//      the server serves them with the ones obtained out of band (--peer-fingerprints FILE, or typed
//      in on a terminal); any difference stops here (check peer-fingerprint), before any share is
//      encrypted; from here on the board's registrations must stay exactly the confirmed ones;
//   2. deal: a random polynomial of degree t−1, its Feldman commitments with a proof of knowledge,
//      and fᵢ(k) encrypted to each other trustee k; post it, signed;
//   3. decrypt and check the share every other dealer sent; post the complaints ("checked");
//   4. when accused, answer by revealing the share sent to the accuser (anyone re-checks it);
//   5. over the qualified dealers Q: xⱼ = Σ sᵢⱼ; write it to the share file, encrypted under the
//      passphrase; post the verification key xⱼ·G with a proof of knowledge;
//   6. wait for the election key and check it is Σ_{i∈Q} Cᵢ₀; pin the finished ceremony (transcript
//      hash, qualified set, every trustee's signing and verification key, the election key and its
//      fingerprint: ceremony/pin.ts) in the share file, which `isoloir trustee` checks at every run.
// Every signature on the board is checked before anything is taken from it. The polynomial and the
// shares live only in this process's memory; the share file is the only thing written.
import {
  bigIntToBytes,
  bytesToBigInt,
  dkg,
  loadGroup,
  scalarToHex,
  type Group,
  type GroupName,
  type Json,
} from '@isoloir/crypto';
import {
  postBody,
  qualifiedOf,
  registrationBody,
  signatureValid,
  SIGNING_LABELS,
  type Board,
  type CeremonyPhase,
  type DealingPayload,
  type PostKind,
} from '@isoloir/server/counting';
import { boardClient, type BoardClient, type BoardView, type Transcript } from './board-client.ts';
import {
  appendOwnFingerprint,
  checkPeerFingerprints,
  FingerprintCheckFailed,
  formatFingerprint,
  promptPeerFingerprints,
  trusteeFingerprint,
  waitForFingerprintFile,
  type Ask,
  type RegisteredKeys,
} from './fingerprint.ts';
import { electionKeyFingerprint, pinOf, type CeremonyPin } from './pin.ts';
import { writeShareFile, SHARE_FORMAT, type TrusteeShare } from './share-file.ts';
import { decryptShare, encryptShare, newEncryptionKey, newSigningKey, type EncryptedShare } from './trustee-keys.ts';
import type { ServerSession } from '../counting/http-service.ts';

export interface KeygenOptions {
  readonly server: string;
  readonly electionId: string;
  readonly trustee: number;
  readonly session: ServerSession;
  readonly passphrase: string;
  /** Where to write the encrypted share file. */
  readonly out: string;
  /** DEMO-ONLY label written into the file (demo data only). */
  readonly warning?: string;
  readonly pollMs?: number;
  /** Give up waiting for the other trustees after this long (default 24 h). */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
  /** A file listing the other trustees' fingerprints, obtained out of band ("N xxxx xxxx …" a line); the tool waits until every other trustee is listed. */
  readonly peerFingerprints?: string;
  /** On a terminal: asks for each other trustee's fingerprint (used when no peerFingerprints file is given). */
  readonly ask?: Ask;
  /** Also append this trustee's own fingerprint line to this file (the demo's DEMO-ONLY exchange file). */
  readonly writeFingerprint?: string;
  /** TEST ONLY: the board as a malicious server would serve it (default: the server's, over HTTP). */
  readonly board?: BoardClient;
  /** TEST ONLY: a dishonest dealer changes the share it sends to a trustee (ceremony tests). */
  readonly tamper?: (to: number, share: bigint) => bigint;
}

export interface KeygenResult {
  readonly publicKey: string;
  /** The election key's fingerprint (hex), as pinned in the share file. */
  readonly keyFingerprint: string;
  /** This trustee's own registration fingerprint (hex). */
  readonly fingerprint: string;
  readonly pin: CeremonyPin;
  readonly qualified: readonly number[];
  readonly complaintsMade: readonly number[];
  readonly shareFile: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Checks every signature on the board against the registered keys; throws naming the first that fails. */
export function checkBoardSignatures(t: Transcript): void {
  for (const r of t.registrations) {
    if (!signatureValid(r.signingKey, SIGNING_LABELS.registration, registrationBody(t.electionId, r), r.signature))
      throw new Error(
        `check board-signatures: the registration of trustee ${String(r.trustee)} is not signed by its key`,
      );
  }
  for (const p of t.posts) {
    const key = t.registrations.find((r) => r.trustee === p.trustee)?.signingKey ?? '';
    if (!signatureValid(key, SIGNING_LABELS.post, postBody(t.electionId, p.trustee, p.kind, p.payload), p.signature))
      throw new Error(
        `check board-signatures: post ${String(p.seq)} (${p.kind}) is not signed by trustee ${String(p.trustee)}’s registered key`,
      );
  }
}

export function boardOf(t: Transcript): Board {
  return {
    electionId: t.electionId,
    group: t.group,
    threshold: t.threshold,
    trustees: t.trustees,
    answersClosed: false,
    keyPublished: t.publicKey !== null,
    registrations: t.registrations.map((r) => ({ ...r, officialId: '' })),
    posts: t.posts.map((p) => ({ ...p })),
  };
}

const sameRegistrations = (a: readonly RegisteredKeys[], b: readonly RegisteredKeys[]): boolean =>
  a.length === b.length &&
  a.every((r) =>
    b.some((x) => x.trustee === r.trustee && x.signingKey === r.signingKey && x.encryptionKey === r.encryptionKey),
  );

async function waitWhile(
  board: BoardClient,
  phases: readonly CeremonyPhase[],
  o: KeygenOptions,
  what: string,
  confirmed?: readonly RegisteredKeys[],
): Promise<BoardView> {
  const started = Date.now();
  let said = false;
  for (;;) {
    const view = await board.read();
    if (!phases.includes(view.phase)) {
      if (confirmed !== undefined && !sameRegistrations(view.transcript.registrations, confirmed)) {
        throw new Error(
          'check board-registrations: the board’s registrations are no longer the ones whose fingerprints were confirmed (a key was substituted)',
        );
      }
      checkBoardSignatures(view.transcript);
      return view;
    }
    if (!said) o.log?.(`trustee ${String(o.trustee)}: waiting for ${what} (phase ${view.phase})`);
    said = true;
    if (Date.now() - started > (o.timeoutMs ?? 24 * 3600_000))
      throw new Error(`gave up waiting for ${what} (phase ${view.phase})`);
    await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 1000));
  }
}

export async function runKeygen(o: KeygenOptions): Promise<KeygenResult> {
  const log = o.log ?? (() => undefined);
  if (o.peerFingerprints === undefined && o.ask === undefined) {
    throw new FingerprintCheckFailed(
      'the other trustees’ fingerprints, obtained from them out of band (phone, paper), are needed before dealing: --peer-fingerprints FILE, or run on a terminal to type them in',
    );
  }
  const board = o.board ?? boardClient(o.server, o.electionId, o.session, { log });
  const first = await board.read();
  const t = first.transcript;
  const group: Group<unknown> = await loadGroup(t.group as GroupName);
  const params = { electionId: o.electionId, threshold: t.threshold, trustees: t.trustees };
  if (o.trustee < 1 || o.trustee > t.trustees) throw new Error(`this ceremony has trustees 1 to ${String(t.trustees)}`);
  const j = o.trustee;
  const post = (kind: PostKind, payload: Json) =>
    board.post({
      kind,
      payload,
      signature: signer.sign(SIGNING_LABELS.post, postBody(o.electionId, j, kind, payload)),
    });

  // 1. Keys and registration.
  const signer = newSigningKey();
  const enc = newEncryptionKey();
  const reg = { trustee: j, signingKey: signer.publicHex, encryptionKey: enc.publicHex };
  await board.register({
    ...reg,
    signature: signer.sign(SIGNING_LABELS.registration, registrationBody(o.electionId, reg)),
  });
  const fingerprint = trusteeFingerprint(o.electionId, reg);
  log(
    `trustee ${String(j)}: registered. YOUR FINGERPRINT: ${formatFingerprint(fingerprint)}  (read it to the other trustees by phone or on paper, never through the server; they compare it before dealing)`,
  );
  if (o.writeFingerprint !== undefined) appendOwnFingerprint(o.writeFingerprint, j, fingerprint);

  // 1a. The others' fingerprints, obtained out of band, against the registrations the server serves.
  let view = await waitWhile(board, ['registering'], o, 'every trustee to register');
  const served = view.transcript.registrations;
  const own = served.find((r) => r.trustee === j);
  if (own === undefined || own.signingKey !== reg.signingKey || own.encryptionKey !== reg.encryptionKey)
    throw new FingerprintCheckFailed(
      `the server serves other keys than this trustee’s own under number ${String(j)}`,
      j,
    );
  const others = Array.from({ length: t.trustees }, (_, i) => i + 1).filter((k) => k !== j);
  const outOfBand =
    o.peerFingerprints !== undefined
      ? await waitForFingerprintFile(o.peerFingerprints, others, {
          pollMs: o.pollMs ?? 1000,
          timeoutMs: o.timeoutMs ?? 24 * 3600_000,
          log,
          who: `trustee ${String(j)}`,
        })
      : await promptPeerFingerprints(o.ask ?? (() => Promise.resolve('')), j, t.trustees);
  checkPeerFingerprints(o.electionId, served, outOfBand, j, t.trustees);
  const confirmed: RegisteredKeys[] = served.map((r) => ({
    trustee: r.trustee,
    signingKey: r.signingKey,
    encryptionKey: r.encryptionKey,
  }));
  log(`trustee ${String(j)}: the fingerprints of trustee(s) ${others.join(', ')} match the ones obtained out of band`);

  // 2. Dealing, to the confirmed encryption keys only.
  const dealt = dkg.deal(group, params, j);
  const sent = new Map<number, bigint>();
  const shares: EncryptedShare[] = [];
  for (const r of confirmed) {
    if (r.trustee === j) continue;
    const honest = dealt.shares[r.trustee - 1] ?? 0n;
    const share = o.tamper?.(r.trustee, honest) ?? honest;
    sent.set(r.trustee, share);
    shares.push(
      encryptShare(r.encryptionKey, { electionId: o.electionId, dealer: j, to: r.trustee }, bigIntToBytes(share, 32)),
    );
  }
  const dealing = {
    commitments: dealt.published.commitments.map((c) => hex(group.encode(c))),
    proof: {
      challenge: scalarToHex(dealt.published.proof.challenge),
      response: scalarToHex(dealt.published.proof.response),
    },
    shares,
  };
  await post('dealing', dealing as unknown as Json);
  log(`trustee ${String(j)}: dealt`);

  // 3. Check the shares received; complain about each that does not decrypt or does not check.
  view = await waitWhile(board, ['registering', 'dealing'], o, 'every dealing', confirmed);
  const received = new Map<number, bigint>([[j, dealt.shares[j - 1] ?? 0n]]);
  const complaints: number[] = [];
  const pubs = new Map<number, dkg.DealerPublic<unknown>>();
  for (const p of view.transcript.posts.filter((x) => x.kind === 'dealing' && x.trustee !== j)) {
    const d = p.payload as DealingPayload;
    const commitments = d.commitments.map((c) => group.decode(Buffer.from(c, 'hex')));
    const mine = d.shares.find((s) => s.to === j);
    const plain =
      mine === undefined ? undefined : decryptShare(enc, { electionId: o.electionId, dealer: p.trustee, to: j }, mine);
    const share = plain === undefined ? undefined : bytesToBigInt(plain);
    if (commitments.every((c) => c !== undefined))
      pubs.set(p.trustee, { dealer: p.trustee, commitments, proof: { challenge: 0n, response: 0n } });
    const pub = pubs.get(p.trustee);
    if (share === undefined || pub === undefined || share >= group.order || !dkg.checkShare(group, pub, j, share))
      complaints.push(p.trustee);
    else received.set(p.trustee, share);
  }
  await post('checked', { complaints });
  log(
    `trustee ${String(j)}: checked the shares received${complaints.length === 0 ? '' : `; complaint against dealer(s) ${complaints.join(', ')}`}`,
  );

  // 4. Answer the complaints against this dealer by revealing what was sent.
  view = await waitWhile(board, ['registering', 'dealing', 'checking'], o, 'every trustee’s check', confirmed);
  const accusers = view.transcript.posts
    .filter((p) => p.kind === 'checked' && (p.payload as { complaints: number[] }).complaints.includes(j))
    .map((p) => p.trustee);
  if (accusers.length > 0) {
    await post('answer', { revealed: accusers.map((to) => ({ to, share: scalarToHex(sent.get(to) ?? 0n) })) });
    log(`trustee ${String(j)}: answered the complaint(s) of ${accusers.join(', ')}`);
  }

  // 5. The qualified dealers, this trustee's key share, its verification key.
  view = await waitWhile(
    board,
    ['registering', 'dealing', 'checking', 'answering'],
    o,
    'the answers to complaints',
    confirmed,
  );
  if (view.phase === 'failed')
    throw new Error('the ceremony failed: fewer qualified dealers than the threshold (the PO must open a new one)');
  const b = boardOf(view.transcript);
  const qualified = qualifiedOf(group, b);
  for (const a of view.transcript.posts.filter((p) => p.kind === 'answer')) {
    const revealed = (a.payload as { revealed: { to: number; share: string }[] }).revealed.find((r) => r.to === j);
    if (revealed !== undefined && qualified.includes(a.trustee)) received.set(a.trustee, BigInt(`0x${revealed.share}`));
  }
  const key = dkg.trusteeKey(group, params, j, received, qualified);
  const expected = dkg.verificationKey(group, [...pubs.values(), dealt.published], qualified, j);
  if (!group.equals(expected, key.verificationKey))
    throw new Error('check key-share: the shares received do not add up to the verification key the commitments give');
  const share: TrusteeShare = {
    format: SHARE_FORMAT,
    ...(o.warning === undefined ? {} : { warning: o.warning }),
    electionId: o.electionId,
    group: group.name,
    trustee: j,
    threshold: t.threshold,
    trustees: t.trustees,
    verificationKey: hex(group.encode(key.verificationKey)),
    signingKey: signer.publicHex,
    secret: scalarToHex(key.secret),
    signer,
    ceremony: null,
  };
  writeShareFile(o.out, share, o.passphrase);
  await post('verification-key', {
    verificationKey: share.verificationKey,
    proof: { challenge: scalarToHex(key.proof.challenge), response: scalarToHex(key.proof.response) },
  });
  log(`trustee ${String(j)}: key share written to ${o.out} (encrypted); verification key posted`);

  // 6. The election key.
  view = await waitWhile(
    board,
    ['registering', 'dealing', 'checking', 'answering', 'keys'],
    o,
    'every verification key',
    confirmed,
  );
  const pk = dkg.electionPublicKey(group, [...pubs.values(), dealt.published], qualified);
  const publicKey = hex(group.encode(pk));
  if (view.transcript.publicKey !== publicKey)
    throw new Error(
      `check election-key: the published key ${String(view.transcript.publicKey)} is not the qualified dealers’ key ${publicKey}`,
    );
  const sorted = (xs: readonly number[]): string => [...xs].sort((a, b) => a - b).join(',');
  if (sorted(view.transcript.qualified ?? []) !== sorted(qualified))
    throw new Error(
      `check election-key: the board’s qualified trustees (${(view.transcript.qualified ?? []).join(', ')}) are not the ones this trustee computed (${qualified.join(', ')})`,
    );

  // The finished ceremony, pinned in the share file: every later run compares the server with it.
  const pin = pinOf(view.transcript);
  if (pin.keys.find((k) => k.trustee === j)?.verificationKey !== share.verificationKey)
    throw new Error('check election-key: the board does not carry this trustee’s verification key');
  writeShareFile(o.out, { ...share, ceremony: pin }, o.passphrase);
  log(
    `trustee ${String(j)}: the ceremony is pinned in ${o.out} (transcript ${pin.transcriptHash.slice(0, 16)}…, election key fingerprint ${formatFingerprint(pin.keyFingerprint)})`,
  );
  return {
    publicKey,
    keyFingerprint: electionKeyFingerprint(group.name, publicKey),
    fingerprint,
    pin,
    qualified,
    complaintsMade: complaints,
    shareFile: o.out,
  };
}
