// `isoloir allocate`: seats and elected candidates of one constituency file in the official result format.
// The law lives in @isoloir/electoral; this file only reads the file, prints, and sets the exit code.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeOfficialResults, fraction, multiply, parseFraction } from '@isoloir/electoral';
import type { Fraction, OfficialError, OfficialOptions, SeatMethod } from '@isoloir/electoral';

/** Exit codes: 2 malformed input (naming the field), 3 drawing of lots required (naming the tied lists). */
const EXIT_MALFORMED = 2;
const EXIT_DRAWING_OF_LOTS = 3;

interface AllocateFlags {
  readonly seats: string;
  readonly method: string;
  readonly threshold?: string;
  readonly devolution: string;
  readonly lots?: string;
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description('Allocate the seats of a constituency and designate its elected candidates (official result JSON in, same JSON out)')
    .argument('<file>', 'a constituency in the official result file format (resultatselection.belgium.be)')
    .requiredOption('--seats <n>', 'seats of the constituency')
    .option('--method <method>', 'dhondt (Chamber, EP, regional, provincial) or imperiali (communal)', 'dhondt')
    .option('--threshold <percent>', 'electoral threshold in percent of the valid votes (default 5 for dhondt, 0 for imperiali)')
    .option('--devolution <fraction>', 'share of head-box ballots that devolves, e.g. 1/2, 0', '1/2')
    .option('--lots <ids>', 'result of a drawing of lots: list Ids, comma-separated, first drawn first')
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
  return error.code === 'seats.drawing-of-lots' ? EXIT_DRAWING_OF_LOTS : EXIT_MALFORMED;
}

function fail(code: number, message: string): number {
  process.stderr.write(`isoloir allocate: ${message}\n`);
  return code;
}

/** The options for the library, or a message naming the bad flag. */
function parseFlags(flags: AllocateFlags): OfficialOptions | string {
  if (!/^\d+$/.test(flags.seats) || Number(flags.seats) < 1) return `--seats: expected a positive integer, got ${flags.seats}`;
  if (flags.method !== 'dhondt' && flags.method !== 'imperiali') return `--method: expected dhondt or imperiali, got ${flags.method}`;
  const method: SeatMethod = flags.method;
  const threshold = share(flags.threshold ?? (method === 'dhondt' ? '5' : '0'), fraction(1, 100));
  if (threshold === null) return `--threshold: expected a percentage from 0 to 100, got ${flags.threshold ?? ''}`;
  const devolution = share(flags.devolution, fraction(1));
  if (devolution === null) return `--devolution: expected a fraction from 0 to 1 (1/2, 0.5, 0), got ${flags.devolution}`;
  const lots = flags.lots?.split(',').map((id) => id.trim());
  return { seats: Number(flags.seats), method, threshold, devolution, ...(lots === undefined ? {} : { lots }) };
}

/** An exact share from its text (percent when `unit` is 1/100), at most 1; null if malformed. */
function share(text: string, unit: Fraction): Fraction | null {
  const parsed = parseFraction(text);
  if (!parsed.ok) return null;
  const value = multiply(parsed.value, unit);
  return value.num > value.den ? null : value;
}
