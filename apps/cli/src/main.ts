#!/usr/bin/env node
// The `isoloir` command. Each verb lives in its own file under ./commands.
import { Command } from 'commander';
import { DataFolderInUseError } from '@isoloir/store';
import { SecretError } from '@isoloir/server';
import { registerCommands } from './commands/index.ts';

const program = new Command('isoloir')
  .description('isoloir: remote voting for Belgian elections (hybrid, online, kiosk), end-to-end verifiable.')
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected refusals say what to do, without a stack trace.
  if (!(error instanceof DataFolderInUseError) && !(error instanceof SecretError)) throw error;
  process.stderr.write(`isoloir: ${error.message}\n`);
  process.exitCode = 1;
}
