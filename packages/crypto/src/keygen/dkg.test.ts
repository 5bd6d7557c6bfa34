import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecp256k1Mcl } from '../group/secp256k1-mcl.ts';
import {
  checkShare,
  checkTrusteeKey,
  complaintUpheld,
  deal,
  electionPublicKey,
  qualifiedDealers,
  trusteeKey,
  verificationKey,
  type Complaint,
} from './dkg.ts';
import { encrypt, publicKey } from '../elgamal/elgamal.ts';
import { partialDecrypt, verifyPartialDecryption } from '../decrypt/partial-decryption.ts';
import { combine } from '../decrypt/combine.ts';
import { randomScalar } from '../group/scalar.ts';

const group = await createSecp256k1Mcl();
const params = { electionId: 'E1', threshold: 2, trustees: 3 };

function ceremony(cheater?: number) {
  const dealt = [1, 2, 3].map((i) => deal(group, params, i));
  const complaints: Complaint[] = [];
  for (const d of dealt) {
    for (let j = 1; j <= 3; j++) {
      const share = (d.shares[j - 1] ?? 0n) + (d.secret.dealer === cheater && j === 1 ? 1n : 0n);
      if (!checkShare(group, d.published, j, share))
        complaints.push({ by: j, against: d.secret.dealer, revealed: share });
    }
  }
  const pubs = dealt.map((d) => d.published);
  const qualified = qualifiedDealers(group, params, pubs, complaints);
  const keys = [1, 2, 3].map((j) =>
    trusteeKey(group, params, j, new Map(dealt.map((d) => [d.secret.dealer, d.shares[j - 1] ?? 0n])), qualified),
  );
  return { pubs, qualified, complaints, keys, pk: electionPublicKey(group, pubs, qualified) };
}

describe('threshold key generation and decryption (2 of 3)', () => {
  test('any 2 trustees decrypt; each verification key is publicly derivable and proven', () => {
    const { pubs, qualified, keys, pk } = ceremony();
    assert.deepEqual(qualified, [1, 2, 3]);
    for (const k of keys) {
      assert.ok(group.equals(k.verificationKey, verificationKey(group, pubs, qualified, k.trustee)));
      assert.ok(checkTrusteeKey(group, params, k.trustee, k.verificationKey, k.proof));
    }
    const m = group.mulBase(randomScalar(group.order));
    const cts = [encrypt(group, publicKey(group, pk), [m], [randomScalar(group.order)])];
    const ctx = { electionId: 'E1', groupId: 'g1' };
    for (const pair of [
      [1, 2],
      [1, 3],
      [3, 2],
    ]) {
      const partials = pair.map((j) => {
        const key = keys[j - 1];
        assert.ok(key !== undefined);
        const pd = partialDecrypt(group, ctx, j, key.secret, cts);
        assert.ok(verifyPartialDecryption(group, ctx, key.verificationKey, cts, pd));
        return pd;
      });
      const out = combine(group, 2, cts, partials);
      assert.ok(out.ok && group.equals(out.value[0]?.[0] ?? group.identity, m));
    }
    const key1 = keys[0];
    assert.ok(key1 !== undefined);
    assert.deepEqual(combine(group, 2, cts, [partialDecrypt(group, ctx, 1, key1.secret, cts)]), {
      ok: false,
      error: 'too-few-trustees',
    });
  });

  test('a dealer sending a bad share is caught by the complaint and disqualified', () => {
    const { complaints, qualified, pubs } = ceremony(2);
    assert.equal(complaints.length, 1);
    const [c] = complaints;
    assert.ok(c !== undefined && complaintUpheld(group, pubs[1] ?? pubs[0] ?? assert.fail(), c));
    assert.deepEqual(qualified, [1, 3]);
  });

  test("a cheating trustee's partial decryption fails its proof", () => {
    const { keys, pk } = ceremony();
    const key = keys[1];
    assert.ok(key !== undefined);
    const cts = [0, 1, 2].map(() =>
      encrypt(group, publicKey(group, pk), [group.generator], [randomScalar(group.order)]),
    );
    const ctx = { electionId: 'E1', groupId: 'g1' };
    const honest = partialDecrypt(group, ctx, 2, key.secret, cts);
    const forged = {
      ...honest,
      shares: honest.shares.map((row, i) => (i === 1 ? [group.add(row[0] ?? group.identity, group.generator)] : row)),
    };
    assert.equal(verifyPartialDecryption(group, ctx, key.verificationKey, cts, forged), false);
    assert.equal(verifyPartialDecryption(group, { ...ctx, groupId: 'g2' }, key.verificationKey, cts, honest), false);
  });
});
