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
