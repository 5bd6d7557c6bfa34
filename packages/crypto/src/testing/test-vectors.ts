// The content of test-vectors/vectors.json (see generate-test-vectors.ts): each algorithm of
// PROTOCOL.md run once per group on small fixed inputs, with its randomness written out.
import { createRistretto255Noble } from '../group/ristretto255-noble.ts';
import { createSecp256k1Noble } from '../group/secp256k1-noble.ts';
import type { Group } from '../group/group.ts';
import { bytesToHex, mod, randomScalar, scalarToHex } from '../group/scalar.ts';
import { hashInputs, hashToScalar, type HashInput } from '../hash/hash-input.ts';
import { hashToElement } from '../hash/hash-to-element.ts';
import { encodeBallot, type BallotLayout, type PlainBallot } from '../encoding/ballot-codec.ts';
import { embed } from '../encoding/embed.ts';
import { encryptBallot } from '../ballot/encrypt-ballot.ts';
import { proveSchnorr } from '../proofs/schnorr.ts';
import { partialDecrypt } from '../decrypt/partial-decryption.ts';
import { shuffleAndProve } from '../shuffle/shuffle-prove.ts';
import { inlineRunner } from '../parallel/runner.ts';
import { keyFingerprint } from '../board/key-fingerprint.ts';
import { trackingCode } from '../board/tracking-code.ts';
import { boardHeadHash } from '../board/board-head.ts';
import { shufflePayload } from '../record/payloads.ts';
import type { Json } from '../record/canonical-json.ts';

export const VECTORS_FORMAT = 'isoloir-test-vectors/1';

export const LAYOUT: BallotLayout = { maxListNumber: 12, maxEffectives: 24, maxSubstitutes: 40 };
export const PLAIN: PlainBallot = { kind: 'list', list: 7, headBox: false, effectives: [1, 3], substitutes: [2] };
export const BALLOT_CONTEXT = {
  electionId: 'BE-2029-chamber',
  constituency: 'liege',
  voterId: '00112233445566778899aabbccddeeff',
  ballotId: '4a1d7e2c-8c2b-4e0a-9a55-0d6f5c1b2e3f',
};
/** Hash sample: strings are hashed as text (tag 0x02), numbers as integers (0x03), arrays as lists (0x04). */
export const HASH_SAMPLE: { readonly label: string; readonly inputs: readonly HashInput[] } = {
  label: 'isoloir/v1/test',
  inputs: ['text', 42, [1, 'nested'], 0],
};

const hex = bytesToHex;
const sc = scalarToHex;

async function forGroup<P>(group: Group<P>): Promise<Json> {
  const q = group.order;
  const sk = randomScalar(q);
  const pk = group.mulBase(sk);
  const pkHex = hex(group.encode(pk));

  const hashing = {
    label: HASH_SAMPLE.label,
    inputs: HASH_SAMPLE.inputs as Json,
    hash: hex(hashInputs(HASH_SAMPLE.label, HASH_SAMPLE.inputs)),
    hashToScalar: sc(hashToScalar(q, HASH_SAMPLE.label, HASH_SAMPLE.inputs)),
    hashToElement: {
      label: 'isoloir/v1/shuffle-generator',
      inputs: [group.name, 'h0'],
      element: hex(group.encode(hashToElement(group, 'isoloir/v1/shuffle-generator', [group.name, 'h0']))),
    },
  };

  const chunks = encodeBallot(LAYOUT, PLAIN);
  const encoding = {
    layout: { ...LAYOUT },
    ballot: PLAIN as unknown as Json,
    chunks: chunks.map(hex),
    elements: chunks.map((c) => hex(group.encode(embed(group, c)))),
  };

  const { ballot, randomness } = encryptBallot(group, pk, LAYOUT, BALLOT_CONTEXT, PLAIN);
  const c = ballot.proof.challenge;
  const nonces = ballot.proof.responses.map((s, j) => mod(s - c * (randomness[j] ?? 0n), q));
  const ciphertexts = ballot.ciphertexts.flatMap((ct) => [hex(group.encode(ct.a)), hex(group.encode(ct.b))]);
  const proof = { challenge: sc(c), responses: ballot.proof.responses.map(sc) };
  const ballotProof = {
    context: { ...BALLOT_CONTEXT },
    publicKey: pkHex,
    messages: encoding.elements,
    randomness: randomness.map(sc),
    nonces: nonces.map(sc),
    commitments: nonces.map((w) => hex(group.encode(group.mulBase(w)))),
    ciphertexts,
    proof,
    trackingCode: trackingCode({
      electionId: BALLOT_CONTEXT.electionId,
      constituency: BALLOT_CONTEXT.constituency,
      ciphertexts,
      proof,
    }),
  };

  const schnorrContext = [BALLOT_CONTEXT.electionId, 1];
  const schnorr = proveSchnorr(group, 'isoloir/v1/trustee-key', schnorrContext, sk);
  const schnorrVector = {
    label: 'isoloir/v1/trustee-key',
    context: schnorrContext,
    secret: sc(sk),
    publicKey: pkHex,
    nonce: sc(mod(schnorr.response - schnorr.challenge * sk, q)),
    challenge: sc(schnorr.challenge),
    response: sc(schnorr.response),
  };

  const x = randomScalar(q);
  const decryptionContext = { electionId: BALLOT_CONTEXT.electionId, groupId: 'liege/online/belgium' };
  const pd = partialDecrypt(group, decryptionContext, 2, x, [ballot.ciphertexts]);
  const chaumPedersen = {
    context: decryptionContext,
    trustee: 2,
    secret: sc(x),
    verificationKey: hex(group.encode(group.mulBase(x))),
    ciphertexts: [ciphertexts],
    shares: pd.shares.map((row) => row.map((d) => hex(group.encode(d)))),
    nonce: sc(mod(pd.proof.response - pd.proof.challenge * x, q)),
    challenge: sc(pd.proof.challenge),
    response: sc(pd.proof.response),
  };

  const inputs = [1n, 2n, 3n].map((m) => {
    const r = randomScalar(q);
    return [group.encode(group.mulBase(r)), group.encode(group.add(group.mulBase(m), group.mul(pk, r)))];
  });
  const shuffleContext = { electionId: BALLOT_CONTEXT.electionId, groupId: 'liege/online/belgium', mixNode: 1 };
  const shuffled = await shuffleAndProve(group, inlineRunner(group), shuffleContext, group.encode(pk), inputs);
  const shuffle = {
    context: shuffleContext,
    publicKey: pkHex,
    inputs: inputs.map((ct) => ct.map(hex)),
    payload: shufflePayload(shuffleContext.groupId, 1, shuffled.outputs, shuffled.proof),
  };

  const fingerprint = keyFingerprint(group.name, pkHex) ?? '';
  const opening = {
    electionId: BALLOT_CONTEXT.electionId,
    seq: 0,
    kind: 'opening' as const,
    previous: '',
    publishedAt: '2029-06-02T08:00:00.000Z',
    keyFingerprint: fingerprint,
    total: 0,
    trackingCodes: [],
  };
  const openingHash = boardHeadHash(opening);
  const periodic = {
    electionId: BALLOT_CONTEXT.electionId,
    seq: 1,
    kind: 'periodic' as const,
    previous: openingHash,
    publishedAt: '2029-06-02T08:05:00.000Z',
    keyFingerprint: fingerprint,
    total: 1,
    trackingCodes: [ballotProof.trackingCode],
  };
  const board = {
    keyFingerprint: fingerprint,
    heads: [
      { ...opening, hash: openingHash },
      { ...periodic, hash: boardHeadHash(periodic) },
    ],
  };

  return {
    group: group.name,
    secretKey: sc(sk),
    publicKey: pkHex,
    hashing,
    encoding,
    ballotProof,
    schnorr: schnorrVector,
    chaumPedersen,
    shuffle,
    board,
  };
}

export async function buildTestVectors(seed: string): Promise<Json> {
  const groups: Group<unknown>[] = [createSecp256k1Noble(), createRistretto255Noble()];
  const vectors: Json[] = [];
  for (const group of groups) vectors.push(await forGroup(group));
  return {
    format: VECTORS_FORMAT,
    seed,
    note: 'Generated by packages/crypto/src/testing/generate-test-vectors.ts; see PROTOCOL.md §10.',
    groups: vectors,
  };
}
