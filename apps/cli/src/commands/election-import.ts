// `isoloir election import FILE` (setup, isoloir-election/1), `isoloir communes import --day D FILE`,
// `isoloir lists import --election E FILE` (JSON isoloir-lists/1 or CSV), `isoloir election freeze --day D`.
import { createReadStream, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  CLI_ACTOR,
  electionConstituencies,
  freezeDay,
  importCommunes,
  importElectionSetup,
  importLists,
  ListsRejected,
  parseCommunesCsv,
  parseElectionSetupText,
  parseListsCsv,
  parseListsJson,
} from '@isoloir/server/preparation';
import { say, withDataOption, withStore, type DataOption } from './preparation-store.ts';

export function registerElectionImport(program: Command): void {
  const election =
    program.commands.find((c) => c.name() === 'election') ??
    program.command('election').description('Election setup: import, freeze');
  withDataOption(
    election
      .command('import')
      .description('Load or update an election day from its setup file (JSON, isoloir-election/1)')
      .argument('<file>'),
  ).action(async (file: string, options: DataOption) => {
    await withStore(options, async (store) => {
      const result = await importElectionSetup(store, CLI_ACTOR, parseElectionSetupText(readFileSync(file, 'utf8')));
      say(`election day ${result.dayId} loaded (setup sha256 ${result.hash})`);
    });
  });
  withDataOption(
    election
      .command('freeze')
      .description('Open voting: freeze setup, consolidated file, per-mode files and lists, and print their hashes')
      .requiredOption('--day <id>'),
  ).action(async (options: DataOption & { day: string }) => {
    await withStore(options, async (store) => {
      const frozen = await freezeDay(store, CLI_ACTOR, options.day);
      say(`frozen consolidation ${frozen.consolidationId}; lists sha256 ${frozen.listsHash}`);
      for (const f of frozen.modeFiles) say(`mode ${String(f.mode)}: ${String(f.voters)} voters, sha256 ${f.sha256}`);
    });
  });

  const communes = program.command('communes').description('The reference table of communes');
  withDataOption(
    communes
      .command('import')
      .description('Replace the commune reference table of a day (CSV)')
      .requiredOption('--day <id>')
      .argument('<file>'),
  ).action(async (file: string, options: DataOption & { day: string }) => {
    await withStore(options, async (store) => {
      const parsed = await parseCommunesCsv(createReadStream(file), await electionConstituencies(store, options.day));
      const result = await importCommunes(store, CLI_ACTOR, options.day, parsed);
      say(`${String(result.communes)} communes loaded (sha256 ${result.sha256})`);
    });
  });

  const lists = program.command('lists').description('Candidates and party lists');
  withDataOption(
    lists
      .command('import')
      .description('Import candidate lists of an election (JSON isoloir-lists/1, or CSV)')
      .requiredOption('--election <id>')
      .argument('<file>'),
  ).action(async (file: string, options: DataOption & { election: string }) => {
    await withStore(options, async (store) => {
      const parsed = file.endsWith('.csv')
        ? await parseListsCsv(options.election, createReadStream(file))
        : parseListsJson(readFileSync(file, 'utf8'));
      try {
        const result = await importLists(store, CLI_ACTOR, parsed);
        say(`${String(result.lists)} lists, ${String(result.candidates)} candidates loaded (sha256 ${result.sha256})`);
      } catch (e) {
        if (!(e instanceof ListsRejected)) throw e;
        for (const v of e.violations)
          process.stderr.write(`${v.constituency} list ${String(v.list)} ${v.field}: ${v.rule}\n`);
        process.exitCode = 1;
      }
    });
  });
}
