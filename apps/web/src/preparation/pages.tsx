// The preparation screens, for ../pages.tsx: one per official.
import { lazy, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

// Officials' screens are loaded only when opened (React.lazy): a voter's home page does not carry them.
const AuthorityPage = lazy(async () => ({ default: (await import('./authority-page.tsx')).AuthorityPage }));
const CommunePage = lazy(async () => ({ default: (await import('./commune-page.tsx')).CommunePage }));
const ConsularPage = lazy(async () => ({ default: (await import('./consular-page.tsx')).ConsularPage }));
const OptInPage = lazy(async () => ({ default: (await import('./opt-in-page.tsx')).OptInPage }));

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

const is =
  (...expected: string[]) =>
  (segments: readonly string[]): boolean =>
    segments.length === expected.length && expected.every((part, i) => part === segments[i]);

function PreparationIndex(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('prep.title')}</h1>
      <p>{t('prep.intro')}</p>
      <ul>
        <li>
          <Link to="/preparation/commune">{t('prep.commune.title')}</Link>
        </li>
        <li>
          <Link to="/preparation/consular">{t('prep.consular.title')}</Link>
        </li>
        <li>
          <Link to="/preparation/authority">{t('prep.authority.title')}</Link>
        </li>
      </ul>
    </>
  );
}

export const PREPARATION_PAGES: readonly Page[] = [
  { match: is('preparation'), render: () => <PreparationIndex /> },
  { match: is('preparation', 'commune'), render: () => <CommunePage /> },
  { match: is('preparation', 'consular'), render: () => <ConsularPage /> },
  { match: is('preparation', 'authority'), render: () => <AuthorityPage /> },
  { match: is('preparation', 'opt-in'), render: () => <OptInPage /> },
];
