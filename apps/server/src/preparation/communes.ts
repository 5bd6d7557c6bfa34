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

export interface CommuneRef {
  readonly nis: string;
  readonly names: { readonly fr: string; readonly nl: string; readonly de: string };
  /** election id → constituency code, or language → code where the voter's language decides. */
  readonly constituencies: Readonly<Record<string, string | Readonly<Partial<Record<'fr' | 'nl' | 'de', string>>>>>;
}

const NAME_COLUMNS = ['nis', 'name_fr', 'name_nl', 'name_de'] as const;

/** Parses a constituency cell: `code`, or `fr=code-a|nl=code-b`. */
function parseCell(cell: string, where: string): CommuneRef['constituencies'][string] | null {
  if (cell === '') return null;
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
        const constituencies: Record<string, CommuneRef['constituencies'][string]> = {};
        electionColumns.forEach((electionId, i) => {
          const where = at(row.line, electionId);
          const value = parseCell(cells[NAME_COLUMNS.length + i] ?? '', where);
          if (value === null) return;
          const codes = typeof value === 'string' ? [value] : Object.values(value);
          for (const code of codes) {
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
        Object.entries(c.constituencies).flatMap(([electionId, value]) =>
          typeof value === 'string'
            ? [{ election_day_id: dayId, nis: c.nis, election_id: electionId, language: '*', constituency_code: value }]
            : Object.entries(value).map(([language, code]): Insertable<CommuneConstituencyTable> => ({
                election_day_id: dayId,
                nis: c.nis,
                election_id: electionId,
                language: language as 'fr' | 'nl' | 'de',
                constituency_code: code,
              })),
        ),
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
