import { fraction } from '../fraction.ts';
import { cite, SOURCES, unverified } from './citations.ts';
import { constituency, labels } from './build.ts';
import {
  ARRONDISSEMENTS as A,
  COMINES_WARNETON,
  FLEMISH_REGION,
  GERMAN_LANGUAGE_AREA,
  RHODE_SAINT_GENESE_CANTON,
  VOEREN,
  WALLOON_REGION,
} from './territory.ts';
import { EUROPEAN_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const seats2024 = unverified(
  'Act of 23 March 1989 on the election of the European Parliament (LEPE) art. 10 §1: 22 seats for Belgium in 2024 (European Council decision (EU) 2023/2061), the extra seat to the Dutch college [U: article as amended]',
  'rtl.be 2023; ../shared/docs/belgian-elections.md §3.2',
);

/**
 * European Parliament: three electoral colleges (Dutch 13, French 8, German-speaking 1 in 2024) built
 * on four constituencies (Flemish, Walloon, Brussels-Capital, German-speaking; LEPE arts. 9–10). Lists
 * are filed and seats allocated per college: the colleges are this election's "constituencies".
 */
export const EUROPEAN: StatutoryElection = {
  code: 'european',
  setupKind: 'european',
  labels: labels('Parlement européen', 'Europees Parlement', 'Europäisches Parlament', 'European Parliament'),
  seats: 22,
  method: 'dhondt',
  methodCitation: cite(
    'LEPE: D’Hondt per college (the college main office divides by 1, 2, 3…)',
    'verkiezingen.fgov.be, "Telling, verdeling van de zetels", Europees Parlement',
  ),
  threshold: fraction(0),
  thresholdPerLanguageGroup: false,
  thresholdCitation: cite(
    'No threshold for the European Parliament ("Er is geen kiesdrempel")',
    'verkiezingen.fgov.be, "Telling, verdeling van de zetels", Europees Parlement',
  ),
  devolution: fraction(1, 2),
  devolutionCitation: cite(
    'LEPE art. 36, applying CE arts. 172–173 (half the head-box ballots devolve)',
    SOURCES.dmeeus,
  ),
  tieBreak: {
    steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
    citation: unverified(
      'LEPE, applying the rule of the Electoral Code (CE art. 167): higher electoral figure, then the candidate at stake with the most votes, subsidiarily the oldest [U: article of LEPE]',
    ),
  },
  listRules: EUROPEAN_LIST_RULES,
  constituencies: [
    constituency(
      'college-neerlandais',
      labels(
        'Collège électoral néerlandais',
        'Nederlands kiescollege',
        'Niederländisches Wahlkollegium',
        'Dutch electoral college',
      ),
      13,
      ['nl'],
      seats2024,
    ),
    constituency(
      'college-francais',
      labels(
        'Collège électoral français',
        'Frans kiescollege',
        'Französisches Wahlkollegium',
        'French electoral college',
      ),
      8,
      ['fr'],
      seats2024,
    ),
    constituency(
      'college-germanophone',
      labels(
        'Collège électoral germanophone',
        'Duitstalig kiescollege',
        'Deutschsprachiges Wahlkollegium',
        'German-speaking electoral college',
      ),
      1,
      ['de'],
      seats2024,
    ),
  ],
  voters: {
    minimumAge: 16,
    ageCitation: unverified(
      'LEPE art. 1 as amended by the act of 1 June 2022: 16 years on election day [U: date of the amending act]',
      'ibz.be; jeminforme.be 2024',
    ),
    placements: [
      {
        territory: { arrondissements: A.brussels, communes: RHODE_SAINT_GENESE_CANTON },
        options: ['college-francais', 'college-neerlandais'],
        citation: cite(
          'LEPE arts. 9–10: the Brussels-Capital constituency and the electoral canton of Rhode-Saint-Genèse choose the French or the Dutch college',
          'rtbf.be dico "circonscription électorale"; wecitizens.be 2014',
        ),
      },
      {
        territory: { arrondissements: [], communes: [VOEREN] },
        options: ['college-neerlandais', 'college-francais'],
        citation: unverified(
          'Voeren voters may vote in Aubel for the French college [U: article]',
          'fr.wikipedia "Collège électoral francophone"',
        ),
      },
      {
        territory: { arrondissements: [], communes: [COMINES_WARNETON] },
        options: ['college-francais', 'college-neerlandais'],
        citation: unverified(
          'Comines-Warneton voters may vote in Heuvelland for the Dutch college [U: article]',
          'fr.wikipedia "Collège électoral francophone"',
        ),
      },
      {
        territory: { arrondissements: [], communes: GERMAN_LANGUAGE_AREA },
        options: ['college-germanophone'],
        citation: cite(
          'LEPE art. 9: the German-speaking constituency (the nine communes of the German-language area) votes for the German-speaking college',
        ),
      },
      {
        territory: { arrondissements: FLEMISH_REGION },
        options: ['college-neerlandais'],
        citation: cite('LEPE art. 9: the Flemish constituency votes for the Dutch college'),
      },
      {
        territory: { arrondissements: WALLOON_REGION },
        options: ['college-francais'],
        citation: cite('LEPE art. 9: the Walloon constituency votes for the French college'),
      },
    ],
    abroad: 'outside-eu-and-eu-on-request',
    abroadCollegeChoice: ['college-neerlandais', 'college-francais', 'college-germanophone'],
    abroadCitation: unverified(
      'LEPE art. 1 §2: Belgians in consular registers outside the EU vote; those resident in another EU member state only on request to their consular post (art. 5), stating the college they choose (act of 16 July 1993), unless they vote in their state of residence [U: how a non-EU voter’s college is set]',
      'wordscope.be (LEPE art. 1 text); jeminforme.be 2024; ../shared/docs/belgian-elections.md §3.4',
    ),
  },
};
