// The insider with database access, after the audit heads were published: each of the three
// rewritings that pass `isoloir audit verify` alone (a chain re-hashed, a chain cut shorter with its
// head moved, entries renumbered) is caught against the published heads; so is a forged file. An
// honest log, still growing after the last checkpoint, passes. PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { auditHeadsMessage, boardKeyId } from '@isoloir/crypto';
import { buildApp } from '@isoloir/server';
import { publishAuditCheckpoint, type AuditHeadsDocument } from '@isoloir/server/audit';
import {
  appendAudit,
  auditCheckpointHash,
  auditEntryHash,
  openStore,
  shardGenesis,
  verifyAuditChain,
  type Store,
} from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { auditReport } from './audit.ts';
import { checkAgainstHeads, databaseReceiptKey, parseHeadsFile, type HeadsReport } from './audit-heads-check.ts';

const MAIN = new URL('../main.ts', import.meta.url).pathname;

async function write(store: Store, count: number, from = 0): Promise<void> {
  // Transactions of 5 entries (one transaction's entries stay in one chain), 4 at once: several chains.
  const transactions = Array.from({ length: Math.ceil(count / 5) }, (_, t) => t);
  for (let i = 0; i < transactions.length; i += 4)
    await Promise.all(
      transactions.slice(i, i + 4).map((t) =>
        store.db.transaction().execute(async (trx) => {
          for (let j = t * 5; j < Math.min(count, t * 5 + 5); j += 1)
            await appendAudit(trx, {
              actor: 'official:dev-po-admin',
              action: 'role.granted',
              subject: `official:o-${String(from + j)}`,
              details: { role: 'observer' },
            });
        }),
      ),
    );
}

/** A log of 40 entries with two published checkpoints, 6 entries after them, and the heads as downloaded. */
async function published(store: Store): Promise<AuditHeadsDocument> {
  await write(store, 24);
  await publishAuditCheckpoint(store, 'start', [], new Date());
  await write(store, 10, 24);
  await publishAuditCheckpoint(store, 'periodic', [], new Date());
  await write(store, 6, 34);
  const app = await buildApp({ store });
  try {
    const response = await app.inject({ method: 'GET', url: '/api/audit/heads' });
    assert.equal(response.statusCode, 200);
    const doc = parseHeadsFile(response.body);
    if (typeof doc === 'string') assert.fail(doc);
    return doc;
  } finally {
    await app.close();
  }
}

async function check(store: Store, doc: AuditHeadsDocument): Promise<HeadsReport> {
  return checkAgainstHeads(store, doc, (await databaseReceiptKey(store)) ?? '', await auditReport(store));
}

/** The chains the last published checkpoint shows, longest first: { shard, position }. */
function chains(doc: AuditHeadsDocument): { shard: number; position: bigint }[] {
  const list = (doc.checkpoints.at(-1)?.shards ?? [])
    .map((s) => ({ shard: s.shard, position: BigInt(s.position) }))
    .sort((a, b) => Number(b.position - a.position));
  assert.ok(list.length >= 3 && (list[2]?.position ?? 0n) >= 3n, 'three chains of at least 3 entries');
  return list;
}

async function unlocked(store: Store, work: () => Promise<void>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
  await work();
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(store.db);
}

/** The insider's rewrite: every entry of `shard` re-hashed in order, and its head moved to the new tip. */
async function rehashChain(store: Store, shard: number): Promise<void> {
  const rows = await store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('shard', '=', shard)
    .orderBy('shard_seq')
    .execute();
  let prevHash = shardGenesis(shard);
  for (const row of rows) {
    const hash = auditEntryHash({
      shardSeq: BigInt(row.shard_seq),
      at: row.at,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      details: row.details as Record<string, unknown>,
      prevHash,
    });
    await sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`.execute(store.db);
    prevHash = hash;
  }
  const last = rows.at(-1);
  await sql`update audit_shards set seq = ${last?.shard_seq ?? '0'}, hash = ${prevHash} where shard = ${shard}`.execute(
    store.db,
  );
}

async function truncate(store: Store, shard: number, keep: bigint): Promise<void> {
  await unlocked(store, async () => {
    await sql`delete from audit_log where shard = ${shard} and shard_seq > ${keep.toString()}`.execute(store.db);
    const tip = await store.db
      .selectFrom('audit_log')
      .select('hash')
      .where('shard', '=', shard)
      .where('shard_seq', '=', keep.toString())
      .executeTakeFirstOrThrow();
    await sql`update audit_shards set seq = ${keep.toString()}, hash = ${tip.hash} where shard = ${shard}`.execute(
      store.db,
    );
  });
}

for (const database of testDatabases()) {
  // One database for the whole sequence (opening one is slow): the honest log, the forged files,
  // then each attack on a chain of its own, each caught while the earlier ones stay reported.
  describe(`isoloir audit verify --heads on ${database.name}`, () => {
    let store: TestStore;
    let doc: AuditHeadsDocument;
    let targets: { shard: number; position: bigint }[];
    before(async () => {
      store = await database.open();
      doc = await published(store);
      targets = chains(doc);
    });
    after(async () => {
      await store.close();
    });

    test('an honest log, grown since the last checkpoint, matches the published heads', async () => {
      assert.equal(doc.checkpoints.length, 2);
      const report = await check(store, doc);
      assert.equal(report.exitCode, 0, report.lines.join('\n'));
      assert.match(report.lines[1] ?? '', /matches 2 published checkpoint\(s\), the latest #1 \(periodic/);
    });

    test('a forged heads file is refused: a signature changed, content re-hashed, another key (heads-signature)', async () => {
      const first = doc.checkpoints[0];
      assert.ok(first !== undefined);
      const flip = (hex: string): string => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
      let report = await check(store, { ...doc, checkpoints: [{ ...first, signature: flip(first.signature) }] });
      assert.equal(report.check, 'heads-signature', report.lines.join('\n'));
      assert.equal(report.exitCode, 3);
      assert.match(report.lines.join('\n'), /checkpoint #0: its signature is not the server's/);

      // Heads that would hide a truncation: shorter positions, the checkpoint re-hashed, the signature kept.
      const shorter = { ...first, shards: first.shards.map((s) => ({ ...s, position: '1' })) };
      const rehashed = { ...shorter, hash: auditCheckpointHash(shorter) };
      report = await check(store, { ...doc, checkpoints: [rehashed] });
      assert.equal(report.check, 'heads-signature');
      assert.match(report.lines.join('\n'), /checkpoint #0: its signature is not the server's/);

      // A file signed by somebody else's key, presented with that key.
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const otherKey = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
      const keyId = boardKeyId(otherKey);
      const statement = { seq: rehashed.seq, reason: rehashed.reason, hash: rehashed.hash, keyId };
      const resigned = {
        ...rehashed,
        keyId,
        signature: sign(null, auditHeadsMessage(statement), privateKey).toString('hex'),
      };
      report = await check(store, { ...doc, publicKey: otherKey, keyId, checkpoints: [resigned] });
      assert.equal(report.check, 'heads-signature');
      assert.match(report.lines.join('\n'), /the file's key .* is not the server's/);
    });

    test('entries renumbered (two swapped in the global order): the chain check passes, the heads do not (renumbered)', async () => {
      const shard = targets[2]?.shard ?? -1;
      const [a, b] = await store.db
        .selectFrom('audit_log')
        .select(['seq'])
        .where('shard', '=', shard)
        .orderBy('shard_seq')
        .limit(2)
        .execute();
      assert.ok(a !== undefined && b !== undefined);
      await unlocked(store, async () => {
        await sql`update audit_log set seq = 999999 where seq = ${a.seq}`.execute(store.db);
        await sql`update audit_log set seq = ${a.seq} where seq = ${b.seq}`.execute(store.db);
        await sql`update audit_log set seq = ${b.seq} where seq = 999999`.execute(store.db);
      });
      assert.equal((await verifyAuditChain(store.db)).ok, true, 'the renumbering passes the chain check alone');
      const report = await check(store, doc);
      assert.equal(report.check, 'renumbered', report.lines.join('\n'));
      assert.equal(report.exitCode, 7);
      assert.match(
        report.lines.join('\n'),
        new RegExp(`chain ${String(shard)} up to position \\d+: entries numbered otherwise`),
      );
    });

    test('a chain rewritten and re-hashed: the chain check passes, the heads do not (rewritten)', async () => {
      const shard = targets[1]?.shard ?? -1;
      await unlocked(store, async () => {
        await sql`update audit_log set details = '{"role":"po-admin"}'::jsonb where shard = ${shard} and shard_seq = 1`.execute(
          store.db,
        );
        await rehashChain(store, shard);
      });
      assert.equal((await verifyAuditChain(store.db)).ok, true, 'the rewrite passes the chain check alone');
      const report = await check(store, doc);
      assert.equal(report.check, 'rewritten', report.lines.join('\n'));
      assert.equal(report.exitCode, 6);
      assert.match(report.lines.join('\n'), new RegExp(`chain ${String(shard)}, position \\d+: not the entry`));
      assert.match(report.lines.join('\n'), /\[renumbered\]/, 'the earlier attack is still reported');
    });

    test('a chain cut shorter, its head moved back: the chain check passes, the heads do not (truncated)', async () => {
      const target = targets[0];
      assert.ok(target !== undefined);
      await truncate(store, target.shard, target.position - 2n);
      assert.equal((await verifyAuditChain(store.db)).ok, true, 'the truncation passes the chain check alone');
      const report = await check(store, doc);
      assert.equal(report.check, 'truncated', report.lines.join('\n'));
      assert.equal(report.exitCode, 5);
      assert.match(
        report.lines.join('\n'),
        new RegExp(`chain ${String(target.shard)} holds ${(target.position - 2n).toString()} entries`),
      );
    });
  });
}

describe('isoloir audit verify --heads (the command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-audit-heads-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [MAIN, 'audit', 'verify', '--data', join(dir, 'db'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });

  test('exit 0 on the honest log, 5 once a chain was truncated, 2 for a file that is not heads', async () => {
    let store = await openStore({ dataDir: join(dir, 'db') });
    const doc = await published(store);
    const file = join(dir, 'heads.json');
    writeFileSync(file, JSON.stringify(doc));
    const target = chains(doc)[0];
    assert.ok(target !== undefined);
    await store.close();

    let result = run('--heads', file);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /audit log intact: 40 entries .*\nmatches 2 published checkpoint/);

    store = await openStore({ dataDir: join(dir, 'db') });
    await truncate(store, target.shard, target.position - 1n);
    await store.close();
    result = run('--heads', file);
    assert.equal(result.status, 5, result.stderr);
    assert.match(result.stderr, /audit log BROKEN \[truncated\]: chain \d+ holds/);

    writeFileSync(file, '{"format":"something else"}');
    result = run('--heads', file);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /\[heads-file\]/);
  });
});
