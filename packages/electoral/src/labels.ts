/** The languages of official election labels: the three national languages plus English for voters abroad. */
export type Language = 'fr' | 'nl' | 'de' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'nl', 'de', 'en'];

/** A text in every label language ("Circonscription de Liège / Kieskring Luik / Wahlkreis Lüttich / Constituency of Liège"). */
export type Labels = Readonly<Record<Language, string>>;

/** One label for all languages: party names and candidate names are not translated. */
export function sameLabel(text: string): Labels {
  return { fr: text, nl: text, de: text, en: text };
}

export function label(labels: Labels, language: Language): string {
  return labels[language];
}
