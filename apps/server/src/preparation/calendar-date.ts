// A day as the election's files write it: `YYYY-MM-DD`, a real day of the Gregorian calendar,
// within the years the domain can hold. Dates outside are refused at the boundary with a field,
// instead of failing later in the database (PGlite refuses year 0000 with an internal error).

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** Days of an election: setup dates, periods, deadlines. */
export const ELECTION_YEARS: YearRange = { from: 2000, to: 2199 };
/** Birth dates of voters and candidates. */
export const BIRTH_YEARS: YearRange = { from: 1890, to: 2199 };

export function isCalendarDate(text: string, years: YearRange): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < years.from || year > years.to) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
