import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('error.route.not-found')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}
