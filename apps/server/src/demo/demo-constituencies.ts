// The 11 constituencies of the Federal Chamber with their 2024 seats (Royal Order of 2022), and
// for the demo one commune per constituency (its chief town, with its real NIS code).
import type { Labels, Language } from '@isoloir/store';

export interface DemoConstituency {
  readonly code: string;
  readonly label: Labels;
  readonly seats: number;
  readonly languages: readonly Language[];
  readonly chiefTown: { readonly nis: string; readonly name: string };
  /** Lists on the ballot in 2024 give the order of magnitude the demo generates. */
  readonly lists: number;
}

const c = (
  code: string,
  fr: string,
  nl: string,
  de: string,
  en: string,
  seats: number,
  languages: readonly Language[],
  nis: string,
  town: string,
  lists: number,
): DemoConstituency => ({
  code,
  label: { fr, nl, de, en },
  seats,
  languages,
  chiefTown: { nis, name: town },
  lists,
});

export const DEMO_CONSTITUENCIES: readonly DemoConstituency[] = [
  c(
    'anvers',
    'Circonscription d’Anvers',
    'Kieskring Antwerpen',
    'Wahlkreis Antwerpen',
    'Antwerp constituency',
    24,
    ['nl'],
    '11002',
    'Antwerpen',
    12,
  ),
  c(
    'brabant-flamand',
    'Circonscription du Brabant flamand',
    'Kieskring Vlaams-Brabant',
    'Wahlkreis Flämisch-Brabant',
    'Flemish Brabant constituency',
    15,
    ['nl'],
    '24062',
    'Leuven',
    12,
  ),
  c(
    'brabant-wallon',
    'Circonscription du Brabant wallon',
    'Kieskring Waals-Brabant',
    'Wahlkreis Wallonisch-Brabant',
    'Walloon Brabant constituency',
    5,
    ['fr'],
    '25112',
    'Wavre',
    11,
  ),
  c(
    'bruxelles-capitale',
    'Circonscription de Bruxelles-Capitale',
    'Kieskring Brussel-Hoofdstad',
    'Wahlkreis Brüssel-Hauptstadt',
    'Brussels-Capital constituency',
    16,
    ['fr', 'nl'],
    '21004',
    'Bruxelles / Brussel',
    18,
  ),
  c(
    'flandre-occidentale',
    'Circonscription de Flandre occidentale',
    'Kieskring West-Vlaanderen',
    'Wahlkreis Westflandern',
    'West Flanders constituency',
    16,
    ['nl'],
    '31005',
    'Brugge',
    11,
  ),
  c(
    'flandre-orientale',
    'Circonscription de Flandre orientale',
    'Kieskring Oost-Vlaanderen',
    'Wahlkreis Ostflandern',
    'East Flanders constituency',
    20,
    ['nl'],
    '44021',
    'Gent',
    12,
  ),
  c(
    'hainaut',
    'Circonscription du Hainaut',
    'Kieskring Henegouwen',
    'Wahlkreis Hennegau',
    'Hainaut constituency',
    17,
    ['fr'],
    '53053',
    'Mons',
    13,
  ),
  c(
    'liege',
    'Circonscription de Liège',
    'Kieskring Luik',
    'Wahlkreis Lüttich',
    'Liège constituency',
    14,
    ['fr', 'de'],
    '62063',
    'Liège',
    13,
  ),
  c(
    'limbourg',
    'Circonscription du Limbourg',
    'Kieskring Limburg',
    'Wahlkreis Limburg',
    'Limburg constituency',
    12,
    ['nl'],
    '71022',
    'Hasselt',
    10,
  ),
  c(
    'luxembourg',
    'Circonscription du Luxembourg',
    'Kieskring Luxemburg',
    'Wahlkreis Luxemburg',
    'Luxembourg constituency',
    4,
    ['fr'],
    '81001',
    'Arlon',
    10,
  ),
  c(
    'namur',
    'Circonscription de Namur',
    'Kieskring Namen',
    'Wahlkreis Namür',
    'Namur constituency',
    7,
    ['fr'],
    '92094',
    'Namur',
    11,
  ),
];

/** DEMO-ONLY: a main office's postal address in the constituency's chief town, in its first language. */
export function demoMainOfficeAddress(c: DemoConstituency): string {
  const town = c.chiefTown.name;
  switch (c.languages[0]) {
    case 'nl':
      return `Kieskringhoofdbureau (DEMO-ONLY), Demoplein 1, ${town}`;
    case 'de':
      return `Wahlkreishauptvorstand (DEMO-ONLY), Demoplatz 1, ${town}`;
    default:
      return `Bureau principal de circonscription (DEMO-ONLY), Place de la Démo 1, ${town}`;
  }
}
