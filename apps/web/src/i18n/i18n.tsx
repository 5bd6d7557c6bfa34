// The app's languages: a context holding the current one, a `t` function, and the switcher's
// effect on <html lang>. Catalogs are plain objects; a missing key is a type error.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGS, type MessageKey } from './catalog.ts';
import { preferredLanguage, type Language } from './languages.ts';
const STORAGE_KEY = 'isoloir.language';

export interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: (key: MessageKey) => string;
}

const I18nContext = createContext<I18n | null>(null);

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [language, setLanguageState] = useState<Language>(() =>
    preferredLanguage(savedLanguage(), navigator.languages),
  );
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key) => CATALOGS[language][key] }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}

/** The translated message of a server error code, or the generic one for an unknown code. */
export function errorMessageKey(code: string): MessageKey {
  return codeMessageKey('error', code, 'error.internal');
}

/** The kinds of code of the one catalog of codes (i18n/codes): `<kind>.<code>`. */
export type CodeKind = 'error' | 'reason' | 'conflict' | 'cancel' | 'set-aside' | 'group-state' | 'merge' | 'invalid';

/** The message of a code the server sends (`reason`, `row.sex-mismatch`), or `fallback` for a code it does not know. */
export function codeMessageKey(kind: CodeKind, code: string, fallback: MessageKey): MessageKey {
  const key = `${kind}.${code}`;
  return key in CATALOGS.fr ? (key as MessageKey) : fallback;
}

/** A message with its `{name}` placeholders filled in. */
export function fill(message: string, values: Readonly<Record<string, string>>): string {
  return message.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
