// Communal council elections per region: the rules `isoloir allocate --election local-<region>`
// applies. Local elections are regional matters since 2001; each region has its own text.
import { fraction } from '../fraction.ts';
import type { Fraction } from '../fraction.ts';
import type { SeatMethod } from '../model.ts';
import { cite, unverified } from './citations.ts';
import { LOCAL_BRUSSELS_LIST_RULES, LOCAL_FLANDERS_LIST_RULES, LOCAL_WALLONIA_LIST_RULES } from './list-rules.ts';
import type { ListRules } from './list-rules.ts';
import type { Citation, TieBreakRule } from './types.ts';

export type LocalRegion = 'flanders' | 'wallonia' | 'brussels';

export const LOCAL_REGIONS: readonly LocalRegion[] = ['flanders', 'wallonia', 'brussels'];

export interface LocalRules {
  readonly region: LocalRegion;
  readonly method: SeatMethod;
  readonly methodCitation: Citation;
  readonly threshold: Fraction;
  readonly thresholdCitation: Citation;
  readonly devolution: Fraction;
  readonly devolutionCitation: Citation;
  readonly tieBreak: TieBreakRule;
  readonly listRules: ListRules;
}

const NO_THRESHOLD = cite('No legal threshold for communal councils', '../shared/docs/belgian-elections.md §2.2');

export const LOCAL_RULES: Readonly<Record<LocalRegion, LocalRules>> = {
  flanders: {
    region: 'flanders',
    method: 'imperiali',
    methodCitation: cite(
      'Lokaal en Provinciaal Kiesdecreet of 8 July 2011 (LPKD) arts. 165–169: Imperiali (divisors 1, 1½, 2… i.e. 2, 3, 4…)',
      'vlaanderenkiest.be FAQ "zetelverdeling"',
    ),
    threshold: fraction(0),
    thresholdCitation: NO_THRESHOLD,
    devolution: fraction(0),
    devolutionCitation: unverified(
      'LPKD as amended for the local elections of 2024: the list vote no longer devolves [U: amending decree]',
      'vlaanderen.be "Verkozenen en opvolgers" (seats in decreasing order of preference votes)',
    ),
    tieBreak: {
      steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
      citation: unverified(
        'LPKD: on equal quotients the list with the higher figure [U: article; the further steps are assumed to follow art. 29quater of the act of 16 July 1993]',
        'hln.be 2018',
      ),
    },
    listRules: LOCAL_FLANDERS_LIST_RULES,
  },
  wallonia: {
    region: 'wallonia',
    method: 'imperiali',
    methodCitation: cite(
      'Code de la démocratie locale et de la décentralisation (CDLD) art. L4145-6 §1 al. 1: the communal office divides by 2, 3, 4…',
      'd-meeus.be/verkelec/municipal/repart.html',
    ),
    threshold: fraction(0),
    thresholdCitation: NO_THRESHOLD,
    devolution: fraction(0),
    devolutionCitation: unverified(
      'CDLD: devolution of the head-box vote abolished from the communal elections of 2018 [U: article]',
      'rtbf 2018; walhain.ecolo.be 2018',
    ),
    tieBreak: {
      steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
      citation: unverified(
        'CDLD art. L4145-6 [U: paragraph for equal quotients; the steps are assumed to follow art. 29quater of the act of 16 July 1993]',
      ),
    },
    listRules: LOCAL_WALLONIA_LIST_RULES,
  },
  brussels: {
    region: 'brussels',
    method: 'imperiali',
    methodCitation: unverified(
      'Code électoral communal bruxellois (of 4 August 1932) art. 56 (the list figure art. 55): Imperiali; replaced by the new Brussels communal electoral code (ordinance of 20 July 2023) [U: the new code’s article]',
      'rixhon-avocat.be 2018 ("Répartition des sièges lors des élections communales"); elections.brussels "L’attribution des sièges"; etaamb.openjustice.be (ordinance of 20 July 2023, numac 2023044127)',
    ),
    threshold: fraction(0),
    thresholdCitation: NO_THRESHOLD,
    devolution: fraction(1, 2),
    devolutionCitation: unverified(
      'Brussels ordinance: the devolutive effect of the head-box vote halved [U: ordinance]',
      'rtbf 2019',
    ),
    tieBreak: {
      steps: ['higher-figure', 'candidate-votes', 'candidate-age'],
      citation: unverified(
        'LEC [U: article for equal quotients; assumed the rule of art. 29quater of the act of 16 July 1993]',
      ),
    },
    listRules: LOCAL_BRUSSELS_LIST_RULES,
  },
};
