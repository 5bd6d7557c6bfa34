import { err, ok } from './result.ts';
import type { Result } from './result.ts';

/** A national register number (NRN, rijksregisternummer, numéro de registre national) or a BIS number. */
export interface Nrn {
  /** The 11 digits `YYMMDDSSSCC`. */
  readonly digits: string;
  readonly kind: 'national' | 'bis';
  /** The century the checksum selects. */
  readonly century: 1900 | 2000;
  /** The birth date; parts are null when unknown (month or day 00, or the fictitious date 00.00.01). */
  readonly birth: { readonly year: number | null; readonly month: number | null; readonly day: number | null };
  /** From the parity of the sequence number; null for a BIS number issued without the sex (month + 20). */
  readonly sex: 'male' | 'female' | null;
  /** The daily sequence number SSS: odd for men, even for women. */
  readonly sequence: number;
}

export type NrnError = 'nrn.format' | 'nrn.checksum' | 'nrn.month' | 'nrn.day' | 'nrn.sequence';

/** Strips the usual separators (spaces, dots, dashes). */
export function compactNrn(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/** The check value: 97 − (N mod 97), with N = the first 9 digits, plus 2 000 000 000 for births from 2000. */
export function nrnCheck(nineDigits: string, century: 1900 | 2000): number {
  const base = BigInt(nineDigits) + (century === 2000 ? 2_000_000_000n : 0n);
  return 97 - Number(base % 97n);
}

/**
 * Validates a national register or BIS number. Both century rules are tried; the 2000 rule only if
 * 2000 + YY ≤ `currentYear` (a parameter: this package reads no clock).
 */
export function parseNrn(text: string, options: { readonly currentYear: number }): Result<Nrn, NrnError> {
  const digits = compactNrn(text);
  if (!/^\d{11}$/.test(digits)) return err('nrn.format');
  const century = checkedCentury(digits, options.currentYear);
  if (century === null) return err('nrn.checksum');
  const sequence = Number(digits.slice(6, 9));
  if (sequence === 0 || sequence === 999) return err('nrn.sequence');
  const month = Number(digits.slice(2, 4));
  const kind = month >= 20 ? 'bis' : 'national';
  const realMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
  if (realMonth > 12) return err('nrn.month');
  const birth = birthDate(digits, century, realMonth);
  if (!birth.ok) return birth;
  const sexKnown = month < 20 || month >= 40;
  const sex = sexKnown ? (sequence % 2 === 1 ? 'male' : 'female') : null;
  return ok({ digits, kind, century, birth: birth.value, sex, sequence });
}

function checkedCentury(digits: string, currentYear: number): 1900 | 2000 | null {
  const check = Number(digits.slice(9));
  const nine = digits.slice(0, 9);
  if (nrnCheck(nine, 1900) === check) return 1900;
  const y2k = 2000 + Number(digits.slice(0, 2)) <= currentYear;
  return y2k && nrnCheck(nine, 2000) === check ? 2000 : null;
}

function birthDate(digits: string, century: 1900 | 2000, month: number): Result<Nrn['birth'], NrnError> {
  const unknown = { year: null, month: null, day: null };
  if (digits.startsWith('000001')) return ok(unknown);
  const year = century + Number(digits.slice(0, 2));
  const day = Number(digits.slice(4, 6));
  if (month === 0) return ok({ ...unknown, year });
  if (day === 0) return ok({ year, month, day: null });
  return day > daysInMonth(year, month) ? err('nrn.day') : ok({ year, month, day });
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `YY.MM.DD-SSS.CC`, from any spelling of the 11 digits. */
export function formatNrn(text: string): Result<string, 'nrn.format'> {
  const d = compactNrn(text);
  if (!/^\d{11}$/.test(d)) return err('nrn.format');
  return ok(`${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`);
}
