/**
 * The key ceremony's signed transcript (isoloir-ceremony/1, PROTOCOL.md §7a) for an election run
 * offline (run-election.ts): the same posts, in the same order and signed the same way, as the
 * server's ceremony board collects from the trustees' own machines. Each trustee has an Ed25519
 * signing key and an X25519 encryption key; a dealer's shares are encrypted to each recipient
 * (X25519, HKDF-SHA-256, AES-256-GCM with the context as associated data, as the trustee tool does).
 * Only what the board publishes leaves this file: the trustees' signers stay with the caller.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { Group } from '../group/group.ts';
import { bytesToHex, scalarToHex } from '../group/scalar.ts';
import type { Complaint, DealerOutput, KeyCeremonyParams, TrusteeKey } from '../keygen/dkg.ts';
import { SIGNING_LABELS, trusteeSigner } from '../ceremony/trustee-signing.ts';
import { canonicalJson, type Json } from './canonical-json.ts';

export const CEREMONY_FORMAT = 'isoloir-ceremony/1';
const SHARE_INFO = 'isoloir/v1/dkg-share';
const encoder = new TextEncoder();

export type TrusteeSigner = ReturnType<typeof trusteeSigner>;

async function encryptShare(
  recipient: Uint8Array,
  context: { electionId: string; dealer: number; to: number },
  share: bigint,
): Promise<Json> {
  const subtle = globalThis.crypto.subtle;
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeral = x25519.getPublicKey(ephemeralSecret);
  const salt = new Uint8Array([...ephemeral, ...recipient]);
  const ikm = await subtle.importKey('raw', x25519.getSharedSecret(ephemeralSecret, recipient), 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode(SHARE_INFO) },
    ikm,
    256,
  );
  const key = await subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const aad = encoder.encode(
    canonicalJson({ purpose: SHARE_INFO, electionId: context.electionId, dealer: context.dealer, to: context.to }),
  );
  const plain = Uint8Array.from(scalarToHex(share).match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain));
  return {
    to: context.to,
    ephemeralKey: bytesToHex(ephemeral),
    iv: bytesToHex(iv),
    ciphertext: bytesToHex(ciphertext),
  };
}

/** The transcript of an honest board, and each trustee's signer (for their shuffles and partial decryptions). */
export async function offlineCeremony<P>(
  group: Group<P>,
  params: KeyCeremonyParams,
  dealt: readonly DealerOutput<P>[],
  complaints: readonly Complaint[],
  keys: readonly TrusteeKey<P>[],
  outcome: { readonly qualified: readonly number[]; readonly publicKey: string },
): Promise<{ transcript: Json; signers: ReadonlyMap<number, TrusteeSigner> }> {
  const { electionId, trustees } = params;
  const signers = new Map<number, TrusteeSigner>();
  const encryption = new Map<number, Uint8Array>();
  const registrations: Json[] = [];
  for (let t = 1; t <= trustees; t++) {
    const signer = trusteeSigner(bytesToHex(ed25519.utils.randomSecretKey()));
    const encryptionKey = x25519.getPublicKey(x25519.utils.randomSecretKey());
    signers.set(t, signer);
    encryption.set(t, encryptionKey);
    const body = { electionId, trustee: t, signingKey: signer.publicHex, encryptionKey: bytesToHex(encryptionKey) };
    registrations.push({
      trustee: t,
      signingKey: body.signingKey,
      encryptionKey: body.encryptionKey,
      signature: signer.sign(SIGNING_LABELS.registration, body),
    });
  }
  const posts: Json[] = [];
  const post = (trustee: number, kind: string, payload: Json): void => {
    const signer = signers.get(trustee);
    if (signer === undefined) throw new Error(`no signer for trustee ${String(trustee)}`);
    posts.push({
      seq: posts.length + 1,
      trustee,
      kind,
      payload,
      signature: signer.sign(SIGNING_LABELS.post, { electionId, trustee, kind, payload }),
    });
  };
  for (const d of dealt) {
    const dealer = d.published.dealer;
    const shares: Json[] = [];
    for (let to = 1; to <= trustees; to++)
      if (to !== dealer)
        shares.push(
          await encryptShare(
            encryption.get(to) ?? new Uint8Array(32),
            { electionId, dealer, to },
            d.shares[to - 1] ?? 0n,
          ),
        );
    post(dealer, 'dealing', {
      commitments: d.published.commitments.map((c) => bytesToHex(group.encode(c))),
      proof: { challenge: scalarToHex(d.published.proof.challenge), response: scalarToHex(d.published.proof.response) },
      shares,
    });
  }
  for (let t = 1; t <= trustees; t++)
    post(t, 'checked', { complaints: complaints.filter((c) => c.by === t).map((c) => c.against) });
  for (const against of [...new Set(complaints.map((c) => c.against))].sort((a, b) => a - b)) {
    const revealed = complaints
      .filter((c) => c.against === against && c.revealed !== undefined)
      .map((c) => ({ to: c.by, share: scalarToHex(c.revealed ?? 0n) }));
    if (revealed.length > 0) post(against, 'answer', { revealed });
  }
  for (const k of keys) {
    post(k.trustee, 'verification-key', {
      verificationKey: bytesToHex(group.encode(k.verificationKey)),
      proof: { challenge: scalarToHex(k.proof.challenge), response: scalarToHex(k.proof.response) },
    });
  }
  const transcript: Json = {
    format: CEREMONY_FORMAT,
    electionId,
    group: group.name,
    threshold: params.threshold,
    trustees,
    registrations,
    posts,
    qualified: [...outcome.qualified],
    publicKey: outcome.publicKey,
  };
  return { transcript, signers };
}
