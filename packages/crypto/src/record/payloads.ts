/** Conversions from protocol values to record payloads (lowercase hex for elements and scalars). */
import type { Json } from './canonical-json.ts';
import { bytesToHex, scalarToHex } from '../group/scalar.ts';
import type { ShuffleProof } from '../shuffle/shuffle-prove.ts';
import type { EncodedPartialDecryption } from '../decrypt/decrypt-bulk.ts';
import type { Counts } from './count-ballots.ts';
import type { DecodedBallot } from '../encoding/ballot-codec.ts';

export const hex = bytesToHex;
export const sc = scalarToHex;

export function shufflePayload(
  groupId: string,
  mixNode: number,
  outputs: readonly (readonly Uint8Array[])[],
  proof: ShuffleProof,
  trustee: number = mixNode,
): Json {
  return {
    groupId,
    mixNode,
    trustee,
    // The mixer's Ed25519 signature (PROTOCOL.md §7a); null where no trustee signs (this in-process runner).
    signature: null,
    outputs: outputs.map((ct) => ct.map(hex)),
    proof: {
      commitments: proof.commitments.map(hex),
      chain: proof.chain.map(hex),
      t1: hex(proof.t1),
      t2: hex(proof.t2),
      t3: hex(proof.t3),
      t4: proof.t4.map(([a, b]) => [hex(a), hex(b)]),
      tHat: proof.tHat.map(hex),
      s1: sc(proof.s1),
      s2: sc(proof.s2),
      s3: sc(proof.s3),
      s4: proof.s4.map(sc),
      sHat: proof.sHat.map(sc),
      sPrime: proof.sPrime.map(sc),
    },
  };
}

export function partialDecryptionPayload(groupId: string, pd: EncodedPartialDecryption): Json {
  return {
    groupId,
    trustee: pd.trustee,
    signature: null,
    shares: pd.shares.map((row) => row.map(hex)),
    proof: { challenge: sc(pd.proof.challenge), response: sc(pd.proof.response) },
  };
}

export function ballotJson(b: DecodedBallot): Json {
  return b.kind === 'list' ? { ...b, effectives: [...b.effectives], substitutes: [...b.substitutes] } : { ...b };
}

export function countsJson(c: Counts): Json {
  return {
    ...c,
    lists: c.lists.map((l) => ({ ...l, effectives: [...l.effectives], substitutes: [...l.substitutes] })),
  };
}
