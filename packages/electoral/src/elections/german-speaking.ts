import { cite, unverified } from './citations.ts';
import { constituency, labels } from './build.ts';
import { GERMAN_LANGUAGE_AREA } from './territory.ts';
import { FIVE_PERCENT, HALF, REGIONAL_ABROAD } from './regional-common.ts';
import { GERMAN_SPEAKING_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const FGOV_DE = 'wahlen.fgov.be, "Stimmenauszählung, Sitzverteilung", Parlament der Deutschsprachigen Gemeinschaft';

/** Parliament of the German-speaking Community: 25 members, one constituency (the nine communes of the German-language area). */
export const GERMAN_SPEAKING: StatutoryElection = {
  code: 'german-speaking',
  setupKind: 'regional',
  labels: labels(
    'Parlement de la Communauté germanophone',
    'Parlement van de Duitstalige Gemeenschap',
    'Parlament der Deutschsprachigen Gemeinschaft',
    'Parliament of the German-speaking Community',
  ),
  seats: 25,
  method: 'dhondt',
  methodCitation: cite(
    'Act of 6 July 1990 on the election of the Parliament of the German-speaking Community: D’Hondt',
    FGOV_DE,
  ),
  threshold: FIVE_PERCENT,
  thresholdPerLanguageGroup: false,
  thresholdCitation: cite(
    'Act of 6 July 1990: a 5 % threshold ("Es gibt eine Sperrklausel von 5 %") [article not found]',
    `${FGOV_DE}; pdg.be "Wahlmodus"`,
  ),
  devolution: HALF,
  devolutionCitation: unverified(
    'Act of 6 July 1990, designation as for the Chamber (CE arts. 172–173) [U: article]',
    FGOV_DE,
  ),
  tieBreak: {
    steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
    citation: unverified(
      'Act of 6 July 1990 [U: article; assumed the rule of CE art. 167 / act of 16 July 1993 art. 29quater]',
    ),
  },
  listRules: GERMAN_SPEAKING_LIST_RULES,
  constituencies: [
    constituency(
      'communaute-germanophone',
      labels(
        'Communauté germanophone',
        'Duitstalige Gemeenschap',
        'Deutschsprachige Gemeinschaft',
        'German-speaking Community',
      ),
      25,
      ['de'],
      cite('25 members', 'pdg.be "Wahlmodus"'),
    ),
  ],
  voters: {
    minimumAge: 18,
    ageCitation: cite(
      'Belgian, 18 years on election day, registered in a commune of the German-language area',
      'pdg.be "Wahlmodus"',
    ),
    placements: [
      {
        territory: { arrondissements: [], communes: GERMAN_LANGUAGE_AREA },
        options: ['communaute-germanophone'],
        citation: cite('Act of 6 July 1990: one constituency, the German-language area'),
      },
    ],
    abroad: 'none',
    abroadCitation: REGIONAL_ABROAD,
  },
};
