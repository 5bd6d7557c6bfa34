// How the preparation verbs open the database and report failures: PostgreSQL when DATABASE_URL is
// set, else PGlite in --data, with the server's secret bound to it; a preparation error prints its
// code and where, and exits 1.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { bindSecretTo, loadServerSecret } from '@isoloir/server';
import { PreparationError } from '@isoloir/server/preparation';
import { openStore, type Store } from '@isoloir/store';

export interface DataOption {
  readonly data: string;
}

export function withDataOption(command: Command): Command {
  return command.option(
    '--data <dir>',
    'folder of the embedded database (ignored when DATABASE_URL is set)',
    process.env['ISOLOIR_DATA'] ?? './data',
  );
}

export async function withStore(options: DataOption, work: (store: Store) => Promise<void>): Promise<void> {
  // The server's secret (ISOLOIR_SECRET_FILE, else the development one beside --data), read before the
  // database opens as the server does: keyed pseudonyms written here are the server's own.
  const secret = loadServerSecret({ dataDir: resolve(options.data) });
  const store = await openStore({ url: process.env['DATABASE_URL'], dataDir: resolve(options.data) });
  bindSecretTo(store, secret);
  try {
    await work(store);
  } catch (e) {
    if (!(e instanceof PreparationError)) throw e;
    process.stderr.write(`refused: ${e.message}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

export function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
