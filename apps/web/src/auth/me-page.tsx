// The voter's own page: name, election, constituency, where they vote from, login level.
import type { ReactNode } from 'react';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Me } from './api.ts';
import { useApi, type Load } from './use-api.ts';

export function LoadProblem({ load }: { readonly load: Load<unknown> }): ReactNode {
  const { t } = useI18n();
  if (load.state === 'loading') return <p>{t('home.loading')}</p>;
  if (load.state !== 'error') return null;
  return (
    <>
      <p role="alert" data-code={load.code}>
        {t(errorMessageKey(load.code))}
      </p>
      {load.code === 'auth.required' && (
        <p>
          <Link to="/login">{t('auth.login')}</Link>
        </p>
      )}
    </>
  );
}

export function MePage(): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<Me>('/api/me');
  if (load.state !== 'done')
    return (
      <>
        <h1>{t('me.title')}</h1>
        <LoadProblem load={load} />
      </>
    );
  const me = load.value;
  if (me.kind === 'official')
    return (
      <>
        <h1>{t('me.title')}</h1>
        <p>
          {t('me.official')} <Link to="/official">{t('official.title')}</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>
        {t('me.hello')}, {me.givenName} {me.surname}
      </h1>
      <h2>{t('me.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('me.election')}</dt>
          <dd>{me.electionDay.label[language]}</dd>
        </div>
        <div>
          <dt>{t('me.constituency')}</dt>
          <dd data-constituency={me.constituency.code}>{me.constituency.label?.[language] ?? me.constituency.code}</dd>
        </div>
        <div>
          <dt>{t('me.category')}</dt>
          <dd>{t(me.category === 'abroad' ? 'me.category.abroad' : 'me.category.belgium')}</dd>
        </div>
        <div>
          <dt>{t('me.country')}</dt>
          <dd>{me.country}</dd>
        </div>
        <div>
          <dt>{t('me.level')}</dt>
          <dd>{me.assuranceLevel}</dd>
        </div>
      </dl>
    </>
  );
}
