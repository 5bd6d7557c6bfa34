// Prepares the demo election day through the real preparation pipeline, exactly as an organising
// authority would: the election setup and the communes reference table, one voter file per commune
// (CSV, imported as a commune official's file), each consular post's register (CSV), residents'
// opt-ins, consolidation, then the freeze that publishes the per-mode files' hashes and writes their
// rows — the only thing login and eligibility read. DEMO-ONLY data: the people are the demo's
// generated population (the `voters` table is only this pipeline's input, never read to log in or
// to decide eligibility). Idempotent: a frozen day is left as it is.
import type { Store } from '@isoloir/store';
import { CLI_ACTOR, type Actor } from '../preparation/actor.ts';
import { importCommuneVoters } from '../preparation/commune-import.ts';
import { consolidate } from '../preparation/consolidate.ts';
import { importConsularRegister, recordOptIns } from '../preparation/consular.ts';
import { DEMO_SETUP, seedPreparationDemo } from '../preparation/demo-preparation.ts';
import { freezeDay, type FreezeReport } from '../preparation/freeze.ts';
import { isFrozen } from '../preparation/frozen-files.ts';
import type { ElectionSetup } from '../preparation/setup.ts';
import { demoHybridNrns } from './demo-hybrid.ts';
import { DEMO_KIOSK_POST, demoKioskNrns, demoPostOf } from './demo-kiosk.ts';
import { DEMO_DAY_ID } from './generate-demo.ts';

interface PopulationRow {
  readonly nrn: string;
  readonly given_name: string;
  readonly surname: string;
  readonly birth_date: string;
  readonly sex: 'F' | 'M';
  readonly language: 'fr' | 'nl' | 'de';
  readonly category: 'belgium' | 'abroad';
  readonly commune_nis: string;
  readonly country: string;
  readonly constituency_code: string;
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const COMMUNE_FILE_HEADER =
  'nrn,surname,given_names,birth_date,sex,street,postcode,locality,commune_nis,language,deprived,deceased';
const CONSULAR_FILE_HEADER =
  'nrn,surname,given_names,birth_date,sex,address,country,email,attachment_nis,language,mode,kiosk_post';

/** The commune voter file the communes would send (all communes in one file, as the authority may load it). */
export function communeFileOf(residents: readonly PopulationRow[]): string {
  const lines = residents.map((v, i) =>
    [
      v.nrn,
      v.surname,
      v.given_name,
      v.birth_date,
      v.sex,
      `Rue de la Démo ${String(1 + (i % 240))}`,
      v.commune_nis.slice(0, 4),
      `Demo ${v.commune_nis}`,
      v.commune_nis,
      v.language,
      '0',
      '0',
    ]
      .map(cell)
      .join(','),
  );
  return `${[COMMUNE_FILE_HEADER, ...lines].join('\n')}\n`;
}

/** A consular post's register: the demo's Belgians abroad registered for online voting (mode 7), a few for the post's kiosk (mode 8, ./demo-kiosk.ts). */
export function consularFileOf(abroad: readonly PopulationRow[], kiosk: ReadonlySet<string> = new Set()): string {
  const lines = abroad.map((v) =>
    [
      v.nrn,
      v.surname,
      v.given_name,
      v.birth_date,
      v.sex,
      `1 Demo Street, ${v.country}`,
      v.country,
      '',
      v.commune_nis,
      v.language,
      kiosk.has(v.nrn) ? '8' : '7',
      kiosk.has(v.nrn) ? DEMO_KIOSK_POST : '',
    ]
      .map(cell)
      .join(','),
  );
  return `${[CONSULAR_FILE_HEADER, ...lines].join('\n')}\n`;
}

export interface DemoDayReport {
  readonly prepared: boolean;
  readonly freeze?: FreezeReport;
}

export interface DemoDayOptions {
  readonly actor?: Actor;
  readonly dayId?: string;
  readonly now?: Date;
  /** The setup loaded before the voter files (default DEMO_SETUP). */
  readonly setup?: ElectionSetup | undefined;
}

/** Runs the pipeline on the demo day's population; a frozen day is left as it is. */
export async function prepareDemoDay(store: Store, options: DemoDayOptions = {}): Promise<DemoDayReport> {
  const { actor = CLI_ACTOR, dayId = DEMO_DAY_ID, now = new Date() } = options;
  if (await isFrozen(store.db, dayId)) return { prepared: false };
  await seedPreparationDemo(store, actor, 0, options.setup ?? DEMO_SETUP);
  const population: PopulationRow[] = await store.db
    .selectFrom('voters')
    .select([
      'nrn',
      'given_name',
      'surname',
      'birth_date',
      'sex',
      'language',
      'category',
      'commune_nis',
      'country',
      'constituency_code',
    ])
    .where('election_day_id', '=', dayId)
    .orderBy('nrn')
    .execute();
  const residents = population.filter((v) => v.category === 'belgium');
  if (residents.length > 0) await importCommuneVoters(store, actor, dayId, [communeFileOf(residents)], now);
  const kiosk = demoKioskNrns(population);
  const byPost = new Map<string, PopulationRow[]>();
  for (const v of population.filter((p) => p.category === 'abroad')) {
    const post = demoPostOf(v.country);
    const voters = byPost.get(post);
    if (voters === undefined) byPost.set(post, [v]);
    else voters.push(v);
  }
  for (const [post, abroad] of [...byPost].sort(([a], [b]) => a.localeCompare(b)))
    await importConsularRegister(store, actor, dayId, post, [consularFileOf(abroad, kiosk)], now);
  // DEMO-ONLY: every generated resident opted in through the portal, to online voting (mode 7), a
  // few to hybrid voting (mode 6: ./demo-hybrid.ts).
  const hybrid = demoHybridNrns(residents);
  if (residents.length > 0)
    await recordOptIns(
      store,
      dayId,
      residents.map((v) => ({ nrn: v.nrn, mode: hybrid.has(v.nrn) ? (6 as const) : (7 as const) })),
      now,
    );
  await consolidate(store, actor, dayId);
  return { prepared: true, freeze: await freezeDay(store, actor, dayId) };
}
