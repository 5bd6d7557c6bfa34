// A trustee's key share on their own machine (format isoloir-trustee-share/3): the public part in
// clear (election, trustee number, verification key, signing public key, and the ceremony as this
// trustee saw it end, pinned: ceremony/pin.ts) and the secret part (the
// key share and the Ed25519 signing seed) encrypted with AES-256-GCM under a key derived from the
// trustee's passphrase by scrypt (N = 2^17, r = 8, p = 1), the public part as associated data (so
// the pin cannot be changed without the passphrase either). The file is written once the share is
// known (pin null: the ceremony not finished yet) and again with the pin once the election key is
// published. It never leaves the machine; without the passphrase it is useless.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { canonicalJson, type Json } from '@isoloir/crypto';
import { signingKeyFromSeed, type SigningKey } from './trustee-keys.ts';
import type { CeremonyPin } from './pin.ts';

export const SHARE_FORMAT = 'isoloir-trustee-share/3';
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const MAXMEM = 256 * 1024 * 1024;

export interface SharePublic {
  readonly format: typeof SHARE_FORMAT;
  readonly warning?: string;
  readonly electionId: string;
  readonly group: string;
  readonly trustee: number;
  readonly threshold: number;
  readonly trustees: number;
  readonly verificationKey: string;
  readonly signingKey: string;
  /** The finished ceremony as this trustee saw it (null: keygen stopped before the key was published). */
  readonly ceremony: CeremonyPin | null;
}

interface ShareFileJson extends SharePublic {
  readonly kdf: {
    readonly name: 'scrypt';
    readonly salt: string;
    readonly N: number;
    readonly r: number;
    readonly p: number;
  };
  readonly cipher: { readonly name: 'aes-256-gcm'; readonly iv: string; readonly tag: string };
  readonly ciphertext: string;
}

/** A trustee's share once opened with the passphrase (in memory only). */
export interface TrusteeShare extends SharePublic {
  /** The key share xⱼ (hex scalar). */
  readonly secret: string;
  readonly signer: SigningKey;
}

export function checkPassphrase(passphrase: string | undefined): string {
  if (passphrase === undefined || passphrase.length < 12)
    throw new Error(
      'a passphrase of at least 12 characters is needed (--passphrase-file, or ISOLOIR_TRUSTEE_PASSPHRASE)',
    );
  return passphrase;
}

const publicPart = (s: SharePublic): Json => ({
  format: s.format,
  ...(s.warning === undefined ? {} : { warning: s.warning }),
  electionId: s.electionId,
  group: s.group,
  trustee: s.trustee,
  threshold: s.threshold,
  trustees: s.trustees,
  verificationKey: s.verificationKey,
  signingKey: s.signingKey,
  ceremony: s.ceremony as unknown as Json,
});

export function writeShareFile(path: string, share: TrusteeShare, passphrase: string): void {
  const salt = randomBytes(16);
  const key = scryptSync(checkPassphrase(passphrase), salt, 32, { ...SCRYPT, maxmem: MAXMEM });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(canonicalJson(publicPart(share)), 'utf8'));
  const ct = Buffer.concat([
    cipher.update(JSON.stringify({ secret: share.secret, signingSeed: share.signer.seedHex }), 'utf8'),
    cipher.final(),
  ]);
  const file: ShareFileJson = {
    ...(publicPart(share) as unknown as SharePublic),
    kdf: { name: 'scrypt', salt: salt.toString('hex'), ...SCRYPT },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex') },
    ciphertext: ct.toString('hex'),
  };
  // Written beside, then renamed over: a crash never leaves half a file (the share would be lost).
  const tmp = `${path}.tmp-${String(process.pid)}`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export function readSharePublic(path: string): SharePublic {
  const f = JSON.parse(readFileSync(path, 'utf8')) as Partial<ShareFileJson>;
  if (
    f.format !== SHARE_FORMAT ||
    typeof f.electionId !== 'string' ||
    typeof f.trustee !== 'number' ||
    typeof f.ciphertext !== 'string'
  ) {
    throw new Error(
      `${path} is not a trustee key share file of format ${SHARE_FORMAT} (files of format isoloir-trustee-share/1 or /2 do not pin the ceremony and are no longer accepted)`,
    );
  }
  return f as SharePublic;
}

/** Opens a share file with the passphrase; a wrong passphrase or a changed file is refused. */
export function openShareFile(path: string, passphrase: string): TrusteeShare {
  readSharePublic(path);
  const f = JSON.parse(readFileSync(path, 'utf8')) as ShareFileJson;
  const key = scryptSync(passphrase, Buffer.from(f.kdf.salt, 'hex'), 32, {
    N: f.kdf.N,
    r: f.kdf.r,
    p: f.kdf.p,
    maxmem: MAXMEM,
  });
  let plain: { secret: string; signingSeed: string };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(f.cipher.iv, 'hex')).setAAD(
      Buffer.from(canonicalJson(publicPart(f)), 'utf8'),
    );
    decipher.setAuthTag(Buffer.from(f.cipher.tag, 'hex'));
    plain = JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(f.ciphertext, 'hex')), decipher.final()]).toString('utf8'),
    ) as { secret: string; signingSeed: string };
  } catch {
    throw new Error(`${path}: wrong passphrase, or the file was changed`);
  }
  const pub = publicPart(f) as unknown as SharePublic;
  return { ...pub, secret: plain.secret, signer: signingKeyFromSeed(plain.signingSeed, f.signingKey) };
}
