// The trustee signatures as the trustee tool makes them (node:crypto) and as the server and the
// verifier check them (here, noble): the same bytes, the same digests; a forger's changes fail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { canonicalJson, type Json } from '../record/canonical-json.ts';
import {
  partialSigningBody,
  proofDigest,
  rowsDigest,
  shuffleSigningBody,
  SIGNING_LABELS,
  trusteeMessage,
  trusteeSignatureValid,
  trusteeSigner,
} from './trustee-signing.ts';

/** A trustee's key as the trustee tool makes it (node:crypto), with its raw public key in hex. */
function nodeKey(): { publicHex: string; sign(label: string, body: Json): string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  return {
    publicHex,
    sign: (label, body) =>
      sign(null, Buffer.from(`${label}\n${canonicalJson(body)}`, 'utf8'), privateKey).toString('hex'),
  };
}

/** The digest of rows as the server computed it before it moved here (node:crypto). */
function nodeRowsDigest(rows: readonly (readonly Uint8Array[])[]): string {
  const h = createHash('sha512');
  const head = Buffer.alloc(12);
  head.writeUInt32BE(rows.length, 0);
  head.writeUInt32BE(rows[0]?.length ?? 0, 4);
  head.writeUInt32BE(rows[0]?.[0]?.length ?? 0, 8);
  h.update(head);
  for (const row of rows) for (const el of row) h.update(el);
  return h.digest('hex');
}

const rows = [
  [new Uint8Array([2, 1, 2, 3]), new Uint8Array([3, 4, 5, 6])],
  [new Uint8Array([2, 7, 8, 9]), new Uint8Array([3, 0, 0, 1])],
];
const proof = { challenge: 'ab'.repeat(32), response: 'cd'.repeat(32) };

describe('trustee signatures', () => {
  test('a signature made with node:crypto verifies here, and one made here verifies with node:crypto’s message', () => {
    const key = nodeKey();
    const body = { electionId: 'E', trustee: 2, kind: 'dealing', payload: { commitments: ['02aa'] } };
    assert.ok(trusteeSignatureValid(key.publicHex, SIGNING_LABELS.post, body, key.sign(SIGNING_LABELS.post, body)));
    const mine = trusteeSigner('11'.repeat(32));
    assert.ok(trusteeSignatureValid(mine.publicHex, SIGNING_LABELS.post, body, mine.sign(SIGNING_LABELS.post, body)));
    assert.equal(
      Buffer.from(trusteeMessage(SIGNING_LABELS.post, body)).toString('utf8'),
      `isoloir/v1/ceremony-post\n${canonicalJson(body)}`,
    );
  });

  test('a forger: another body, another label, another key, a flipped bit, a malformed or missing signature', () => {
    const key = nodeKey();
    const other = nodeKey();
    const body = shuffleSigningBody({
      electionId: 'E',
      groupId: 'liege/online/belgium',
      mixNode: 1,
      trustee: 1,
      outputs: rows,
      proof,
    });
    const signature = key.sign(SIGNING_LABELS.shuffle, body);
    assert.ok(trusteeSignatureValid(key.publicHex, SIGNING_LABELS.shuffle, body, signature));
    // Re-labelled as another trustee's shuffle (attacker finding 3): the body changes, the signature fails.
    assert.equal(
      trusteeSignatureValid(
        key.publicHex,
        SIGNING_LABELS.shuffle,
        { ...(body as Record<string, Json>), trustee: 2 },
        signature,
      ),
      false,
    );
    assert.equal(trusteeSignatureValid(key.publicHex, SIGNING_LABELS.partial, body, signature), false);
    assert.equal(trusteeSignatureValid(other.publicHex, SIGNING_LABELS.shuffle, body, signature), false);
    const flipped = (signature.startsWith('0') ? '1' : '0') + signature.slice(1);
    assert.equal(trusteeSignatureValid(key.publicHex, SIGNING_LABELS.shuffle, body, flipped), false);
    for (const bad of [null, '', 'zz'.repeat(64), signature.slice(2), signature.toUpperCase()])
      assert.equal(trusteeSignatureValid(key.publicHex, SIGNING_LABELS.shuffle, body, bad), false);
    for (const badKey of ['', '00'.repeat(31), 'gg'.repeat(32), key.publicHex.toUpperCase()])
      assert.equal(trusteeSignatureValid(badKey, SIGNING_LABELS.shuffle, body, signature), false);
  });

  test('the digests are the ones the server computed with node:crypto; a changed row or proof changes them', () => {
    assert.equal(rowsDigest(rows), nodeRowsDigest(rows));
    assert.equal(rowsDigest([]), nodeRowsDigest([]));
    assert.equal(proofDigest(proof), createHash('sha512').update(canonicalJson(proof)).digest('hex'));
    const changed = rows.map((r) => r.map((e) => Uint8Array.from(e)));
    (changed[1] as Uint8Array[])[1] = new Uint8Array([3, 0, 0, 2]);
    assert.notEqual(rowsDigest(changed), rowsDigest(rows));
    assert.notEqual(proofDigest({ ...proof, response: 'cd'.repeat(31) + 'ce' }), proofDigest(proof));
    const partial = partialSigningBody({ electionId: 'E', groupId: 'g', trustee: 3, shares: rows, proof });
    assert.deepEqual(partial, {
      electionId: 'E',
      groupId: 'g',
      trustee: 3,
      shares: nodeRowsDigest(rows),
      proof: proofDigest(proof),
    });
  });
});
