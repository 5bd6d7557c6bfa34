// Candidates and party lists of one election: import per constituency from JSON (isoloir-lists/1)
// or CSV, checked against the law (@isoloir/electoral checkLists) over the whole election, and
// loaded in one transaction replacing the lists of the constituencies in the file. Formats: ./README.md.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  checkLists,
  listRulesForKind,
  type ConstituencyDraft,
  type ListCandidate,
  type ListDraft,
  type ListViolation,
} from '@isoloir/electoral';
import { appendAudit, canonicalJson, type Store } from '@isoloir/store';
import type { Actor } from './actor.ts';
import { BIRTH_YEARS, isCalendarDate } from './calendar-date.ts';
import { CsvError, isFormula, readCsv, type ByteSource } from './csv.ts';
import { at, PreparationError } from './errors.ts';
import { assertNotFrozen } from './setup.ts';
import { columnIndex } from './voter-rows.ts';

const name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !isFormula(s), 'formula');
/** A real date `YYYY-MM-DD` (not 1975-02-30, not year 0000). */
const isBirthDate = (text: string): boolean => isCalendarDate(text, BIRTH_YEARS);
const candidate = z.strictObject({
  surname: name,
  givenName: name,
  gender: z.enum(['F', 'M', 'X']),
  birthDate: z.string().refine(isBirthDate, 'not a birth date (YYYY-MM-DD, from 1890)').optional(),
});
const listSchema = z.strictObject({
  number: z.number().int().min(1).max(999),
  label: name,
  effectives: z.array(candidate).min(1).max(200),
  substitutes: z.array(candidate).max(200).default([]),
});

export const listsFileSchema = z.strictObject({
  format: z.literal('isoloir-lists/1'),
  election: z.string().regex(/^[a-z0-9-]{1,64}$/),
  constituencies: z.array(z.strictObject({ code: z.string(), lists: z.array(listSchema).max(100) })).min(1),
});

export interface ListsFile {
  readonly election: string;
  readonly constituencies: readonly { readonly code: string; readonly lists: readonly ListDraft[] }[];
}

const numbered = (people: readonly Omit<ListCandidate, 'position'>[]): ListCandidate[] =>
  people.map((p, i) => ({ ...p, position: i + 1 }));

export function parseListsJson(text: string): ListsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PreparationError('file.malformed', e instanceof Error ? e.message : undefined);
  }
  const parsed = listsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PreparationError(
      'file.invalid',
      issue?.path.join('.'),
      `file.invalid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    );
  }
  return {
    election: parsed.data.election,
    constituencies: parsed.data.constituencies.map((c) => ({
      code: c.code,
      lists: c.lists.map((l) => ({
        number: l.number,
        label: l.label,
        effectives: numbered(l.effectives),
        substitutes: numbered(l.substitutes),
      })),
    })),
  };
}

export const LIST_COLUMNS = [
  'constituency',
  'list_number',
  'list_label',
  'kind',
  'position',
  'surname',
  'given_name',
  'gender',
  'birth_date',
] as const;

/** CSV: one row per candidate, in any order; positions must run 1…n per list and kind. */
export async function parseListsCsv(election: string, source: ByteSource): Promise<ListsFile> {
  type Building = { label: string; effectives: ListCandidate[]; substitutes: ListCandidate[] };
  const byConstituency = new Map<string, Map<number, Building>>();
  let index: Record<(typeof LIST_COLUMNS)[number], number> | null = null;
  try {
    for await (const batch of readCsv(source)) {
      for (const row of batch) {
        if (index === null) {
          index = columnIndex(row, LIST_COLUMNS);
          continue;
        }
        const i = index;
        const get = (c: (typeof LIST_COLUMNS)[number]): string => (row.cells[i[c]] ?? '').trim();
        for (const column of LIST_COLUMNS) {
          if (isFormula(get(column)))
            throw new PreparationError(
              'file.invalid',
              at(row.line, column),
              `file.invalid: formula at line ${String(row.line)}, column ${column}`,
            );
        }
        const number = Number(get('list_number'));
        const position = Number(get('position'));
        const kind = get('kind');
        const gender = get('gender');
        if (!Number.isInteger(number) || number < 1)
          throw new PreparationError('file.invalid', at(row.line, 'list_number'));
        if (!Number.isInteger(position) || position < 1)
          throw new PreparationError('file.invalid', at(row.line, 'position'));
        if (kind !== 'effective' && kind !== 'substitute')
          throw new PreparationError('file.invalid', at(row.line, 'kind'));
        if (gender !== 'F' && gender !== 'M' && gender !== 'X')
          throw new PreparationError('file.invalid', at(row.line, 'gender'));
        if (get('surname') === '' || get('given_name') === '')
          throw new PreparationError('file.invalid', at(row.line, 'surname'));
        const lists = byConstituency.get(get('constituency')) ?? new Map<number, Building>();
        byConstituency.set(get('constituency'), lists);
        const list: Building = lists.get(number) ?? { label: get('list_label'), effectives: [], substitutes: [] };
        lists.set(number, list);
        const birth = get('birth_date');
        if (birth !== '' && !isBirthDate(birth)) throw new PreparationError('file.invalid', at(row.line, 'birth_date'));
        (kind === 'effective' ? list.effectives : list.substitutes).push({
          position,
          surname: get('surname'),
          givenName: get('given_name'),
          gender,
          ...(birth === '' ? {} : { birthDate: birth }),
        });
      }
    }
  } catch (e) {
    if (e instanceof CsvError)
      throw new PreparationError(e.code === 'csv.encoding' ? 'file.encoding' : 'file.malformed', at(e.line, e.column));
    throw e;
  }
  return {
    election,
    constituencies: [...byConstituency].map(([code, lists]) => ({
      code,
      lists: [...lists]
        .sort((a, b) => a[0] - b[0])
        .map(([number, l]) => ({
          number,
          label: l.label,
          effectives: l.effectives.sort((a, b) => a.position - b.position),
          substitutes: l.substitutes.sort((a, b) => a.position - b.position),
        })),
    })),
  };
}

export class ListsRejected extends Error {
  readonly violations: readonly ListViolation[];
  constructor(violations: readonly ListViolation[]) {
    super(
      `lists.invalid: ${violations.map((v) => `${v.constituency} list ${String(v.list)} ${v.field}: ${v.rule}`).join('; ')}`,
    );
    this.violations = violations;
  }
}

/** Checks the file with the election's other lists, then replaces the lists of its constituencies. */
export async function importLists(
  store: Store,
  actor: Actor,
  file: ListsFile,
): Promise<{ readonly lists: number; readonly candidates: number; readonly sha256: string }> {
  const sha256 = createHash('sha256').update(canonicalJson(file)).digest('hex');
  return store.db.transaction().execute(async (trx) => {
    const election = await trx
      .selectFrom('elections')
      .select(['id', 'election_day_id', 'kind'])
      .where('id', '=', file.election)
      .executeTakeFirst();
    if (election === undefined) throw new PreparationError('preparation.not-found', `election ${file.election}`);
    await assertNotFrozen(trx, election.election_day_id);
    const seats = new Map(
      (
        await trx
          .selectFrom('constituencies')
          .select(['code', 'seats'])
          .where('election_id', '=', file.election)
          .execute()
      ).map((c) => [c.code, c.seats]),
    );
    for (const c of file.constituencies)
      if (!seats.has(c.code))
        throw new PreparationError(
          'file.invalid',
          `constituency ${c.code}`,
          `file.invalid: ${c.code} is not a constituency of ${file.election}`,
        );
    const replaced = new Set(file.constituencies.map((c) => c.code));
    const others = await trx.selectFrom('candidates').selectAll().where('election_id', '=', file.election).execute();
    const otherDrafts = new Map<string, Map<number, ListDraft>>();
    for (const k of others.filter((o) => !replaced.has(o.constituency_code))) {
      const lists = otherDrafts.get(k.constituency_code) ?? new Map<number, ListDraft>();
      otherDrafts.set(k.constituency_code, lists);
      const list = lists.get(k.list_number) ?? { number: k.list_number, label: '', effectives: [], substitutes: [] };
      lists.set(k.list_number, list);
      (k.kind === 'effective' ? (list.effectives as ListCandidate[]) : (list.substitutes as ListCandidate[])).push({
        position: k.position,
        surname: k.surname,
        givenName: k.given_name,
        gender: k.gender,
        ...(k.birth_date === null ? {} : { birthDate: k.birth_date }),
      });
    }
    const drafts: ConstituencyDraft[] = [
      // Lists already loaded come first, so that a person found twice is reported on the new list.
      ...[...otherDrafts].map(([code, lists]) => ({
        code,
        seats: Number.MAX_SAFE_INTEGER,
        lists: [...lists.values()],
      })),
      ...file.constituencies.map((c) => ({ code: c.code, seats: seats.get(c.code) ?? 0, lists: c.lists })),
    ];
    // The election's own list rules (Chamber, European Parliament), or those every election shares.
    const violations = checkLists(drafts, listRulesForKind(election.kind)).filter((v) => replaced.has(v.constituency));
    if (violations.length > 0) throw new ListsRejected(violations);
    let lists = 0;
    let candidates = 0;
    for (const c of file.constituencies) {
      await trx
        .deleteFrom('candidates')
        .where('election_id', '=', file.election)
        .where('constituency_code', '=', c.code)
        .execute();
      await trx
        .deleteFrom('party_lists')
        .where('election_id', '=', file.election)
        .where('constituency_code', '=', c.code)
        .execute();
      if (c.lists.length === 0) continue;
      await trx
        .insertInto('party_lists')
        .values(
          c.lists.map((l) => ({
            election_id: file.election,
            constituency_code: c.code,
            list_number: l.number,
            label: l.label,
          })),
        )
        .execute();
      const rows = c.lists.flatMap((l) =>
        (['effectives', 'substitutes'] as const).flatMap((kind) =>
          l[kind].map((k) => ({
            election_id: file.election,
            constituency_code: c.code,
            list_number: l.number,
            kind: kind === 'effectives' ? ('effective' as const) : ('substitute' as const),
            position: k.position,
            given_name: k.givenName,
            surname: k.surname,
            gender: k.gender,
            birth_date: k.birthDate ?? null,
          })),
        ),
      );
      for (let i = 0; i < rows.length; i += 1000)
        await trx
          .insertInto('candidates')
          .values(rows.slice(i, i + 1000))
          .execute();
      lists += c.lists.length;
      candidates += rows.length;
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.lists.imported',
      subject: file.election,
      details: { constituencies: [...replaced], lists, candidates, sha256 },
    });
    return { lists, candidates, sha256 };
  });
}

/** The hash of every list and candidate of the day's elections, in a canonical order (frozen at opening). */
export async function listsHash(db: Store['db'], dayId: string): Promise<string> {
  const lists = await db
    .selectFrom('party_lists as l')
    .innerJoin('elections as e', 'e.id', 'l.election_id')
    .select(['l.election_id', 'l.constituency_code', 'l.list_number', 'l.label'])
    .where('e.election_day_id', '=', dayId)
    .orderBy('l.election_id')
    .orderBy('l.constituency_code')
    .orderBy('l.list_number')
    .execute();
  const candidates = await db
    .selectFrom('candidates as k')
    .innerJoin('elections as e', 'e.id', 'k.election_id')
    .select([
      'k.election_id',
      'k.constituency_code',
      'k.list_number',
      'k.kind',
      'k.position',
      'k.surname',
      'k.given_name',
      'k.gender',
      'k.birth_date',
    ])
    .where('e.election_day_id', '=', dayId)
    .orderBy('k.election_id')
    .orderBy('k.constituency_code')
    .orderBy('k.list_number')
    .orderBy('k.kind')
    .orderBy('k.position')
    .execute();
  return createHash('sha256').update('isoloir/lists/v2\n').update(canonicalJson({ lists, candidates })).digest('hex');
}
