import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages.ts';

export function LanguageSwitcher(): ReactNode {
  const { language, setLanguage, t } = useI18n();
  return (
    <nav aria-label={t('app.language')} className="language-switcher">
      <ul>
        {LANGUAGES.map((code) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              aria-pressed={code === language}
              onClick={() => {
                setLanguage(code);
              }}
            >
              <span aria-hidden="true">{code.toUpperCase()}</span>
              <span className="visually-hidden">{LANGUAGE_NAMES[code]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
