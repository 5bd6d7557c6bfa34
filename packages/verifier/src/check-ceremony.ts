/**
 * The key ceremony's signed transcript (`ceremony` entry, format isoloir-ceremony/1, PROTOCOL.md
 * §7a): every registration is signed by its own Ed25519 key and every post by its trustee's
 * registered key; the dealer, complaint and key entries that follow must be exactly what the
 * transcript says; every shuffle and partial decryption must be signed by its trustee's key.
 */
import {
  canonicalJson,
  proofDigest,
  rowsDigest,
  trusteeSignatureValid,
  type Json,
  type SigningLabel,
} from '@isoloir/crypto';
import { ensure, fail } from './failure.ts';
import type { State } from './state.ts';

export interface CeremonyFacts {
  readonly signingKeys: ReadonlyMap<number, string>;
  readonly dealings: ReadonlyMap<number, readonly string[]>;
  readonly complaints: readonly { by: number; against: number; revealed: string | null }[];
  readonly verificationKeys: ReadonlyMap<number, string>;
  readonly qualified: readonly number[] | null;
  readonly publicKey: string | null;
}

interface Transcript {
  format: string;
  electionId: string;
  threshold: number;
  trustees: number;
  registrations: { trustee: number; signingKey: string; encryptionKey: string; signature: string }[];
  posts: { seq: number; trustee: number; kind: string; payload: Json; signature: string }[];
  qualified: number[] | null;
  publicKey: string | null;
}

/** A trustee's Ed25519 signature (labels, message and check: @isoloir/crypto's trustee-signing, PROTOCOL.md §7a). */
export function ed25519Valid(publicHex: string, label: SigningLabel, body: Json, signatureHex: string | null): boolean {
  return trusteeSignatureValid(publicHex, label, body, signatureHex);
}

/** SHA-512 of rows and of a proof, as signed (PROTOCOL.md §7a). */
export { rowsDigest, proofDigest };

export function checkCeremony<P>(s: State<P>, payload: unknown, loc: string): void {
  const t = payload as Transcript;
  ensure(
    t.electionId === s.electionId && t.threshold === s.threshold && t.trustees === s.trustees,
    'ceremony',
    loc,
    'the transcript is not of this election’s parameters',
  );
  const keys = new Map<number, string>();
  for (const r of t.registrations) {
    ensure(
      !keys.has(r.trustee) && r.trustee >= 1 && r.trustee <= s.trustees,
      'ceremony',
      loc,
      `trustee ${String(r.trustee)} registered twice or out of range`,
    );
    ensure(
      ed25519Valid(
        r.signingKey,
        'isoloir/v1/ceremony-registration',
        { electionId: t.electionId, trustee: r.trustee, signingKey: r.signingKey, encryptionKey: r.encryptionKey },
        r.signature,
      ),
      'ceremony',
      `${loc} registration of trustee ${String(r.trustee)}`,
      'not signed by its own key',
    );
    keys.set(r.trustee, r.signingKey);
  }
  const dealings = new Map<number, string[]>();
  const vks = new Map<number, string>();
  const accusations: { by: number; against: number }[] = [];
  const answers = new Map<number, { to: number; share: string }[]>();
  for (const p of t.posts) {
    const where = `${loc} post ${String(p.seq)} (${p.kind}, trustee ${String(p.trustee)})`;
    ensure(
      ed25519Valid(
        keys.get(p.trustee) ?? '',
        'isoloir/v1/ceremony-post',
        { electionId: t.electionId, trustee: p.trustee, kind: p.kind, payload: p.payload },
        p.signature,
      ),
      'ceremony',
      where,
      'not signed by the trustee’s registered key',
    );
    const body = p.payload as Record<string, Json>;
    if (p.kind === 'dealing') dealings.set(p.trustee, body['commitments'] as string[]);
    else if (p.kind === 'checked')
      for (const against of body['complaints'] as number[]) accusations.push({ by: p.trustee, against });
    else if (p.kind === 'answer') answers.set(p.trustee, body['revealed'] as { to: number; share: string }[]);
    else vks.set(p.trustee, body['verificationKey'] as string);
  }
  const complaints = accusations
    .map((c) => ({ ...c, revealed: answers.get(c.against)?.find((r) => r.to === c.by)?.share ?? null }))
    .sort((x, y) => x.against - y.against || x.by - y.by);
  s.ceremony = {
    signingKeys: keys,
    dealings,
    complaints,
    verificationKeys: vks,
    qualified: t.qualified,
    publicKey: t.publicKey,
  };
}

/** The dealer, complaint and key entries must be the transcript's (called once the key entry is read). */
export function checkAgainstCeremony<P>(
  s: State<P>,
  key: {
    qualified: readonly number[];
    publicKey: string;
    trustees: readonly { trustee: number; verificationKey: string }[];
  },
  complaints: readonly { by: number; against: number; revealed: string | null }[],
  dealers: ReadonlyMap<number, readonly string[]>,
  loc: string,
): void {
  const c = s.ceremony;
  if (c === undefined) return;
  const same = (a: unknown, b: unknown): boolean => canonicalJson(a as Json) === canonicalJson(b as Json);
  ensure(
    same([...dealers.entries()].sort(), [...c.dealings.entries()].sort()),
    'ceremony',
    loc,
    'the dealer entries are not the transcript’s dealings',
  );
  ensure(
    same(complaints, c.complaints),
    'ceremony',
    loc,
    'the complaint entries are not the transcript’s complaints and answers',
  );
  ensure(
    same(key.qualified, c.qualified) && key.publicKey === c.publicKey,
    'ceremony',
    loc,
    'the key is not the transcript’s',
  );
  for (const v of key.trustees)
    if (c.verificationKeys.get(v.trustee) !== v.verificationKey)
      fail('ceremony', loc, `trustee ${String(v.trustee)}’s verification key is not the one posted`);
}
