import assert from 'node:assert/strict';
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '@isoloir/store';
import { buildApp } from '../app.ts';
import { OtherSecretRefused, ProductionStartRefused, startServer } from '../server.ts';
import {
  createSecretFile,
  loadServerSecret,
  memorySecret,
  memorySecretFor,
  readSecretFile,
  SecretError,
  secretFileText,
  secretFolderBeside,
  serverSecretOf,
  voterActor,
} from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'isoloir-secrets-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string): number => statSync(path).mode & 0o777;
const MASTER = Buffer.alloc(32, 7);

describe('derived keys and keyed hashes', () => {
  it('follow the documented derivation (HKDF-SHA256 per purpose and day, then HMAC-SHA256)', () => {
    const secret = serverSecretOf(MASTER, 'memory');
    const key = Buffer.from(hkdfSync('sha256', MASTER, 'isoloir/server-secret/v1', 'day-key\0nrn\0day-1', 32));
    assert.deepEqual(secret.dayKey('nrn', 'day-1'), key);
    assert.equal(
      secret.keyedHash('nrn', 'day-1', '85073003328'),
      createHmac('sha256', key).update('85073003328').digest('hex'),
    );
    assert.match(secret.keyedHash('nrn', 'day-1', '85073003328'), /^[0-9a-f]{64}$/);
  });

  it('differ per day, per purpose, per value and per secret; the same inputs give the same hash', () => {
    const secret = serverSecretOf(MASTER, 'memory');
    const base = secret.keyedHash('voter', 'day-1', '85073003328');
    assert.equal(secret.keyedHash('voter', 'day-1', '85073003328'), base);
    assert.notEqual(secret.keyedHash('voter', 'day-2', '85073003328'), base);
    assert.notEqual(secret.keyedHash('session', 'day-1', '85073003328'), base);
    assert.notEqual(secret.keyedHash('voter', 'day-1', '85073003329'), base);
    assert.notEqual(memorySecret().keyedHash('voter', 'day-1', '85073003328'), base);
    // The separator cannot be forged: purpose and day never run into each other.
    assert.throws(() => secret.keyedHash('a\0b', 'c', 'x'), RangeError);
    assert.throws(() => secret.keyedHash('a', '', 'x'), RangeError);
  });

  it('a caller cannot change a cached key through the buffer it was given', () => {
    const secret = serverSecretOf(MASTER, 'memory');
    const before = secret.keyedHash('p', 'd', 'v');
    secret.dayKey('p', 'd').fill(0);
    assert.equal(secret.keyedHash('p', 'd', 'v'), before);
  });

  it('the fingerprint names the secret and does not reveal it', () => {
    const secret = serverSecretOf(MASTER, 'memory');
    assert.match(secret.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(serverSecretOf(Buffer.from(MASTER), 'memory').fingerprint, secret.fingerprint);
    assert.ok(!MASTER.toString('hex').includes(secret.fingerprint));
    assert.throws(() => serverSecretOf(Buffer.alloc(16), 'memory'), SecretError);
  });

  it('one in-memory secret per store, the one an app built without a secret uses', async () => {
    const [one, other] = [{}, {}];
    assert.equal(memorySecretFor(one), memorySecretFor(one));
    assert.notEqual(memorySecretFor(one).fingerprint, memorySecretFor(other).fingerprint);
    const store = await openStore({});
    try {
      const app = await buildApp({ store });
      assert.equal(app.context.secret, memorySecretFor(store));
      await app.close();
    } finally {
      await store.close();
    }
  });
});

describe('the secret file', () => {
  it('is created 0600 in a 0700 folder beside the data folder, and read again on the next start', () => {
    const dataDir = join(dir, 'created', 'data');
    const first = loadServerSecret({ dataDir, env: {} });
    const folder = secretFolderBeside(dataDir);
    assert.equal(folder, join(dir, 'created', 'data-secrets'));
    assert.equal(first.source, 'created');
    assert.equal(first.path, join(folder, 'server-secret'));
    assert.equal(mode(folder), 0o700);
    assert.equal(mode(join(folder, 'server-secret')), 0o600);
    assert.match(readFileSync(join(folder, 'server-secret'), 'utf8'), /^[0-9a-f]{64}\n$/);
    const again = loadServerSecret({ dataDir, env: {} });
    assert.equal(again.fingerprint, first.fingerprint);
    assert.equal(again.keyedHash('p', 'd', 'v'), first.keyedHash('p', 'd', 'v'));
  });

  it('ISOLOIR_SECRET_FILE wins over the data folder and is never created', () => {
    const path = join(dir, 'configured', 'secret');
    assert.throws(() => loadServerSecret({ dataDir: join(dir, 'x'), env: { ISOLOIR_SECRET_FILE: path } }), SecretError);
    createSecretFile(path);
    const read = loadServerSecret({ dataDir: join(dir, 'x'), env: { ISOLOIR_SECRET_FILE: path } });
    assert.equal(read.source, 'file');
    assert.equal(read.fingerprint, readSecretFile(path).fingerprint);
  });

  it('creating never overwrites an existing secret', () => {
    const path = join(dir, 'kept', 'secret');
    createSecretFile(path);
    const before = readFileSync(path, 'utf8');
    createSecretFile(path);
    assert.equal(readFileSync(path, 'utf8'), before);
  });

  it('production never creates one: ISOLOIR_SECRET_FILE is required', () => {
    const dataDir = join(dir, 'production', 'data');
    assert.throws(
      () => loadServerSecret({ dataDir, env: { NODE_ENV: 'production' } }),
      /NODE_ENV=production: set ISOLOIR_SECRET_FILE/,
    );
    assert.throws(() => statSync(secretFolderBeside(dataDir)), /ENOENT/);
  });

  it('refuses a file others may read or change, a short secret and anything but hex', () => {
    const path = join(dir, 'bad-secret');
    writeFileSync(path, secretFileText(), { mode: 0o600 });
    chmodSync(path, 0o644);
    assert.throws(() => readSecretFile(path), /mode 0644 lets others read or change it/);
    chmodSync(path, 0o620);
    assert.throws(() => readSecretFile(path), /mode 0620/);
    chmodSync(path, 0o640);
    assert.equal(readSecretFile(path).source, 'file');
    chmodSync(path, 0o600);
    writeFileSync(path, `${'ab'.repeat(16)}\n`);
    assert.throws(() => readSecretFile(path), /at least 32 bytes/);
    writeFileSync(path, `${'zz'.repeat(32)}\n`);
    assert.throws(() => readSecretFile(path), /at least 32 bytes/);
    writeFileSync(path, '');
    assert.throws(() => readSecretFile(path), /at least 32 bytes/);
  });
});

describe('startServer and the secret', () => {
  it('creates the secret beside the data folder and serves with it', async () => {
    const dataDir = join(dir, 'server', 'data');
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seedDemo: false, logger: false });
    try {
      assert.equal(server.secret.path, join(dir, 'server', 'data-secrets', 'server-secret'));
      assert.equal(server.app.context.secret, server.secret);
    } finally {
      await server.stop();
    }
  });

  it('production refuses to start without ISOLOIR_SECRET_FILE, before opening anything', async () => {
    const saved = { env: process.env['NODE_ENV'], file: process.env['ISOLOIR_SECRET_FILE'] };
    process.env['NODE_ENV'] = 'production';
    delete process.env['ISOLOIR_SECRET_FILE'];
    const dataDir = join(dir, 'refused', 'data');
    try {
      await assert.rejects(
        startServer({
          port: 0,
          host: '127.0.0.1',
          dataDir,
          seedDemo: false,
          logger: false,
          auth: { oidc: { issuer: 'https://idp.invalid', clientId: 'x' } } as never,
        }),
        (error: unknown) => error instanceof ProductionStartRefused && /ISOLOIR_SECRET_FILE/.test(error.message),
      );
      assert.throws(() => statSync(join(dir, 'refused')), /ENOENT/);
    } finally {
      if (saved.env === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = saved.env;
      if (saved.file !== undefined) process.env['ISOLOIR_SECRET_FILE'] = saved.file;
    }
  });
});

describe('one secret for every node of a database', () => {
  it('a start with another secret than the database was first started with is refused, the same one serves', async () => {
    const dataDir = join(dir, 'nodes', 'data');
    const first = await startServer({ port: 0, host: '127.0.0.1', dataDir, seedDemo: false, logger: false });
    const fingerprint = first.secret.fingerprint;
    await first.stop();
    // A second node (here: the same database, after the first stopped) with a secret of its own.
    await assert.rejects(
      startServer({ port: 0, host: '127.0.0.1', dataDir, seedDemo: false, logger: false, secret: memorySecret() }),
      (error: unknown) =>
        error instanceof OtherSecretRefused &&
        error.message.includes(fingerprint) &&
        /ISOLOIR_SECRET_FILE/.test(error.message) &&
        !/[0-9a-f]{64}/.test(error.message),
    );
    const again = await startServer({ port: 0, host: '127.0.0.1', dataDir, seedDemo: false, logger: false });
    assert.equal(again.secret.fingerprint, fingerprint);
    await again.stop();
  });
});

describe('voter pseudonyms (voterActor)', () => {
  it('are keyed hashes of the NRN under the secret, per election day: `voter:` and 32 hex characters', () => {
    const secret = serverSecretOf(MASTER, 'memory');
    const actor = voterActor(secret, 'day-1', '85073003328');
    assert.match(actor, /^voter:[0-9a-f]{32}$/);
    assert.equal(actor, `voter:${secret.keyedHash('voter-actor', 'day-1', '85073003328').slice(0, 32)}`);
    assert.equal(voterActor(secret, 'day-1', '85073003328'), actor);
    assert.notEqual(voterActor(secret, 'day-2', '85073003328'), actor);
    assert.notEqual(voterActor(memorySecret(), 'day-1', '85073003328'), actor);
  });

  it('the attacker with a dump and no secret cannot reverse one; with the secret, the lookup is immediate', () => {
    // The attacker holds the audit log (a dump) and enumerates NRNs, as they would an unkeyed hash.
    const secret = serverSecretOf(MASTER, 'memory');
    const target = voterActor(secret, 'day-1', '85073003328');
    const candidates = Array.from({ length: 2000 }, (_, i) => `850730${String(i).padStart(3, '0')}28`);
    candidates.push('85073003328');
    const unkeyed = (nrn: string): string =>
      `voter:${createHash('sha256').update(`isoloir/voter\n${nrn}`).digest('hex').slice(0, 32)}`;
    assert.equal(
      candidates.find((nrn) => unkeyed(nrn) === target),
      undefined,
    );
    const guessed = memorySecret();
    assert.equal(
      candidates.find((nrn) => voterActor(guessed, 'day-1', nrn) === target),
      undefined,
    );
    assert.equal(
      candidates.find((nrn) => voterActor(secret, 'day-1', nrn) === target),
      '85073003328',
    );
  });
});
