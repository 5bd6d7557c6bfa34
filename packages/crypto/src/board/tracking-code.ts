/**
 * The tracking code of a cast ballot: SHA-256 of a label and the canonical JSON of what was cast
 * (election, constituency, ciphertexts, proof). The voter's device, the ballot box and anybody
 * holding the ballot compute the same code; moving a ballot to another constituency changes it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../group/scalar.ts';
import { canonicalJson } from '../record/canonical-json.ts';

export const TRACKING_LABEL = 'isoloir/v1/tracking-code\n';

export interface CastContent {
  readonly electionId: string;
  readonly constituency: string;
  /** [a₁, b₁, a₂, b₂, …], lowercase hex. */
  readonly ciphertexts: readonly string[];
  readonly proof: { readonly challenge: string; readonly responses: readonly string[] };
}

const encoder = new TextEncoder();

/** Lowercase hex, 64 characters. */
export function trackingCode(content: CastContent): string {
  const body = canonicalJson({
    electionId: content.electionId,
    constituency: content.constituency,
    ciphertexts: [...content.ciphertexts],
    proof: { challenge: content.proof.challenge, responses: [...content.proof.responses] },
  });
  return bytesToHex(sha256(encoder.encode(TRACKING_LABEL + body)));
}
