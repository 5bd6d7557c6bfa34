import { fraction } from './fraction.ts';
import type { Fraction } from './fraction.ts';
import type { ElectionKind, ElectionRules } from './model.ts';

const FIVE_PERCENT = fraction(5, 100);
const NONE = fraction(0);
const HALF = fraction(1, 2);
/** Higher electoral figure, then the candidate at stake with the most votes, then the oldest (CE; act of 16 July 1993 art. 29quater). */
const STATUTORY = ['higher-figure', 'candidate-votes', 'candidate-age'] as const;

/**
 * The usual rules per kind of election. Local variations are parameters: Wallonia and Flanders
 * abolished devolution for local elections (pass `{ devolution: fraction(0) }`), Flanders breaks
 * ties by the higher electoral figure.
 */
export function defaultRules(kind: ElectionKind, overrides: Partial<ElectionRules> = {}): ElectionRules {
  return { ...BASE[kind], ...overrides };
}

const BASE: Readonly<Record<ElectionKind, ElectionRules>> = {
  chamber: rules('dhondt', FIVE_PERCENT, HALF),
  regional: rules('dhondt', FIVE_PERCENT, HALF),
  'european-parliament': rules('dhondt', NONE, HALF),
  provincial: rules('dhondt', NONE, HALF),
  communal: rules('imperiali', NONE, HALF),
};

function rules(
  method: ElectionRules['method'],
  threshold: Fraction,
  devolution: Fraction,
  tieBreak: ElectionRules['tieBreak'] = STATUTORY,
): ElectionRules {
  return { method, threshold, devolution, tieBreak };
}
