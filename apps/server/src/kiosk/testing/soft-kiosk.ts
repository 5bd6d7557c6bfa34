// For tests: a kiosk played with WebCrypto (node's crypto.subtle), as the kiosk's browser does it: an
// ECDSA P-256 key generated non-extractable, the public key exported as SPKI, requests signed.
import { kioskMessage, kioskRequestMessage, type KioskMessage, type KioskRequest } from '@isoloir/crypto';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

type KeyPair = Awaited<ReturnType<typeof generatePair>>;

const generatePair = () =>
  crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']) as Promise<{
    privateKey: Parameters<typeof crypto.subtle.sign>[1];
    publicKey: Parameters<typeof crypto.subtle.exportKey>[1];
  }>;

export class SoftKiosk {
  kioskId = '';
  private readonly keys: KeyPair;
  readonly publicKey: string;
  private constructor(keys: KeyPair, publicKey: string) {
    this.keys = keys;
    this.publicKey = publicKey;
  }

  static async create(): Promise<SoftKiosk> {
    const keys = await generatePair();
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    return new SoftKiosk(keys, Buffer.from(spki).toString('base64url'));
  }

  async sign(bytes: Uint8Array): Promise<string> {
    const signature = await crypto.subtle.sign(SIGN, this.keys.privateKey, bytes);
    return Buffer.from(signature).toString('base64url');
  }

  async signedRequest(purpose: KioskRequest['purpose'], queued?: number, at = new Date()): Promise<object> {
    const request = { purpose, kioskId: this.kioskId, at: at.toISOString(), queued };
    const signature = await this.sign(kioskRequestMessage(request));
    return { kioskId: this.kioskId, at: request.at, signature, ...(queued === undefined ? {} : { queued }) };
  }

  signBallots(message: Omit<KioskMessage, 'kioskId'>): Promise<string> {
    return this.sign(kioskMessage({ ...message, kioskId: this.kioskId }));
  }
}
