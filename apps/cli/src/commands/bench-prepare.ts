// `isoloir bench prepare --residents N --abroad M`: the preparatory phase at scale on a fresh
// database (PostgreSQL when DATABASE_URL is set, else in-memory PGlite): generate the commune
// voter file and consular registers, import them (COPY), consolidate, then render letters.
// Progress on stderr; one JSON object with the figures as the last stdout line.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Command } from 'commander';
import { DEMO_DAY_ID, seedDemoIfEmpty } from '@isoloir/server';
import {
  CLI_ACTOR,
  COMMUNE_HEADER,
  communeVoterLine,
  consolidate,
  demoCommunes,
  generateVoters,
  importCommuneVoters,
  importConsularRegister,
  letterContext,
  renderLetters,
  seedPreparationDemo,
  unitVoters,
  DEMO_POSTS,
  type GeneratedVoter,
} from '@isoloir/server/preparation';
import { testDatabases } from '@isoloir/store/testing';
import { benchCommand } from './bench.ts';

const EXTRA_COMMUNES = 50;
const CONSULAR_HEADER =
  'nrn,surname,given_names,birth_date,sex,address,country,email,attachment_nis,language,mode,kiosk_post\n';

async function writeLines(path: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let buffer = header;
  for (let i = 0; i < count; i += 1) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

interface PeakMemory {
  stop(): number;
}

function watchMemory(): PeakMemory {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20);
    },
  };
}

async function benchPrepare(residents: number, abroad: number, letters: number): Promise<Record<string, unknown>> {
  const database = testDatabases().at(-1);
  if (database === undefined) throw new Error('no database');
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-bench-'));
  const store = await database.open();
  try {
    await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 1 }, { prepare: false });
    await seedPreparationDemo(store, CLI_ACTOR, EXTRA_COMMUNES);
    const communes = demoCommunes(EXTRA_COMMUNES).map((c) => c.nis);
    const generated = generateVoters(residents + abroad, 42);
    const nextVoter = (): GeneratedVoter => {
      const v = generated.next();
      if (v.done === true) throw new Error('no voter');
      return v.value;
    };
    progress(`generating ${String(residents)} residents and ${String(abroad)} abroad voters in ${dir}`);
    const residentFile = join(dir, 'residents.csv');
    // As communes deliver them: each commune's voters together (the PO's national file is sorted by commune).
    await writeLines(residentFile, COMMUNE_HEADER, residents, (i) =>
      communeVoterLine(nextVoter(), communes[Math.floor((i * communes.length) / residents)] ?? '', i),
    );
    const posts = DEMO_POSTS.map((p) => p.code);
    const abroadFiles = posts.map((p) => join(dir, `abroad-${p}.csv`));
    const perPost = Math.ceil(abroad / posts.length);
    for (const [k, file] of abroadFiles.entries()) {
      const n = Math.min(perPost, abroad - k * perPost);
      await writeLines(file, CONSULAR_HEADER, n, (i) => {
        const v = nextVoter();
        const mode = [6, 7, 8, 5][i % 4] ?? 7;
        return `${v.nrn},${v.surname},${v.givenNames},${v.birthDate},${v.sex},1 Main Street,${DEMO_POSTS[k]?.country ?? 'FR'},,${communes[i % communes.length] ?? ''},${v.language},${String(mode)},${mode === 8 ? (posts[k] ?? '') : ''}\n`;
      });
    }
    progress('importing the commune voter file');
    const memory = watchMemory();
    let started = performance.now();
    const report = await importCommuneVoters(
      store,
      CLI_ACTOR,
      DEMO_DAY_ID,
      createReadStream(residentFile, { highWaterMark: 1 << 20 }),
    );
    const importSeconds = (performance.now() - started) / 1000;
    progress(`  ${String(report.accepted)} accepted in ${importSeconds.toFixed(1)} s`);
    started = performance.now();
    let abroadRows = 0;
    for (const [k, file] of abroadFiles.entries()) {
      const r = await importConsularRegister(
        store,
        CLI_ACTOR,
        DEMO_DAY_ID,
        posts[k] ?? '',
        createReadStream(file, { highWaterMark: 1 << 20 }),
        new Date('2029-01-01T00:00:00Z'),
      );
      abroadRows += r.accepted;
    }
    const abroadSeconds = (performance.now() - started) / 1000;
    progress(`  ${String(abroadRows)} registrations in ${abroadSeconds.toFixed(1)} s; consolidating`);
    started = performance.now();
    const consolidated = await consolidate(store, CLI_ACTOR, DEMO_DAY_ID);
    const consolidateSeconds = (performance.now() - started) / 1000;
    const peakMiB = memory.stop();
    progress(
      `  ${String(consolidated.voters)} voters consolidated in ${consolidateSeconds.toFixed(1)} s; rendering ${String(letters)} letters`,
    );
    const ctx = await letterContext(store, DEMO_DAY_ID, 'https://vote.example.be');
    const sample: Parameters<typeof renderLetters>[0] = [];
    for await (const v of unitVoters(store, DEMO_DAY_ID, { kind: 'post', code: posts[0] ?? '' })) {
      if ((sample as unknown[]).length >= letters) break;
      (sample as unknown[]).push(v);
    }
    started = performance.now();
    const rendered = await renderLetters(sample, ctx);
    const letterSeconds = (performance.now() - started) / 1000;
    return {
      database: database.name,
      residents: report.accepted,
      abroad: abroadRows,
      importSeconds: Number(importSeconds.toFixed(2)),
      importRowsPerSecond: Math.round(report.accepted / importSeconds),
      abroadImportSeconds: Number(abroadSeconds.toFixed(2)),
      consolidateSeconds: Number(consolidateSeconds.toFixed(2)),
      consolidatedVoters: consolidated.voters,
      conflicts: consolidated.conflicts,
      peakRssMiB: peakMiB,
      letterPages: rendered.pages,
      letterPagesPerSecond: Math.round(rendered.pages / letterSeconds),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerBenchPrepare(program: Command): void {
  benchCommand(program)
    .command('prepare')
    .description(
      'Preparation at scale: import residents and abroad voters, consolidate, render letters (PostgreSQL when DATABASE_URL is set)',
    )
    .option('--residents <n>', 'voters in Belgium', (v) => Number(v), 1_000_000)
    .option('--abroad <n>', 'voters registered abroad', (v) => Number(v), 180_000)
    .option('--letters <n>', 'letters to render', (v) => Number(v), 2000)
    .action(async (options: { residents: number; abroad: number; letters: number }) => {
      const figures = await benchPrepare(options.residents, options.abroad, options.letters);
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    });
}
