// The per-mode voter files (6 hybrid, 7 online, 8 kiosk) drawn from a consolidated voter file:
// who may vote in that mode, with their constituency in each election of the day (empty where not
// eligible: too young, or abroad for a regional parliament). Streamed by keyset pages, in NRN order,
// so that the bytes — and their SHA-256 — are the same every time. Format: ./README.md.
import { createHash } from 'node:crypto';
import { sql, type SqlBool, type RawBuilder } from 'kysely';
import type { Store } from '@isoloir/store';
import { csvLine } from './csv.ts';
import { daySettings, type DaySettings } from './setup.ts';

export type RemoteMode = 6 | 7 | 8;
export const REMOTE_MODES: readonly RemoteMode[] = [6, 7, 8];
export const MODE_NAMES = { 6: 'hybrid', 7: 'online', 8: 'kiosk' } as const;

/** Who is in mode M's file: chose M (abroad or opt-in), or a resident with no choice when M needs no opt-in. */
export function membership(mode: RemoteMode, settings: DaySettings): RawBuilder<SqlBool> {
  const resident = settings.residentModes[MODE_NAMES[mode]];
  const everyResident = resident.open && !resident.optIn;
  return everyResident
    ? sql<SqlBool>`(v.mode = ${mode} or (v.category = 'belgium' and v.mode is null))`
    : sql<SqlBool>`v.mode = ${mode}`;
}

/** EU member states other than Belgium (ISO 3166-1 alpha-2), for the European Parliament's abroad rule. */
export const OTHER_EU_STATES: readonly string[] = [
  'AT',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

/** The country of residence of consolidated voter `v` (abroad: from their consular registration). */
export function consolidatedCountry(dayId: string): RawBuilder<string> {
  return sql<string>`coalesce((select r.country from consular_registrations r where v.category = 'abroad' and r.election_day_id = ${dayId} and r.post_code = v.post_code and r.nrn = v.nrn), 'BE')`;
}

/**
 * The constituency (or college) codes voter `v` may vote in for one election, or null when they may
 * not vote in it (`country`: their country of residence). The law's conditions, per election (the
 * rules and their texts: packages/electoral, elections module of issue #13):
 * - age on election day: 18, or 16 for the European Parliament (act of 23 March 1989 on the election
 *   of the European Parliament (LEPE) art. 1 as amended in 2022 [U: date of the amending act]):
 *   born on or before election day minus that many years;
 * - Belgians abroad (consular registers): the Chamber, placed through their commune of attachment
 *   (Electoral Code arts. 180–180septies); the European Parliament if they live outside the EU, choosing
 *   their college (LEPE art. 1 §2 [U: how a non-EU voter's college is set]) — those living in another EU
 *   member state vote only on request, which the consular register does not record yet: not eligible
 *   here [not done]; never a regional or community parliament;
 * - residents: the commune's rows in the reference table: a row for every voter (`*`) gives one code;
 *   otherwise every language row of the commune is a choice the voter makes in the booth (EP college in
 *   Brussels-Capital and the canton of Rhode-Saint-Genèse, LEPE arts. 9–10; Brussels Parliament language
 *   group, special act of 12 January 1989 arts. 14 and 17) — never decided from the register language;
 *   no row: not an election of that commune (a Walloon voter and the Flemish Parliament).
 */
export function choicesOf(
  dayId: string,
  votingDate: string,
  election: DaySettings['elections'][number],
  mode: RawBuilder<number>,
  country: RawBuilder<string> = sql<string>`v.country`,
): RawBuilder<string[] | null> {
  const communeRows = sql<
    string[] | null
  >`(select coalesce(array_agg(cc.constituency_code order by cc.constituency_code) filter (where cc.language = '*'), array_agg(distinct cc.constituency_code order by cc.constituency_code))
       from commune_constituencies cc
      where cc.election_day_id = ${dayId} and cc.nis = v.commune_nis and cc.election_id = ${election.id}
        and (cc.requires_election_id is null or ${linkedPlacesIn(mode)}))`;
  const abroad =
    election.kind === 'regional'
      ? sql`null::text[]`
      : election.kind === 'european'
        ? sql`case when ${country} = any(${[...OTHER_EU_STATES]}::text[]) then null::text[] else (select array_agg(c.code order by c.code) from constituencies c where c.election_id = ${election.id}) end`
        : communeRows;
  return sql<
    string[] | null
  >`case when v.birth_date > (${votingDate}::date - make_interval(years => ${election.minimumAge})) then null::text[]
    when v.category = 'abroad' then ${abroad}
    else ${communeRows} end`;
}

/**
 * Linked places (migration 0039, ./communes.ts `LinkedCell`: the Brussels members of the Flemish
 * Parliament) are offered online only (mode 7): the ballot box checks the link within one cast. On
 * paper (mode 6) the link between two ballots of one envelope is not checked by anyone yet, so a
 * hybrid voter gets no linked place [not built]; a kiosk voter (mode 8) lives abroad and votes for
 * no regional parliament.
 */
function linkedPlacesIn(mode: RawBuilder<number>): RawBuilder<SqlBool> {
  return sql<SqlBool>`${mode} = 7`;
}

/**
 * The linked place's condition for voter `v` in one election, as `election=constituency`, or null:
 * residents only, mode 7 only.
 */
export function requiresOf(
  dayId: string,
  election: DaySettings['elections'][number],
  mode: RawBuilder<number>,
): RawBuilder<string | null> {
  return sql<string | null>`case when v.category = 'belgium' and ${linkedPlacesIn(mode)} then
      (select cc.requires_election_id || '=' || cc.requires_constituency from commune_constituencies cc
        where cc.election_day_id = ${dayId} and cc.nis = v.commune_nis and cc.election_id = ${election.id}
          and cc.requires_election_id is not null limit 1) end`;
}

/**
 * The mode file's cell for one election: the code, or the codes offered separated by `|`, followed by
 * `@election=constituency` for a linked place when `withLink`; empty when not eligible.
 */
function constituencyOf(
  dayId: string,
  votingDate: string,
  election: DaySettings['elections'][number],
  mode: RemoteMode,
  withLink = true,
): RawBuilder<string | null> {
  const m = sql<number>`${mode}::int`;
  const codes = sql<
    string | null
  >`array_to_string(${choicesOf(dayId, votingDate, election, m, consolidatedCountry(dayId))}, '|')`;
  return withLink ? sql<string | null>`${codes} || coalesce('@' || ${requiresOf(dayId, election, m)}, '')` : codes;
}

export function modeFileHeader(settings: DaySettings): string[] {
  return [
    'nrn',
    'surname',
    'given_names',
    'birth_date',
    'sex',
    'language',
    'category',
    'commune_nis',
    'post_code',
    'kiosk_post',
    ...settings.elections.map((e) => e.id),
  ];
}

const PAGE = 10_000;

/** The file's CSV text, in chunks (header first). */
export async function* modeFileChunks(
  store: Store,
  dayId: string,
  consolidationId: string,
  mode: RemoteMode,
): AsyncGenerator<string> {
  const settings = await daySettings(store.db, dayId);
  yield csvLine(modeFileHeader(settings));
  const electionColumns = settings.elections.map(
    (e, i) => sql`${constituencyOf(dayId, settings.votingDate, e, mode)} as ${sql.ref(`e${String(i)}`)}`,
  );
  let last = '';
  for (;;) {
    const page = await sql<Record<string, string | null>>`
      select v.nrn, v.surname, v.given_names, v.birth_date::text as birth_date, v.sex, v.language, v.category, v.commune_nis, v.post_code, v.kiosk_post
             ${electionColumns.length > 0 ? sql`, ${sql.join(electionColumns)}` : sql``}
        from consolidated_voters v
       where v.consolidation_id = ${consolidationId} and v.status = 'ok' and ${membership(mode, settings)} and v.nrn > ${last}
       order by v.nrn limit ${PAGE}`.execute(store.db);
    if (page.rows.length === 0) return;
    let text = '';
    for (const row of page.rows) {
      text += csvLine(
        [
          row['nrn'],
          row['surname'],
          row['given_names'],
          row['birth_date'],
          row['sex'],
          row['language'],
          row['category'],
          row['commune_nis'],
          row['post_code'],
          row['kiosk_post'],
          ...settings.elections.map((_e, i) => row[`e${String(i)}`]),
        ].map((c) => c ?? ''),
      );
    }
    yield text;
    last = page.rows.at(-1)?.['nrn'] ?? last;
    if (page.rows.length < PAGE) return;
  }
}

export async function modeFileHash(
  store: Store,
  dayId: string,
  consolidationId: string,
  mode: RemoteMode,
): Promise<{ readonly sha256: string; readonly voters: number }> {
  const hash = createHash('sha256');
  let lines = -1;
  for await (const chunk of modeFileChunks(store, dayId, consolidationId, mode)) {
    hash.update(chunk);
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines += 1;
  }
  return { sha256: hash.digest('hex'), voters: lines };
}

export interface ModeCount {
  readonly electionId: string;
  readonly constituency: string;
  readonly category: 'belgium' | 'abroad';
  readonly voters: number;
}

/** Voters of mode M per election, constituency and category (Belgium / abroad). */
export async function modeCounts(
  store: Store,
  dayId: string,
  consolidationId: string,
  mode: RemoteMode,
): Promise<ModeCount[]> {
  const settings = await daySettings(store.db, dayId);
  const counts: ModeCount[] = [];
  for (const election of settings.elections) {
    const eligible = constituencyOf(dayId, settings.votingDate, election, mode, false);
    const rows = await sql<{ constituency: string | null; category: 'belgium' | 'abroad'; n: string }>`
      select ${eligible} as constituency, v.category, count(*)::text as n
        from consolidated_voters v
       where v.consolidation_id = ${consolidationId} and v.status = 'ok' and ${membership(mode, settings)}
       group by 1, 2 order by 1, 2`.execute(store.db);
    for (const row of rows.rows) {
      if (row.constituency !== null)
        counts.push({
          electionId: election.id,
          constituency: row.constituency,
          category: row.category,
          voters: Number(row.n),
        });
    }
  }
  return counts;
}
