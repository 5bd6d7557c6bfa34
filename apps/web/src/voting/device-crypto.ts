// Encryption on the voter's device: encode, encrypt, prove (packages/crypto, the pure-TypeScript
// noble backend), the tracking code (SHA-256, WebCrypto), and the Benaloh audit.
import { auditBallot, bytesToHex, canonicalJson, createRistretto255Noble, createSecp256k1Noble, encryptBallot, hexToBytes, hexToScalar, scalarToHex, type DecodedBallot, type Group, type PlainBallot } from '@isoloir/crypto';
import type { Booth, CastBody } from './api.ts';

const TRACKING_LABEL = 'isoloir/v1/tracking-code\n';

function groupFor(name: 'secp256k1' | 'ristretto255'): Group<unknown> {
  return name === 'secp256k1' ? createSecp256k1Noble() : createRistretto255Noble();
}

function decodeElement(group: Group<unknown>, hex: string): unknown {
  const bytes = hexToBytes(hex);
  const element = bytes === undefined ? undefined : group.decode(bytes);
  if (element === undefined) throw new Error('not a group element');
  return element;
}

export async function trackingCodeOf(electionId: string, body: Pick<CastBody, 'ciphertexts' | 'proof'>): Promise<string> {
  const json = canonicalJson({ electionId, ciphertexts: [...body.ciphertexts], proof: { challenge: body.proof.challenge, responses: [...body.proof.responses] } });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(TRACKING_LABEL + json));
  return bytesToHex(new Uint8Array(digest));
}

export interface Sealed {
  readonly body: CastBody;
  readonly randomness: readonly string[];
  readonly trackingCode: string;
  readonly millis: number;
}

/** Encrypts and proves the choice; the plaintext stays here. */
export async function seal(booth: Booth, plain: PlainBallot): Promise<Sealed> {
  const started = performance.now();
  const group = groupFor(booth.key.group);
  const pk = decodeElement(group, booth.key.publicKey);
  const ballotId = crypto.randomUUID();
  const electionId = booth.election.electionId;
  const { ballot, randomness } = encryptBallot(group, pk, booth.key.layout, { electionId, voterId: booth.voterId, ballotId }, plain);
  const body: CastBody = {
    ballotId,
    constituency: booth.election.constituency.code,
    ciphertexts: ballot.ciphertexts.flatMap((c) => [bytesToHex(group.encode(c.a)), bytesToHex(group.encode(c.b))]),
    proof: { challenge: scalarToHex(ballot.proof.challenge), responses: ballot.proof.responses.map(scalarToHex) },
  };
  const millis = performance.now() - started;
  return { body, randomness: randomness.map(scalarToHex), trackingCode: await trackingCodeOf(electionId, body), millis };
}

/** Everything a verification page needs to open an audited (spoiled) ballot. */
export interface AuditData {
  readonly electionId: string;
  readonly voterId: string;
  readonly group: 'secp256k1' | 'ristretto255';
  readonly publicKey: string;
  readonly layout: Booth['key']['layout'];
  readonly ballot: CastBody;
  readonly randomness: readonly string[];
  readonly lists: Booth['lists'];
}

export function auditData(booth: Booth, sealed: Sealed): AuditData {
  return { electionId: booth.election.electionId, voterId: booth.voterId, group: booth.key.group, publicKey: booth.key.publicKey, layout: booth.key.layout, ballot: sealed.body, randomness: sealed.randomness, lists: booth.lists };
}

/** Opens an audited ballot with its randomness; undefined when anything does not match. */
export function openAudited(data: AuditData): DecodedBallot | undefined {
  try {
    const group = groupFor(data.group);
    const pk = decodeElement(group, data.publicKey);
    const ciphertexts = [];
    for (let i = 0; i < data.ballot.ciphertexts.length; i += 2) ciphertexts.push({ a: decodeElement(group, data.ballot.ciphertexts[i] ?? ''), b: decodeElement(group, data.ballot.ciphertexts[i + 1] ?? '') });
    const scalar = (hex: string): bigint => {
      const k = hexToScalar(hex, group.order);
      if (k === undefined) throw new Error('not a scalar');
      return k;
    };
    const ballot = { ciphertexts, proof: { challenge: scalar(data.ballot.proof.challenge), responses: data.ballot.proof.responses.map(scalar) } };
    const result = auditBallot(group, pk, data.layout, { electionId: data.electionId, voterId: data.voterId, ballotId: data.ballot.ballotId }, ballot, data.randomness.map(scalar));
    return result.ok ? result.value : undefined;
  } catch {
    return undefined;
  }
}
