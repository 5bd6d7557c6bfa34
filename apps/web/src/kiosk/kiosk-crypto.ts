// The kiosk's key and signatures (WebCrypto): an ECDSA P-256 key pair generated not extractable, its
// public key exported as SPKI for enrolment; the signed messages are packages/crypto's, the same
// bytes the server verifies.
import { kioskMessage, kioskRequestMessage, trackingCode, type KioskRequest } from '@isoloir/crypto';
import type { SealedBallots } from '../voting/booth-page.tsx';

const toBase64Url = (bytes: ArrayBuffer): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

export async function newKioskKey(): Promise<{ readonly privateKey: CryptoKey; readonly publicKey: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: toBase64Url(await crypto.subtle.exportKey('spki', pair.publicKey)) };
}

async function sign(key: CryptoKey, bytes: Uint8Array): Promise<string> {
  return toBase64Url(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(bytes)));
}

export async function signedRequest(
  key: CryptoKey,
  request: KioskRequest,
): Promise<{ kioskId: string; at: string; signature: string; queued?: number }> {
  const signature = await sign(key, kioskRequestMessage(request));
  return {
    kioskId: request.kioskId,
    at: request.at,
    signature,
    ...(request.queued === undefined ? {} : { queued: request.queued }),
  };
}

export function signBallots(
  key: CryptoKey,
  context: { readonly kioskId: string; readonly electionDayId: string; readonly visit: string },
  ballots: SealedBallots,
): Promise<string> {
  return sign(
    key,
    kioskMessage({
      ...context,
      ballots: ballots.map((b) => ({ electionId: b.electionId, ballotId: b.ballotId, trackingCode: trackingCode(b) })),
    }),
  );
}
