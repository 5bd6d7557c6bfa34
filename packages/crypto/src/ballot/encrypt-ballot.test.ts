import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecp256k1Noble } from '../group/secp256k1-noble.ts';
import { createSecp256k1Mcl } from '../group/secp256k1-mcl.ts';
import { createRistretto255Noble } from '../group/ristretto255-noble.ts';
import { randomScalar } from '../group/scalar.ts';
import { auditBallot, encryptBallot, verifyBallot } from './encrypt-ballot.ts';
import { decryptWithSecret } from '../elgamal/elgamal.ts';
import { extract } from '../encoding/embed.ts';
import { decodeBallot, type BallotLayout, type PlainBallot } from '../encoding/ballot-codec.ts';
import type { Group } from '../group/group.ts';

const layout: BallotLayout = { maxListNumber: 12, maxEffectives: 24, maxSubstitutes: 200 };
const vote: PlainBallot = { kind: 'list', list: 7, headBox: false, effectives: [1, 3], substitutes: [2] };
const ctx = { electionId: 'E2027-chamber', constituency: 'liege', voterId: 'voter-1', ballotId: 'ballot-1' };

const groups = [createSecp256k1Noble(), createRistretto255Noble(), await createSecp256k1Mcl()] as Group<unknown>[];

describe('encrypted ballot', () => {
  for (const group of groups) {
    test(`encrypt, verify, decrypt, audit on ${group.name}/${group.backend}`, () => {
      const sk = randomScalar(group.order);
      const pk = group.mulBase(sk);
      const { ballot, randomness } = encryptBallot(group, pk, layout, ctx, vote);
      assert.equal(ballot.ciphertexts.length, 2);
      assert.ok(verifyBallot(group, pk, ctx, ballot));
      const plain = decodeBallot(
        layout,
        decryptWithSecret(group, sk, ballot.ciphertexts).map((m) => extract(group, m)),
      );
      assert.deepEqual(plain, { ...vote });
      const audited = auditBallot(group, pk, layout, ctx, ballot, randomness);
      assert.ok(audited.ok);
      assert.deepEqual(audited.value, { ...vote });
      assert.deepEqual(
        auditBallot(
          group,
          pk,
          layout,
          ctx,
          ballot,
          randomness.map((r) => r + 1n),
        ),
        { ok: false, error: 'randomness-mismatch' },
      );
    });
  }

  test('a ballot proven for one constituency is rejected in any other (moved ballot)', () => {
    const group = createSecp256k1Noble();
    const pk = group.mulBase(randomScalar(group.order));
    const { ballot } = encryptBallot(group, pk, layout, ctx, vote);
    assert.ok(verifyBallot(group, pk, ctx, ballot));
    for (const constituency of ['namur', 'liege ', 'Liege', ''])
      assert.equal(verifyBallot(group, pk, { ...ctx, constituency }, ballot), false, constituency);
  });

  test('a proof copied onto another voter or ballot id, or an altered component, is rejected', () => {
    const group = createSecp256k1Noble();
    const pk = group.mulBase(randomScalar(group.order));
    const { ballot } = encryptBallot(group, pk, layout, ctx, vote);
    assert.equal(verifyBallot(group, pk, { ...ctx, voterId: 'voter-2' }, ballot), false);
    assert.equal(verifyBallot(group, pk, { ...ctx, ballotId: 'ballot-2' }, ballot), false);
    assert.equal(verifyBallot(group, pk, { ...ctx, electionId: 'other' }, ballot), false);
    const [first, second] = ballot.ciphertexts;
    assert.ok(first !== undefined && second !== undefined);
    const altered = { ...ballot, ciphertexts: [{ a: first.a, b: group.add(first.b, group.generator) }, second] };
    assert.equal(verifyBallot(group, pk, ctx, altered), false);
    const other = encryptBallot(group, pk, layout, { ...ctx, voterId: 'voter-2' }, vote).ballot;
    assert.equal(verifyBallot(group, pk, { ...ctx, voterId: 'voter-2' }, { ...other, proof: ballot.proof }), false);
  });
});
