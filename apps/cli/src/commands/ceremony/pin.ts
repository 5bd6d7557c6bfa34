// The ceremony as this trustee saw it end, pinned in the trustee's own share file (authenticated
// under the passphrase with the rest of the file): the transcript's hash, the qualified set, every
// trustee's signing key and verification key, the election key and its fingerprint. At every later
// run `isoloir trustee` compares what the server serves with the pin and refuses on any difference
// (check `ceremony-mismatch`); it then takes keys and the qualified set from the pin only, never from
// the server. A server that substituted a trustee's signing or verification key, or the qualified set,
// to make a bad shuffle or partial decryption "verify" is thus caught on the trustee's machine.
import { createHash } from 'node:crypto';
import { canonicalJson, keyFingerprint, type Json } from '@isoloir/crypto';
import type { Transcript } from './board-client.ts';

export const TRANSCRIPT_HASH_LABEL = 'isoloir/v1/ceremony-transcript';

export interface CeremonyPin {
  /** SHA-256 of "isoloir/v1/ceremony-transcript\n" + the transcript's canonical JSON (hex). */
  readonly transcriptHash: string;
  readonly group: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly qualified: readonly number[];
  /** Every trustee's registered signing key and posted verification key. */
  readonly keys: readonly { readonly trustee: number; readonly signingKey: string; readonly verificationKey: string }[];
  readonly publicKey: string;
  /** The election key's fingerprint (128 bits of H("isoloir/v1/key-fingerprint", group, key), hex): what the board and the letters publish. */
  readonly keyFingerprint: string;
}

/** What the server serves about the key: GET …/trustee/key. */
export interface ServedKey {
  readonly group: string;
  readonly publicKey: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly verificationKeys: readonly { readonly trustee: number; readonly verificationKey: string }[];
}

export function transcriptHash(t: Transcript): string {
  return createHash('sha256')
    .update(`${TRANSCRIPT_HASH_LABEL}\n${canonicalJson(t as unknown as Json)}`, 'utf8')
    .digest('hex');
}

/** The election key's fingerprint, the one the board publishes and the letters print (packages/crypto board/key-fingerprint.ts; '' for a key that is not hex). */
export function electionKeyFingerprint(group: string, publicKeyHex: string): string {
  return keyFingerprint(group, publicKeyHex) ?? '';
}

/** The pin of a finished ceremony (its final transcript, the election key published). */
export function pinOf(t: Transcript): CeremonyPin {
  if (t.publicKey === null || t.qualified === null)
    throw new Error('the ceremony is not finished: no election key to pin');
  const vk = (trustee: number): string => {
    const post = t.posts.find((p) => p.kind === 'verification-key' && p.trustee === trustee);
    return (post?.payload as { verificationKey?: string } | undefined)?.verificationKey ?? '';
  };
  return {
    transcriptHash: transcriptHash(t),
    group: t.group,
    threshold: t.threshold,
    trustees: t.trustees,
    qualified: [...t.qualified].sort((a, b) => a - b),
    keys: [...t.registrations]
      .sort((a, b) => a.trustee - b.trustee)
      .map((r) => ({ trustee: r.trustee, signingKey: r.signingKey, verificationKey: vk(r.trustee) })),
    publicKey: t.publicKey,
    keyFingerprint: electionKeyFingerprint(t.group, t.publicKey),
  };
}

export class CeremonyMismatch extends Error {
  readonly check: string = 'ceremony-mismatch';
  readonly what: string;
  constructor(what: string, served: string, pinned: string) {
    super(
      `check ceremony-mismatch: the server serves ${what} ${served}, but the ceremony pinned in your share file at the key ceremony says ${pinned}. Nothing was sent.`,
    );
    this.what = what;
  }
}

const list = (xs: readonly (string | number)[]): string => (xs.length === 0 ? '(none)' : xs.join(', '));

/** Compares what the server serves now (transcript and key) with the pin; throws CeremonyMismatch naming the first difference. */
export function checkAgainstPin(pin: CeremonyPin, served: { transcript: Transcript; key: ServedKey }): void {
  const { transcript: t, key } = served;
  const same = (what: string, got: string | number, want: string | number): void => {
    if (got !== want) throw new CeremonyMismatch(what, String(got), String(want));
  };
  same('the group', key.group, pin.group);
  same('the threshold', key.threshold, pin.threshold);
  same('the number of trustees', key.trustees, pin.trustees);
  same('the election key', key.publicKey, pin.publicKey);
  same('the election key’s fingerprint', electionKeyFingerprint(key.group, key.publicKey), pin.keyFingerprint);
  same('the qualified trustees', list([...(t.qualified ?? [])].sort((a, b) => a - b)), list(pin.qualified));
  same('the ceremony transcript’s election key', t.publicKey ?? '(none)', pin.publicKey);
  for (const k of pin.keys) {
    same(
      `trustee ${String(k.trustee)}’s signing key`,
      t.registrations.find((r) => r.trustee === k.trustee)?.signingKey ?? '(none)',
      k.signingKey,
    );
    same(
      `trustee ${String(k.trustee)}’s verification key`,
      key.verificationKeys.find((v) => v.trustee === k.trustee)?.verificationKey ?? '(none)',
      k.verificationKey,
    );
  }
  same(
    'registrations for',
    list(t.registrations.map((r) => r.trustee).sort((a, b) => a - b)),
    list(pin.keys.map((k) => k.trustee)),
  );
  same(
    'verification keys for',
    list(key.verificationKeys.map((v) => v.trustee).sort((a, b) => a - b)),
    list(pin.keys.map((k) => k.trustee)),
  );
  same('a ceremony transcript of hash', transcriptHash(t), pin.transcriptHash);
}

/** The qualified trustees and their signing keys, from the pin (what the checks before decrypting use). */
export function pinnedTrustees(pin: CeremonyPin): {
  qualified: readonly number[];
  signingKeys: ReadonlyMap<number, string>;
} {
  return { qualified: pin.qualified, signingKeys: new Map(pin.keys.map((k) => [k.trustee, k.signingKey])) };
}
