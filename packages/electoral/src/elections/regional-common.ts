import { fraction } from '../fraction.ts';
import { cite, SOURCES } from './citations.ts';
import type { TieBreakRule } from './types.ts';

export const FIVE_PERCENT = fraction(5, 100);
export const HALF = fraction(1, 2);

/** Act of 16 July 1993 aimed at completing the federal structure of the State, art. 29quater (Flemish and Walloon Parliaments). */
export const ART_29QUATER: TieBreakRule = {
  steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
  citation: cite(
    'Act of 16 July 1993 aimed at completing the federal structure of the State, art. 29quater: a seat due with equal right to several lists goes to the list with the highest electoral figure and, the figures being equal, to the list of the candidate who, among those whose election is at stake, obtained the most votes or, subsidiarily, is the oldest',
    `${SOURCES.senlex}, art. 29quater (version of 6 January 2014)`,
  ),
};

export const REGIONAL_ABROAD = cite(
  'Belgians abroad do not vote in regional and community elections (special act of 8 August 1980 art. 25: registered in a commune of the region)',
  'parlement-wallonie.be 2024; ibz.be',
);
export const REGIONAL_AGE = cite(
  'Special act of 8 August 1980 art. 25: Belgian, 18 years on election day, registered in a commune of the region',
  SOURCES.walloonParliament,
);
