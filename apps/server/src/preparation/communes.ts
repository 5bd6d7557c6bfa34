// The reference table of communes of an election day: NIS code, FR/NL/DE names, and for each
// election of the day the constituency (or EP college) of the commune's voters. CSV, documented in
// ./README.md; the whole table is checked before anything is written.
import type { Insertable } from 'kysely';
import { appendAudit, type CommuneConstituencyTable, type Store } from '@isoloir/store';
import { createHash } from 'node:crypto';
import type { Actor } from './actor.ts';
import { CsvError, isFormula, readCsv, type ByteSource } from './csv.ts';
import { at, PreparationError } from './errors.ts';
import { assertNotFrozen } from './setup.ts';

/**
 * A linked place (migration 0039): `code`, offered only with the voter's ballot of another election of
 * the day in `requires.constituency` — the Brussels members of the Flemish Parliament, elected only by
 * the Brussels voters who do not vote for the French language group (special act of 12 January 1989
 * art. 14 al. 2). CSV cell: `code@election=constituency`.
 */
export interface LinkedCell {
  readonly code: string;
  readonly requires: { readonly electionId: string; readonly constituency: string };
}

/** One cell: a constituency code, language → code where the voter chooses in the booth, or a linked place. */
export type ConstituencyCell = string | Readonly<Partial<Record<'fr' | 'nl' | 'de', string>>> | LinkedCell;

export interface CommuneRef {
  readonly nis: string;
  readonly names: { readonly fr: string; readonly nl: string; readonly de: string };
  /** election id → its cell. */
  readonly constituencies: Readonly<Record<string, ConstituencyCell>>;
}

export function isLinked(cell: ConstituencyCell): cell is LinkedCell {
  return typeof cell === 'object' && 'requires' in cell;
}

/** The constituency codes a cell names (the linked place's own code, not the one it requires). */
export function cellCodes(cell: ConstituencyCell): string[] {
  if (typeof cell === 'string') return [cell];
  if (isLinked(cell)) return [cell.code];
  return Object.values(cell);
}

/** The CSV text of a cell (the inverse of `parseCell`). */
export function cellText(cell: ConstituencyCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (isLinked(cell)) return `${cell.code}@${cell.requires.electionId}=${cell.requires.constituency}`;
  return Object.entries(cell)
    .map(([l, code]) => `${l}=${code}`)
    .join('|');
}

const NAME_COLUMNS = ['nis', 'name_fr', 'name_nl', 'name_de'] as const;

/** Parses a constituency cell: `code`, `fr=code-a|nl=code-b`, or a linked place `code@election=constituency`. */
function parseCell(cell: string, where: string): ConstituencyCell | null {
  if (cell === '') return null;
  const linked = /^([a-z0-9-]{1,64})@([a-z0-9-]{1,64})=([a-z0-9-]{1,64})$/.exec(cell);
  if (linked !== null) {
    const [, code = '', electionId = '', constituency = ''] = linked;
    return { code, requires: { electionId, constituency } };
  }
  if (!cell.includes('=')) return cell;
  const byLanguage: Partial<Record<'fr' | 'nl' | 'de', string>> = {};
  for (const part of cell.split('|')) {
    const [language, code] = part.split('=');
    if ((language !== 'fr' && language !== 'nl' && language !== 'de') || code === undefined || code === '')
      throw new PreparationError('file.invalid', where, `file.invalid: "${cell}" at ${where}`);
    byLanguage[language] = code;
  }
  return byLanguage;
}

export async function parseCommunesCsv(
  source: ByteSource,
  elections: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<CommuneRef[]> {
  const communes: CommuneRef[] = [];
  let electionColumns: string[] | null = null;
  const seen = new Set<string>();
  try {
    for await (const batch of readCsv(source)) {
      for (const row of batch) {
        const cells = row.cells.map((c) => c.trim());
        if (electionColumns === null) {
          NAME_COLUMNS.forEach((name, i) => {
            if (cells[i]?.toLowerCase() !== name)
              throw new PreparationError(
                'file.columns',
                at(row.line, i + 1),
                `file.columns: column ${String(i + 1)} must be "${name}"`,
              );
          });
          electionColumns = cells.slice(NAME_COLUMNS.length);
          electionColumns.forEach((id, i) => {
            if (!elections.has(id))
              throw new PreparationError(
                'file.columns',
                at(row.line, NAME_COLUMNS.length + i + 1),
                `file.columns: "${id}" is not an election of this day`,
              );
          });
          continue;
        }
        if (cells.length !== NAME_COLUMNS.length + electionColumns.length)
          throw new PreparationError(
            'file.malformed',
            at(row.line),
            `file.malformed: line ${String(row.line)} has ${String(cells.length)} cells`,
          );
        const [nis = '', fr = '', nl = '', de = ''] = cells;
        if (!/^\d{5}$/.test(nis))
          throw new PreparationError(
            'file.invalid',
            at(row.line, 'nis'),
            `file.invalid: NIS code "${nis}" at line ${String(row.line)}`,
          );
        if (seen.has(nis))
          throw new PreparationError(
            'file.invalid',
            at(row.line, 'nis'),
            `file.invalid: NIS code ${nis} twice (line ${String(row.line)})`,
          );
        seen.add(nis);
        for (const [i, name] of [fr, nl, de].entries()) {
          if (name === '' || isFormula(name))
            throw new PreparationError(
              'file.invalid',
              at(row.line, NAME_COLUMNS[i + 1]),
              `file.invalid: name at line ${String(row.line)}`,
            );
        }
        const constituencies: Record<string, ConstituencyCell> = {};
        electionColumns.forEach((electionId, i) => {
          const where = at(row.line, electionId);
          const value = parseCell(cells[NAME_COLUMNS.length + i] ?? '', where);
          if (value === null) return;
          if (
            isLinked(value) &&
            (value.requires.electionId === electionId ||
              elections.get(value.requires.electionId)?.has(value.requires.constituency) !== true)
          )
            throw new PreparationError(
              'file.invalid',
              where,
              `file.invalid: "${value.requires.constituency}" is not a constituency of another election "${value.requires.electionId}" of this day (${where})`,
            );
          for (const code of cellCodes(value)) {
            if (elections.get(electionId)?.has(code) !== true)
              throw new PreparationError(
                'file.invalid',
                where,
                `file.invalid: "${code}" is not a constituency of ${electionId} (${where})`,
              );
          }
          constituencies[electionId] = value;
        });
        communes.push({ nis, names: { fr, nl, de }, constituencies });
      }
    }
  } catch (e) {
    if (e instanceof CsvError)
      throw new PreparationError(
        e.code === 'csv.encoding' ? 'file.encoding' : 'file.malformed',
        at(e.line, e.column),
        `${e.code} at line ${String(e.line)}`,
      );
    throw e;
  }
  if (communes.length === 0) throw new PreparationError('file.empty', at(1));
  return communes;
}

export async function electionConstituencies(store: Store, dayId: string): Promise<Map<string, Set<string>>> {
  const rows = await store.db
    .selectFrom('constituencies as c')
    .innerJoin('elections as e', 'e.id', 'c.election_id')
    .select(['c.election_id', 'c.code'])
    .where('e.election_day_id', '=', dayId)
    .execute();
  const map = new Map<string, Set<string>>();
  for (const row of rows) map.set(row.election_id, (map.get(row.election_id) ?? new Set<string>()).add(row.code));
  return map;
}

/** Replaces the day's commune reference table; one transaction, audited. */
export async function importCommunes(
  store: Store,
  actor: Actor,
  dayId: string,
  communes: readonly CommuneRef[],
): Promise<{ readonly communes: number; readonly sha256: string }> {
  const sha256 = createHash('sha256').update(JSON.stringify(communes)).digest('hex');
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    await trx.deleteFrom('commune_constituencies').where('election_day_id', '=', dayId).execute();
    for (let i = 0; i < communes.length; i += 500) {
      const batch = communes.slice(i, i + 500);
      await trx
        .insertInto('communes')
        .values(
          batch.map((c) => ({
            election_day_id: dayId,
            nis: c.nis,
            name_fr: c.names.fr,
            name_nl: c.names.nl,
            name_de: c.names.de,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['election_day_id', 'nis']).doUpdateSet((eb) => ({
            name_fr: eb.ref('excluded.name_fr'),
            name_nl: eb.ref('excluded.name_nl'),
            name_de: eb.ref('excluded.name_de'),
          })),
        )
        .execute();
      const links: Insertable<CommuneConstituencyTable>[] = batch.flatMap((c) =>
        Object.entries(c.constituencies).flatMap(([electionId, value]): Insertable<CommuneConstituencyTable>[] => {
          const row = { election_day_id: dayId, nis: c.nis, election_id: electionId };
          if (typeof value === 'string') return [{ ...row, language: '*', constituency_code: value }];
          if (isLinked(value))
            return [
              {
                ...row,
                language: '*',
                constituency_code: value.code,
                requires_election_id: value.requires.electionId,
                requires_constituency: value.requires.constituency,
              },
            ];
          return Object.entries(value).map(([language, code]) => ({
            ...row,
            language: language as 'fr' | 'nl' | 'de',
            constituency_code: code,
          }));
        }),
      );
      if (links.length > 0) await trx.insertInto('commune_constituencies').values(links).execute();
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.communes.imported',
      subject: dayId,
      details: { communes: communes.length, sha256 },
    });
  });
  return { communes: communes.length, sha256 };
}
