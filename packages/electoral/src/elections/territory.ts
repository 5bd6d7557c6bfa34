import type { Territory } from './types.ts';

// NIS codes (Statbel): five digits, the first two the administrative arrondissement. The lists
// below are those of 2024 (before the 2025 mergers of communes).

/** The six communes with facilities of the Brussels periphery, the electoral canton of Rhode-Saint-Genèse / Sint-Genesius-Rode (CE annex; Drogenbos, Kraainem, Linkebeek, Rhode-Saint-Genèse, Wemmel, Wezembeek-Oppem). [U: NIS codes from memory of the Statbel list] */
export const RHODE_SAINT_GENESE_CANTON: readonly string[] = ['23098', '23099', '23100', '23101', '23102', '23103'];

/** The nine communes of the German-language area (Eupen, Kelmis, Lontzen, Raeren, Amel, Büllingen, Burg-Reuland, Bütgenbach, Sankt Vith). [U: NIS codes from memory of the Statbel list] */
export const GERMAN_LANGUAGE_AREA: readonly string[] = [
  '63023',
  '63040',
  '63048',
  '63061',
  '63001',
  '63012',
  '63087',
  '63013',
  '63067',
];

/** Voeren / Fourons (Limburg) and Comines-Warneton / Komen-Waasten (Hainaut): their voters may vote in Aubel, resp. Heuvelland, for the other constituency's lists. [U: NIS codes] */
export const VOEREN = '73109';
export const COMINES_WARNETON = '54010';

export const ARRONDISSEMENTS = {
  antwerp: ['11', '12', '13'],
  brussels: ['21'],
  flemishBrabant: ['23', '24'],
  walloonBrabant: ['25'],
  westFlanders: ['31', '32', '33', '34', '35', '36', '37', '38'],
  eastFlanders: ['41', '42', '43', '44', '45', '46'],
  hainaut: ['51', '52', '53', '54', '55', '56', '57', '58'],
  liege: ['61', '62', '63', '64'],
  limburg: ['71', '72', '73'],
  luxembourg: ['81', '82', '83', '84', '85'],
  namur: ['91', '92', '93'],
} as const;

export const FLEMISH_REGION: readonly string[] = [
  ...ARRONDISSEMENTS.antwerp,
  ...ARRONDISSEMENTS.flemishBrabant,
  ...ARRONDISSEMENTS.westFlanders,
  ...ARRONDISSEMENTS.eastFlanders,
  ...ARRONDISSEMENTS.limburg,
];
export const WALLOON_REGION: readonly string[] = [
  ...ARRONDISSEMENTS.walloonBrabant,
  ...ARRONDISSEMENTS.hainaut,
  ...ARRONDISSEMENTS.liege,
  ...ARRONDISSEMENTS.luxembourg,
  ...ARRONDISSEMENTS.namur,
];

/** Whether a commune (five-digit NIS code) lies in a territory. */
export function inTerritory(territory: Territory, nis: string): boolean {
  if (territory.exceptCommunes?.includes(nis) === true) return false;
  if (territory.communes?.includes(nis) === true) return true;
  return territory.arrondissements.includes(nis.slice(0, 2));
}
