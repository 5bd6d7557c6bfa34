import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from './database.ts';
import { DataFolderInUseError } from './pglite-folder.ts';

function modes(folder: string): { path: string; mode: number; dir: boolean }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.parentPath.includes('.isoloir.lock') && !entry.name.startsWith('.isoloir.lock'))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, mode: statSync(path).mode & 0o777, dir: entry.isDirectory() };
    });
}

describe('a PGlite data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'isoloir-folder-'));
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is private to its user: folder 0700, every file 0600, the write-ahead log included', async () => {
    const folder = join(root, 'private');
    const store = await openStore({ dataDir: folder });
    try {
      assert.equal(statSync(folder).mode & 0o777, 0o700);
      const entries = modes(folder);
      assert.ok(
        entries.some((entry) => entry.path.includes('pg_wal')),
        'the WAL is there',
      );
      for (const entry of entries) assert.equal(entry.mode & 0o077, 0, `${entry.path} is ${entry.mode.toString(8)}`);
    } finally {
      await store.close();
    }
  });

  it('is opened by one process at a time, and free again once closed', async () => {
    const folder = join(root, 'shared');
    const first = await openStore({ dataDir: folder });
    await assert.rejects(
      openStore({ dataDir: folder }),
      (error: unknown) => error instanceof DataFolderInUseError && error.message.includes(folder),
    );
    await first.close();
    const second = await openStore({ dataDir: folder });
    await second.close();
  });

  it('refuses a second PROCESS with a clear error while the first holds it', async () => {
    const folder = join(root, 'two-processes');
    const first = await openStore({ dataDir: folder });
    try {
      // Another Node.js process (as a second `isoloir start` would be) opens the same folder.
      const script = `
        const { openStore } = await import(${JSON.stringify(new URL('./database.ts', import.meta.url).href)});
        try { await openStore({ dataDir: ${JSON.stringify(folder)} }); console.log('opened'); process.exit(0); }
        catch (error) { console.error(error.code + ': ' + error.message); process.exit(3); }`;
      const second = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(second.status, 3, second.stdout + second.stderr);
      assert.match(
        second.stderr,
        /store\.data-folder-in-use: the database folder .* is in use by another isoloir process/,
      );
      // The first one still works.
      assert.equal((await first.db.selectFrom('schema_migrations').select('version').execute()).length > 0, true);
    } finally {
      await first.close();
    }
  });

  it('is taken over at once when the process that held it is gone (killed, crashed)', async () => {
    const folder = join(root, 'orphaned');
    const first = await openStore({ dataDir: folder });
    await first.close();
    // A lock left behind by a process that no longer exists, as SIGKILL leaves it.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(join(folder, '.isoloir.lock'));
    writeFileSync(join(folder, '.isoloir.lock.holder'), JSON.stringify({ pid: Number(dead.stdout), host: hostname() }));
    const second = await openStore({ dataDir: folder });
    await second.close();
  });
});
