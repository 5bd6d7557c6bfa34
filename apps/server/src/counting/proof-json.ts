// A shuffle proof (packages/crypto) in the JSON form the record, the upload route and the
// verifier read: group elements and scalars as lower-case hex.
import { scalarToHex, type ShuffleProof } from '@isoloir/crypto';
import { toHex } from './blob.ts';

export function shuffleProofJson(proof: ShuffleProof): Record<string, unknown> {
  return {
    commitments: proof.commitments.map(toHex),
    chain: proof.chain.map(toHex),
    t1: toHex(proof.t1),
    t2: toHex(proof.t2),
    t3: toHex(proof.t3),
    t4: proof.t4.map(([a, b]) => [toHex(a), toHex(b)]),
    tHat: proof.tHat.map(toHex),
    s1: scalarToHex(proof.s1),
    s2: scalarToHex(proof.s2),
    s3: scalarToHex(proof.s3),
    s4: proof.s4.map(scalarToHex),
    sHat: proof.sHat.map(scalarToHex),
    sPrime: proof.sPrime.map(scalarToHex),
  };
}
