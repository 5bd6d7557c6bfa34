// Acceptance: 3 trustees (2 of 3), 1,000 ballots, 2 mix nodes, decryption by 2 trustees,
// counts equal the plaintext votes, and the independent verifier accepts the record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { legalCount, inlineRunner, loadGroup, loadNodeWorkerPool } from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { definition, election, votes } from './test-election.ts';

const [brussels] = definition.constituencies;
if (brussels === undefined) throw new Error('test definition');

const group = await loadGroup('secp256k1');

describe('end to end', () => {
  test('2-of-3 trustees, 1,000 ballots, 2 mix nodes (worker pool of 2)', async () => {
    const pool = (await loadNodeWorkerPool()).createWorkerPool('secp256k1', 'mcl', 2);
    try {
      const ballots = votes(1000, 42);
      const outcome = await election(group, pool, {
        groups: [{ groupId: 'brussels/online/belgium', ballots }],
        decryptingTrustees: [2, 3],
      });
      assert.deepEqual(
        JSON.parse(JSON.stringify(outcome.counts.get('brussels/online/belgium'))),
        JSON.parse(JSON.stringify(legalCount(brussels, ballots))),
      );
      const result = await verifyRecord(outcome.record);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.summary.ballots, 1000);
      assert.equal(result.summary.shuffles, 2);
    } finally {
      await pool.close();
    }
  });

  test('fewer than t trustees cannot decrypt', async () => {
    await assert.rejects(
      election(group, inlineRunner(group), {
        groups: [{ groupId: 'brussels/online/belgium', ballots: votes(3, 1) }],
        decryptingTrustees: [1],
      }),
      /too-few-trustees/,
    );
  });

  test("a cheating trustee's partial decryption is detected and named; the others still decrypt", async () => {
    const outcome = await election(group, inlineRunner(group), {
      groups: [{ groupId: 'brussels/online/belgium', ballots: votes(5, 1) }],
      decryptingTrustees: [1, 2, 3],
      cheatingTrustee: 2,
    });
    assert.deepEqual(outcome.rejectedTrustees, [2]);
    const counts = outcome.counts.get('brussels/online/belgium');
    assert.deepEqual(JSON.parse(JSON.stringify(counts)), JSON.parse(JSON.stringify(legalCount(brussels, votes(5, 1)))));
    const result = await verifyRecord(outcome.record);
    assert.ok(!result.ok);
    assert.equal(result.check, 'decryption-proof');
    assert.match(result.location, /trustee 2/);
  });
});
