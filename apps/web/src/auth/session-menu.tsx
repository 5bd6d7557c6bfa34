// In the header: a login link, or the logged-in person's space and a logout button.
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { getSession, logout, type Session } from './api.ts';
import './auth.css';

export function SessionMenu(): ReactNode {
  const { t } = useI18n();
  const { path } = useRouter();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    let live = true;
    void getSession().then((result) => {
      if (live) setSession(result.ok ? result.value : { authenticated: false });
    });
    return () => {
      live = false;
    };
  }, [path]);
  if (session === null) return null;
  return (
    <nav aria-label={t('auth.account')} className="session-menu">
      {session.authenticated ? (
        <>
          <Link to={session.kind === 'official' ? '/official' : '/me'}>
            {t(session.kind === 'official' ? 'official.title' : 'me.title')}
          </Link>
          <button
            type="button"
            onClick={() => {
              void logout();
            }}
          >
            {t('auth.logout')}
          </button>
        </>
      ) : (
        <Link to="/login">{t('auth.login')}</Link>
      )}
    </nav>
  );
}
