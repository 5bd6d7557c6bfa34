// Choose how to log in; both go through CSAM/FAS (full-page navigation to the provider).
import type { ReactNode } from 'react';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';

export function LoginPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('auth.login.title')}</h1>
      <p className="lead">{t('auth.login.intro')}</p>
      <ul className="modes">
        <li className="mode">
          <h2>
            <a href="/api/auth/login?as=voter">{t('auth.login.voter')}</a>
          </h2>
          <p>{t('auth.login.voter.text')}</p>
        </li>
        <li className="mode">
          <h2>
            <a href="/api/auth/login?as=official">{t('auth.login.official')}</a>
          </h2>
          <p>{t('auth.login.official.text')}</p>
        </li>
      </ul>
    </>
  );
}

/** Where a refused login lands: the reason, translated, and a way to try again with a fresh login. */
export function RefusedPage(): ReactNode {
  const { t } = useI18n();
  const code = new URLSearchParams(window.location.search).get('code') ?? 'internal';
  return (
    <>
      <h1>{t('auth.refused.title')}</h1>
      <p role="alert" data-code={code}>
        {t(errorMessageKey(code))}
      </p>
      <p>{t('auth.refused.fresh')}</p>
      <p className="actions">
        {/* prompt=login: the identity provider asks again, instead of reusing the session that was refused. */}
        <a className="button primary" href="/api/auth/login?as=voter&prompt=login">
          {t('auth.refused.retry')}
        </a>
        <a className="button" href="/api/auth/login?as=official&prompt=login">
          {t('auth.login.official')}
        </a>
      </p>
    </>
  );
}
