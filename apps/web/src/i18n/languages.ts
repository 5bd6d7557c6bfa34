export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  en: 'English',
};

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that we speak; French otherwise. */
export function preferredLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved !== null && isLanguage(saved)) return saved;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return 'fr';
}

/**
 * The locale for dates and numbers. Belgian conventions for the three national languages (5 000 in
 * French, 5.000 in Dutch and German); English as read in Europe (5,000 and day-month-year), since
 * `en-BE` writes 5.000, which an English reader takes for five.
 */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : `${language}-BE`;
}

/** A whole number written for a reader of `language` (e.g. 5,000 in English, 5.000 in Dutch). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
