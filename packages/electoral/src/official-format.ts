import { err, ok } from './result.ts';
import type { Result } from './result.ts';

/**
 * A constituency in the format of the official result files (resultatselection.belgium.be), reduced
 * to what seat allocation and designation need. `raw` keeps every original field for output.
 */
export interface OfficialConstituency {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly lists: readonly OfficialList[];
}

export interface OfficialList {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly id: string;
  readonly number: number;
  readonly name: string;
  /** `NrOfVotes`: the electoral figure. */
  readonly votes: number;
  readonly categories: { readonly B: number; readonly C: number; readonly D: number; readonly E: number };
  readonly candidates: readonly OfficialCandidate[];
}

export interface OfficialCandidate {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly id: string;
  readonly position: number;
  readonly substitute: boolean;
  readonly votes: number;
  /** `BirthDate`, `YYYY-MM-DD`, when the file has it (not in the published files). */
  readonly birthDate?: string;
}

export type OfficialInputErrorCode = 'input.malformed' | 'input.figure-mismatch' | 'input.duplicate';

/** What is wrong in an input file, and where (`ElectionLists[3].Candidates[0].NrOfVotes`). */
export interface OfficialInputError {
  readonly code: OfficialInputErrorCode;
  readonly field: string;
  readonly message: string;
}

export type Parsed<T> = Result<T, OfficialInputError>;

export function malformed(field: string, expected: string): { readonly ok: false; readonly error: OfficialInputError } {
  return err({ code: 'input.malformed', field, message: `${field}: expected ${expected}` });
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-negative safe integer field. */
export function countField(record: Readonly<Record<string, unknown>>, key: string, path: string): Parsed<number> {
  const value = record[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? ok(value)
    : malformed(`${path}.${key}`, 'a non-negative integer');
}

/** An identifier: a non-negative integer or a non-empty string, kept as a string. */
export function idField(record: Readonly<Record<string, unknown>>, key: string, path: string): Parsed<string> {
  const value = record[key];
  if (typeof value === 'string' && value !== '') return ok(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return ok(value.toString());
  return malformed(`${path}.${key}`, 'an identifier (integer or string)');
}

export function booleanField(record: Readonly<Record<string, unknown>>, key: string, path: string): Parsed<boolean> {
  const value = record[key];
  return typeof value === 'boolean' ? ok(value) : malformed(`${path}.${key}`, 'true or false');
}

export function arrayField(
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
): Parsed<readonly unknown[]> {
  const value = record[key];
  return Array.isArray(value) ? ok(value) : malformed(`${path}.${key}`, 'an array');
}
