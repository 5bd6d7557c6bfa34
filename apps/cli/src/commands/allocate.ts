// `isoloir allocate`: seats and elected candidates of one constituency file in the official result format.
// The law lives in @isoloir/electoral; this file only reads the file, prints, and sets the exit code.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeOfficialResults, fraction, multiply, parseFraction } from '@isoloir/electoral';
import type { Fraction, OfficialError, OfficialOptions, SeatMethod } from '@isoloir/electoral';
import { ELECTION_CHOICES, electionsHelp, rulesFor } from './allocate-rules.ts';

/**
 * Exit codes: 2 malformed input (naming the field); 3 a seat due with equal right that the file
 * cannot settle (it lacks the candidates' birth dates the statute then looks at, naming the tied
 * lists, or the statute is exhausted).
 */
const EXIT_MALFORMED = 2;
const EXIT_TIE = 3;

interface AllocateFlags {
  readonly election: string;
  readonly constituency?: string;
  readonly seats?: string;
  readonly method?: string;
  readonly threshold?: string;
  readonly devolution?: string;
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description(
      'Allocate the seats of a constituency and designate its elected candidates (official result JSON in, same JSON out)',
    )
    .argument('<file>', 'a constituency in the official result file format (resultatselection.belgium.be)')
    .option(
      '--election <code>',
      `the election, whose statutory method, threshold, devolution and tie-break apply: ${ELECTION_CHOICES.join(', ')}`,
      'chamber',
    )
    .option(
      '--constituency <code>',
      'a constituency (or college, or language group) of the election: its seats as in 2024',
    )
    .option('--seats <n>', 'seats of the constituency (required unless --constituency gives them)')
    .option('--method <method>', 'override: dhondt, imperiali or quota-then-dhondt')
    .option('--threshold <percent>', 'override: electoral threshold in percent of the valid votes')
    .option('--devolution <fraction>', 'override: share of head-box ballots that devolves, e.g. 1/2, 0')
    .addHelpText(
      'after',
      `\nElections (statutory rules; sources in packages/electoral/README.md):\n${electionsHelp()}\n\nA seat due with equal right to several lists is settled by the steps shown; the last needs\nthe candidates' birth dates (Candidates[].BirthDate, YYYY-MM-DD): without them the command\nexits 3 saying so.`,
    )
    .action((file: string, flags: AllocateFlags) => {
      process.exitCode = allocate(file, flags);
    });
}

function allocate(file: string, flags: AllocateFlags): number {
  const options = parseFlags(flags);
  if (typeof options === 'string') return fail(EXIT_MALFORMED, options);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(EXIT_MALFORMED, `${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = computeOfficialResults(json, options);
  if (!result.ok) return fail(exitCode(result.error), result.error.message);
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  return 0;
}

function exitCode(error: OfficialError): number {
  return error.code === 'seats.drawing-of-lots' ||
    error.code === 'seats.tie-needs-data' ||
    error.code === 'seats.tie-unresolved'
    ? EXIT_TIE
    : EXIT_MALFORMED;
}

function fail(code: number, message: string): number {
  process.stderr.write(`isoloir allocate: ${message}\n`);
  return code;
}

/** The options for the library, or a message naming the bad flag. */
function parseFlags(flags: AllocateFlags): OfficialOptions | string {
  const rules = rulesFor(flags.election);
  if (rules === null) return `--election: expected one of ${ELECTION_CHOICES.join(', ')}, got ${flags.election}`;
  const seats = seatsFrom(flags, rules.seatsOf);
  if (typeof seats === 'string') return seats;
  const method = flags.method ?? rules.method;
  if (method !== 'dhondt' && method !== 'imperiali' && method !== 'quota-then-dhondt')
    return `--method: expected dhondt, imperiali or quota-then-dhondt, got ${method}`;
  const seatMethod: SeatMethod = method;
  const threshold = flags.threshold === undefined ? rules.threshold : share(flags.threshold, fraction(1, 100));
  if (threshold === null) return `--threshold: expected a percentage from 0 to 100, got ${flags.threshold ?? ''}`;
  const devolution = flags.devolution === undefined ? rules.devolution : share(flags.devolution, fraction(1));
  if (devolution === null)
    return `--devolution: expected a fraction from 0 to 1 (1/2, 0.5, 0), got ${flags.devolution ?? ''}`;
  return { seats, method: seatMethod, threshold, devolution, tieBreak: rules.tieBreak };
}

function seatsFrom(flags: AllocateFlags, seatsOf: (code: string) => number | undefined): number | string {
  if (flags.seats !== undefined)
    return /^\d+$/.test(flags.seats) && Number(flags.seats) >= 1
      ? Number(flags.seats)
      : `--seats: expected a positive integer, got ${flags.seats}`;
  if (flags.constituency === undefined) return '--seats or --constituency is required';
  return (
    seatsOf(flags.constituency) ??
    `--constituency: no constituency ${flags.constituency} in --election ${flags.election}`
  );
}

/** An exact share from its text (percent when `unit` is 1/100), at most 1; null if malformed. */
function share(text: string, unit: Fraction): Fraction | null {
  const parsed = parseFraction(text);
  if (!parsed.ok) return null;
  const value = multiply(parsed.value, unit);
  return value.num > value.den ? null : value;
}
