// `isoloir voters import --day D FILE` (commune voter files, any number of communes),
// `isoloir voters register --day D --post P FILE` (a consular post's register),
// `isoloir voters consolidate --day D`, `isoloir voters conflicts --day D`,
// `isoloir voters resolve --day D --nrn N (--keep SOURCE | --exclude | --include) --reason TEXT`,
// `isoloir voters mode-file --day D --mode M` (CSV on stdout), `isoloir letters generate --day D --out DIR [--public-url URL]`.
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import {
  CLI_ACTOR,
  consolidate,
  generateAllLetters,
  importCommuneVoters,
  importConsularRegister,
  latestConsolidation,
  listConflicts,
  modeFileChunks,
  resolveConflict,
  type ImportReport,
  type RemoteMode,
} from '@isoloir/server/preparation';
import { say, withDataOption, withStore, type DataOption } from './preparation-store.ts';
import { defaultPublicUrl, parsePublicUrl } from './public-url.ts';

function printReport(report: ImportReport): void {
  say(
    `import ${report.importId}: ${String(report.rows)} rows, ${String(report.accepted)} accepted, ${String(report.rejected)} rejected (sha256 ${report.sha256})`,
  );
  for (const r of report.rejections) say(`  line ${String(r.line)}, column ${r.column}: ${r.code} (${r.value})`);
  for (const f of report.files) say(`  ${f.scope}: version ${String(f.version)}, ${String(f.voters)} voters`);
}

export function registerVotersImport(program: Command): void {
  const voters = program.command('voters').description('Voter files: commune files, consular registers, consolidation');
  withDataOption(
    voters
      .command('import')
      .description('Import commune voter files (CSV; each commune in the file becomes a new version)')
      .requiredOption('--day <id>')
      .argument('<file>'),
  ).action(async (file: string, options: DataOption & { day: string }) => {
    await withStore(options, async (store) => {
      printReport(await importCommuneVoters(store, CLI_ACTOR, options.day, createReadStream(file)));
    });
  });
  withDataOption(
    voters
      .command('register')
      .description('Import a consular post’s register (CSV)')
      .requiredOption('--day <id>')
      .requiredOption('--post <code>')
      .argument('<file>'),
  ).action(async (file: string, options: DataOption & { day: string; post: string }) => {
    await withStore(options, async (store) => {
      printReport(await importConsularRegister(store, CLI_ACTOR, options.day, options.post, createReadStream(file)));
    });
  });
  withDataOption(
    voters
      .command('consolidate')
      .description('Build the consolidated voter file and list its conflicts')
      .requiredOption('--day <id>'),
  ).action(async (options: DataOption & { day: string }) => {
    await withStore(options, async (store) => {
      const report = await consolidate(store, CLI_ACTOR, options.day);
      say(
        `consolidation ${report.consolidationId}: ${String(report.voters)} voters; conflicts ${JSON.stringify(report.conflicts)}`,
      );
    });
  });
  withDataOption(
    voters
      .command('conflicts')
      .description('List the conflicts of the latest consolidation')
      .requiredOption('--day <id>'),
  ).action(async (options: DataOption & { day: string }) => {
    await withStore(options, async (store) => {
      const listed = await listConflicts(store, options.day, 10_000);
      for (const c of listed.conflicts)
        say(`${c.nrn} ${c.kind} [${c.sources.map((s) => s.source).join(', ')}] ${c.resolution ?? 'OPEN'}`);
    });
  });
  withDataOption(
    voters
      .command('resolve')
      .description('Resolve a conflict (audited)')
      .requiredOption('--day <id>')
      .requiredOption('--nrn <nrn>')
      .option('--keep <source>', 'commune:NIS or post:CODE')
      .option('--exclude')
      .option('--include')
      .requiredOption('--reason <text>'),
  ).action(
    async (
      options: DataOption & {
        day: string;
        nrn: string;
        keep?: string;
        exclude?: boolean;
        include?: boolean;
        reason: string;
      },
    ) => {
      await withStore(options, async (store) => {
        const resolution =
          options.keep !== undefined
            ? { keep: options.keep }
            : options.exclude === true
              ? { exclude: true as const }
              : { include: true as const };
        await resolveConflict(store, CLI_ACTOR, options.day, options.nrn, resolution, options.reason);
        say(`resolved ${options.nrn}`);
      });
    },
  );
  withDataOption(
    voters
      .command('mode-file')
      .description('Write the voter file of mode 6, 7 or 8 (CSV) to stdout')
      .requiredOption('--day <id>')
      .requiredOption('--mode <mode>'),
  ).action(async (options: DataOption & { day: string; mode: string }) => {
    await withStore(options, async (store) => {
      const latest = await latestConsolidation(store.db, options.day);
      if (latest === undefined) throw new Error('no consolidation yet');
      for await (const chunk of modeFileChunks(store, options.day, latest.id, Number(options.mode) as RemoteMode))
        process.stdout.write(chunk);
    });
  });

  const letters = program.command('letters').description('Letters and convocations');
  withDataOption(
    letters
      .command('generate')
      .description('Write one PDF per commune and post into DIR; files already there are kept (resume)')
      .requiredOption('--day <id>')
      .requiredOption('--out <dir>')
      .option(
        '--public-url <url>',
        'the address voters log in at, printed in every letter (https in production)',
        parsePublicUrl,
        defaultPublicUrl(),
      ),
  ).action(async (options: DataOption & { day: string; out: string; publicUrl: string }) => {
    await withStore(options, async (store) => {
      const started = performance.now();
      const done = await generateAllLetters(store, options.day, options.out, options.publicUrl, (p) => {
        process.stderr.write(
          `\r${String(p.done)}/${String(p.units)} files, ${String(p.pages)} pages (${p.current})   `,
        );
      });
      const seconds = (performance.now() - started) / 1000;
      say(
        `\n${String(done.done)} files (${String(done.skipped)} already there), ${String(done.pages)} pages in ${seconds.toFixed(1)} s`,
      );
    });
  });
}
