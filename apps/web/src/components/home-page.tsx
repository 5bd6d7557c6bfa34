import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Elections } from './elections.tsx';

const MODES = ['hybrid', 'online', 'kiosk'] as const;

/** Where each visitor starts: voting (login first), a hybrid envelope's status, the board, the officials. */
function StartPoints(): ReactNode {
  const { t } = useI18n();
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">{t('home.start')}</h2>
      <ul className="start-points">
        <li data-start-point="vote">
          <Link className="button primary" to="/vote">
            {t('home.start.vote')}
          </Link>
          <p>{t('home.start.vote.text')}</p>
        </li>
        <li data-start-point="board">
          <Link className="button" to="/board">
            {t('home.start.board')}
          </Link>
          <p>{t('home.start.board.text')}</p>
        </li>
        <li data-start-point="hybrid">
          <Link className="button" to="/hybrid/status">
            {t('home.start.hybrid')}
          </Link>
          <p>{t('home.start.hybrid.text')}</p>
        </li>
        <li data-start-point="official">
          <a className="button" href="/api/auth/login?as=official">
            {t('home.start.official')}
          </a>
          <p>{t('home.start.official.text')}</p>
        </li>
      </ul>
    </section>
  );
}

export function HomePage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <StartPoints />
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
