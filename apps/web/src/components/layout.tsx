import { Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SessionMenu } from '../auth/session-menu.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function Layout({ children }: { readonly children: ReactNode }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">isoloir</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <SessionMenu />
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        {/* Pages that are loaded on demand (the booth and its cryptography) show this while they arrive. */}
        <Suspense fallback={<p role="status">{t('home.loading')}</p>}>{children}</Suspense>
      </main>
      <footer className="site-footer">
        <a href="/api/docs">{t('footer.api')}</a>
        <span>{t('footer.source')} · AGPL-3.0</span>
      </footer>
    </>
  );
}
