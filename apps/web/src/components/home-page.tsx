import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Elections } from './elections.tsx';

const MODES = ['hybrid', 'online', 'kiosk'] as const;

export function HomePage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="modes-title">
        <h2 id="modes-title">{t('home.modes')}</h2>
        <ul className="modes">
          {MODES.map((mode) => (
            <li key={mode} className="mode">
              <h3>{t(`mode.${mode}.title`)}</h3>
              <p>{t(`mode.${mode}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="elections-title">
        <h2 id="elections-title">{t('home.elections')}</h2>
        <Elections />
      </section>
    </>
  );
}
