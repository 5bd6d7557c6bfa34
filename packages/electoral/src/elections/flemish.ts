import { cite, SOURCES } from './citations.ts';
import { constituency, fixed, labels } from './build.ts';
import { ARRONDISSEMENTS as A } from './territory.ts';
import { ART_29QUATER, FIVE_PERCENT, HALF, REGIONAL_ABROAD, REGIONAL_AGE } from './regional-common.ts';
import { REGIONAL_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const seats2024 = cite(
  'Special decree of 7 July 2006 on the Flemish institutions art. 7 (six constituencies: the five provinces and Brussels-Capital); 118 + 6 seats (special act of 8 August 1980 art. 24 §1); 2024 distribution: West Flanders lost one seat to Flemish Brabant',
  SOURCES.flemish2024,
);

/** Flemish Parliament: 124 members, 118 elected in the five provinces and 6 in Brussels-Capital. */
export const FLEMISH: StatutoryElection = {
  code: 'flemish',
  setupKind: 'regional',
  labels: labels('Parlement flamand', 'Vlaams Parlement', 'Flämisches Parlament', 'Flemish Parliament'),
  seats: 124,
  method: 'dhondt',
  methodCitation: cite(
    'Act of 16 July 1993 art. 29ter al. 2–3 (D’Hondt among the lists reaching the threshold)',
    `${SOURCES.senlex}, art. 29ter`,
  ),
  threshold: FIVE_PERCENT,
  thresholdPerLanguageGroup: false,
  thresholdCitation: cite(
    'Act of 16 July 1993 art. 29ter al. 1: only lists with at least ("minstens") 5 % of the valid votes of the constituency; for the Brussels members of the Flemish Parliament, 5 % of the votes for all their lists (LSIB art. 20 §2)',
    `${SOURCES.senlex}, art. 29ter`,
  ),
  devolution: HALF,
  devolutionCitation: cite(
    'Act of 16 July 1993 arts. 29octies al. 2 and 29nonies al. 2: half the head-box ballots devolve',
    SOURCES.dmeeus,
  ),
  tieBreak: ART_29QUATER,
  listRules: REGIONAL_LIST_RULES,
  constituencies: [
    constituency(
      'anvers',
      labels('Circonscription d’Anvers', 'Kieskring Antwerpen', 'Wahlkreis Antwerpen', 'Antwerp'),
      33,
      ['nl'],
      seats2024,
    ),
    constituency(
      'flandre-orientale',
      labels(
        'Circonscription de Flandre orientale',
        'Kieskring Oost-Vlaanderen',
        'Wahlkreis Ostflandern',
        'East Flanders',
      ),
      27,
      ['nl'],
      seats2024,
    ),
    constituency(
      'flandre-occidentale',
      labels(
        'Circonscription de Flandre occidentale',
        'Kieskring West-Vlaanderen',
        'Wahlkreis Westflandern',
        'West Flanders',
      ),
      21,
      ['nl'],
      seats2024,
    ),
    constituency(
      'brabant-flamand',
      labels(
        'Circonscription du Brabant flamand',
        'Kieskring Vlaams-Brabant',
        'Wahlkreis Flämisch-Brabant',
        'Flemish Brabant',
      ),
      21,
      ['nl'],
      seats2024,
    ),
    constituency(
      'limbourg',
      labels('Circonscription du Limbourg', 'Kieskring Limburg', 'Wahlkreis Limburg', 'Limburg'),
      16,
      ['nl'],
      seats2024,
    ),
    constituency(
      'bruxelles-capitale',
      labels(
        'Circonscription de Bruxelles-Capitale',
        'Kieskring Brussel-Hoofdstad',
        'Wahlkreis Brüssel-Hauptstadt',
        'Brussels-Capital',
      ),
      6,
      ['nl'],
      seats2024,
    ),
  ],
  voters: {
    minimumAge: 18,
    ageCitation: REGIONAL_AGE,
    placements: [
      {
        territory: { arrondissements: A.brussels },
        options: ['bruxelles-capitale'],
        condition: 'not-french-group-in-brussels',
        citation: cite(
          'Special act of 12 January 1989 on the Brussels institutions art. 14 al. 2: only the voters who do not vote for a list of the French language group are electors of the Brussels members of the Flemish Parliament',
          `${SOURCES.senlex}, art. 14`,
        ),
      },
      ...fixed(
        {
          anvers: { arrondissements: A.antwerp },
          'flandre-orientale': { arrondissements: A.eastFlanders },
          'flandre-occidentale': { arrondissements: A.westFlanders },
          'brabant-flamand': { arrondissements: A.flemishBrabant },
          limbourg: { arrondissements: A.limburg },
        },
        cite('Special decree of 7 July 2006 art. 7: the five provinces', SOURCES.dmeeus),
      ),
    ],
    abroad: 'none',
    abroadCitation: REGIONAL_ABROAD,
  },
};
