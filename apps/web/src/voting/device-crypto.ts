// Encryption on the voter's device: encode, encrypt, prove (packages/crypto, the pure-TypeScript
// noble backend), the tracking code, the Benaloh audit (against the key published on the board,
// not the key the booth was served), the election key's fingerprint and the receipt's signature.
import {
  auditBallot,
  bytesToHex,
  createRistretto255Noble,
  createSecp256k1Noble,
  encryptBallot,
  hexToBytes,
  hexToScalar,
  keyFingerprint,
  scalarToHex,
  trackingCode,
  verifyReceiptSignature,
  type DecodedBallot,
  type Group,
  type PlainBallot,
} from '@isoloir/crypto';
import type { Booth, CastBody, Receipt } from './api.ts';

/** Where the booth leaves the audit data of the ballot just audited, for /vote/verify in this tab. */
export const AUDIT_STORAGE_KEY = 'isoloir.audit';

function groupFor(name: 'secp256k1' | 'ristretto255'): Group<unknown> {
  return name === 'secp256k1' ? createSecp256k1Noble() : createRistretto255Noble();
}

function decodeElement(group: Group<unknown>, hex: string): unknown {
  const bytes = hexToBytes(hex);
  const element = bytes === undefined ? undefined : group.decode(bytes);
  if (element === undefined) throw new Error('not a group element');
  return element;
}

/** The tracking code of what is cast (constituency included): the same as the ballot box's. */
export function trackingCodeOf(
  electionId: string,
  body: Pick<CastBody, 'constituency' | 'ciphertexts' | 'proof'>,
): string {
  return trackingCode({
    electionId,
    constituency: body.constituency,
    ciphertexts: body.ciphertexts,
    proof: body.proof,
  });
}

export interface Sealed {
  readonly body: CastBody;
  readonly randomness: readonly string[];
  readonly trackingCode: string;
  readonly millis: number;
}

/** Encrypts and proves the choice, bound to the election, constituency, voter and ballot; the plaintext stays here. */
export function seal(booth: Booth, plain: PlainBallot): Promise<Sealed> {
  const started = performance.now();
  const group = groupFor(booth.key.group);
  const pk = decodeElement(group, booth.key.publicKey);
  const ballotId = crypto.randomUUID();
  const electionId = booth.election.electionId;
  const constituency = booth.election.constituency.code;
  const { ballot, randomness } = encryptBallot(
    group,
    pk,
    booth.key.layout,
    { electionId, constituency, voterId: booth.voterId, ballotId },
    plain,
  );
  const body: CastBody = {
    ballotId,
    constituency,
    ciphertexts: ballot.ciphertexts.flatMap((c) => [bytesToHex(group.encode(c.a)), bytesToHex(group.encode(c.b))]),
    proof: { challenge: scalarToHex(ballot.proof.challenge), responses: ballot.proof.responses.map(scalarToHex) },
  };
  const millis = performance.now() - started;
  return Promise.resolve({
    body,
    randomness: randomness.map(scalarToHex),
    trackingCode: trackingCodeOf(electionId, body),
    millis,
  });
}

/** Everything a verification page needs to open an audited (spoiled) ballot. */
export interface AuditData {
  readonly electionId: string;
  readonly voterId: string;
  readonly group: 'secp256k1' | 'ristretto255';
  /** The key the booth was served and encrypted under (compared with the published one). */
  readonly publicKey: string;
  readonly layout: Booth['key']['layout'];
  readonly ballot: CastBody;
  readonly randomness: readonly string[];
  readonly lists: Booth['lists'];
}

export function auditData(booth: Booth, sealed: Sealed): AuditData {
  return {
    electionId: booth.election.electionId,
    voterId: booth.voterId,
    group: booth.key.group,
    publicKey: booth.key.publicKey,
    layout: booth.key.layout,
    ballot: sealed.body,
    randomness: sealed.randomness,
    lists: booth.lists,
  };
}

/** Opens an audited ballot with its randomness under `publicKey` (the published one); undefined when anything does not match. */
export function openAudited(data: AuditData, publicKey: string): DecodedBallot | undefined {
  try {
    const group = groupFor(data.group);
    const pk = decodeElement(group, publicKey);
    const ciphertexts = [];
    for (let i = 0; i < data.ballot.ciphertexts.length; i += 2)
      ciphertexts.push({
        a: decodeElement(group, data.ballot.ciphertexts[i] ?? ''),
        b: decodeElement(group, data.ballot.ciphertexts[i + 1] ?? ''),
      });
    const scalar = (hex: string): bigint => {
      const k = hexToScalar(hex, group.order);
      if (k === undefined) throw new Error('not a scalar');
      return k;
    };
    const ballot = {
      ciphertexts,
      proof: { challenge: scalar(data.ballot.proof.challenge), responses: data.ballot.proof.responses.map(scalar) },
    };
    const context = {
      electionId: data.electionId,
      constituency: data.ballot.constituency,
      voterId: data.voterId,
      ballotId: data.ballot.ballotId,
    };
    const result = auditBallot(group, pk, data.layout, context, ballot, data.randomness.map(scalar));
    return result.ok ? result.value : undefined;
  } catch {
    return undefined;
  }
}

/** The fingerprint of a key as the board publishes it (32 hex digits); '' when it is not hex. */
export function fingerprintOf(group: string, publicKey: string): string {
  return keyFingerprint(group, publicKey) ?? '';
}

/** The receipt's Ed25519 signature checked on this device against the published receipt key. */
export function receiptSignatureValid(receipt: Receipt, receiptPublicKey: string): boolean {
  return verifyReceiptSignature(receiptPublicKey, receipt);
}
