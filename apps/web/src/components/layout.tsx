import { Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SessionMenu } from '../auth/session-menu.tsx';
import { Link, useRouter } from '../router.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The header's links: home, voting and the bulletin board; the current one is marked for screen readers. */
function MainNav(): ReactNode {
  const { t } = useI18n();
  const { path } = useRouter();
  const links = [
    { to: '/', label: t('nav.home'), current: path === '/' },
    { to: '/vote', label: t('nav.vote'), current: path === '/vote' || path.startsWith('/vote/') || path === '/me' },
    { to: '/board', label: t('nav.board'), current: path === '/board' || path.startsWith('/board/') },
  ];
  return (
    <nav aria-label={t('nav.main')} className="main-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} current={link.current}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { readonly children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const { path } = useRouter();
  // The kiosk (mode 8) is locked: no link out of it, only the languages.
  if (path === '/kiosk')
    return (
      <>
        <header className="site-header">
          <div className="brand">
            <span className="brand-name">isoloir</span>
          </div>
          <LanguageSwitcher />
        </header>
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<p role="status">{t('home.loading')}</p>}>{children}</Suspense>
        </main>
      </>
    );
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
        <MainNav />
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
