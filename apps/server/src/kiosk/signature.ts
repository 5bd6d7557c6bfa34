// A kiosk's key: ECDSA on P-256, generated in the kiosk's browser (WebCrypto, not extractable), its
// public half sent as SPKI (DER, base64url) at enrolment. Signatures come as WebCrypto makes them:
// IEEE P1363 (r || s, 64 bytes), base64url, over SHA-256 of the message.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export function kioskPublicKey(spki: string): KeyObject | undefined {
  if (!/^[A-Za-z0-9_-]{80,200}$/.test(spki)) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(spki, 'base64url'), format: 'der', type: 'spki' });
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return key.asymmetricKeyType === 'ec' && (curve === 'prime256v1' || curve === 'P-256') ? key : undefined;
  } catch {
    return undefined;
  }
}

export function verifyKioskSignature(spki: string, message: Uint8Array, signature: string): boolean {
  const key = kioskPublicKey(spki);
  if (key === undefined || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
}
