// When the audit heads are published (start, phase changes, interval, never while the log is
// quiet), what a checkpoint holds and signs, the public route, and the phase list the migration's
// partial index repeats.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { verifyAuditHeadsSignature } from '@isoloir/crypto';
import { appendAudit, auditCheckpointHash, AUDIT_PHASE_ACTIONS, type AuditEvent } from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import { auditHeadsPolicyFromEnv, publishDueAuditHeads } from './audit-clerk.ts';
import { auditHeadsSchema } from './schema.ts';

const policy = { everyMs: 10 * 60_000 };
const at = (minutes: number): Date => new Date(Date.UTC(2029, 4, 20, 8, minutes));

async function audit(store: TestStore, event: AuditEvent): Promise<void> {
  await store.db.transaction().execute((trx) => appendAudit(trx, event));
}

test('the phase changes are the ones the partial index audit_log_phases lists (migration 0022)', () => {
  const migration = readFileSync(
    new URL('../../../../packages/store/migrations/0022_audit_checkpoints.sql', import.meta.url),
    'utf8',
  );
  const indexed = [...(/where action in \(([^)]*)\)/.exec(migration)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(indexed, [...AUDIT_PHASE_ACTIONS]);
});

test('ISOLOIR_AUDIT_HEADS_EVERY_MINUTES sets the interval; nonsense keeps 15 minutes', () => {
  assert.equal(auditHeadsPolicyFromEnv({ ISOLOIR_AUDIT_HEADS_EVERY_MINUTES: '2.5' }).everyMs, 150_000);
  assert.equal(auditHeadsPolicyFromEnv({ ISOLOIR_AUDIT_HEADS_EVERY_MINUTES: '-1' }).everyMs, 900_000);
  assert.equal(auditHeadsPolicyFromEnv({}).everyMs, 900_000);
});

for (const database of testDatabases()) {
  describe(`audit heads published on ${database.name}`, () => {
    let store: TestStore;
    before(async () => {
      store = await database.open();
    });
    after(async () => {
      await store.close();
    });

    test('at start, at a phase change, after the interval; never while no chain moves', async () => {
      await audit(store, { actor: 'cli', action: 'role.granted', subject: 'official:a' });
      const start = await publishDueAuditHeads(store, policy, at(0), true);
      assert.equal(start?.reason, 'start');
      assert.equal(start.seq, 0);
      assert.equal(start.previous, '');
      assert.equal(start.shards.length, 1);
      // Quiet log: nothing, even after the interval.
      assert.equal(await publishDueAuditHeads(store, policy, at(15), false), undefined);

      await audit(store, { actor: 'cli', action: 'role.granted', subject: 'official:b' });
      assert.equal(await publishDueAuditHeads(store, policy, at(5), false), undefined, 'interval not over yet');
      // A phase change is published at the next tick, interval or not.
      await audit(store, { actor: 'official:po', action: 'voting.period.opened', subject: 'demo-election' });
      const phase = await publishDueAuditHeads(store, policy, at(5), false);
      assert.equal(phase?.reason, 'phase');
      assert.deepEqual(phase.phases, [{ action: 'voting.period.opened', subject: 'demo-election' }]);
      assert.equal(phase.previous, start.hash);
      assert.equal(await publishDueAuditHeads(store, policy, at(5), false), undefined, 'published once');

      await audit(store, { actor: 'cli', action: 'role.granted', subject: 'official:c' });
      assert.equal(await publishDueAuditHeads(store, policy, at(5), false), undefined);
      const periodic = await publishDueAuditHeads(store, policy, at(15), false);
      assert.equal(periodic?.reason, 'periodic');
      assert.equal(periodic.seq, 2);
      const entries = periodic.shards.reduce((n, s) => n + Number(s.position), 0);
      assert.equal(entries, 4, 'every entry is under the latest checkpoint');
    });

    test('GET /api/audit/heads: anybody reads the checkpoints, each hashed and signed with the receipt key', async () => {
      const app = await buildApp({ store });
      try {
        const response = await app.inject({ method: 'GET', url: '/api/audit/heads?from=1' });
        assert.equal(response.statusCode, 200);
        const doc = auditHeadsSchema.parse(response.json());
        assert.deepEqual(
          doc.checkpoints.map((c) => c.seq),
          [1, 2],
        );
        const receiptKey = await store.db
          .selectFrom('server_keys')
          .select('public_key')
          .where('purpose', '=', 'receipt-signing')
          .executeTakeFirstOrThrow();
        assert.equal(doc.publicKey, receiptKey.public_key);
        for (const cp of doc.checkpoints) {
          assert.equal(auditCheckpointHash(cp), cp.hash);
          assert.ok(verifyAuditHeadsSignature(doc.publicKey, cp));
          assert.ok(!verifyAuditHeadsSignature(doc.publicKey, { ...cp, reason: 'manual' }), 'the reason is signed');
        }
      } finally {
        await app.close();
      }
    });
  });
}
