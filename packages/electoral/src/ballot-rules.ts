/** Why a ballot is invalid. Each code names the rule of the Code électoral it applies. */
export type InvalidBallotRule =
  | 'ballot.unofficial-paper'
  | 'ballot.several-head-boxes'
  | 'ballot.head-box-and-other-list'
  | 'ballot.several-lists'
  | 'ballot.altered-or-identifiable'
  | 'ballot.unknown-list'
  | 'ballot.unknown-candidate'
  | 'ballot.malformed';

export interface BallotRule {
  readonly article: string;
  readonly text: string;
}

/** The rules of art. 156 §2, and the structural checks needed for decrypted electronic ballots. */
export const INVALID_BALLOT_RULES: Readonly<Record<InvalidBallotRule, BallotRule>> = {
  'ballot.unofficial-paper': { article: 'CE art. 156 §2 1°', text: 'a ballot paper other than the authorised one' },
  'ballot.several-head-boxes': { article: 'CE art. 156 §2 2°', text: 'more than one list vote (head box)' },
  'ballot.head-box-and-other-list': {
    article: 'CE art. 156 §2 3°',
    text: 'a list vote together with preference votes for candidates of another list',
  },
  'ballot.several-lists': { article: 'CE art. 156 §2 4°', text: 'preference votes for candidates of different lists' },
  'ballot.altered-or-identifiable': {
    article: 'CE art. 156 §2 5°',
    text: 'form or size altered, an object inside, or made recognisable by a sign, text or erasure',
  },
  'ballot.unknown-list': { article: 'CE art. 156 §2 1°', text: 'a mark for a list that is not on this ballot' },
  'ballot.unknown-candidate': { article: 'CE art. 156 §2 1°', text: 'a mark for a candidate who is not on the list' },
  'ballot.malformed': { article: 'CE art. 156 §2 1°', text: 'a ballot that does not have the authorised structure' },
};

export const INVALID_BALLOT_RULE_CODES: readonly InvalidBallotRule[] = [
  'ballot.unofficial-paper',
  'ballot.several-head-boxes',
  'ballot.head-box-and-other-list',
  'ballot.several-lists',
  'ballot.altered-or-identifiable',
  'ballot.unknown-list',
  'ballot.unknown-candidate',
  'ballot.malformed',
];

/** A number per invalidity rule, e.g. the count of invalid ballots by reason. */
export function perRule(value: (rule: InvalidBallotRule) => number): Record<InvalidBallotRule, number> {
  return {
    'ballot.unofficial-paper': value('ballot.unofficial-paper'),
    'ballot.several-head-boxes': value('ballot.several-head-boxes'),
    'ballot.head-box-and-other-list': value('ballot.head-box-and-other-list'),
    'ballot.several-lists': value('ballot.several-lists'),
    'ballot.altered-or-identifiable': value('ballot.altered-or-identifiable'),
    'ballot.unknown-list': value('ballot.unknown-list'),
    'ballot.unknown-candidate': value('ballot.unknown-candidate'),
    'ballot.malformed': value('ballot.malformed'),
  };
}
