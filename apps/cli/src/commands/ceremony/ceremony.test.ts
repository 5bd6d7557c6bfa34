// The key ceremony with three trustee processes (t = 2) against a server that is only a bulletin
// board: trustee 2 cheats (a wrong share to trustee 1, and the same wrong share revealed when
// accused); trustee 1's complaint is upheld and trustee 2 disqualified; the key is the sum over the
// qualified dealers 1 and 3. The trustees confirm each other's fingerprints out of band (here the
// DEMO-ONLY exchange file) before dealing; each share file pins the finished ceremony. Afterwards no
// secret share is found in any table of the server's database nor anywhere in its data folder (in
// hex or as raw bytes). (Issue 12, acceptance.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadGroup, hexToScalar } from '@isoloir/crypto';
import { openStore, type Store } from '@isoloir/store';
import { DEMO_ELECTION_ID } from '@isoloir/server';
import { DEMO_TRUSTEES, openCeremony } from '@isoloir/server/counting';
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import { demoShareFile, runCliProcess, startDemoFingerprintExchange } from './demo-trustees.ts';
import { openShareFile } from './share-file.ts';

const E = DEMO_ELECTION_ID;
const CHEATER = fileURLToPath(new URL('./cheating-dealer.fixture.ts', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('key ceremony: three trustee processes, one cheating dealer', () => {
  let dataDir: string;
  let trusteeDir: string;
  let store: Store;
  let server: DevServer;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'isoloir-ceremony-data-'));
    trusteeDir = mkdtempSync(join(tmpdir(), 'isoloir-ceremony-trustees-'));
    store = await openStore({ dataDir });
    server = await startDevServer({ store, demo: { voters: 40, abroadPerMille: 100, seed: 3 } });
  });
  after(async () => {
    await server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(trusteeDir, { recursive: true, force: true });
  });

  test('the cheater is caught by a complaint and disqualified; no share reaches the server', async () => {
    await openCeremony(store, E, { trustees: 3, threshold: 2 }, { id: 'test:po' });
    const exchange = startDemoFingerprintExchange(trusteeDir);
    const results = await Promise.all(
      DEMO_TRUSTEES.map((t) => {
        const out = demoShareFile(trusteeDir, t.trustee);
        return t.trustee === 2
          ? runCliProcess([server.url, E, '2', out, t.persona, '1', exchange], t.passphrase, 2, undefined, CHEATER)
          : runCliProcess(
              [
                'trustee',
                'keygen',
                '--server',
                server.url,
                '--election',
                E,
                '--trustee',
                String(t.trustee),
                '--out',
                out,
                '--poll',
                '100',
                '--timeout',
                '10',
                '--write-fingerprint',
                exchange,
                '--peer-fingerprints',
                exchange,
                '--dev-login',
                t.persona,
              ],
              t.passphrase,
              t.trustee,
            );
      }),
    );
    for (const r of results) assert.equal(r.code, 0, `trustee ${String(r.trustee)}: ${r.stderr}`);
    assert.match(results[0]?.stderr ?? '', /complaint against dealer\(s\) 2/);
    // The two honest trustees (the CLI itself) printed their fingerprints and confirmed the others'.
    for (const r of results.filter((x) => x.trustee !== 2)) {
      assert.match(
        r.stderr,
        /YOUR FINGERPRINT: [0-9a-f]{4}( [0-9a-f]{4}){7}/,
        `trustee ${String(r.trustee)} printed its fingerprint`,
      );
      assert.match(r.stderr, /fingerprints of trustee\(s\) [\d, ]+ match the ones obtained out of band/);
    }

    const key = await store.db
      .selectFrom('election_keys')
      .selectAll()
      .where('election_id', '=', E)
      .executeTakeFirstOrThrow();
    const ceremony = key.ceremony as {
      complaints: { by: number; against: number; revealed: string | null }[];
      key: { qualified: number[]; publicKey: string; trustees: { trustee: number; verificationKey: string }[] };
      transcript: { posts: { kind: string }[] };
    };
    assert.deepEqual(
      ceremony.complaints.map((c) => [c.by, c.against]),
      [[1, 2]],
    );
    assert.deepEqual(ceremony.key.qualified, [1, 3]);
    assert.equal(ceremony.transcript.posts.filter((p) => p.kind === 'answer').length, 1);
    for (const r of results)
      assert.match(r.stdout, new RegExp(key.public_key), `trustee ${String(r.trustee)} checked the published key`);

    // Each share file opens only with its passphrase, and its share matches the published verification key.
    const group = await loadGroup('secp256k1');
    const secrets: string[] = [];
    for (const t of DEMO_TRUSTEES) {
      const file = demoShareFile(trusteeDir, t.trustee);
      assert.throws(() => openShareFile(file, 'not the passphrase at all'), /wrong passphrase/);
      const share = openShareFile(file, t.passphrase);
      assert.ok(!readFileSync(file, 'utf8').includes(share.secret), 'the share file is encrypted');
      const x = hexToScalar(share.secret, group.order);
      assert.ok(x !== undefined);
      assert.equal(
        Buffer.from(group.encode(group.mulBase(x))).toString('hex'),
        ceremony.key.trustees.find((v) => v.trustee === t.trustee)?.verificationKey,
      );
      // The share file pins the finished ceremony: the disqualification and every key included.
      assert.deepEqual(share.ceremony?.qualified, [1, 3]);
      assert.equal(share.ceremony.publicKey, key.public_key);
      assert.deepEqual(
        share.ceremony.keys.map((k) => k.verificationKey),
        [1, 2, 3].map((n) => ceremony.key.trustees.find((v) => v.trustee === n)?.verificationKey),
      );
      secrets.push(share.secret, share.signer.seedHex);
    }

    // The server's side: every table of the database, and every byte of its data folder.
    const tables = await sql<{
      tablename: string;
    }>`select tablename from pg_tables where schemaname = 'public'`.execute(store.db);
    assert.ok(tables.rows.length > 20);
    for (const { tablename } of tables.rows) {
      const rows = await sql<{
        j: string;
      }>`select coalesce(json_agg(t)::text, '') as j from ${sql.table(tablename)} t`.execute(store.db);
      const dump = rows.rows[0]?.j ?? '';
      for (const secret of secrets) assert.ok(!dump.includes(secret), `no secret in table ${tablename}`);
    }
    await sql`checkpoint`.execute(store.db);
    const files = filesUnder(dataDir);
    assert.ok(files.length > 0);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const secret of secrets) {
        assert.equal(bytes.indexOf(Buffer.from(secret, 'hex')), -1, `no secret (raw) in ${f}`);
        assert.equal(bytes.indexOf(Buffer.from(secret, 'utf8')), -1, `no secret (hex) in ${f}`);
      }
    }
  });
});
