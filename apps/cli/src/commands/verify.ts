// `isoloir verify RECORD`: independent verification of an election record (@isoloir/verifier).
// Exit 0 only if every check holds; otherwise exit 1 and name the first failing check and where.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadMsmPool, verifyRecord, type VerifyResult } from '@isoloir/verifier';

const EXIT_FAILED = 1;
const EXIT_UNREADABLE = 2;

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Verify an election record: every proof, the hash chain, the shuffle inputs and the counts')
    .argument('<record>', 'election record (JSON, format isoloir-record/1)')
    .action(async (file: string) => {
      process.exitCode = await verify(file);
    });
}

async function verify(file: string): Promise<number> {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_UNREADABLE;
  }
  const msm = (await loadMsmPool()).createMsmPool(recordGroup(record));
  let result: VerifyResult;
  try {
    result = await verifyRecord(record, {
      msm,
      onEntry: (seq, total) => {
        if (seq % 1000 === 0) process.stderr.write(`checked ${String(seq)}/${String(total)} entries\n`);
      },
    });
  } finally {
    await msm.close();
  }
  if (result.ok) {
    process.stdout.write(`OK: ${String(result.summary.entries)} entries, ${String(result.summary.ballots)} ballots, ${String(result.summary.groups)} groups, ${String(result.summary.shuffles)} shuffles; head ${result.summary.head}\n`);
    return 0;
  }
  process.stdout.write(`FAILED ${result.check} at ${result.location}: ${result.message}\n`);
  return EXIT_FAILED;
}

/** The group named in the parameters entry (the verifier re-checks it); secp256k1 by default. */
function recordGroup(record: unknown): string {
  const entries = (record as { entries?: { payload?: { group?: unknown } }[] } | null)?.entries;
  const name = Array.isArray(entries) ? entries[0]?.payload?.group : undefined;
  return typeof name === 'string' ? name : 'secp256k1';
}
