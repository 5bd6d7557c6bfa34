// Choose how to log in: CSAM/FAS (full-page navigation to the provider), or for Belgians abroad
// without CSAM, a passkey from their consular post (../passkey).
import type { ReactNode } from 'react';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

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
          {/* Belgians abroad without CSAM (issue #18): a passkey from the consular post, or what else to do. */}
          <ul className="screens" data-passkey-links="true">
            <li>
              <Link to="/passkey/login">{t('pk.login.link')}</Link>
            </li>
            <li>
              <Link to="/passkey/activate">{t('pk.activate.link')}</Link>
            </li>
            <li>
              <Link to="/passkey/without-csam">{t('pk.without.link')}</Link>
            </li>
          </ul>
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
      <p>
        <Link to="/passkey/without-csam">{t('pk.without.link')}</Link>
      </p>
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
