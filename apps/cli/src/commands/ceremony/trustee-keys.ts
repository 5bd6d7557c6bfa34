// A trustee's own keys, made on their own machine at the key ceremony, with node:crypto only:
// - an Ed25519 signing key: signs every post to the ceremony board, every shuffle and every partial
//   decryption; the server and the verifier check these against the key registered for the number;
// - an X25519 encryption key: the other dealers encrypt this trustee's shares to it (ECIES: a fresh
//   X25519 key per share, HKDF-SHA-256, AES-256-GCM with the context as associated data).
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson, type Json } from '@isoloir/crypto';
import { signedMessage, type SigningLabel } from '@isoloir/server/counting';

const b64u = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const hexOf = (b64url: string | undefined): string => Buffer.from(b64url ?? '', 'base64url').toString('hex');

export interface SigningKey {
  readonly publicHex: string;
  /** The 32-byte seed, hex: kept only inside the encrypted share file. */
  readonly seedHex: string;
  sign(label: SigningLabel, body: Json): string;
}

export function signingKeyFromSeed(seedHex: string, publicHex: string): SigningKey {
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: b64u(seedHex), x: b64u(publicHex) },
    format: 'jwk',
  });
  return { publicHex, seedHex, sign: (label, body) => sign(null, signedMessage(label, body), key).toString('hex') };
}

export function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return signingKeyFromSeed(hexOf(jwk.d), hexOf(jwk.x));
}

export interface EncryptionKey {
  readonly publicHex: string;
  readonly privateKey: KeyObject;
}

export function newEncryptionKey(): EncryptionKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { publicHex: hexOf(publicKey.export({ format: 'jwk' }).x), privateKey };
}

const x25519Public = (hex: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64u(hex) }, format: 'jwk' });

/** What a share's encryption is bound to: the election, the dealer and the recipient. */
export interface ShareContext {
  readonly electionId: string;
  readonly dealer: number;
  readonly to: number;
}

export interface EncryptedShare {
  readonly to: number;
  readonly ephemeralKey: string;
  readonly iv: string;
  /** AES-256-GCM ciphertext of the 32-byte share, then the 16-byte tag (hex). */
  readonly ciphertext: string;
}

const SHARE_INFO = 'isoloir/v1/dkg-share';

function shareKey(shared: Buffer, ephemeralHex: string, recipientHex: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(ephemeralHex + recipientHex, 'hex'), SHARE_INFO, 32));
}

const aad = (c: ShareContext): Buffer =>
  Buffer.from(canonicalJson({ purpose: SHARE_INFO, electionId: c.electionId, dealer: c.dealer, to: c.to }), 'utf8');

export function encryptShare(recipientHex: string, c: ShareContext, share: Uint8Array): EncryptedShare {
  const eph = generateKeyPairSync('x25519');
  const ephemeralKey = hexOf(eph.publicKey.export({ format: 'jwk' }).x);
  const key = shareKey(
    diffieHellman({ privateKey: eph.privateKey, publicKey: x25519Public(recipientHex) }),
    ephemeralKey,
    recipientHex,
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(c));
  const ct = Buffer.concat([cipher.update(share), cipher.final(), cipher.getAuthTag()]);
  return { to: c.to, ephemeralKey, iv: iv.toString('hex'), ciphertext: ct.toString('hex') };
}

/** The share in clear, or undefined when it does not decrypt (wrong key, tampered, other context). */
export function decryptShare(own: EncryptionKey, c: ShareContext, e: EncryptedShare): Uint8Array | undefined {
  try {
    const key = shareKey(
      diffieHellman({ privateKey: own.privateKey, publicKey: x25519Public(e.ephemeralKey) }),
      e.ephemeralKey,
      own.publicHex,
    );
    const ct = Buffer.from(e.ciphertext, 'hex');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(e.iv, 'hex')).setAAD(aad(c));
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    return new Uint8Array(Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]));
  } catch {
    return undefined;
  }
}
