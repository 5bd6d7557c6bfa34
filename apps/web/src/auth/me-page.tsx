// The voter's own page: name, election, constituency, where they vote from, login level.
import type { ReactNode } from 'react';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Me } from './api.ts';
import type { Portal } from '../voting/api.ts';
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
        <p className="actions">
          <a className="button primary" href="/api/auth/login?as=voter">
            {t('auth.login.voter')}
          </a>
          <Link className="button" to="/login">
            {t('auth.login')}
          </Link>
        </p>
      )}
    </>
  );
}

/**
 * The voter's next step: one primary "Vote" button, to the portal and booth (online, mode 7), to the
 * print kit (hybrid, mode 6); a kiosk voter (mode 8) votes at the consular post and follows it here.
 */
function VoteNext({ resident }: { readonly resident: boolean }): ReactNode {
  const { t } = useI18n();
  const portal = useApi<Portal>('/api/voting/portal');
  if (portal.state !== 'done') return <LoadProblem load={portal} />;
  const modes = new Set(portal.value.elections.map((e) => e.mode));
  const next = modes.has(7)
    ? { text: t('me.vote.online'), to: '/vote', label: t('me.vote'), mode: 'online' }
    : modes.has(6)
      ? { text: t('me.vote.hybrid'), to: '/hybrid', label: t('me.vote'), mode: 'hybrid' }
      : modes.has(8)
        ? { text: t('me.vote.kiosk'), to: '/vote', label: t('me.vote.kiosk.link'), mode: 'kiosk' }
        : null;
  return (
    <section aria-labelledby="next-title" className="next-step" data-next={next?.mode ?? 'none'}>
      <h2 id="next-title">{t('me.next')}</h2>
      <p>{next === null ? t('me.vote.none') : next.text}</p>
      {next !== null && (
        <p>
          <Link className={next.mode === 'kiosk' ? 'button' : 'button primary'} to={next.to}>
            {next.label}
          </Link>
        </p>
      )}
      {next === null && resident && (
        <p>
          <Link className="button primary" to="/preparation/opt-in">
            {t('prep.optIn.title')}
          </Link>
        </p>
      )}
    </section>
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
      <VoteNext resident={me.category === 'belgium'} />
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
          <dd data-login-method={me.loginMethod}>
            {me.loginMethod === 'passkey' ? t('pk.me.method') : me.assuranceLevel}
          </dd>
        </div>
      </dl>
      <p>
        <Link to="/board">{t('ws.link.board')}</Link>
      </p>
    </>
  );
}
