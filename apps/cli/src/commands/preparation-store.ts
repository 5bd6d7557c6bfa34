// How the preparation verbs open the database and report failures: PostgreSQL when DATABASE_URL is
// set, else PGlite in --data; a preparation error prints its code and where, and exits 1.
import { resolve } from 'node:path';
import type { Command } from 'commander';
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
  const store = await openStore({ url: process.env['DATABASE_URL'], dataDir: resolve(options.data) });
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
