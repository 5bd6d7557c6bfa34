// `isoloir verify RECORD`: independent verification of an election record (@isoloir/verifier).
// Exit 0 only if every check holds; otherwise exit 1 and name the first failing check and where.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadMsmPool, loadRecordFile, verifyRecord, type PvFile, type VerifyResult } from '@isoloir/verifier';

const EXIT_FAILED = 1;
const EXIT_UNREADABLE = 2;

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Verify an election record: the hash chain, the roll, every ballot and cancellation, every proof, the legal count; optionally the PVs and a published head',
    )
    .argument('<record>', 'election record (JSON, format isoloir-record/2)')
    .option(
      '--pv <dir>',
      'check every PV JSON (isoloir-pv/1) in this folder against the verified figures and the record head',
    )
    .option(
      '--head <hash>',
      "a published head: the record's final head, or a signed board head (published at opening, during or at the close of voting), which the record must extend",
    )
    .option(
      '--board-key <hex>',
      "the bulletin board's (receipt) key as published (e.g. /api/voting/receipt-key): every board head must be signed by it",
    )
    .option(
      '--linked <record>',
      "the record of a linked election (the Brussels Parliament's for the Flemish Parliament): every french-language-group cancellation naming it must name one of its ballots, in that constituency, at that time (repeatable)",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .action(async (file: string, opts: VerifyFileOptions) => {
      process.exitCode = await verifyFile(file, opts);
    });
}

export interface VerifyFileOptions {
  readonly pv?: string;
  readonly head?: string;
  readonly boardKey?: string;
  /** Records of linked elections (files, read as streams). */
  readonly linked?: readonly string[];
}

/** What the summary says of the `french-language-group` cancellations: checked against a linked record, or resting on one not read. */
function linkedNote(l: { cancellations: number; checked: number }): string {
  const n = (k: number): string => `${String(k)} french-language-group cancellation${k === 1 ? '' : 's'}`;
  const unread = l.cancellations - l.checked;
  const checked = l.checked > 0 ? `; ${n(l.checked)} checked against the linked record` : '';
  const rest = unread > 0 ? `; ${n(unread)} resting on another election's record, not read (--linked)` : '';
  return `${checked}${rest}`;
}

function readPvs(dir: string): PvFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, content: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }));
}

/** `isoloir verify FILE`: prints the verdict; returns the exit code (0 OK, 1 FAILED, 2 unreadable). */
export async function verifyFile(file: string, opts: VerifyFileOptions = {}): Promise<number> {
  // Read as a stream, entry by entry (a national record is larger than any JavaScript string).
  const { recordFromFile, recordGroupName, RecordUnreadable } = await loadRecordFile();
  const record = recordFromFile(file);
  let pvs: PvFile[] | undefined;
  let group: string;
  try {
    group = await recordGroupName(record);
    if (opts.pv !== undefined) pvs = readPvs(opts.pv);
  } catch (e) {
    return unreadable(file, e);
  }
  const msm = (await loadMsmPool()).createMsmPool(group);
  let result: VerifyResult;
  try {
    result = await verifyRecord(record, {
      msm,
      ...(pvs === undefined ? {} : { pvs }),
      ...(opts.head === undefined ? {} : { head: opts.head }),
      ...(opts.boardKey === undefined ? {} : { boardKey: opts.boardKey }),
      ...(opts.linked === undefined
        ? {}
        : { linked: opts.linked.map((f) => ({ name: f, record: recordFromFile(f) })) }),
      onChain: (seq) => {
        if (seq % 10_000 === 0) process.stderr.write(`read ${String(seq)} entries (chain)\n`);
      },
      onEntry: (seq, total) => {
        if (seq % 1000 === 0) process.stderr.write(`checked ${String(seq)}/${String(total)} entries\n`);
      },
    });
  } catch (e) {
    // A file cut short or not JSON is found while reading it (exit 2), not before.
    if (e instanceof RecordUnreadable) return unreadable(file, e);
    throw e;
  } finally {
    await msm.close();
  }
  if (result.ok) {
    const match = result.summary.headMatch;
    const headNote =
      match === undefined
        ? ''
        : match.kind === 'record'
          ? "; the published head is this record's final head"
          : `; the published head is board head #${String(match.seq)} (${match.boardKind}, published ${match.publishedAt}, signed by key ${match.keyId}), and this record extends it`;
    const extra = `${opts.pv === undefined ? '' : `; ${String(result.summary.pvs)} PVs equal the verified figures`}${headNote}${linkedNote(result.summary.linked)}`;
    process.stdout.write(
      `OK: ${String(result.summary.entries)} entries, ${String(result.summary.ballots)} ballots, ${String(result.summary.groups)} groups, ${String(result.summary.shuffles)} shuffles; head ${result.summary.head}${extra}\n`,
    );
    return 0;
  }
  process.stdout.write(`FAILED ${result.check} at ${result.location}: ${result.message}\n`);
  return EXIT_FAILED;
}

function unreadable(file: string, e: unknown): number {
  process.stderr.write(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT_UNREADABLE;
}
