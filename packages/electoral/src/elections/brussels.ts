import { cite, SOURCES, unverified } from './citations.ts';
import { constituency, labels } from './build.ts';
import { ARRONDISSEMENTS as A } from './territory.ts';
import { FIVE_PERCENT, HALF, REGIONAL_ABROAD, REGIONAL_AGE } from './regional-common.ts';
import { BRUSSELS_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const groups = cite(
  'Special act of 12 January 1989 on the Brussels institutions (LSIB) arts. 14 and 20: of the 89 seats, 72 go to the lists of the French language group and 17 to those of the Dutch language group',
  'elections.fgov.be, "Parlement de la Région de Bruxelles-Capitale"',
);

/**
 * Parliament of the Brussels-Capital Region: 89 members in one constituency, 72 for the French and 17
 * for the Dutch language group. Each language group is a "constituency" here (lists, threshold and
 * seats are per group); the voter chooses a group by choosing a list.
 */
export const BRUSSELS: StatutoryElection = {
  code: 'brussels',
  setupKind: 'regional',
  labels: labels(
    'Parlement de la Région de Bruxelles-Capitale',
    'Brussels Hoofdstedelijk Parlement',
    'Parlament der Region Brüssel-Hauptstadt',
    'Parliament of the Brussels-Capital Region',
  ),
  seats: 89,
  method: 'quota-then-dhondt',
  methodCitation: cite(
    'LSIB art. 20 §2: per language group, seats by the electoral divisor (valid votes of the group ÷ 72 or ÷ 17), the rest by continuing D’Hondt (divisors n + 1, n + 2…)',
    'elections.fgov.be, "Parlement de la Région de Bruxelles-Capitale"; d-meeus.be repart.html',
  ),
  threshold: FIVE_PERCENT,
  thresholdPerLanguageGroup: true,
  thresholdCitation: cite(
    'LSIB art. 20 §2 al. 1: 5 % of the valid votes cast for all the lists of the language group',
    'elections.fgov.be, "Parlement de la Région de Bruxelles-Capitale"',
  ),
  devolution: HALF,
  devolutionCitation: cite(
    'LSIB art. 20bis: half the list votes favourable to the order of presentation devolve',
    `${SOURCES.senlex}, art. 20bis (version of 19 April 2018)`,
  ),
  tieBreak: {
    steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
    citation: unverified(
      'LSIB art. 20 [U: the paragraph for a seat due with equal right; assumed to follow art. 29quater of the act of 16 July 1993]',
    ),
  },
  listRules: BRUSSELS_LIST_RULES,
  constituencies: [
    constituency(
      'groupe-francais',
      labels('Groupe linguistique français', 'Franse taalgroep', 'Französische Sprachgruppe', 'French language group'),
      72,
      ['fr'],
      groups,
    ),
    constituency(
      'groupe-neerlandais',
      labels(
        'Groupe linguistique néerlandais',
        'Nederlandse taalgroep',
        'Niederländische Sprachgruppe',
        'Dutch language group',
      ),
      17,
      ['nl'],
      groups,
    ),
  ],
  voters: {
    minimumAge: 18,
    ageCitation: REGIONAL_AGE,
    placements: [
      {
        territory: { arrondissements: A.brussels },
        options: ['groupe-francais', 'groupe-neerlandais'],
        citation: cite(
          'LSIB art. 14: one electoral college of all the voters of the nineteen communes; the voter chooses a list of either language group (art. 17)',
          `${SOURCES.senlex}, art. 14`,
        ),
      },
    ],
    abroad: 'none',
    abroadCitation: REGIONAL_ABROAD,
  },
};
