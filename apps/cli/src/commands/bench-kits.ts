// `isoloir bench kits [--voters N] [--kits K]`: the hybrid print kit (mode 6) on a fresh in-memory
// database with the demo (its hybrid voters: a few residents per constituency). Measures one kit as
// the voter's "Print my kit" makes it (K-code issued in its transaction with its audit entries, then
// the PDF), unprepared (the shared pages drawn in the print) and as the voter meets it (drawn while
// they read their hybrid page), and bulk generation into a folder (kits/s). A benchmark,
// not a test: progress on stderr, one JSON object as the last stdout line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEMO_DAY_ID, seedDemoIfEmpty } from '@isoloir/server';
import {
  generateKits,
  hybridVoter,
  hybridVoterNrns,
  keyedHashOf,
  mayPrint,
  openTestHybridPeriod,
  prepareKit,
  printKit,
} from '@isoloir/server/hybrid';
import { openStore } from '@isoloir/store';
import { benchCommand } from './bench.ts';

const STATUS_URL = 'https://vote.example.be/hybrid/status';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

export async function benchKits(voters: number, kits: number): Promise<Record<string, number>> {
  const store = await openStore();
  const out = mkdtempSync(join(tmpdir(), 'isoloir-bench-kits-'));
  try {
    process.stderr.write(`seeding the demo with ${String(voters)} voters…\n`);
    await seedDemoIfEmpty(store, { voters, abroadPerMille: 60, seed: 2029 });
    await openTestHybridPeriod(store, DEMO_DAY_ID); // the bench's clock is inside the hybrid period
    const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
    if (nrns.length === 0) throw new Error('the demo has no hybrid voter: raise --voters');
    const keyedHash = keyedHashOf(store);
    const one = async (nrn: string): Promise<number> => {
      const started = performance.now();
      await printKit(store, keyedHash, DEMO_DAY_ID, nrn, new Date(), STATUS_URL);
      return performance.now() - started;
    };
    // The first kit of its kind when nothing was drawn before (the shared pages drawn in the print).
    const cold = await one(nrns[0] ?? '');
    // As the voter meets it: opening their hybrid page draws their kind's shared pages (prepareKit),
    // then they ask for the kit. Every hybrid voter of the demo, each kind's first kit included.
    const fresh = await openStore();
    await seedDemoIfEmpty(fresh, { voters, abroadPerMille: 60, seed: 2029 });
    await openTestHybridPeriod(fresh, DEMO_DAY_ID);
    const freshHash = keyedHashOf(fresh);
    const warm: number[] = [];
    try {
      for (const nrn of nrns) {
        await prepareKit(fresh, mayPrint(await hybridVoter(fresh.db, DEMO_DAY_ID, nrn, new Date())), STATUS_URL);
        const started = performance.now();
        await printKit(fresh, freshHash, DEMO_DAY_ID, nrn, new Date(), STATUS_URL);
        warm.push(performance.now() - started);
      }
    } finally {
      await fresh.close();
    }
    warm.sort((a, b) => a - b);
    process.stderr.write(
      `one kit: first of its kind unprepared ${cold.toFixed(0)} ms; after the page, p50 ${percentile(warm, 0.5).toFixed(1)} ms, max ${percentile(warm, 1).toFixed(1)} ms\n`,
    );
    const batch = Array.from({ length: kits }, (_, i) => nrns[i % nrns.length] ?? '');
    const started = performance.now();
    await generateKits(store, keyedHash, DEMO_DAY_ID, batch, out, {
      now: new Date(),
      statusUrl: STATUS_URL,
      onKit: (done) => {
        if (done % 100 === 0) process.stderr.write(`bulk: ${String(done)}/${String(kits)}\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      hybridVoters: nrns.length,
      kitUnpreparedFirstMs: Math.round(cold),
      kitP50Ms: Math.round(percentile(warm, 0.5) * 10) / 10,
      kitP99Ms: Math.round(percentile(warm, 0.99) * 10) / 10,
      kitMaxMs: Math.round(percentile(warm, 1) * 10) / 10,
      bulkKits: kits,
      bulkSeconds: Math.round(seconds * 10) / 10,
      bulkKitsPerSecond: Math.round((kits / seconds) * 10) / 10,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
    await store.close();
  }
}

export function registerBenchKits(program: Command): void {
  benchCommand(program)
    .command('kits')
    .description('Hybrid print kits (mode 6): one kit cold and warm (K-code issued + PDF), and bulk kits per second')
    .option('--voters <n>', 'voters in the demo (about 5 % of residents are hybrid)', (v) => Number(v), 2000)
    .option('--kits <n>', 'kits to generate in bulk', (v) => Number(v), 500)
    .action(async (options: { voters: number; kits: number }) => {
      const figures = await benchKits(options.voters, options.kits);
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    });
}
