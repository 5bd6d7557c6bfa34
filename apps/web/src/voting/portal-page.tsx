// The voter portal: who, constituency per election, mode, period (in the voter's time zone), votes
// used of X, and the status of each ballot.
import type { ReactNode } from 'react';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import type { Me } from '../auth/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Portal, PortalElection } from './api.ts';
import { DisplayOptions } from './display-options.tsx';
import { localTime, timeLeft, timeZoneName } from './format.ts';

function ElectionCard({ election, now }: { readonly election: PortalElection; readonly now: string }): ReactNode {
  const { t, language } = useI18n();
  const { period } = election;
  const canVote = election.online && election.keyPublished && period.state === 'open' && election.used < period.maxBallots;
  return (
    <section className="vote-election" aria-labelledby={`e-${election.electionId}`} data-election={election.electionId}>
      <h2 id={`e-${election.electionId}`}>{election.label[language]}</h2>
      <dl className="facts">
        <div><dt>{t('vote.constituency')}</dt><dd>{election.constituency.label[language]}</dd></div>
        <div><dt>{t('vote.mode')}</dt><dd>{t(election.online ? 'vote.mode.online' : 'vote.mode.other')}</dd></div>
        <div><dt>{t('vote.period')}</dt><dd data-period={period.state}>{t(`vote.period.state.${period.state}`)}</dd></div>
        <div><dt>{t('vote.period.opens')}</dt><dd>{localTime(period.opensAt, language)}</dd></div>
        <div><dt>{t('vote.period.closes')}</dt><dd>{localTime(period.closesAt, language)}</dd></div>
        {period.state === 'open' && <div><dt>{t('vote.period.left')}</dt><dd>{timeLeft(period.closesAt, now, language)}</dd></div>}
        <div><dt>{t('vote.used')}</dt><dd data-used={election.used}>{election.used} {t('vote.of')} {period.maxBallots}</dd></div>
      </dl>
      <h3>{t('vote.status')}</h3>
      {election.ballots.length === 0 ? <p>{t('vote.status.none')}</p> : (
        <>
          <p className="last-counts">{t('vote.last-counts')}</p>
          <ol className="ballot-statuses">
            {election.ballots.map((b) => (
              <li key={b.ballotId} data-status={b.status}>
                <strong>{t(`vote.status.${b.status}`)}</strong> — {t('vote.received-at')} {localTime(b.receivedAt, language)}
                {b.cancellationReason !== null && <> ({b.cancellationReason})</>}
                <br /><span className="tracking-label">{t('vote.tracking-code')}</span> <code className="tracking-code">{b.trackingCode}</code>
              </li>
            ))}
          </ol>
        </>
      )}
      {election.online && !election.keyPublished && <p>{t('vote.no-key')}</p>}
      {canVote && <p><Link className="button" to={`/vote/${election.electionId}`}>{t(election.used === 0 ? 'vote.start' : 'vote.again')} — {election.label[language]}</Link></p>}
    </section>
  );
}

export function PortalPage(): ReactNode {
  const { t } = useI18n();
  const me = useApi<Me>('/api/me');
  const portal = useApi<Portal>('/api/voting/portal');
  if (portal.state !== 'done') return <><h1>{t('vote.portal.title')}</h1><LoadProblem load={portal} /></>;
  return (
    <>
      <h1>{t('vote.portal.title')}</h1>
      {me.state === 'done' && me.value.kind === 'voter' && <p className="voter-name">{me.value.givenName} {me.value.surname}</p>}
      <p>{t('vote.portal.intro')}</p>
      <p className="hint">{t('vote.timezone')}: {timeZoneName()}</p>
      <DisplayOptions />
      {portal.value.elections.length === 0 && <p>{t('vote.portal.none')}</p>}
      {portal.value.elections.map((e) => <ElectionCard key={e.electionId} election={e} now={portal.value.now} />)}
      <p><Link to="/board">{t('vote.board')}</Link></p>
    </>
  );
}
