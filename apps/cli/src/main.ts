#!/usr/bin/env node
// The `isoloir` command. Each verb lives in its own file under ./commands.
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('isoloir')
  .description('isoloir: remote voting for Belgian elections (hybrid, online, kiosk), end-to-end verifiable.')
  .showHelpAfterError();

registerCommands(program);

await program.parseAsync(process.argv);
