import type { Command } from 'commander';
import { registerAllocate } from './allocate.ts';
import { registerStart } from './start.ts';
import { registerVerify } from './verify.ts';
import { registerBenchCrypto } from './bench-crypto.ts';

/** Every verb of the CLI, in the order `isoloir --help` lists them. One line per verb. */
export function registerCommands(program: Command): void {
  registerStart(program);
  registerAllocate(program);
  registerVerify(program);
  registerBenchCrypto(program);
}
