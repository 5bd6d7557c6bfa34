// The trustees' count spread over worker processes through their job queue (PostgreSQL, pg-boss):
// the demo's Chamber with every trustee step queued and done by two `isoloir trustee worker`
// processes gives a record that verifies and PV figures equal to the independent recount, as the
// single-process path does (demo.test.ts); several workers shared the groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyRecord } from '@isoloir/verifier';
import { runDemo } from './demo-run.ts';
import { assertPvsEqualRecount } from './demo-recount.ts';
import { QUEUE_SCHEMA } from './trustee-queue.ts';

const url = process.env['DATABASE_URL'];

test(
  'trustee job queue: the demo counted by worker processes equals the recount',
  { skip: url === undefined || url === '' ? 'needs DATABASE_URL (a PostgreSQL for the queue)' : false },
  async () => {
    assert.ok(url !== undefined);
    const name = `isoloir_queue_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const queue = new URL(url);
    queue.pathname = `/${name}`;
    const out = mkdtempSync(join(tmpdir(), 'isoloir-queue-'));
    try {
      const plainLog = join(out, 'plain.json');
      const lines: string[] = [];
      const summary = await runDemo({
        voters: 250,
        out,
        seed: 7,
        fullDay: false,
        plaintextLog: plainLog,
        trusteeQueue: queue.toString(),
        log: (l) => lines.push(l),
      });
      assert.deepEqual(summary.withheld, []);
      assert.ok(summary.groups > 1);
      const record = JSON.parse(readFileSync(join(out, 'record'), 'utf8')) as unknown;
      const verified = await verifyRecord(record);
      assert.equal(verified.ok, true, JSON.stringify(verified));
      assert.deepEqual(assertPvsEqualRecount(summary, plainLog), ['demo-2029-chamber']);

      // Every group's shuffle and decryption went through the queue, done by worker processes.
      const client = new pg.Client({ connectionString: queue.toString() });
      await client.connect();
      try {
        const rows = (
          await client.query<{ name: string; kind: string; worker: string; n: string }>(
            `select name, output->>'kind' as kind, output->>'worker' as worker, count(*)::text as n
               from ${QUEUE_SCHEMA}.job where state = 'completed' group by 1, 2, 3`,
          )
        ).rows;
        const done = (step: string): number =>
          rows
            .filter((r) => r.kind === 'done' && r.name.startsWith(`isoloir.${step}.`))
            .reduce((a, r) => a + Number(r.n), 0);
        // Two trustees shuffle and decrypt each group: 2 × groups jobs of each step, all done.
        assert.equal(done('mix'), 2 * summary.groups, JSON.stringify(rows));
        assert.equal(done('decrypt'), 2 * summary.groups, JSON.stringify(rows));
        assert.ok(!rows.some((r) => r.kind === 'refused'), JSON.stringify(rows));
        const workers = new Set(rows.filter((r) => r.kind === 'done').map((r) => r.worker));
        assert.ok(workers.size >= 2, `groups done by ${[...workers].join(', ')}`);
      } finally {
        await client.end();
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  },
);
