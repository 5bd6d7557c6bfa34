import { fraction } from '../fraction.ts';
import { cite, SOURCES, unverified } from './citations.ts';
import { constituency, fixed, labels } from './build.ts';
import { ARRONDISSEMENTS as A, COMINES_WARNETON, RHODE_SAINT_GENESE_CANTON, VOEREN } from './territory.ts';
import { CHAMBER_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const seats2024 = cite(
  'CE art. 87 (constituencies); seats per constituency as applied in 2024, Constitution art. 63',
  SOURCES.fixtures2024,
);

/** Chamber of Representatives: 150 seats in 11 constituencies (the 10 provinces and Brussels-Capital, CE art. 87). */
export const CHAMBER: StatutoryElection = {
  code: 'chamber',
  setupKind: 'chamber',
  labels: labels(
    'Chambre des représentants',
    'Kamer van volksvertegenwoordigers',
    'Abgeordnetenkammer',
    'Chamber of Representatives',
  ),
  seats: 150,
  method: 'dhondt',
  methodCitation: cite('CE art. 167 (D’Hondt: divisors 1, 2, 3…)', SOURCES.fgovCount),
  threshold: fraction(5, 100),
  thresholdPerLanguageGroup: false,
  thresholdCitation: cite(
    'CE art. 165bis: lists with at least 5 % of the valid votes of the constituency',
    SOURCES.fgovCount,
  ),
  devolution: fraction(1, 2),
  devolutionCitation: unverified(
    'CE arts. 172–173: half the head-box ballots devolve; the act of 27 December 2000 completing the act of 26 June 2000 (which halved it for communal, provincial and EP elections) amended the Electoral Code [U: that its article halves art. 172 for the Chamber; the act of 13 December 2002 cites it as amending CE arts. 115bis, 116 and 117]',
    `${SOURCES.dmeeus}; etaamb.openjustice.be (act of 27 December 2000, numac 2001000007; act of 13 December 2002, numac 2003000004)`,
  ),
  tieBreak: {
    steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
    citation: unverified(
      'CE art. 167: a seat due with equal right goes to the list with the higher electoral figure, then to the list of the candidate at stake with the most votes, subsidiarily the oldest [U: paragraph; same rule as act of 16 July 1993 art. 29quater]',
    ),
  },
  listRules: CHAMBER_LIST_RULES,
  constituencies: [
    constituency(
      'anvers',
      labels('Circonscription d’Anvers', 'Kieskring Antwerpen', 'Wahlkreis Antwerpen', 'Antwerp'),
      24,
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
      20,
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
      16,
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
      15,
      ['nl'],
      seats2024,
    ),
    constituency(
      'limbourg',
      labels('Circonscription du Limbourg', 'Kieskring Limburg', 'Wahlkreis Limburg', 'Limburg'),
      12,
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
      16,
      ['fr', 'nl'],
      seats2024,
    ),
    constituency(
      'hainaut',
      labels('Circonscription du Hainaut', 'Kieskring Henegouwen', 'Wahlkreis Hennegau', 'Hainaut'),
      17,
      ['fr'],
      seats2024,
    ),
    constituency(
      'liege',
      labels('Circonscription de Liège', 'Kieskring Luik', 'Wahlkreis Lüttich', 'Liège'),
      14,
      ['fr', 'de'],
      seats2024,
    ),
    constituency(
      'namur',
      labels('Circonscription de Namur', 'Kieskring Namen', 'Wahlkreis Namur', 'Namur'),
      7,
      ['fr'],
      seats2024,
    ),
    constituency(
      'brabant-wallon',
      labels(
        'Circonscription du Brabant wallon',
        'Kieskring Waals-Brabant',
        'Wahlkreis Wallonisch-Brabant',
        'Walloon Brabant',
      ),
      5,
      ['fr'],
      seats2024,
    ),
    constituency(
      'luxembourg',
      labels('Circonscription de Luxembourg', 'Kieskring Luxemburg', 'Wahlkreis Luxemburg', 'Luxembourg'),
      4,
      ['fr'],
      seats2024,
    ),
  ],
  voters: {
    minimumAge: 18,
    ageCitation: cite('CE art. 1 §1: Belgian, 18 years on election day'),
    placements: [
      {
        territory: { arrondissements: [], communes: RHODE_SAINT_GENESE_CANTON },
        options: ['brabant-flamand', 'bruxelles-capitale'],
        citation: unverified(
          'CE art. 87 and the annex: the canton of Rhode-Saint-Genèse votes for the lists of Flemish Brabant or of Brussels-Capital [U: article]',
          'rtbf.be dico "circonscription électorale"',
        ),
      },
      {
        territory: { arrondissements: [], communes: [VOEREN] },
        options: ['limbourg', 'liege'],
        citation: unverified(
          'CE art. 89bis: Voeren voters may vote in Aubel for the lists of Liège [U: article]',
          'wecitizens.be 2014',
        ),
      },
      {
        territory: { arrondissements: [], communes: [COMINES_WARNETON] },
        options: ['hainaut', 'flandre-occidentale'],
        citation: unverified(
          'CE art. 89bis: Comines-Warneton voters may vote in Heuvelland for the lists of West Flanders [U: article]',
          'wecitizens.be 2014',
        ),
      },
      ...fixed(
        {
          anvers: { arrondissements: A.antwerp },
          'flandre-orientale': { arrondissements: A.eastFlanders },
          'flandre-occidentale': { arrondissements: A.westFlanders },
          'brabant-flamand': { arrondissements: A.flemishBrabant },
          limbourg: { arrondissements: A.limburg },
          'bruxelles-capitale': { arrondissements: A.brussels },
          hainaut: { arrondissements: A.hainaut },
          liege: { arrondissements: A.liege },
          namur: { arrondissements: A.namur },
          'brabant-wallon': { arrondissements: A.walloonBrabant },
          luxembourg: { arrondissements: A.luxembourg },
        },
        cite('CE art. 87: each province and Brussels-Capital is a constituency'),
      ),
    ],
    abroad: 'all',
    abroadCitation: cite(
      'CE arts. 180–180septies: Belgians in the consular registers, placed through their commune of attachment',
    ),
  },
};
