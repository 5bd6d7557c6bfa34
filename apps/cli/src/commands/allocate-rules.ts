// The rules `isoloir allocate --election …` applies: each election's statutory method, threshold,
// devolution and tie-break, from @isoloir/electoral (where they are cited); explicit flags override.
import {
  ELECTION_CODES,
  formatFraction,
  fraction,
  isElectionCode,
  multiply,
  LOCAL_REGIONS,
  LOCAL_RULES,
  statutoryElection,
} from '@isoloir/electoral';
import type { Fraction, SeatMethod, TieBreak } from '@isoloir/electoral';

export interface ElectionRulesChoice {
  readonly method: SeatMethod;
  readonly threshold: Fraction;
  readonly devolution: Fraction;
  readonly tieBreak: TieBreak;
  /** Seats of a named constituency, when the election's data has them. */
  readonly seatsOf: (constituency: string) => number | undefined;
}

export const ELECTION_CHOICES: readonly string[] = [...ELECTION_CODES, ...LOCAL_REGIONS.map((r) => `local-${r}`)];

export function rulesFor(election: string): ElectionRulesChoice | null {
  if (isElectionCode(election)) {
    const e = statutoryElection(election);
    return {
      method: e.method,
      threshold: e.threshold,
      devolution: e.devolution,
      tieBreak: e.tieBreak.steps,
      seatsOf: (code) => e.constituencies.find((c) => c.code === code)?.seats,
    };
  }
  const region = LOCAL_REGIONS.find((r) => `local-${r}` === election);
  if (region === undefined) return null;
  const local = LOCAL_RULES[region];
  return {
    method: local.method,
    threshold: local.threshold,
    devolution: local.devolution,
    tieBreak: local.tieBreak.steps,
    seatsOf: () => undefined,
  };
}

/** One line per election for `--help`. */
export function electionsHelp(): string {
  return ELECTION_CHOICES.map((code) => {
    const r = rulesFor(code);
    if (r === null) return code;
    return `  ${code.padEnd(18)} ${r.method}, threshold ${formatFraction(multiply(r.threshold, fraction(100)))} %, devolution ${formatFraction(r.devolution)}, tie: ${r.tieBreak.join(' > ')}`;
  }).join('\n');
}
