// `isoloir audit verify`: reads the whole audit log, chain by chain, and checks every entry's hash
// and link to the one before it in its chain; on a break, names the first bad entry and exits 1.
// With `--heads FILE`, also against the heads published earlier (./audit-heads-check.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import type { AuditHeadsDocument } from '@isoloir/server/audit';
import { checkAgainstHeads, databaseReceiptKey, HEADS_CHECKS, parseHeadsFile } from './audit-heads-check.ts';

export interface AuditReport {
  readonly ok: boolean;
  readonly text: string;
}

const PROBLEMS = {
  'hash-mismatch': 'its content does not match its hash (it was changed)',
  'broken-link': 'it does not link to the entry before it',
  gap: 'the entry is missing (a gap in the numbering)',
  'head-mismatch': 'its chain ends before its recorded tip (entries were removed)',
} as const;

export async function auditReport(store: Store): Promise<AuditReport> {
  const check = await verifyAuditChain(store.db);
  if (check.ok)
    return {
      ok: true,
      text: `audit log intact: ${String(check.entries)} entries in ${String(check.shards)} chains, fingerprint ${check.tip}`,
    };
  const where = `chain ${String(check.shard)}, position ${check.shardSeq.toString()}`;
  if (check.problem === 'gap')
    return { ok: false, text: `audit log BROKEN at ${where} (before entry #${check.seq.toString()}): ${PROBLEMS.gap}` };
  const entry = await store.db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor', 'action', 'subject'])
    .where('seq', '=', check.seq.toString())
    .executeTakeFirst();
  const what = entry === undefined ? '' : ` (${entry.action} by ${entry.actor} on ${entry.subject}, ${entry.at})`;
  return {
    ok: false,
    text: `audit log BROKEN at entry #${check.seq.toString()}${what}: ${PROBLEMS[check.problem]} [${where}]`,
  };
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log.');
  audit
    .command('verify')
    .description(
      'Check every entry of the audit log and its chain; names the first bad entry. PostgreSQL when DATABASE_URL is set, else PGlite in --data.',
    )
    .option('--data <dir>', 'folder of the embedded database', process.env['ISOLOIR_DATA'] ?? './data')
    .option(
      '--heads <file>',
      'the published audit heads as downloaded (GET /api/audit/heads) or an export bundle: catches a log rewritten, truncated or renumbered since (exit codes: 1 chain, 2 heads-file, 3 heads-signature, 4 heads-chain, 5 truncated, 6 rewritten, 7 renumbered, 8 checkpoint-missing)',
    )
    .option('--key <hex>', "the server's published receipt key (default: the one in the database)")
    .action(async (options: { readonly data: string; readonly heads?: string; readonly key?: string }) => {
      let doc: AuditHeadsDocument | undefined;
      if (options.heads !== undefined) {
        let parsed: AuditHeadsDocument | string;
        try {
          parsed = parseHeadsFile(readFileSync(options.heads, 'utf8'));
        } catch (error) {
          parsed = `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        }
        if (typeof parsed === 'string') {
          process.stderr.write(`audit log not checked [heads-file]: ${options.heads} ${parsed}\n`);
          process.exitCode = HEADS_CHECKS['heads-file'];
          return;
        }
        doc = parsed;
      }
      const store = await openStore({ url: process.env['DATABASE_URL'], dataDir: resolve(options.data) });
      try {
        if (doc === undefined) {
          const report = await auditReport(store);
          (report.ok ? process.stdout : process.stderr).write(`${report.text}\n`);
          if (!report.ok) process.exitCode = 1;
          return;
        }
        const key = options.key ?? (await databaseReceiptKey(store)) ?? '';
        const report = await checkAgainstHeads(store, doc, key, await auditReport(store));
        (report.ok ? process.stdout : process.stderr).write(`${report.lines.join('\n')}\n`);
        process.exitCode = report.exitCode;
      } finally {
        await store.close();
      }
    });
}
