// An embedded PGlite database lives in a folder that holds everything PostgreSQL would, its
// write-ahead log included (and so the receipt-signing key and every ballot). Two rules:
// - only this process's user may read or write it: the folder is 0700, its files 0600;
// - only one process may open it at a time (two would corrupt it): a lock held while the store is
//   open (proper-lockfile: a lock directory refreshed every few seconds, taken over when stale). The
//   lock names its holder's process; when that process is gone (killed with SIGKILL, a crash), the
//   next start takes the lock over at once instead of waiting for it to go stale.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
const LOCK_NAME = '.isoloir.lock';
/**
 * A lock not refreshed for this long is stale. Long, because PGlite can hold the event loop for many
 * seconds (a large import) and a lock declared stale under a live process would let a second one in;
 * a holder that died is recognised at once by its process id instead.
 */
const STALE_MS = 10 * 60_000;
const UPDATE_MS = 10_000;

export class DataFolderInUseError extends Error {
  readonly code = 'store.data-folder-in-use';
  readonly folder: string;
  constructor(folder: string) {
    super(
      `the database folder ${folder} is in use by another isoloir process: stop that process first (two processes on one PGlite folder would corrupt it)`,
    );
    this.name = 'DataFolderInUseError';
    this.folder = folder;
  }
}

function tighten(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === LOCK_NAME || entry.name === `${LOCK_NAME}.holder`) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      chmodSync(child, FOLDER_MODE);
      tighten(child);
    } else if (entry.isFile()) {
      chmodSync(child, FILE_MODE);
    }
  }
}

interface Holder {
  readonly pid: number;
  readonly host: string;
}

const holderFile = (lockPath: string): string => `${lockPath}.holder`;

function holderOf(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(holderFile(lockPath), 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The holder ran on this machine and its process no longer exists. */
function holderIsGone(lockPath: string): boolean {
  const holder = holderOf(lockPath);
  if (holder?.host !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ESRCH';
  }
}

async function lock(folder: string, lockPath: string): Promise<() => Promise<void>> {
  const release = await lockfile.lock(folder, {
    lockfilePath: lockPath,
    stale: STALE_MS,
    update: UPDATE_MS,
    retries: 0,
    // Another process took the lock over (ours was considered stale): stop rather than share.
    onCompromised: (error) => {
      throw error;
    },
  });
  writeFileSync(holderFile(lockPath), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder), {
    mode: FILE_MODE,
  });
  return async () => {
    rmSync(holderFile(lockPath), { force: true });
    await release();
  };
}

/** Creates the folder if needed, takes its lock and tightens its modes; returns the release. */
export async function claimDataFolder(folder: string): Promise<() => Promise<void>> {
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  chmodSync(folder, FOLDER_MODE);
  const lockPath = join(folder, LOCK_NAME);
  let release: () => Promise<void>;
  try {
    release = await lock(folder, lockPath);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ELOCKED') throw error;
    if (!holderIsGone(lockPath)) throw new DataFolderInUseError(folder);
    rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await lock(folder, lockPath);
    } catch (again) {
      if ((again as { code?: unknown }).code === 'ELOCKED') throw new DataFolderInUseError(folder);
      throw again;
    }
  }
  tighten(folder);
  return release;
}

/** Tightens the files the database created after the folder was claimed (first start). */
export function tightenDataFolder(folder: string): void {
  tighten(folder);
}
