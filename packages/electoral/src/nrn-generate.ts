import { daysInMonth, nrnCheck } from './nrn.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export interface NrnSpec {
  /** Full birth year, 1900–2099. */
  readonly year: number;
  /** 1–12, or 0 when unknown. */
  readonly month: number;
  /** 1–31, or 0 when unknown. */
  readonly day: number;
  /** 1–998: odd for a man, even for a woman. */
  readonly sequence: number;
  /** A BIS number: month + 20 (sex unknown) or + 40 (sex known). */
  readonly bis?: 'sex-unknown' | 'sex-known';
}

export type NrnSpecError = 'nrn.year' | 'nrn.month' | 'nrn.day' | 'nrn.sequence';

/** Builds the 11 digits of a number, computing the check value for its century. */
export function makeNrn(spec: NrnSpec): Result<string, NrnSpecError> {
  const { year, month, day, sequence } = spec;
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return err('nrn.year');
  if (!Number.isInteger(month) || month < 0 || month > 12) return err('nrn.month');
  if (!Number.isInteger(day) || day < 0 || (month > 0 && day > daysInMonth(year, month))) return err('nrn.day');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 998) return err('nrn.sequence');
  const offset = spec.bis === undefined ? 0 : spec.bis === 'sex-unknown' ? 20 : 40;
  const nine = pad(year % 100, 2) + pad(month + offset, 2) + pad(day, 2) + pad(sequence, 3);
  return ok(nine + pad(nrnCheck(nine, year >= 2000 ? 2000 : 1900), 2));
}

function pad(n: number, width: number): string {
  return n.toString().padStart(width, '0');
}

/**
 * Valid, clearly fictitious test numbers, reproducible from a seed (a linear congruential generator:
 * never use them for anything but tests). Births from 1920 to `maxYear`.
 */
export function* testNrns(seed: number, maxYear = 2020): Generator<string, never> {
  let state = BigInt(seed) & 0xffffffffn;
  const next = (n: number): number => {
    state = (state * 1664525n + 1013904223n) & 0xffffffffn;
    return Number(state % BigInt(n));
  };
  for (;;) {
    const year = 1920 + next(maxYear - 1919);
    const month = 1 + next(12);
    const spec = { year, month, day: 1 + next(daysInMonth(year, month)), sequence: 1 + next(998) };
    const made = makeNrn(spec);
    if (made.ok) yield made.value;
  }
}
