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
function membership(mode: RemoteMode, settings: DaySettings): RawBuilder<SqlBool> {
  const resident = settings.residentModes[MODE_NAMES[mode]];
  const everyResident = resident.open && !resident.optIn;
  return everyResident ? sql<SqlBool>`(v.mode = ${mode} or (v.category = 'belgium' and v.mode is null))` : sql<SqlBool>`v.mode = ${mode}`;
}

/** The constituency of voter `v` in one election, or null when not eligible. */
function constituencyOf(dayId: string, votingDate: string, election: DaySettings['elections'][number]): RawBuilder<string | null> {
  const abroadBarred = election.kind === 'regional' ? sql`v.category = 'abroad'` : sql`false`;
  return sql<string | null>`case when v.birth_date <= (${votingDate}::date - make_interval(years => ${election.minimumAge})) and not (${abroadBarred}) then
    (select cc.constituency_code from commune_constituencies cc
      where cc.election_day_id = ${dayId} and cc.nis = v.commune_nis and cc.election_id = ${election.id} and cc.language in ('*', v.language)
      order by cc.language = '*' limit 1) end`;
}

export function modeFileHeader(settings: DaySettings): string[] {
  return ['nrn', 'surname', 'given_names', 'birth_date', 'sex', 'language', 'category', 'commune_nis', 'post_code', 'kiosk_post', ...settings.elections.map((e) => e.id)];
}

const PAGE = 10_000;

/** The file's CSV text, in chunks (header first). */
export async function* modeFileChunks(store: Store, dayId: string, consolidationId: string, mode: RemoteMode): AsyncGenerator<string> {
  const settings = await daySettings(store.db, dayId);
  yield csvLine(modeFileHeader(settings));
  const electionColumns = settings.elections.map((e, i) => sql`${constituencyOf(dayId, settings.votingDate, e)} as ${sql.ref(`e${String(i)}`)}`);
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
      text += csvLine([row['nrn'], row['surname'], row['given_names'], row['birth_date'], row['sex'], row['language'], row['category'], row['commune_nis'], row['post_code'], row['kiosk_post'], ...settings.elections.map((_e, i) => row[`e${String(i)}`])].map((c) => c ?? ''));
    }
    yield text;
    last = page.rows.at(-1)?.['nrn'] ?? last;
    if (page.rows.length < PAGE) return;
  }
}

export async function modeFileHash(store: Store, dayId: string, consolidationId: string, mode: RemoteMode): Promise<{ readonly sha256: string; readonly voters: number }> {
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
export async function modeCounts(store: Store, dayId: string, consolidationId: string, mode: RemoteMode): Promise<ModeCount[]> {
  const settings = await daySettings(store.db, dayId);
  const counts: ModeCount[] = [];
  for (const election of settings.elections) {
    const eligible = constituencyOf(dayId, settings.votingDate, election);
    const rows = await sql<{ constituency: string | null; category: 'belgium' | 'abroad'; n: string }>`
      select ${eligible} as constituency, v.category, count(*)::text as n
        from consolidated_voters v
       where v.consolidation_id = ${consolidationId} and v.status = 'ok' and ${membership(mode, settings)}
       group by 1, 2 order by 1, 2`.execute(store.db);
    for (const row of rows.rows) {
      if (row.constituency !== null) counts.push({ electionId: election.id, constituency: row.constituency, category: row.category, voters: Number(row.n) });
    }
  }
  return counts;
}
