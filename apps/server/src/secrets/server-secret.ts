// The server secret: 32 random bytes kept OUTSIDE the database, so that a copy of the database (a
// backup, a dump, a stolen disk of the database server) does not open the keyed hashes it holds.
//
// Where it comes from, in this order:
//  1. ISOLOIR_SECRET_FILE: a file the operator made (`isoloir secret new FILE`); required in
//     production (NODE_ENV=production never creates one), and the only way several server nodes share
//     the same secret.
//  2. Otherwise (development, the demo): created once, mode 0600, in a folder of mode 0700 beside the
//     data folder (`./data` → `./data-secrets/server-secret`), never inside it, so that copying the
//     data folder does not copy the secret.
//  3. In-memory stores (tests): random, in memory, one per store (memorySecretFor).
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deriveDayKey, fingerprintOf, hmacHex, SECRET_BYTES } from './derive.ts';

export const SECRET_FILE_ENV = 'ISOLOIR_SECRET_FILE';
export const SECRET_FILE_NAME = 'server-secret';
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** Permission bits a secret file must not have: writable by its group, readable or writable by others. */
const UNSAFE_BITS = 0o026;

export interface ServerSecret {
  /** Where it came from: the configured file, a file created beside the data folder, or memory. */
  readonly source: 'file' | 'created' | 'memory';
  /** The file it was read from (absent in memory). */
  readonly path?: string | undefined;
  /** Names this secret in logs without revealing it (16 hex characters). */
  readonly fingerprint: string;
  /** The key of one purpose for one election day (32 bytes; see derive.ts). */
  dayKey(purpose: string, electionDayId: string): Buffer;
  /** HMAC-SHA256 of `value` under the day key of `purpose` (64 hex characters). */
  keyedHash(purpose: string, electionDayId: string, value: string): string;
}

/** A secret that cannot be read: its message says what to fix. */
export class SecretError extends Error {}

export function serverSecretOf(master: Uint8Array, source: ServerSecret['source'], path?: string): ServerSecret {
  if (master.length < SECRET_BYTES) throw new SecretError(`a server secret has at least ${String(SECRET_BYTES)} bytes`);
  const copy = Buffer.from(master);
  const keys = new Map<string, Buffer>();
  const dayKey = (purpose: string, electionDayId: string): Buffer => {
    const name = `${purpose}\0${electionDayId}`;
    let key = keys.get(name);
    if (key === undefined) {
      key = deriveDayKey(copy, purpose, electionDayId);
      keys.set(name, key);
    }
    return Buffer.from(key);
  };
  return {
    source,
    path,
    fingerprint: fingerprintOf(copy),
    dayKey,
    keyedHash: (purpose, electionDayId, value) => hmacHex(dayKey(purpose, electionDayId), value),
  };
}

/** A new random secret in memory (tests, in-memory stores). */
export function memorySecret(): ServerSecret {
  return serverSecretOf(randomBytes(SECRET_BYTES), 'memory');
}

const perStore = new WeakMap<object, ServerSecret>();

/**
 * The secret that goes with one store: the one bound to it (`bindSecretTo`, by `startServer` and
 * `buildApp` given a secret), else an in-memory one, the same store object always getting the same.
 * Code that holds a store and not the app (preparation, the demo's seeding and casting) reads the
 * server's secret through it, so that the demo's pseudonyms are the running server's.
 */
export function memorySecretFor(store: object): ServerSecret {
  let secret = perStore.get(store);
  if (secret === undefined) {
    secret = memorySecret();
    perStore.set(store, secret);
  }
  return secret;
}

/** Binds a secret to a store: every keyed hash made through the store uses it from then on. */
export function bindSecretTo(store: object, secret: ServerSecret): void {
  perStore.set(store, secret);
}

/** The text of a secret file: the secret in hex, one line. */
export function secretFileText(master: Uint8Array = randomBytes(SECRET_BYTES)): string {
  return `${Buffer.from(master).toString('hex')}\n`;
}

/** Reads a secret file: at least 32 bytes in hex, nothing else; refused when others may read it. */
export function readSecretFile(path: string): ServerSecret {
  let mode: number;
  let text: string;
  try {
    mode = statSync(path).mode & 0o777;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new SecretError(`server secret ${path}: cannot be read (${code})`);
  }
  if ((mode & UNSAFE_BITS) !== 0)
    throw new SecretError(
      `server secret ${path}: mode ${mode.toString(8).padStart(4, '0')} lets others read or change it (chmod 600)`,
    );
  const hex = text.trim();
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex) || hex.length < SECRET_BYTES * 2)
    throw new SecretError(
      `server secret ${path}: expected at least ${String(SECRET_BYTES)} bytes in hex on one line (isoloir secret new FILE)`,
    );
  return serverSecretOf(Buffer.from(hex, 'hex'), 'file', path);
}

/** Writes a new secret file (mode 0600, never over an existing file); its folder is created 0700. */
export function createSecretFile(path: string): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  // Written whole under another name, then linked into place: a concurrent start reads the whole
  // secret or finds none, and the first one linked wins.
  const partial = `${path}.${String(process.pid)}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, secretFileText(), { mode: FILE_MODE, flag: 'wx' });
  try {
    chmodSync(partial, FILE_MODE);
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The folder beside a data folder that holds its secret: `/srv/data` → `/srv/data-secrets`. */
export function secretFolderBeside(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-secrets`);
}

export interface SecretSource {
  /** The data folder (PGlite, and where a development secret is created beside). */
  readonly dataDir?: string | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** The configured file, if any (ISOLOIR_SECRET_FILE, non-empty). */
export function configuredSecretFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env[SECRET_FILE_ENV];
  return path === undefined || path === '' ? undefined : path;
}

/**
 * The server's secret: ISOLOIR_SECRET_FILE when set (never created: a missing file is an error);
 * in production nothing else (startServer refuses first, see production-mode.ts); otherwise the file
 * beside the data folder, created on the first start; with no data folder, memory.
 */
export function loadServerSecret(source: SecretSource): ServerSecret {
  const env = source.env ?? process.env;
  const configured = configuredSecretFile(env);
  if (configured !== undefined) return readSecretFile(configured);
  if (env['NODE_ENV'] === 'production')
    throw new SecretError(`NODE_ENV=production: set ${SECRET_FILE_ENV} (isoloir secret new FILE; see the README)`);
  if (source.dataDir === undefined) return memorySecret();
  const folder = secretFolderBeside(source.dataDir);
  const path = join(folder, SECRET_FILE_NAME);
  try {
    statSync(path);
  } catch {
    createSecretFile(path);
  }
  chmodSync(folder, FOLDER_MODE);
  const secret = readSecretFile(path);
  return { ...secret, source: 'created' };
}
