// `isoloir trustee keygen`: one trustee's part of the key ceremony (Pedersen DKG with complaints,
// packages/crypto/src/keygen/dkg.ts), run on the trustee's own machine against the server, which
// acts only as a bulletin board. Steps (the board's phases, ceremony-state.ts on the server):
//   1. make a signing key (Ed25519) and an encryption key (X25519); register them as trustee j;
//   2. deal: a random polynomial of degree t−1, its Feldman commitments with a proof of knowledge,
//      and fᵢ(k) encrypted to each other trustee k; post it, signed;
//   3. decrypt and check the share every other dealer sent; post the complaints ("checked");
//   4. when accused, answer by revealing the share sent to the accuser (anyone re-checks it);
//   5. over the qualified dealers Q: xⱼ = Σ sᵢⱼ; write it to the share file, encrypted under the
//      passphrase; post the verification key xⱼ·G with a proof of knowledge;
//   6. wait for the election key and check it is Σ_{i∈Q} Cᵢ₀.
// Every signature on the board is checked before anything is taken from it. The polynomial and the
// shares live only in this process's memory; the share file is the only thing written.
import { bigIntToBytes, bytesToBigInt, dkg, loadGroup, scalarToHex, type Group, type GroupName, type Json } from '@isoloir/crypto';
import { postBody, qualifiedOf, registrationBody, signatureValid, SIGNING_LABELS, type Board, type CeremonyPhase, type DealingPayload, type PostKind } from '@isoloir/server/counting';
import { boardClient, type BoardClient, type BoardView, type Transcript } from './board-client.ts';
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
  /** TEST ONLY: a dishonest dealer changes the share it sends to a trustee (ceremony tests). */
  readonly tamper?: (to: number, share: bigint) => bigint;
}

export interface KeygenResult {
  readonly publicKey: string;
  readonly qualified: readonly number[];
  readonly complaintsMade: readonly number[];
  readonly shareFile: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Checks every signature on the board against the registered keys; throws naming the first that fails. */
export function checkBoardSignatures(t: Transcript): void {
  for (const r of t.registrations) {
    if (!signatureValid(r.signingKey, SIGNING_LABELS.registration, registrationBody(t.electionId, r), r.signature)) throw new Error(`check board-signatures: the registration of trustee ${String(r.trustee)} is not signed by its key`);
  }
  for (const p of t.posts) {
    const key = t.registrations.find((r) => r.trustee === p.trustee)?.signingKey ?? '';
    if (!signatureValid(key, SIGNING_LABELS.post, postBody(t.electionId, p.trustee, p.kind, p.payload), p.signature)) throw new Error(`check board-signatures: post ${String(p.seq)} (${p.kind}) is not signed by trustee ${String(p.trustee)}’s registered key`);
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

async function waitWhile(board: BoardClient, phases: readonly CeremonyPhase[], o: KeygenOptions, what: string): Promise<BoardView> {
  const started = Date.now();
  let said = false;
  for (;;) {
    const view = await board.read();
    if (!phases.includes(view.phase)) {
      checkBoardSignatures(view.transcript);
      return view;
    }
    if (!said) o.log?.(`trustee ${String(o.trustee)}: waiting for ${what} (phase ${view.phase})`);
    said = true;
    if (Date.now() - started > (o.timeoutMs ?? 24 * 3600_000)) throw new Error(`gave up waiting for ${what} (phase ${view.phase})`);
    await new Promise((resolve) => setTimeout(resolve, o.pollMs ?? 1000));
  }
}

export async function runKeygen(o: KeygenOptions): Promise<KeygenResult> {
  const log = o.log ?? (() => undefined);
  const board = boardClient(o.server, o.electionId, o.session, { log });
  const first = await board.read();
  const t = first.transcript;
  const group: Group<unknown> = await loadGroup(t.group as GroupName);
  const params = { electionId: o.electionId, threshold: t.threshold, trustees: t.trustees };
  if (o.trustee < 1 || o.trustee > t.trustees) throw new Error(`this ceremony has trustees 1 to ${String(t.trustees)}`);
  const j = o.trustee;
  const post = (kind: PostKind, payload: Json) => board.post({ kind, payload, signature: signer.sign(SIGNING_LABELS.post, postBody(o.electionId, j, kind, payload)) });

  // 1. Keys and registration.
  const signer = newSigningKey();
  const enc = newEncryptionKey();
  const reg = { trustee: j, signingKey: signer.publicHex, encryptionKey: enc.publicHex };
  await board.register({ ...reg, signature: signer.sign(SIGNING_LABELS.registration, registrationBody(o.electionId, reg)) });
  log(`trustee ${String(j)}: registered (signing key ${signer.publicHex.slice(0, 16)}…)`);

  // 2. Dealing.
  let view = await waitWhile(board, ['registering'], o, 'every trustee to register');
  const dealt = dkg.deal(group, params, j);
  const sent = new Map<number, bigint>();
  const shares: EncryptedShare[] = [];
  for (const r of view.transcript.registrations) {
    if (r.trustee === j) continue;
    const honest = dealt.shares[r.trustee - 1] ?? 0n;
    const share = o.tamper?.(r.trustee, honest) ?? honest;
    sent.set(r.trustee, share);
    shares.push(encryptShare(r.encryptionKey, { electionId: o.electionId, dealer: j, to: r.trustee }, bigIntToBytes(share, 32)));
  }
  const dealing = {
    commitments: dealt.published.commitments.map((c) => hex(group.encode(c))),
    proof: { challenge: scalarToHex(dealt.published.proof.challenge), response: scalarToHex(dealt.published.proof.response) },
    shares,
  };
  await post('dealing', dealing as unknown as Json);
  log(`trustee ${String(j)}: dealt`);

  // 3. Check the shares received; complain about each that does not decrypt or does not check.
  view = await waitWhile(board, ['registering', 'dealing'], o, 'every dealing');
  const received = new Map<number, bigint>([[j, dealt.shares[j - 1] ?? 0n]]);
  const complaints: number[] = [];
  const pubs = new Map<number, dkg.DealerPublic<unknown>>();
  for (const p of view.transcript.posts.filter((x) => x.kind === 'dealing' && x.trustee !== j)) {
    const d = p.payload as DealingPayload;
    const commitments = d.commitments.map((c) => group.decode(Buffer.from(c, 'hex')));
    const mine = d.shares.find((s) => s.to === j);
    const plain = mine === undefined ? undefined : decryptShare(enc, { electionId: o.electionId, dealer: p.trustee, to: j }, mine);
    const share = plain === undefined ? undefined : bytesToBigInt(plain);
    if (commitments.every((c) => c !== undefined)) pubs.set(p.trustee, { dealer: p.trustee, commitments, proof: { challenge: 0n, response: 0n } });
    const pub = pubs.get(p.trustee);
    if (share === undefined || pub === undefined || share >= group.order || !dkg.checkShare(group, pub, j, share)) complaints.push(p.trustee);
    else received.set(p.trustee, share);
  }
  await post('checked', { complaints });
  log(`trustee ${String(j)}: checked the shares received${complaints.length === 0 ? '' : `; complaint against dealer(s) ${complaints.join(', ')}`}`);

  // 4. Answer the complaints against this dealer by revealing what was sent.
  view = await waitWhile(board, ['registering', 'dealing', 'checking'], o, 'every trustee’s check');
  const accusers = view.transcript.posts.filter((p) => p.kind === 'checked' && (p.payload as { complaints: number[] }).complaints.includes(j)).map((p) => p.trustee);
  if (accusers.length > 0) {
    await post('answer', { revealed: accusers.map((to) => ({ to, share: scalarToHex(sent.get(to) ?? 0n) })) });
    log(`trustee ${String(j)}: answered the complaint(s) of ${accusers.join(', ')}`);
  }

  // 5. The qualified dealers, this trustee's key share, its verification key.
  view = await waitWhile(board, ['registering', 'dealing', 'checking', 'answering'], o, 'the answers to complaints');
  if (view.phase === 'failed') throw new Error('the ceremony failed: fewer qualified dealers than the threshold (the PO must open a new one)');
  const b = boardOf(view.transcript);
  const qualified = qualifiedOf(group, b);
  for (const a of view.transcript.posts.filter((p) => p.kind === 'answer')) {
    const revealed = (a.payload as { revealed: { to: number; share: string }[] }).revealed.find((r) => r.to === j);
    if (revealed !== undefined && qualified.includes(a.trustee)) received.set(a.trustee, BigInt(`0x${revealed.share}`));
  }
  const key = dkg.trusteeKey(group, params, j, received, qualified);
  const expected = dkg.verificationKey(group, [...pubs.values(), dealt.published], qualified, j);
  if (!group.equals(expected, key.verificationKey)) throw new Error('check key-share: the shares received do not add up to the verification key the commitments give');
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
  };
  writeShareFile(o.out, share, o.passphrase);
  await post('verification-key', { verificationKey: share.verificationKey, proof: { challenge: scalarToHex(key.proof.challenge), response: scalarToHex(key.proof.response) } });
  log(`trustee ${String(j)}: key share written to ${o.out} (encrypted); verification key posted`);

  // 6. The election key.
  view = await waitWhile(board, ['registering', 'dealing', 'checking', 'answering', 'keys'], o, 'every verification key');
  const pk = dkg.electionPublicKey(group, [...pubs.values(), dealt.published], qualified);
  const publicKey = hex(group.encode(pk));
  if (view.transcript.publicKey !== publicKey) throw new Error(`check election-key: the published key ${String(view.transcript.publicKey)} is not the qualified dealers’ key ${publicKey}`);
  return { publicKey, qualified, complaintsMade: complaints, shareFile: o.out };
}
