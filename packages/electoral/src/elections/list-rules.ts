// The composition rules of candidate lists, per election: how many effectives and substitutes a
// list may hold, how genders are placed, and how lists are numbered. `checkLists`
// (../list-composition.ts) applies them. Each rule carries the text it comes from; `unverified`
// marks what could not be confirmed ([U]).
import { cite, unverified } from './citations.ts';
import type { Citation } from './types.ts';

/** How many substitutes a list may (and must) hold, as a function of its number of effectives. */
export type SubstituteRule =
  /** No substitutes may be presented. */
  | { readonly kind: 'none' }
  /**
   * At least `min`; at most ⌈effectives ÷ 2⌉ + 1, but that maximum is never below `floor`
   * (CE art. 117 al. 3, which the European Parliament act applies).
   */
  | { readonly kind: 'half-plus-one'; readonly min: number; readonly floor: number }
  /** At least `min`; at most as many as the list's effectives, between `min` and `cap` (act of 16 July 1993 art. 28 al. 2). */
  | { readonly kind: 'as-many-as-effectives'; readonly min: number; readonly cap: number }
  /** None required, at most `max`. */
  | { readonly kind: 'at-most'; readonly max: number };

/** How genders must be placed, among effectives and among substitutes separately. */
export type GenderRule =
  /** The first two of a different gender; the numbers of each gender differ by at most one. */
  | 'first-two-and-balance'
  /** Each candidate of a different gender from the previous one, except that the third may share the second's. */
  | 'alternate-third-free'
  /** Each candidate of a different gender from the previous one, except the last of an odd-length list; balance within one. */
  | 'alternate-last-free';

/** How lists are numbered: numbers are unique within `scope`; `national` numbers are the same in every constituency. */
export interface ListNumbering {
  /** `constituency`: unique per constituency (or college); `election`: unique across the election's constituencies (the Brussels language groups share one ballot). */
  readonly scope: 'constituency' | 'election';
  readonly citation: Citation;
}

export interface ListRules {
  /** At most as many effectives as seats of the constituency (or language group), at least one. */
  readonly effectivesCitation: Citation;
  readonly substitutes: SubstituteRule;
  readonly substitutesCitation: Citation;
  readonly gender: GenderRule;
  readonly genderCitation: Citation;
  readonly numbers: ListNumbering;
}

/** The inclusive bounds on a list's substitutes when it presents `effectives` effectives. */
export function substituteBounds(
  rule: SubstituteRule,
  effectives: number,
): { readonly min: number; readonly max: number } {
  switch (rule.kind) {
    case 'none':
      return { min: 0, max: 0 };
    case 'half-plus-one':
      return { min: rule.min, max: Math.max(rule.floor, Math.ceil(effectives / 2) + 1) };
    case 'as-many-as-effectives':
      return { min: rule.min, max: Math.max(rule.min, Math.min(rule.cap, effectives)) };
    case 'at-most':
      return { min: 0, max: rule.max };
  }
}

const DMEEUS_CANDIDATES = 'd-meeus.be/verkelec/fedeureg/candnombr.html (number of candidates per election)';
const FGOV_NATIONAL_NUMBER =
  'verkiezingen.fgov.be, "Gemeenschappelijk volgnummer" (national draw of numbers for protected acronyms)';

const EFFECTIVES_CE = cite(
  'CE art. 117 al. 1: no list may hold more effective candidates than there are seats; at least one',
  'elections.fgov.be, "Chambre des représentants" (candidates: minimum and maximum)',
);
const FIRST_TWO_CE = cite(
  'CE art. 117bis: among effectives and among substitutes, the numbers of candidates of each gender differ by at most one, and the first two are of a different gender',
  'archive.ipu.org parline Belgium (Chamber); elections.inforjeunes.be',
);
const NUMBERS_NATIONAL = unverified(
  'The Minister of the Interior draws national numbers for the parties with a protected acronym; a list asking for it bears its party’s national number in every constituency (and for the Chamber, the regional parliaments and the European Parliament alike); the other lists are numbered by lot by the main office, after the national numbers; a number designates one list of a constituency [U: CE article]',
  FGOV_NATIONAL_NUMBER,
);

/** Chamber of Representatives (Electoral Code). */
export const CHAMBER_LIST_RULES: ListRules = {
  effectivesCitation: EFFECTIVES_CE,
  substitutes: { kind: 'half-plus-one', min: 6, floor: 6 },
  substitutesCitation: cite(
    'CE art. 117 al. 3: substitutes at most half the number of effective candidates of the list rounded up, plus one, but that maximum is never below six; at least six substitutes',
    `${DMEEUS_CANDIDATES}; elections.fgov.be, "Chambre des représentants" ("au moins six candidats suppléants"); apf.francophonie.org "Belgique (CFB)"`,
  ),
  gender: 'first-two-and-balance',
  genderCitation: FIRST_TWO_CE,
  numbers: { scope: 'constituency', citation: NUMBERS_NATIONAL },
};

/** European Parliament (act of 23 March 1989, LEPE); colleges are the constituencies. */
export const EUROPEAN_LIST_RULES: ListRules = {
  effectivesCitation: cite(
    'LEPE art. 21: no list may hold more effective candidates than the college has seats (13, 8, 1 in 2024)',
    'verkiezingen.fgov.be, "Europees Parlement" (candidates)',
  ),
  substitutes: { kind: 'half-plus-one', min: 6, floor: 6 },
  substitutesCitation: cite(
    'LEPE art. 22, referring to CE art. 117 al. 3: at most ⌈effectives ÷ 2⌉ + 1 substitutes, never fewer than six allowed; at least six',
    `${DMEEUS_CANDIDATES}; elections.fgov.be, "Parlement européen" ("au moins six candidats suppléants")`,
  ),
  gender: 'first-two-and-balance',
  genderCitation: unverified(
    'LEPE art. 21 (as CE art. 117bis): numbers of each gender within one among effectives and among substitutes, the first two of a different gender [U: paragraph of LEPE art. 21]',
    'elections.inforjeunes.be (every parliamentary election); elections.fgov.be',
  ),
  numbers: { scope: 'constituency', citation: NUMBERS_NATIONAL },
};

const ART_28 = 'Act of 16 July 1993 aimed at completing the federal structure of the State, art. 28';
const SENLEX_ART_28 = 'senlex.senate.be, act of 16 July 1993 art. 28 (version of 6 January 2014)';

/** Flemish and Walloon Parliaments (act of 16 July 1993 art. 28). */
export const REGIONAL_LIST_RULES: ListRules = {
  effectivesCitation: cite(
    `${ART_28} al. 4: no list may hold more effective candidates than there are members to elect`,
    SENLEX_ART_28,
  ),
  substitutes: { kind: 'as-many-as-effectives', min: 4, cap: 16 },
  substitutesCitation: cite(
    `${ART_28} al. 2: as many substitutes as effective candidates, sixteen when there are more than sixteen effectives, four when there are fewer than four; the official pages state it as a minimum of four and a maximum per constituency (the Brussels members of the Flemish Parliament: at most 6 effectives, 4 to 6 substitutes, the same rule)`,
    `${SENLEX_ART_28}; elections.fgov.be "Parlement wallon" and "Membres bruxellois du Parlement flamand"; ${DMEEUS_CANDIDATES}`,
  ),
  gender: 'first-two-and-balance',
  genderCitation: unverified(
    `${ART_28} al. 5–6: among effectives and among substitutes the numbers of each gender differ by at most one, and the first two of each are of a different gender [U: the Flemish and Walloon Parliaments may amend these paragraphs by decree (al. 7); no amending decree found]`,
    `${SENLEX_ART_28}; info.vlaanderenkiest.be FAQ "Waaraan moet de kandidatenlijst voldoen?"`,
  ),
  numbers: { scope: 'constituency', citation: NUMBERS_NATIONAL },
};

/** Parliament of the Brussels-Capital Region (special act of 12 January 1989, LSIB, art. 16bis). */
export const BRUSSELS_LIST_RULES: ListRules = {
  effectivesCitation: cite(
    'LSIB art. 16bis §1: no list may count more candidates than members to elect (of its language group: 72 or 17)',
    'senlex.senate.be, LSIB art. 16bis (version of 17 December 2020)',
  ),
  substitutes: { kind: 'none' },
  substitutesCitation: cite(
    'No substitutes: removed from LSIB art. 16bis by the special ordinance of 19 April 2018, art. 2',
    `${DMEEUS_CANDIDATES}; elections.fgov.be, "Parlement de la Région de Bruxelles-Capitale"`,
  ),
  gender: 'alternate-third-free',
  genderCitation: cite(
    'LSIB art. 16bis §1: on pain of nullity, each candidate of a list is of a different gender from the previous candidate in the order of the list; the candidate in third place may be of the same gender as the one in second place',
    'senlex.senate.be, LSIB art. 16bis (version of 17 December 2020)',
  ),
  numbers: {
    scope: 'election',
    citation: unverified(
      'LSIB art. 14: one electoral college for the whole region, both language groups on one ballot, so a number designates one list across both groups [U: numbering article]',
      'senlex.senate.be, LSIB art. 14',
    ),
  },
};

/** Parliament of the German-speaking Community (act of 6 July 1990). */
export const GERMAN_SPEAKING_LIST_RULES: ListRules = {
  effectivesCitation: cite(
    'Act of 6 July 1990: at most 25 candidates on a list (the 25 seats)',
    'wahlen.fgov.be, "Parlament der Deutschsprachigen Gemeinschaft" (Kandidaten)',
  ),
  substitutes: { kind: 'none' },
  substitutesCitation: cite(
    'Act of 6 July 1990: only effective candidates, no substitutes ("Sie können keine Ersatzkandidaten bestimmen")',
    'wahlen.fgov.be, "Parlament der Deutschsprachigen Gemeinschaft" (Kandidaten)',
  ),
  gender: 'first-two-and-balance',
  genderCitation: unverified(
    'Act of 6 July 1990: equal representation of men and women on lists [U: article and wording not found; the official page has a section "Gleiche Vertretung von Männern und Frauen" whose text is not in the sources searched; the rule of CE art. 117bis is assumed]',
    'wahlen.fgov.be, "Parlament der Deutschsprachigen Gemeinschaft"',
  ),
  numbers: { scope: 'constituency', citation: NUMBERS_NATIONAL },
};

/** Communal councils of the Flemish Region (Lokaal en Provinciaal Kiesdecreet of 8 July 2011, LPKD). */
export const LOCAL_FLANDERS_LIST_RULES: ListRules = {
  effectivesCitation: cite(
    'LPKD: at least one candidate, no more than there are councillors to elect',
    'vlaanderenkiest.be FAQ "Hoeveel kandidaten staan er op een kandidatenlijst?"',
  ),
  substitutes: { kind: 'at-most', max: 3 },
  substitutesCitation: cite(
    'LPKD: up to three substitute candidates, only in communes under 5,000 inhabitants, for an election without a vote (the population is not checked here)',
    'vlaanderenkiest.be FAQ "Hoeveel kandidaten staan er op een kandidatenlijst?"',
  ),
  gender: 'first-two-and-balance',
  genderCitation: unverified(
    'LPKD art. 74: the numbers of men and women on a list differ by 0 or 1; the first two candidates are not of the same gender [U: article number from a secondary source]',
    'vlaanderenkiest.be FAQ (same page); genderquota.org (Belgium, Flemish local electoral decree art. 74)',
  ),
  numbers: {
    scope: 'constituency',
    citation: unverified('Numbers unique within the commune [U: LPKD article on the regional draw not found]'),
  },
};

/** Communal councils of the Walloon Region (Code de la démocratie locale et de la décentralisation, CDLD). */
export const LOCAL_WALLONIA_LIST_RULES: ListRules = {
  effectivesCitation: unverified(
    'CDLD: no more candidates than councillors to elect [U: article; a single list in a commune must add 25 % more candidates, not handled]',
    'macommune.be; rtl.be 2018',
  ),
  substitutes: { kind: 'none' },
  substitutesCitation: cite(
    'No substitute candidates at communal elections: the non-elected candidates are the substitutes',
  ),
  gender: 'alternate-last-free',
  genderCitation: unverified(
    'CDLD as amended by the Walloon decree imposing alternation ("tirette") from the 2018 communal elections: the numbers of each gender differ by at most one and genders alternate in the order of the list, except the last place of a list with an odd number of candidates [U: CDLD article]',
    'lalibre.be ("Le parlement wallon impose la tirette pour les communales de 2018"); dhnet.be 2018 (Wallonie picarde)',
  ),
  numbers: {
    scope: 'constituency',
    citation: cite(
      'Regional numbers drawn by the Walloon minister for the parties represented in the Walloon Parliament (1–5 in 2018); each commune draws the others from the next number',
      'dhnet.be 2018 ("voici les numéros de liste des principaux partis")',
    ),
  },
};

/** Communal councils of the Brussels-Capital Region (Brussels communal electoral code). */
export const LOCAL_BRUSSELS_LIST_RULES: ListRules = {
  effectivesCitation: unverified(
    'Brussels communal electoral code: no more candidates than councillors to elect [U: article of the code of 20 July 2023]',
  ),
  substitutes: { kind: 'none' },
  substitutesCitation: cite(
    'No substitute candidates at communal elections: the non-elected candidates are the substitutes',
  ),
  gender: 'first-two-and-balance',
  genderCitation: unverified(
    'Ordinance of 17 February 2005: lists of 50 % women and 50 % men (within one), the first two places of a different gender [U: whether the new communal electoral code (ordinance of 20 July 2023) requires full alternation]',
    'bruxelleselections2012.irisnet.be "Procédure liste"',
  ),
  numbers: {
    scope: 'constituency',
    citation: cite(
      'Numbers drawn by lot by the Brussels minister for the parties represented in the Brussels Parliament (1–13 in 2024), the same in every commune',
      'bx1.be 2024 ("l’ordre des listes a été tiré au sort")',
    ),
  },
};

/**
 * What every election's lists share, for a caller that does not know which election the lists are
 * for (the server's set-up knows only chamber / european / regional): at least one effective and no
 * more than the seats, at most 16 substitutes (the largest statutory maximum, act of 16 July 1993
 * art. 28), the first two of a different gender and balance within one, numbers unique per
 * constituency. Each election's own rules are stricter; pass them where the election is known.
 */
export const COMMON_LIST_RULES: ListRules = {
  effectivesCitation: EFFECTIVES_CE,
  substitutes: { kind: 'at-most', max: 16 },
  substitutesCitation: cite(
    `The largest maximum of substitutes of any election: ${ART_28} al. 2 (sixteen)`,
    SENLEX_ART_28,
  ),
  gender: 'first-two-and-balance',
  genderCitation: FIRST_TWO_CE,
  numbers: { scope: 'constituency', citation: NUMBERS_NATIONAL },
};

/**
 * The list rules for an election known only by its set-up kind: the Chamber's and the European
 * Parliament's own; for a regional (Flemish, Walloon, Brussels, German-speaking: their rules differ)
 * or communal election, `COMMON_LIST_RULES` until the set-up names the parliament or region.
 */
export function listRulesForKind(kind: string): ListRules {
  if (kind === 'chamber') return CHAMBER_LIST_RULES;
  if (kind === 'european') return EUROPEAN_LIST_RULES;
  return COMMON_LIST_RULES;
}
