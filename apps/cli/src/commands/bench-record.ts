// `isoloir bench record --ballots N`: writes a valid election record of N ballots (real
// encryptions, proofs, shuffles and threshold decryption, as runElection makes them, written entry
// by entry), then runs `isoloir verify` on it in a child process and reports the child's time and
// peak memory (its own maxRSS: the verifier alone, not the generator).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import {
  loadGroup,
  loadNodeWorkerPool,
  RECORD_FORMAT,
  runElection,
  type ElectionGroupInput,
  type PlainBallot,
  type RecordEntry,
} from '@isoloir/crypto';
import { benchCommand } from './bench.ts';
import { verifyFile } from './verify.ts';

interface BenchRecordFlags {
  readonly ballots?: string;
  readonly groupSize: string;
  readonly out?: string;
  readonly keep?: boolean;
  readonly verifyOnly?: string;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** The Chamber's layout at its largest (Brussels-Capital, Antwerp): 12 lists, 24 effectives, 12 substitutes. */
const LAYOUT = { maxListNumber: 12, maxEffectives: 24, maxSubstitutes: 12 };

/** A varied, deterministic ballot: list votes of every kind (B, C, D, E), blank, now and then invalid. */
function plain(i: number): PlainBallot {
  const x = (i * 2654435761) % 4294967296;
  if (x % 17 === 0) return { kind: 'blank' };
  const effectives = x % 3 === 0 ? [] : [1 + (x % 24), 1 + ((x >>> 5) % 24)];
  const substitutes = x % 5 === 0 ? [1 + ((x >>> 9) % 12)] : [];
  return {
    kind: 'list',
    list: 1 + ((x >>> 13) % 12),
    headBox: effectives.length === 0 && substitutes.length === 0,
    effectives: [...new Set(effectives)].sort((a, b) => a - b),
    substitutes,
  };
}

/**
 * N ballots in groups of `size` (one roll segment each, `cNNN/online/belgium`); every 100th voter
 * of a group re-voted (a superseded ballot and its cancellation), so N counts every ballot cast.
 */
function groups(ballots: number, size: number): ElectionGroupInput[] {
  const out: ElectionGroupInput[] = [];
  let left = ballots;
  for (let g = 0; left > 0; g++) {
    const count = Math.min(left, size);
    const again = Math.floor(count / 101);
    const voters = count - again;
    out.push({
      groupId: `c${String(g).padStart(3, '0')}/online/belgium`,
      ballots: Array.from({ length: voters }, (_, i) => plain(g * size + i)),
      revoters: Array.from({ length: again }, (_, k) => k * 100),
    });
    left -= count;
  }
  return out;
}

/** Writes the record as the server does (one entry a line) while runElection makes it. */
async function generate(path: string, ballots: number, groupSize: number): Promise<{ entries: number; head: string }> {
  const group = await loadGroup('secp256k1', 'mcl');
  const pool = (await loadNodeWorkerPool()).createWorkerPool('secp256k1', 'mcl', availableParallelism());
  const fd = openSync(path, 'w');
  let entries = 0;
  let head = '';
  const started = performance.now();
  try {
    writeSync(fd, `{"format":${JSON.stringify(RECORD_FORMAT)},"entries":[\n`);
    const sink = (e: RecordEntry): void => {
      writeSync(fd, `${entries === 0 ? '' : ',\n'}${JSON.stringify(e)}`);
      entries++;
      head = e.hash;
      if (entries % 10_000 === 0)
        process.stderr.write(
          `generated ${String(entries)} entries (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
        );
    };
    await runElection(group, pool, {
      electionId: 'bench-record',
      threshold: 2,
      trustees: 3,
      layout: LAYOUT,
      groups: groups(ballots, groupSize),
      mixNodes: 2,
      decryptingTrustees: [1, 2],
      sink,
    });
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
    await pool.close();
  }
  return { entries, head };
}

/** The child: `isoloir verify` on the file, then its own time and peak memory (one JSON line). */
async function verifyOnly(path: string): Promise<void> {
  const t0 = performance.now();
  const code = await verifyFile(path);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    `${JSON.stringify({ exit: code, verifySeconds: Number(seconds.toFixed(1)), verifyMaxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
  process.exitCode = code;
}

export function registerBenchRecord(program: Command): void {
  benchCommand(program)
    .command('record')
    .description(
      'Write a valid record of N ballots (real encryptions, proofs, shuffles, decryption), then time isoloir verify on it and report its peak memory',
    )
    .option('--ballots <n>', 'ballots cast (superseded ones included)')
    .option('--group-size <n>', 'ballots per counting group (one roll segment each)', '10000')
    .option('--out <file>', 'where to write the record (default: a temporary file, removed afterwards)')
    .option('--keep', 'keep the record file')
    .option('--verify-only <file>', 'only verify this record and report time and peak memory (the child process)')
    .action(async (flags: BenchRecordFlags) => {
      if (flags.verifyOnly !== undefined) return verifyOnly(flags.verifyOnly);
      if (flags.ballots === undefined) throw new Error('--ballots is required');
      const n = positiveInt(flags.ballots, 'ballots');
      const size = positiveInt(flags.groupSize, 'group-size');
      const dir = flags.out === undefined ? mkdtempSync(join(tmpdir(), 'isoloir-bench-record-')) : undefined;
      const path = flags.out ?? join(dir ?? '.', 'record.json');
      const t0 = performance.now();
      const { entries, head } = await generate(path, n, size);
      const generateSeconds = (performance.now() - t0) / 1000;
      const bytes = statSync(path).size;
      process.stderr.write(
        `record: ${String(entries)} entries, ${(bytes / 1e6).toFixed(0)} MB, in ${generateSeconds.toFixed(0)} s; verifying…\n`,
      );
      const main = fileURLToPath(new URL('../main.ts', import.meta.url));
      const child = spawnSync(process.execPath, [main, 'bench', 'record', '--verify-only', path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 26,
      });
      const lines = child.stdout.trim().split('\n');
      const measured = JSON.parse(lines.at(-1) ?? '{}') as { exit?: number };
      process.stderr.write(`${lines.slice(0, -1).join('\n')}\n`);
      if (flags.keep !== true && dir !== undefined) rmSync(dir, { recursive: true, force: true });
      process.stdout.write(
        `${JSON.stringify({ ballots: n, groupSize: size, entries, bytes, head, generateSeconds: Number(generateSeconds.toFixed(1)), ...measured })}\n`,
      );
      process.exitCode = measured.exit === 0 ? 0 : 1;
    });
}
