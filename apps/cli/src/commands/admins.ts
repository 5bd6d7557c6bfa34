// `isoloir admins bootstrap --first NRN:GIVEN:SURNAME --second NRN:GIVEN:SURNAME`: the organising
// authority's first two administrators, on a database that has none. Every later role is asked by
// one administrator and confirmed by another (apps/server/src/auth/grants.ts); these two are the only
// grants without that step, which is why the command refuses once any administrator exists
// (`role.bootstrap-closed`). Run by whoever installs the platform, in front of witnesses; audited
// (`role.bootstrapped`, actor `cli:bootstrap`). PostgreSQL when DATABASE_URL is set, else PGlite in --data.
import type { Command } from 'commander';
import { AppError, bootstrapAdmins, createOfficial } from '@isoloir/server';
import { say, withDataOption, withStore, type DataOption } from './preparation-store.ts';

interface Person {
  readonly nrn: string;
  readonly givenName: string;
  readonly surname: string;
}

function person(text: string): Person {
  const [nrn = '', givenName = '', ...surname] = text.split(':');
  if (givenName.trim() === '' || surname.join(':').trim() === '')
    throw new Error(`expected NRN:GIVEN NAMES:SURNAME, got "${text.replace(/[0-9]/g, '#')}"`);
  return { nrn: nrn.trim(), givenName: givenName.trim(), surname: surname.join(':').trim() };
}

export function registerAdmins(program: Command): void {
  const admins = program.command('admins').description('The organising authority’s administrators.');
  withDataOption(
    admins
      .command('bootstrap')
      .description(
        'Create the first two administrators (po-admin) of an empty platform; refused once one exists. Every later role needs two administrators.',
      )
      .requiredOption('--first <nrn:given:surname>', 'the first administrator')
      .requiredOption('--second <nrn:given:surname>', 'the second administrator (another person)'),
  ).action(async (options: DataOption & { first: string; second: string }) => {
    const people = [person(options.first), person(options.second)] as const;
    await withStore(options, async (store) => {
      try {
        const existing = await store.db
          .selectFrom('role_assignments')
          .select('id')
          .where('role', '=', 'po-admin')
          .limit(1)
          .executeTakeFirst();
        if (existing !== undefined) throw new AppError('role.bootstrap-closed');
        if (people[0].nrn === people[1].nrn) throw new AppError('role.second-admin');
        const ids = [
          await createOfficial(store.db, people[0], 'cli:bootstrap'),
          await createOfficial(store.db, people[1], 'cli:bootstrap'),
        ] as const;
        await bootstrapAdmins(store.db, ids, 'cli:bootstrap');
        say(
          `administrators created: ${ids.join(', ')} (${people.map((p) => `${p.givenName} ${p.surname}`).join(', ')})`,
        );
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        process.stderr.write(`refused: ${e.code}: ${e.message}\n`);
        process.exitCode = 1;
      }
    });
  });
}
