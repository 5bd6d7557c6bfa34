import type { Labels } from '../labels.ts';
import type { Citation, Placement, StatutoryConstituency, Territory } from './types.ts';

export function labels(fr: string, nl: string, de: string, en: string): Labels {
  return { fr, nl, de, en };
}

export function constituency(
  code: string,
  names: Labels,
  seats: number,
  languages: StatutoryConstituency['languages'],
  seatsCitation: Citation,
): StatutoryConstituency {
  return { code, labels: names, seats, languages, seatsCitation };
}

/** One placement per constituency: its residents vote there without a choice. */
export function fixed(territories: Readonly<Record<string, Territory>>, citation: Citation): Placement[] {
  return Object.entries(territories).map(([code, territory]) => ({ territory, options: [code], citation }));
}
