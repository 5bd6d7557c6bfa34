// Row-level checks of the voter files (commune voter file, consular register): each rejected row
// gets its line, the column and a stable reason code. Pure: the commune list, scope and clock come
// in as arguments. Column formats: ./README.md.
import { parseNrn } from '@isoloir/electoral';
import { at, PreparationError } from './errors.ts';
import { isFormula, type CsvRow } from './csv.ts';

export const COMMUNE_COLUMNS = [
  'nrn',
  'surname',
  'given_names',
  'birth_date',
  'sex',
  'street',
  'postcode',
  'locality',
  'commune_nis',
  'language',
  'deprived',
  'deceased',
] as const;
export const CONSULAR_COLUMNS = [
  'nrn',
  'surname',
  'given_names',
  'birth_date',
  'sex',
  'address',
  'country',
  'email',
  'attachment_nis',
  'language',
  'mode',
  'kiosk_post',
] as const;

/** Every reason a row of a voter file or a registration is refused (said in words by the web app). */
export const REJECTION_CODES = [
  'nrn.format',
  'nrn.checksum',
  'nrn.month',
  'nrn.day',
  'nrn.sequence',
  'row.required',
  'row.formula',
  'row.control-character',
  'row.too-long',
  'row.birth-date',
  'row.birth-date-mismatch',
  'row.sex',
  'row.sex-mismatch',
  'row.too-young',
  'row.language',
  'row.flag',
  'row.commune-unknown',
  'row.commune-scope',
  'row.duplicate-nrn',
  'row.country',
  'row.email',
  'row.mode',
  'row.kiosk-post',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  readonly line: number;
  readonly column: string;
  readonly code: RejectionCode;
  readonly value: string;
}

/** Maps a header row to the index of each expected column; unknown, missing or repeated columns are fatal. */
export function columnIndex<C extends string>(header: CsvRow, expected: readonly C[]): Record<C, number> {
  const index: Partial<Record<C, number>> = {};
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!(expected as readonly string[]).includes(name))
      throw new PreparationError(
        'file.columns',
        at(header.line, i + 1),
        `file.columns: unknown column "${raw}" (line ${String(header.line)}, column ${String(i + 1)})`,
      );
    if (index[name as C] !== undefined)
      throw new PreparationError('file.columns', at(header.line, i + 1), `file.columns: column "${name}" twice`);
    index[name as C] = i;
  });
  for (const name of expected) {
    if (index[name] === undefined)
      throw new PreparationError('file.columns', at(header.line, name), `file.columns: missing column "${name}"`);
  }
  return index as Record<C, number>;
}

export interface RowContext {
  /** Valid NIS codes of the election day's communes. */
  readonly communes: ReadonlySet<string>;
  /** The only commune a commune official may load; undefined for the organising authority. */
  readonly scope?: string | undefined;
  /** Election day `YYYY-MM-DD`, and the youngest age that votes in any of its elections. */
  readonly votingDate: string;
  readonly minimumAge: number;
  readonly currentYear: number;
}

const MAX_CELL = 200;
// NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a name or address.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Age in whole years on `on` (both `YYYY-MM-DD`). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return year >= 1890 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The checks both voter files share: NRN, names, birth date against the NRN, sex, language, age. */
export function checkPerson(
  line: number,
  get: (column: string) => string,
  ctx: RowContext,
  textColumns: readonly string[],
): Rejection | null {
  for (const column of textColumns) {
    const value = get(column);
    if (value.length > MAX_CELL) return { line, column, code: 'row.too-long', value: value.slice(0, 40) };
    if (isFormula(value)) return { line, column, code: 'row.formula', value };
    if (CONTROL.test(value))
      return { line, column, code: 'row.control-character', value: value.replace(CONTROL_ALL, '?') };
  }
  for (const column of ['nrn', 'surname', 'given_names', 'birth_date', 'sex', 'language']) {
    if (get(column) === '') return { line, column, code: 'row.required', value: '' };
  }
  const nrnText = get('nrn');
  const nrn = parseNrn(nrnText, { currentYear: ctx.currentYear });
  if (!nrn.ok) return { line, column: 'nrn', code: nrn.error, value: nrnText };
  const birth = get('birth_date');
  if (!validDate(birth)) return { line, column: 'birth_date', code: 'row.birth-date', value: birth };
  const b = nrn.value.birth;
  if (
    (b.year !== null && b.year !== Number(birth.slice(0, 4))) ||
    (b.month !== null && b.month !== Number(birth.slice(5, 7))) ||
    (b.day !== null && b.day !== Number(birth.slice(8, 10)))
  ) {
    return { line, column: 'birth_date', code: 'row.birth-date-mismatch', value: birth };
  }
  const sex = get('sex');
  if (sex !== 'F' && sex !== 'M') return { line, column: 'sex', code: 'row.sex', value: sex };
  if (nrn.value.sex !== null && (nrn.value.sex === 'male') !== (sex === 'M'))
    return { line, column: 'sex', code: 'row.sex-mismatch', value: sex };
  const language = get('language');
  if (language !== 'fr' && language !== 'nl' && language !== 'de')
    return { line, column: 'language', code: 'row.language', value: language };
  if (ageOn(birth, ctx.votingDate) < ctx.minimumAge)
    return { line, column: 'birth_date', code: 'row.too-young', value: birth };
  return null;
}

const FLAG = new Set(['0', '1', '']);

/** Checks one commune voter row; null when it is accepted. */
export function checkCommuneRow(
  row: CsvRow,
  index: Record<(typeof COMMUNE_COLUMNS)[number], number>,
  ctx: RowContext,
): Rejection | null {
  const get = (column: string): string => (row.cells[index[column as (typeof COMMUNE_COLUMNS)[number]]] ?? '').trim();
  const person = checkPerson(row.line, get, ctx, ['surname', 'given_names', 'street', 'postcode', 'locality']);
  if (person !== null) return person;
  const nis = get('commune_nis');
  if (!ctx.communes.has(nis)) return { line: row.line, column: 'commune_nis', code: 'row.commune-unknown', value: nis };
  if (ctx.scope !== undefined && ctx.scope !== nis)
    return { line: row.line, column: 'commune_nis', code: 'row.commune-scope', value: nis };
  for (const column of ['deprived', 'deceased']) {
    if (!FLAG.has(get(column))) return { line: row.line, column, code: 'row.flag', value: get(column) };
  }
  return null;
}

/** Fails the whole file when a row does not have as many cells as the header. */
export function checkWidth(row: CsvRow, width: number): void {
  if (row.cells.length !== width)
    throw new PreparationError(
      'file.malformed',
      at(row.line, Math.min(row.cells.length, width) + 1),
      `file.malformed: line ${String(row.line)} has ${String(row.cells.length)} cells, the header ${String(width)}`,
    );
}

export interface ConsularContext extends RowContext {
  readonly modes: ReadonlySet<number>;
  readonly posts: ReadonlySet<string>;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Checks one consular register row (bulk import or the registration form); null when accepted. */
export function checkConsularRow(
  line: number,
  get: (column: string) => string,
  ctx: ConsularContext,
): Rejection | null {
  const person = checkPerson(line, get, ctx, ['surname', 'given_names', 'address', 'email']);
  if (person !== null) return person;
  if (get('address') === '') return { line, column: 'address', code: 'row.required', value: '' };
  const country = get('country');
  if (!/^[A-Z]{2}$/.test(country) || country === 'BE')
    return { line, column: 'country', code: 'row.country', value: country };
  const email = get('email');
  if (email !== '' && !EMAIL.test(email)) return { line, column: 'email', code: 'row.email', value: email };
  const nis = get('attachment_nis');
  if (!ctx.communes.has(nis)) return { line, column: 'attachment_nis', code: 'row.commune-unknown', value: nis };
  const modeText = get('mode');
  const mode = Number(modeText);
  if (!/^[1-8]$/.test(modeText) || !ctx.modes.has(mode))
    return { line, column: 'mode', code: 'row.mode', value: modeText };
  const kiosk = get('kiosk_post');
  if (mode === 8 ? !ctx.posts.has(kiosk) : kiosk !== '')
    return { line, column: 'kiosk_post', code: 'row.kiosk-post', value: kiosk };
  return null;
}
