// The voting period of one election and one electronic mode (7 online, 8 kiosk): a pure state from
// the election-day setup's window for that mode (the dates printed on the letters), the PO's acts
// (opening, final closing) and the clock. One source: the setup; the PO only opens and closes.
//
// ```mermaid
// stateDiagram-v2
//   [*] --> unscheduled: no setup for the day
//   [*] --> scheduled: setup imported (window known)
//   scheduled --> open: PO has opened and the setup's opening is reached
//   open --> ended: the setup's closing is reached (no more ballots)
//   scheduled --> closed: PO closes (final)
//   open --> closed: PO closes (final)
//   ended --> closed: PO closes (final)
//   closed --> [*]
// ```
//
// The setup gives dates (`opens`, `closes`, both days included, as the letters say "from … to …").
// A day is taken in Belgian legal time (Europe/Brussels): the window is [opens 00:00, the day after
// closes 00:00). [U] No statute yet fixes the hours of the remote modes' periods (modes 6–8 come from
// the SPF Interior's 2023 flow charts, docs/flows.md, which say only "within the online voting
// period"); midnight to midnight, Belgian time, follows the letters' wording.
export type PeriodState = 'unscheduled' | 'scheduled' | 'open' | 'ended' | 'closed';

/** The electronic modes the ballot box serves, by their column value in `ballots.mode`. */
export type BoxMode = 'online' | 'kiosk';
export const MODE_NUMBER: Readonly<Record<BoxMode, 7 | 8>> = { online: 7, kiosk: 8 };

export function boxModeOf(mode: number | null): BoxMode | undefined {
  return mode === 7 ? 'online' : mode === 8 ? 'kiosk' : undefined;
}

export interface SetupWindow {
  readonly opens: string;
  readonly closes: string;
}

export interface PeriodFacts {
  /** The setup's window for the mode; undefined when the day has no setup. */
  readonly window: { readonly opensAt: Date; readonly closesAt: Date } | undefined;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
  /** Ballots one voter may cast: X + 1 online (X re-votes), 1 at a kiosk. */
  readonly maxBallots: number;
}

const DAY_MS = 86_400_000;
const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The wall-clock time in Brussels of an instant, as if it were UTC (for offset arithmetic). */
function brusselsWallClock(instant: number): number {
  const parts = Object.fromEntries(BRUSSELS.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
  );
}

/** The instant at which the day `date` (YYYY-MM-DD) begins in Brussels (offset +01:00 or +02:00). */
export function brusselsMidnight(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3_600_000;
    if (brusselsWallClock(candidate) === utcMidnight) return new Date(candidate);
  }
  // Midnight never exists on any Brussels date (DST changes at 02:00/03:00); kept for safety.
  return new Date(utcMidnight - 3_600_000);
}

// A pure function of two dates, asked at every hybrid envelope received (four time-zone
// conversions each): the instants are kept, as numbers, for the few windows a server sees.
const windows = new Map<string, { readonly opensAt: number; readonly closesAt: number }>();

export function windowOf(window: SetupWindow): { readonly opensAt: Date; readonly closesAt: Date } {
  const key = `${window.opens}/${window.closes}`;
  let known = windows.get(key);
  if (known === undefined) {
    const next = new Date(Date.parse(`${window.closes}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    known = { opensAt: brusselsMidnight(window.opens).getTime(), closesAt: brusselsMidnight(next).getTime() };
    if (windows.size >= 256) windows.clear();
    windows.set(key, known);
  }
  return { opensAt: new Date(known.opensAt), closesAt: new Date(known.closesAt) };
}

/**
 * X re-votes means X + 1 ballots: the letters say "you may vote again up to X times", so the first
 * ballot plus X more. A kiosk takes one ballot (flows.md, mode 8: "no second kiosk vote").
 */
export function maxBallotsOf(mode: BoxMode, revoteLimit: number): number {
  return mode === 'online' ? revoteLimit + 1 : 1;
}

export function periodState(facts: PeriodFacts, now: Date): PeriodState {
  if (facts.closedAt !== null) return 'closed';
  if (facts.window === undefined) return 'unscheduled';
  if (now.getTime() >= facts.window.closesAt.getTime()) return 'ended';
  if (facts.openedAt === null || now.getTime() < facts.window.opensAt.getTime()) return 'scheduled';
  return 'open';
}

/** Why a ballot cannot be cast now, by period state. */
export function periodRefusal(state: PeriodState): 'voting.not-open' | 'voting.closed' | undefined {
  if (state === 'open') return undefined;
  return state === 'ended' || state === 'closed' ? 'voting.closed' : 'voting.not-open';
}
