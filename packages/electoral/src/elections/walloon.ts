import { cite, SOURCES, unverified } from './citations.ts';
import { constituency, fixed, labels } from './build.ts';
import { ART_29QUATER, FIVE_PERCENT, HALF, REGIONAL_ABROAD, REGIONAL_AGE } from './regional-common.ts';
import { REGIONAL_LIST_RULES } from './list-rules.ts';
import type { StatutoryElection } from './types.ts';

const seats2024 = cite(
  'Walloon government order of 8 December 2022 distributing the members of the Walloon Parliament among the constituencies (eleven constituencies since 2019, special decree published 5 February 2018)',
  SOURCES.walloonParliament,
);

/** Walloon Parliament: 75 members in eleven constituencies. */
export const WALLOON: StatutoryElection = {
  code: 'walloon',
  setupKind: 'regional',
  labels: labels('Parlement de Wallonie', 'Waals Parlement', 'Wallonisches Parlament', 'Walloon Parliament'),
  seats: 75,
  method: 'dhondt',
  methodCitation: cite(
    'Act of 16 July 1993 art. 29ter al. 2–3 (D’Hondt among the lists reaching the threshold)',
    `${SOURCES.senlex}, art. 29ter`,
  ),
  threshold: FIVE_PERCENT,
  thresholdPerLanguageGroup: false,
  thresholdCitation: cite(
    'Act of 16 July 1993 art. 29ter al. 1: only lists with at least ("minstens") 5 % of the valid votes of the constituency',
    `${SOURCES.senlex}, art. 29ter`,
  ),
  devolution: HALF,
  devolutionCitation: unverified(
    'Act of 16 July 1993 arts. 29octies–29nonies: half the head-box ballots devolve [U: sources conflict on a Walloon abolition for the regional election (rtbf 2019 says abolished; a 2018 note says the special decree lacked its two-thirds)]',
    SOURCES.dmeeus,
  ),
  tieBreak: ART_29QUATER,
  listRules: REGIONAL_LIST_RULES,
  constituencies: [
    constituency('nivelles', labels('Nivelles', 'Nijvel', 'Nivelles', 'Nivelles'), 8, ['fr'], seats2024),
    constituency('mons', labels('Mons', 'Bergen', 'Mons', 'Mons'), 5, ['fr'], seats2024),
    constituency(
      'charleroi-thuin',
      labels('Charleroi-Thuin', 'Charleroi-Thuin', 'Charleroi-Thuin', 'Charleroi-Thuin'),
      10,
      ['fr'],
      seats2024,
    ),
    constituency(
      'tournai-ath-mouscron',
      labels('Tournai-Ath-Mouscron', 'Doornik-Aat-Moeskroen', 'Tournai-Ath-Mouscron', 'Tournai-Ath-Mouscron'),
      7,
      ['fr'],
      seats2024,
    ),
    constituency(
      'soignies-la-louviere',
      labels('Soignies-La Louvière', 'Zinnik-La Louvière', 'Soignies-La Louvière', 'Soignies-La Louvière'),
      5,
      ['fr'],
      seats2024,
    ),
    constituency(
      'huy-waremme',
      labels('Huy-Waremme', 'Hoei-Borgworm', 'Huy-Waremme', 'Huy-Waremme'),
      4,
      ['fr'],
      seats2024,
    ),
    constituency('liege', labels('Liège', 'Luik', 'Lüttich', 'Liège'), 13, ['fr'], seats2024),
    constituency('verviers', labels('Verviers', 'Verviers', 'Verviers', 'Verviers'), 6, ['fr', 'de'], seats2024),
    constituency(
      'luxembourg',
      labels(
        'Arlon-Marche-en-Famenne-Bastogne-Neufchâteau-Virton',
        'Aarlen-Marche-en-Famenne-Bastenaken-Neufchâteau-Virton',
        'Arel-Marche-en-Famenne-Bastogne-Neufchâteau-Virton',
        'Arlon-Marche-en-Famenne-Bastogne-Neufchâteau-Virton',
      ),
      6,
      ['fr'],
      seats2024,
    ),
    constituency('namur', labels('Namur', 'Namen', 'Namur', 'Namur'), 7, ['fr'], seats2024),
    constituency(
      'dinant-philippeville',
      labels('Dinant-Philippeville', 'Dinant-Philippeville', 'Dinant-Philippeville', 'Dinant-Philippeville'),
      4,
      ['fr'],
      seats2024,
    ),
  ],
  voters: {
    minimumAge: 18,
    ageCitation: REGIONAL_AGE,
    placements: fixed(
      {
        nivelles: { arrondissements: ['25'] },
        mons: { arrondissements: ['53'] },
        'charleroi-thuin': { arrondissements: ['52', '56'] },
        'tournai-ath-mouscron': { arrondissements: ['51', '54', '57'] },
        'soignies-la-louviere': { arrondissements: ['55', '58'] },
        'huy-waremme': { arrondissements: ['61', '64'] },
        liege: { arrondissements: ['62'] },
        verviers: { arrondissements: ['63'] },
        luxembourg: { arrondissements: ['81', '82', '83', '84', '85'] },
        namur: { arrondissements: ['92'] },
        'dinant-philippeville': { arrondissements: ['91', '93'] },
      },
      unverified(
        'Walloon special decree of 2018 on the constituencies, by administrative arrondissement (the German-language area votes in Verviers) [U: cantons moved between arrondissements in 2019 are placed by their 2024 arrondissement code]',
        SOURCES.dmeeus,
      ),
    ),
    abroad: 'none',
    abroadCitation: REGIONAL_ABROAD,
  },
};
