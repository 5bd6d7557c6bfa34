// Seeds the demo election into an empty database: its elections, lists and candidates and its
// generated population (DEMO-ONLY), in one transaction with its audit entry; then prepares the day
// through the real pipeline (./prepare-demo-day.ts: commune files, consular registers, consolidation,
// freeze), after which the frozen voter files say who may vote. A database that already holds another
// election day is left exactly as it is; a demo day not yet frozen is prepared (a crash mid-way resumes).
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { DEMO_DAY_ID, generateDemoElection, type DemoOptions } from './generate-demo.ts';
import type { ElectionSetup } from '../preparation/setup.ts';
import { DEMO_SETUP, withDemoElections } from '../preparation/demo-preparation.ts';
import { prepareDemoDay } from './prepare-demo-day.ts';

/** `isoloir start`'s demo: every election of the day. */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = { voters: 5000, abroadPerMille: 60, seed: 2029, fullDay: true };
const BATCH = 1000;

export interface SeedReport {
  readonly seeded: boolean;
  readonly voters: number;
  readonly candidates: number;
}

async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

export interface SeedChoices {
  /** Run the preparation pipeline to the freeze (default). False leaves the day to be prepared by hand (preparation tests). */
  readonly prepare?: boolean;
  /** The setup the pipeline loads (default: DEMO_SETUP, the tests' fixed 2029 dates; `isoloir start`: dates around today). */
  readonly setup?: ElectionSetup;
}

export async function seedDemoIfEmpty(
  store: Store,
  options: DemoOptions = DEFAULT_DEMO_OPTIONS,
  choices: SeedChoices = {},
): Promise<SeedReport> {
  const report = await seedBase(store, options);
  if (choices.prepare === false) return report;
  const demoDay = await store.db
    .selectFrom('voters')
    .select('nrn')
    .where('election_day_id', '=', DEMO_DAY_ID)
    .limit(1)
    .executeTakeFirst();
  // The setup's dates are the caller's (fixed 2029 dates, or around today); its elections the demo day's.
  if (demoDay !== undefined)
    await prepareDemoDay(store, { setup: withDemoElections(choices.setup ?? DEMO_SETUP, options) });
  return report;
}

async function seedBase(store: Store, options: DemoOptions): Promise<SeedReport> {
  return store.db.transaction().execute(async (trx) => {
    // Serialise with any other server starting on the same database.
    await sql`select pg_advisory_xact_lock(hashtextextended('isoloir/seed-demo', 0))`.execute(trx);
    const existing = await trx.selectFrom('election_days').select('id').limit(1).executeTakeFirst();
    if (existing !== undefined) return { seeded: false, voters: 0, candidates: 0 };
    const demo = generateDemoElection(options);
    await trx.insertInto('election_days').values(demo.day).execute();
    await trx
      .insertInto('elections')
      .values([...demo.elections])
      .execute();
    await trx
      .insertInto('constituencies')
      .values([...demo.constituencies])
      .execute();
    await trx
      .insertInto('party_lists')
      .values([...demo.lists])
      .execute();
    await insertInBatches(demo.candidates, (batch) => trx.insertInto('candidates').values(batch).execute());
    await insertInBatches(demo.voters, (batch) => trx.insertInto('voters').values(batch).execute());
    await appendAudit(trx, {
      actor: 'system',
      action: 'demo.seeded',
      subject: DEMO_DAY_ID,
      details: {
        ...options,
        elections: demo.elections.map((e) => e.id),
        constituencies: demo.constituencies.length,
        lists: demo.lists.length,
        candidates: demo.candidates.length,
      },
    });
    return { seeded: true, voters: demo.voters.length, candidates: demo.candidates.length };
  });
}
