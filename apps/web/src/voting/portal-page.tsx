// The voter portal: who, constituency per election, mode, period (in the voter's time zone), votes
// used of X + 1 and re-votes left, and the status of each of the voter's own ballots in words
// (received, replaced by a later vote, cancelled with its reason, counted) with the time of its last
// update. One button takes the voter through every ballot they may cast now, in one booth. A linked
// place (./linked.ts) says on what choice its ballot depends; a ballot cancelled because the voter
// then chose the French language group says so in words (`cancel.french-language-group`).
import type { ReactNode } from 'react';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import type { Me } from '../auth/api.ts';
import { codeMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { HybridPanel } from '../hybrid/kit-panel.tsx';
import { Link } from '../router.tsx';
import type { Portal, PortalElection } from './api.ts';
import { DisplayOptions } from './display-options.tsx';
import { choiceOf, requiresOf } from './linked.ts';
import { localTime, timeLeft, timeZoneName } from './format.ts';

/** Whether the voter may cast a ballot in this election now. */
export function canVoteIn(election: PortalElection): boolean {
  return (
    election.online &&
    election.keyPublished &&
    election.period.state === 'open' &&
    election.used < election.period.maxBallots
  );
}

function BallotStatus({ ballot }: { readonly ballot: PortalElection['ballots'][number] }): ReactNode {
  const { t, language } = useI18n();
  const reason =
    ballot.cancellationReason === null ? null : codeMessageKey('cancel', ballot.cancellationReason, 'cancel.other');
  return (
    <li data-status={ballot.status}>
      <strong>{t(`vote.status.${ballot.status}`)}</strong>
      {reason !== null && <span data-reason={ballot.cancellationReason}>: {t(reason)}</span>} — {t('vote.last-update')}{' '}
      <time dateTime={ballot.statusChangedAt ?? ballot.receivedAt}>
        {localTime(ballot.statusChangedAt ?? ballot.receivedAt, language)}
      </time>
      <br />
      <span className="tracking-label">{t('vote.tracking-code')}</span>{' '}
      <code className="tracking-code">{ballot.trackingCode}</code>
    </li>
  );
}

/** A linked place's condition in words: the choice, in the same booth, that brings its ballot. */
function LinkedCondition({
  election,
  elections,
}: {
  readonly election: PortalElection;
  readonly elections: readonly PortalElection[];
}): ReactNode {
  const { t, language } = useI18n();
  const requires = requiresOf(election);
  if (requires === null) return null;
  const required = elections.find((e) => e.electionId === requires.electionId);
  return (
    <div>
      <dt>{t('vote.linked')}</dt>
      <dd data-linked={requires.electionId}>
        {fill(t('vote.linked.only-if'), {
          choice:
            (required === undefined ? undefined : choiceOf(required, requires.constituency)?.label[language]) ??
            requires.constituency,
          required: required?.label[language] ?? requires.electionId,
        })}
      </dd>
    </div>
  );
}

function ElectionCard({
  election,
  elections,
  now,
}: {
  readonly election: PortalElection;
  readonly elections: readonly PortalElection[];
  readonly now: string;
}): ReactNode {
  const { t, language } = useI18n();
  const { period } = election;
  const left = Math.max(0, period.maxBallots - Math.max(1, election.used));
  // A hybrid voter (mode 6) votes on paper: the ballot box's period and count are not theirs (the
  // hybrid panel shows their period and their K-code's status).
  const ballotBox = election.mode !== 6;
  return (
    <section className="vote-election" aria-labelledby={`e-${election.electionId}`} data-election={election.electionId}>
      <h2 id={`e-${election.electionId}`}>{election.label[language]}</h2>
      <dl className="facts">
        <div>
          <dt>{t('vote.constituency')}</dt>
          <dd>
            {election.constituency?.label[language] ??
              `${election.choices.map((c) => c.label[language]).join(' / ')} (${t('vote.choice-in-booth')})`}
          </dd>
        </div>
        <LinkedCondition election={election} elections={elections} />
        <div>
          <dt>{t('vote.mode')}</dt>
          <dd>{t(election.online ? 'vote.mode.online' : 'vote.mode.other')}</dd>
        </div>
        {ballotBox && (
          <>
            <div>
              <dt>{t('vote.period')}</dt>
              <dd data-period={period.state}>{t(`vote.period.state.${period.state}`)}</dd>
            </div>
            <div>
              <dt>{t('vote.period.opens')}</dt>
              <dd>{localTime(period.opensAt, language)}</dd>
            </div>
            <div>
              <dt>{t('vote.period.closes')}</dt>
              <dd>{localTime(period.closesAt, language)}</dd>
            </div>
            {period.state === 'open' && (
              <div>
                <dt>{t('vote.period.left')}</dt>
                <dd>{timeLeft(period.closesAt, now, language)}</dd>
              </div>
            )}
            <div>
              <dt>{t('vote.used')}</dt>
              <dd data-used={election.used} data-max={period.maxBallots}>
                {election.used} {t('vote.of')} {period.maxBallots}
              </dd>
            </div>
            {election.online && (
              <div>
                <dt>{t('vote.revotes-left')}</dt>
                <dd data-revotes-left={left}>{left}</dd>
              </div>
            )}
          </>
        )}
      </dl>
      {ballotBox && <h3>{t('vote.status')}</h3>}
      {!ballotBox ? null : election.ballots.length === 0 ? (
        <p>{t('vote.status.none')}</p>
      ) : (
        <>
          <p className="last-counts">{t('vote.last-counts')}</p>
          <ol className="ballot-statuses">
            {election.ballots.map((b) => (
              <BallotStatus key={b.ballotId} ballot={b} />
            ))}
          </ol>
        </>
      )}
      {election.online && !election.keyPublished && <p>{t('vote.no-key')}</p>}
    </section>
  );
}

export function PortalPage(): ReactNode {
  const { t } = useI18n();
  const me = useApi<Me>('/api/me');
  const portal = useApi<Portal>('/api/voting/portal');
  if (portal.state !== 'done')
    return (
      <>
        <h1>{t('vote.portal.title')}</h1>
        <LoadProblem load={portal} />
      </>
    );
  const votable = portal.value.elections.filter(canVoteIn);
  const voted = votable.some((e) => e.used > 0);
  return (
    <>
      <h1>{t('vote.portal.title')}</h1>
      {me.state === 'done' && me.value.kind === 'voter' && (
        <p className="voter-name">
          {me.value.givenName} {me.value.surname}
        </p>
      )}
      <p>{t('vote.portal.intro')}</p>
      <p className="hint">
        {t('vote.timezone')}: {timeZoneName()}
      </p>
      <DisplayOptions />
      {portal.value.elections.length === 0 && <p>{t('vote.portal.none')}</p>}
      {portal.value.elections.some((e) => e.mode === 6) && <HybridPanel />}
      {votable.length > 0 && (
        <div className="start-voting" data-start={votable.length}>
          <p>{t('vote.booth-intro')}</p>
          <p>
            <Link className="button primary" to="/vote/booth">
              {t(voted ? 'vote.again-all' : 'vote.start-all')} ({votable.length} × {t('booth.ballot').toLowerCase()})
            </Link>
          </p>
        </div>
      )}
      {portal.value.elections.map((e) => (
        <ElectionCard key={e.electionId} election={e} elections={portal.value.elections} now={portal.value.now} />
      ))}
      <p>
        <Link to="/board">{t('vote.board')}</Link>
      </p>
    </>
  );
}
