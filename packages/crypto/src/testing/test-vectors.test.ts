// test-vectors/vectors.json is what the generator writes (deterministic), and every expected output
// in it is recomputed here from its inputs and written-out randomness, by the formulas of
// PROTOCOL.md (group operations and hashing only), then checked by the package's verifiers.
// The shuffle vector is checked by @isoloir/verifier (packages/verifier/src/test-vectors.test.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createRistretto255Noble } from '../group/ristretto255-noble.ts';
import { createSecp256k1Noble } from '../group/secp256k1-noble.ts';
import type { Group } from '../group/group.ts';
import { bytesToHex, hexToBytes, hexToScalar } from '../group/scalar.ts';
import { hashInputs, hashToScalar, type HashInput } from '../hash/hash-input.ts';
import { hashToElement } from '../hash/hash-to-element.ts';
import { encodeBallot, type BallotLayout, type PlainBallot } from '../encoding/ballot-codec.ts';
import { embed } from '../encoding/embed.ts';
import { verifyEncryption } from '../proofs/encryption-proof.ts';
import { verifySchnorr } from '../proofs/schnorr.ts';
import { verifyPartialDecryption } from '../decrypt/partial-decryption.ts';
import { trackingCode } from '../board/tracking-code.ts';
import { keyFingerprint } from '../board/key-fingerprint.ts';
import { boardHeadHash, checkHeadChain, type PublishedHead } from '../board/board-head.ts';

const FILE = new URL('../../test-vectors/vectors.json', import.meta.url);

interface GroupVectors {
  group: string;
  secretKey: string;
  publicKey: string;
  hashing: {
    label: string;
    inputs: HashInput[];
    hash: string;
    hashToScalar: string;
    hashToElement: { label: string; inputs: string[]; element: string };
  };
  encoding: { layout: BallotLayout; ballot: PlainBallot; chunks: string[]; elements: string[] };
  ballotProof: {
    context: { electionId: string; constituency: string; voterId: string; ballotId: string };
    publicKey: string;
    messages: string[];
    randomness: string[];
    nonces: string[];
    commitments: string[];
    ciphertexts: string[];
    proof: { challenge: string; responses: string[] };
    trackingCode: string;
  };
  schnorr: {
    label: string;
    context: HashInput[];
    secret: string;
    publicKey: string;
    nonce: string;
    challenge: string;
    response: string;
  };
  chaumPedersen: {
    context: { electionId: string; groupId: string };
    trustee: number;
    secret: string;
    verificationKey: string;
    ciphertexts: string[][];
    shares: string[][];
    nonce: string;
    challenge: string;
    response: string;
  };
  board: { keyFingerprint: string; heads: PublishedHead[] };
}

const file = JSON.parse(readFileSync(FILE, 'utf8')) as { format: string; groups: GroupVectors[] };
const groups = new Map<string, Group<unknown>>([
  ['secp256k1', createSecp256k1Noble()],
  ['ristretto255', createRistretto255Noble()],
]);

describe('test vectors', () => {
  test('the file is exactly what the generator writes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'isoloir-vectors-')), 'vectors.json');
    execFileSync(process.execPath, [new URL('./generate-test-vectors.ts', import.meta.url).pathname, out], {
      stdio: 'pipe',
    });
    assert.equal(
      readFileSync(out, 'utf8'),
      readFileSync(FILE, 'utf8'),
      'regenerate with: node packages/crypto/src/testing/generate-test-vectors.ts',
    );
  });

  assert.equal(file.format, 'isoloir-test-vectors/1');
  assert.deepEqual(
    file.groups.map((g) => g.group),
    ['secp256k1', 'ristretto255'],
  );
  for (const v of file.groups) {
    const group = groups.get(v.group);
    assert.ok(group !== undefined);
    const q = group.order;
    const el = (h: string): unknown => {
      const p = group.decode(hexToBytes(h) ?? new Uint8Array());
      assert.ok(p !== undefined, `not an element: ${h}`);
      return p;
    };
    const s = (h: string): bigint => {
      const k = hexToScalar(h, q);
      assert.ok(k !== undefined, `not a scalar: ${h}`);
      return k;
    };
    const enc = (p: unknown): string => bytesToHex(group.encode(p));
    const G = group.generator;

    test(`${v.group}: key, hashing and hash to element`, () => {
      assert.equal(enc(group.mulBase(s(v.secretKey))), v.publicKey);
      assert.equal(bytesToHex(hashInputs(v.hashing.label, v.hashing.inputs)), v.hashing.hash);
      assert.equal(hashToScalar(q, v.hashing.label, v.hashing.inputs), s(v.hashing.hashToScalar));
      assert.equal(
        enc(hashToElement(group, v.hashing.hashToElement.label, v.hashing.hashToElement.inputs)),
        v.hashing.hashToElement.element,
      );
    });

    test(`${v.group}: ballot encoding and embedding`, () => {
      assert.deepEqual(encodeBallot(v.encoding.layout, v.encoding.ballot).map(bytesToHex), v.encoding.chunks);
      assert.deepEqual(
        v.encoding.chunks.map((c) => enc(embed(group, hexToBytes(c) ?? new Uint8Array()))),
        v.encoding.elements,
      );
    });

    test(`${v.group}: ballot encryption, proof (constituency bound) and tracking code`, () => {
      const b = v.ballotProof;
      const pk = el(b.publicKey);
      const pairs = b.messages.map((m, j) => {
        const r = s(b.randomness[j] ?? '');
        return [enc(group.mulBase(r)), enc(group.add(el(m), group.mul(pk, r)))];
      });
      assert.deepEqual(pairs.flat(), b.ciphertexts);
      assert.deepEqual(
        b.nonces.map((w) => enc(group.mulBase(s(w)))),
        b.commitments,
      );
      const c = hashToScalar(q, 'isoloir/v1/ballot-proof', [
        group.name,
        b.context.electionId,
        b.context.constituency,
        b.context.voterId,
        b.context.ballotId,
        group.encode(G),
        group.encode(pk),
        pairs.map(([a, bb]) => [hexToBytes(a ?? '') ?? new Uint8Array(), hexToBytes(bb ?? '') ?? new Uint8Array()]),
        b.commitments.map((t) => hexToBytes(t) ?? new Uint8Array()),
      ]);
      assert.equal(c, s(b.proof.challenge));
      assert.deepEqual(
        b.nonces.map((w, j) => (s(w) + c * s(b.randomness[j] ?? '')) % q),
        b.proof.responses.map(s),
      );
      const cts = pairs.map(([a, bb]) => ({ a: el(a ?? ''), b: el(bb ?? '') }));
      const proof = { challenge: c, responses: b.proof.responses.map(s) };
      assert.ok(verifyEncryption(group, b.context, pk, cts, proof));
      assert.equal(verifyEncryption(group, { ...b.context, constituency: 'namur' }, pk, cts, proof), false);
      assert.equal(
        trackingCode({
          electionId: b.context.electionId,
          constituency: b.context.constituency,
          ciphertexts: b.ciphertexts,
          proof: b.proof,
        }),
        b.trackingCode,
      );
    });

    test(`${v.group}: Schnorr proof`, () => {
      const x = s(v.schnorr.secret);
      const X = group.mulBase(x);
      assert.equal(enc(X), v.schnorr.publicKey);
      const w = s(v.schnorr.nonce);
      const c = hashToScalar(q, v.schnorr.label, [
        group.name,
        v.schnorr.context,
        group.encode(G),
        group.encode(X),
        group.encode(group.mulBase(w)),
      ]);
      assert.equal(c, s(v.schnorr.challenge));
      assert.equal((w + c * x) % q, s(v.schnorr.response));
      assert.ok(
        verifySchnorr(group, v.schnorr.label, v.schnorr.context, X, { challenge: c, response: s(v.schnorr.response) }),
      );
    });

    test(`${v.group}: partial decryption with its batched Chaum–Pedersen proof`, () => {
      const d = v.chaumPedersen;
      const x = s(d.secret);
      assert.equal(enc(group.mulBase(x)), d.verificationKey);
      const cts = d.ciphertexts.map((row) => {
        const out = [];
        for (let i = 0; i < row.length; i += 2) out.push({ a: el(row[i] ?? ''), b: el(row[i + 1] ?? '') });
        return out;
      });
      assert.deepEqual(
        cts.map((row) => row.map((c) => enc(group.mul(c.a, x)))),
        d.shares,
      );
      assert.equal((s(d.nonce) + s(d.challenge) * x) % q, s(d.response));
      const pd = {
        trustee: d.trustee,
        shares: d.shares.map((row) => row.map(el)),
        proof: { challenge: s(d.challenge), response: s(d.response) },
      };
      assert.ok(verifyPartialDecryption(group, d.context, el(d.verificationKey), cts, pd));
      assert.equal(
        verifyPartialDecryption(
          group,
          { ...d.context, groupId: 'namur/online/belgium' },
          el(d.verificationKey),
          cts,
          pd,
        ),
        false,
      );
    });

    test(`${v.group}: key fingerprint and board heads`, () => {
      assert.equal(keyFingerprint(v.group, v.publicKey), v.board.keyFingerprint);
      for (const h of v.board.heads) assert.equal(boardHeadHash(h), h.hash);
      assert.equal(checkHeadChain(v.board.heads), undefined);
      assert.ok(v.board.heads[1]?.trackingCodes.includes(v.ballotProof.trackingCode));
    });
  }
});
