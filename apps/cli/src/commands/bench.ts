// `isoloir bench …`: the parent of every benchmark verb (bench crypto, later bench cast).
import type { Command } from 'commander';

/** The shared `bench` parent command, created on first use. */
export function benchCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'bench');
  if (existing !== undefined) return existing;
  return program
    .command('bench')
    .description('Benchmarks on this machine (progress on stderr, one JSON object as the last stdout line)');
}
