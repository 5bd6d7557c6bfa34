// The booth: one ballot per election the voter may vote in now, one after the other (the college or
// language group first where the law offers a choice; then a list or blank; then the head box or
// candidates), a review of all ballots, each sealed on this device (encrypt + prove), and one
// request casting them together, accepted or refused as a whole. Any ballot may be audited
// (Benaloh): it is then never cast, and the booth seals it again. `/vote/booth` takes every election
// open to the voter; `/vote/<election>` only that one (and the election its place is linked to). A
// linked ballot (./linked.ts: the Brussels members of the Flemish Parliament, special act of 12
// January 1989 art. 14 al. 2) comes right after the ballot it depends on, only while the voter's
// choice there is the one the law requires, and the booth says why; the review says why it is left
// out otherwise.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { localeOf } from '../i18n/languages.ts';
import { Link, useRouter } from '../router.tsx';
import type { Booth, CastBody, Portal, PortalElection, Receipt, Receipts } from './api.ts';
import { ChoiceReview, CollegeStep, ListStep, CandidateStep } from './booth-steps.tsx';
import { plainOf, type Choice } from './choice.ts';
import { AUDIT_STORAGE_KEY, auditData, seal, type Sealed } from './device-crypto.ts';
import { AuditHandover } from './audit-handover-qr.tsx';
import { AuditCheck } from './verify-page.tsx';
import { KeyFingerprint, ReceiptCheck } from './board-anchor.tsx';
import { DisplayOptions } from './display-options.tsx';
import { canVoteIn } from './portal-page.tsx';
import {
  castable,
  choiceOf,
  constituencyInBooth,
  leftOutByChoice,
  linkedAfterRequired,
  linkedTo,
  offeredBallots,
  requiresOf,
  type Colleges,
} from './linked.ts';

type Step = 'college' | 'list' | 'candidates' | 'review' | 'audit' | 'sent';

/** The sealed ballots of one booth, one per election, as they are cast together. */
export type SealedBallots = readonly (CastBody & { readonly electionId: string })[];

/**
 * The booth on a kiosk at a consular post (mode 8, ../kiosk): the voter's kiosk elections, no
 * Benaloh audit (nothing of the voter is kept on the kiosk), the kiosk's own way of casting (signed,
 * stored and forwarded when the network is down) and its own confirmation.
 */
export interface KioskBooth {
  readonly cast: (
    ballots: SealedBallots,
  ) => Promise<{ readonly ok: false; readonly code: string } | { readonly ok: true }>;
  readonly done: ReactNode;
}

/** A kiosk voter's election they may vote in now: the kiosk mode's period open, no kiosk vote yet. */
export function canVoteAtKiosk(election: PortalElection): boolean {
  return (
    election.mode === 8 &&
    election.keyPublished &&
    election.period.state === 'open' &&
    election.used < election.period.maxBallots
  );
}

function downloadReceipts(receipts: readonly Receipt[]): void {
  const blob = new Blob([JSON.stringify(receipts, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `isoloir-receipts-${receipts[0]?.trackingCode.slice(0, 12) ?? ''}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The order of the ballots in the booth: federal first, then European, then regional and community. */
const KIND_ORDER = ['chamber', 'european', 'regional', 'community'];
const rank = (kind: string): number => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
const byBallotOrder = (a: PortalElection, b: PortalElection): number =>
  rank(a.kind) - rank(b.kind) || a.electionId.localeCompare(b.electionId);

const needsChoice = (e: PortalElection): boolean => e.constituency === null && e.choices.length > 1;

/** Longest wait setTimeout accepts; a period closing later is caught by the regular check. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const CHECK_EVERY_MS = 30_000;

/**
 * Whether the voting period of one of the booth's elections is over (ended or closed by the
 * organising authority): asked of the server at the period's closing time (by the server's clock),
 * every 30 s, and whenever the booth calls `recheck` (each step the voter completes).
 */
function usePeriodWatch(
  portal: Portal | undefined,
  electionIds: readonly string[],
): { readonly closed: boolean; readonly recheck: () => void; readonly markClosed: () => void } {
  const [closed, setClosed] = useState(false);
  const ids = electionIds.join(' ');
  const recheck = useCallback(() => {
    const watched = new Set(ids.split(' '));
    void getJson<Portal>('/api/voting/portal').then((result) => {
      if (result.ok && result.value.elections.some((e) => watched.has(e.electionId) && e.period.state !== 'open'))
        setClosed(true);
    });
  }, [ids]);
  useEffect(() => {
    if (portal === undefined || ids === '') return;
    const watched = new Set(ids.split(' '));
    const skew = Date.now() - Date.parse(portal.now);
    const closing = portal.elections
      .filter((e) => watched.has(e.electionId) && e.period.closesAt !== null)
      .map((e) => Date.parse(e.period.closesAt ?? ''));
    const wait = Math.min(...closing) + skew - Date.now();
    const timer = Number.isFinite(wait) && wait < MAX_TIMER_MS ? setTimeout(recheck, Math.max(0, wait) + 1000) : null;
    const poll = setInterval(recheck, CHECK_EVERY_MS);
    return () => {
      if (timer !== null) clearTimeout(timer);
      clearInterval(poll);
    };
  }, [portal, ids, recheck]);
  const markClosed = useCallback(() => {
    setClosed(true);
  }, []);
  return { closed, recheck, markClosed };
}

/** The booth once the period is over: nothing more can be cast; the last ballot sent counts. */
function BoothClosed(): ReactNode {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="booth-closed" data-booth="closed">
      <h2 id="booth-closed" ref={heading} tabIndex={-1}>
        {t('booth.closed.title')}
      </h2>
      <p>{t('booth.closed.text')}</p>
      <p>
        <Link className="button primary" to="/vote">
          {t('booth.back-portal')}
        </Link>
      </p>
    </section>
  );
}

export function BoothPage({
  electionId,
  kiosk,
}: {
  readonly electionId?: string | undefined;
  readonly kiosk?: KioskBooth | undefined;
}): ReactNode {
  const { t } = useI18n();
  const portal = useApi<Portal>('/api/voting/portal');
  const loaded = portal.state === 'done' ? portal.value : undefined;
  const voters = (loaded?.elections ?? []).filter((e) => (kiosk === undefined ? e.online : e.mode === 8));
  // `/vote/<election>`: that election, and the one its place is linked to (cast together).
  const asked = voters.find((e) => e.electionId === electionId);
  const mine = voters.filter(
    (e) =>
      electionId === undefined ||
      e.electionId === electionId ||
      (asked !== undefined && requiresOf(asked)?.electionId === e.electionId),
  );
  const open = linkedAfterRequired(mine.filter(kiosk === undefined ? canVoteIn : canVoteAtKiosk).sort(byBallotOrder));
  const elections = open.filter((e) => castable(e, open));
  const watch = usePeriodWatch(
    loaded,
    elections.map((e) => e.electionId),
  );
  if (portal.state !== 'done')
    return (
      <>
        <h1>{t('booth.title')}</h1>
        <LoadProblem load={portal} />
      </>
    );
  if (elections.length === 0)
    return (
      <>
        <h1>{t('booth.title')}</h1>
        {mine.some((e) => e.period.state === 'ended' || e.period.state === 'closed') ? (
          <BoothClosed />
        ) : (
          <>
            <p>{t('booth.none')}</p>
            <p>
              <Link to="/vote">{t('booth.back-portal')}</Link>
            </p>
          </>
        )}
      </>
    );
  return <Ballots elections={elections} voters={voters} watch={watch} kiosk={kiosk} />;
}

/** The sentence before a linked ballot: the voter's choice that brings it. */
function whyLinked(
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
  election: PortalElection,
  elections: readonly PortalElection[],
): string | undefined {
  const requires = requiresOf(election);
  const required = elections.find((e) => e.electionId === requires?.electionId);
  if (requires === null || required === undefined) return undefined;
  return fill(t('booth.linked.why'), {
    choice: choiceOf(required, requires.constituency)?.label[language] ?? requires.constituency,
    required: required.label[language],
    election: election.label[language],
    constituency: election.constituency?.label[language] ?? '',
  });
}

/** What the college or group chosen for `required` also decides: one sentence per linked election of the voter. */
function linkedHints(
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
  required: PortalElection,
  voters: readonly PortalElection[],
): string[] {
  return linkedTo(required, voters).map((e) => {
    const code = requiresOf(e)?.constituency ?? '';
    return fill(t('booth.linked.hint'), {
      choice: choiceOf(required, code)?.label[language] ?? code,
      election: e.label[language],
      constituency: e.constituency?.label[language] ?? '',
    });
  });
}

/** The review's word on each linked ballot the voter's choice leaves out of this cast. */
function LeftOut({
  booth,
  voters,
  colleges,
}: {
  readonly booth: readonly PortalElection[];
  readonly voters: readonly PortalElection[];
  readonly colleges: Colleges;
}): ReactNode {
  const { t, language } = useI18n();
  return leftOutByChoice(booth, voters, colleges).map(({ election, required, cancels }) => {
    const code = requiresOf(election)?.constituency ?? '';
    const chosen = constituencyInBooth(required, colleges) ?? '';
    return (
      <p key={election.electionId} className="linked-note" data-linked-left-out={election.electionId}>
        {fill(t('booth.linked.left-out'), {
          election: election.label[language],
          constituency: election.constituency?.label[language] ?? '',
          choice: choiceOf(required, code)?.label[language] ?? code,
          required: required.label[language],
          chosen: choiceOf(required, chosen)?.label[language] ?? chosen,
        })}
        {cancels && (
          <>
            {' '}
            <strong data-linked-cancels>{t('booth.linked.cancels')}</strong>
          </>
        )}
      </p>
    );
  });
}

function Ballots({
  elections: all,
  voters,
  watch,
  kiosk,
}: {
  /** The ballots this booth may offer, in order; a linked one only while its condition holds (`offered`). */
  readonly elections: readonly PortalElection[];
  /** Every election of the voter (the review warns about a linked ballot this cast cancels). */
  readonly voters: readonly PortalElection[];
  readonly watch: ReturnType<typeof usePeriodWatch>;
  readonly kiosk: KioskBooth | undefined;
}): ReactNode {
  const { t, language } = useI18n();
  const { navigate } = useRouter();
  const [position, setPosition] = useState(0);
  const [step, setStep] = useState<Step>(() => (all[0] !== undefined && needsChoice(all[0]) ? 'college' : 'list'));
  const [booths, setBooths] = useState<Readonly<Record<string, Booth>>>({});
  const [colleges, setColleges] = useState<Colleges>({});
  // The ballots offered now: a linked ballot only while the voter's choice it depends on is the required one.
  const elections = offeredBallots(all, colleges);
  const [choices, setChoices] = useState<Readonly<Record<string, Choice>>>({});
  const [sealed, setSealed] = useState<Readonly<Record<string, Sealed>>>({});
  const [revising, setRevising] = useState(false);
  const [busy, setBusy] = useState<'loading' | 'encrypting' | 'sending' | null>(null);
  const [error, setError] = useState<{ code: string; electionId: string | null } | null>(null);
  const [receipts, setReceipts] = useState<readonly Receipt[] | null>(null);
  const [auditText, setAuditText] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [step, position]);

  const election = elections[position];
  const current = election === undefined ? undefined : booths[election.electionId];

  // The booth data of the current election: lists, candidates and key of its constituency (or the college chosen).
  const college =
    election === undefined
      ? undefined
      : (election.constituency?.code ??
        colleges[election.electionId] ??
        (election.choices.length === 1 ? election.choices[0]?.code : undefined));
  useEffect(() => {
    if (
      election === undefined ||
      college === undefined ||
      booths[election.electionId]?.election.constituency.code === college
    )
      return;
    let live = true;
    setBusy('loading');
    const query = election.constituency === null ? `?constituency=${encodeURIComponent(college)}` : '';
    void getJson<Booth>(`/api/voting/elections/${election.electionId}/booth${query}`).then((result) => {
      if (!live) return;
      setBusy(null);
      if (result.ok) setBooths((b) => ({ ...b, [election.electionId]: result.value }));
      else setError({ code: result.code, electionId: election.electionId });
    });
    return () => {
      live = false;
    };
  }, [election, college, booths]);

  const sealOne = async (booth: Booth, choice: Choice): Promise<void> => {
    const plain = plainOf(booth, choice);
    if (plain === undefined) return;
    const result = await seal(booth, plain);
    document.documentElement.dataset['sealMillis'] = result.millis.toFixed(1);
    setSealed((s) => ({ ...s, [booth.election.electionId]: result }));
  };
  const sealAll = async (all: Readonly<Record<string, Choice>>): Promise<void> => {
    setBusy('encrypting');
    for (const e of elections) {
      const booth = booths[e.electionId];
      const choice = all[e.electionId];
      if (booth !== undefined && choice !== undefined && sealed[e.electionId] === undefined)
        await sealOne(booth, choice);
    }
    setBusy(null);
  };
  /** The voter has filled in the current ballot: on to the next election, or to the review. */
  const done = (choice: Choice): void => {
    if (election === undefined) return;
    watch.recheck();
    const next = { ...choices, [election.electionId]: choice };
    setChoices(next);
    setSealed((s) => Object.fromEntries(Object.entries(s).filter(([id]) => id !== election.electionId)));
    setError(null);
    // Next: the following ballot; when revising, a ballot the change brought in (a linked one), if any.
    const index = revising ? elections.findIndex((e) => next[e.electionId] === undefined) : position + 1;
    const following = index < 0 ? undefined : elections[index];
    if (following !== undefined) {
      setPosition(index);
      setStep(needsChoice(following) && colleges[following.electionId] === undefined ? 'college' : 'list');
      return;
    }
    setRevising(false);
    setStep('review');
  };
  // At the review, every ballot filled in and not sealed yet (new, changed, or audited) is sealed.
  useEffect(() => {
    if (
      step === 'review' &&
      busy === null &&
      elections.some(
        (e) =>
          sealed[e.electionId] === undefined &&
          booths[e.electionId] !== undefined &&
          choices[e.electionId] !== undefined,
      )
    )
      void sealAll(choices);
  });
  const change = (index: number): void => {
    const target = elections[index];
    if (target === undefined) return;
    setRevising(true);
    setPosition(index);
    setStep(needsChoice(target) ? 'college' : 'list');
  };
  const cast = async (): Promise<void> => {
    const ballots = elections.map((e) => {
      const s = sealed[e.electionId];
      return s === undefined ? undefined : { electionId: e.electionId, ...s.body };
    });
    if (ballots.some((b) => b === undefined)) return;
    setBusy('sending');
    setError(null);
    if (kiosk !== undefined) {
      const outcome = await kiosk.cast(ballots.filter((b) => b !== undefined));
      setBusy(null);
      if (!outcome.ok) setError({ code: outcome.code, electionId: null });
      else setStep('sent');
      return;
    }
    const result = await send<Receipts>('POST', '/api/voting/ballots', { ballots });
    setBusy(null);
    if (!result.ok) {
      if (result.code === 'voting.closed') watch.markClosed();
      setError({ code: result.code, electionId: null });
      return;
    }
    setReceipts(result.value.receipts);
    setStep('sent');
  };
  const audit = (index: number): void => {
    const target = elections[index];
    const booth = target === undefined ? undefined : booths[target.electionId];
    const s = target === undefined ? undefined : sealed[target.electionId];
    if (booth === undefined || s === undefined) return;
    const text = JSON.stringify(auditData(booth, s));
    setAuditText(text);
    try {
      window.sessionStorage.setItem(AUDIT_STORAGE_KEY, text);
    } catch {
      /* shown on the page anyway */
    }
    setPosition(index);
    setStep('audit');
  };
  const reseal = (): void => {
    if (election === undefined) return;
    setSealed((s) => Object.fromEntries(Object.entries(s).filter(([id]) => id !== election.electionId)));
    setStep('review');
  };

  const label = (e: PortalElection): string => e.label[language];
  const of = `${t('booth.ballot')} ${String(position + 1)} ${t('vote.of')} ${String(elections.length)}`;
  const refusedIn = error?.electionId ?? null;

  if (watch.closed && step !== 'sent')
    return (
      <div className="booth">
        <h1>{t('booth.title')}</h1>
        <BoothClosed />
      </div>
    );
  return (
    <div className="booth">
      <h1>{t('booth.title')}</h1>
      <DisplayOptions />
      {(step === 'list' || step === 'candidates') && current !== undefined && (
        <KeyFingerprint electionId={current.election.electionId} served={current.key} />
      )}
      <div role="status" aria-live="polite" className="live">
        {busy === 'encrypting' ? t('booth.encrypting') : busy === 'sending' ? t('booth.sending') : ''}
      </div>
      {error !== null && (
        <p role="alert" data-code={error.code}>
          {refusedIn !== null
            ? `${elections.find((e) => e.electionId === refusedIn)?.label[language] ?? refusedIn}: `
            : `${t('booth.refused-for')}: `}
          {t(errorMessageKey(error.code))}
        </p>
      )}
      {election !== undefined && (step === 'college' || step === 'list' || step === 'candidates') && (
        <>
          <p className="ballot-progress" data-election={election.electionId}>
            <strong>{of}</strong> — {label(election)}
            {current !== undefined && step !== 'college' ? ` — ${current.election.constituency.label[language]}` : ''}
          </p>
          {step === 'college' && (
            <CollegeStep
              heading={heading}
              election={election}
              chosen={colleges[election.electionId]}
              notes={linkedHints(t, language, election, voters)}
              onChoose={(code) => {
                setColleges((c) => ({ ...c, [election.electionId]: code }));
                // A new college or group: this ballot's choice goes, and so does every linked ballot it no longer brings.
                const gone = new Set([
                  ...(colleges[election.electionId] !== code ? [election.electionId] : []),
                  ...linkedTo(election, all)
                    .filter((e) => requiresOf(e)?.constituency !== code)
                    .map((e) => e.electionId),
                ]);
                const keep = <T,>(r: Readonly<Record<string, T>>): Record<string, T> =>
                  Object.fromEntries(Object.entries(r).filter(([id]) => !gone.has(id)));
                setChoices(keep);
                setSealed((s) => keep(s));
                setStep('list');
              }}
            />
          )}
          {step !== 'college' && busy === 'loading' && <p>…</p>}
          {step === 'list' && current !== undefined && current.election.constituency.code === college && (
            <ListStep
              heading={heading}
              booth={current}
              choice={choices[election.electionId] ?? null}
              note={whyLinked(t, language, election, all)}
              onBlank={() => {
                done({ kind: 'blank' });
              }}
              onList={(list) => {
                watch.recheck();
                const c = choices[election.electionId];
                setChoices({
                  ...choices,
                  [election.electionId]:
                    c?.kind === 'list' && c.list === list
                      ? c
                      : { kind: 'list', list, headBox: false, effectives: [], substitutes: [] },
                });
                setStep('candidates');
              }}
            />
          )}
          {step === 'candidates' && current !== undefined && choices[election.electionId]?.kind === 'list' && (
            <CandidateStep
              heading={heading}
              booth={current}
              choice={choices[election.electionId] as Extract<Choice, { kind: 'list' }>}
              onChange={(c) => {
                setChoices({ ...choices, [election.electionId]: c });
              }}
              onBack={() => {
                setStep('list');
              }}
              onNext={() => {
                const c = choices[election.electionId];
                if (c !== undefined) done(c);
              }}
            />
          )}
        </>
      )}
      {step === 'review' && (
        <section aria-labelledby="step-review">
          <h2 id="step-review" ref={heading} tabIndex={-1}>
            {t('booth.review.all')}
          </h2>
          <ol className="review-all">
            {elections.map((e, i) => {
              const booth = booths[e.electionId];
              const choice = choices[e.electionId];
              const s = sealed[e.electionId];
              return (
                <li key={e.electionId} data-review-election={e.electionId}>
                  <h3>{label(e)}</h3>
                  {booth !== undefined && <p>{booth.election.constituency.label[language]}</p>}
                  {booth !== undefined && <KeyFingerprint electionId={e.electionId} served={booth.key} level={4} />}
                  {booth !== undefined && choice !== undefined && <ChoiceReview booth={booth} choice={choice} />}
                  {s !== undefined && (
                    <p>
                      {t('booth.encrypted')}{' '}
                      <code className="tracking-code" data-tracking={s.trackingCode}>
                        {s.trackingCode}
                      </code>
                    </p>
                  )}
                  <div className="actions">
                    <button
                      type="button"
                      onClick={() => {
                        change(i);
                      }}
                      aria-label={`${t('booth.change')}: ${label(e)}`}
                    >
                      {t('booth.change')}
                    </button>
                    {kiosk === undefined && (
                      <button
                        type="button"
                        onClick={() => {
                          audit(i);
                        }}
                        disabled={s === undefined || busy !== null}
                        aria-label={`${t('booth.audit-one')}: ${label(e)}`}
                      >
                        {t('booth.audit-one')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
          <LeftOut booth={all} voters={voters} colleges={colleges} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                void cast();
              }}
              disabled={busy !== null || elections.some((e) => sealed[e.electionId] === undefined)}
            >
              {t('booth.cast-all')}
            </button>
          </div>
        </section>
      )}
      {step === 'audit' && election !== undefined && sealed[election.electionId] !== undefined && (
        <section aria-labelledby="step-audit">
          <h2 id="step-audit" ref={heading} tabIndex={-1}>
            {t('booth.audit.title')} — {label(election)}
          </h2>
          <p>{t('booth.audit.intro')}</p>
          <p>
            {t('vote.tracking-code')}:{' '}
            <code className="tracking-code">{sealed[election.electionId]?.trackingCode}</code>
          </p>
          <p>{t('booth.audit.randomness')}:</p>
          <ul className="randomness">
            {sealed[election.electionId]?.randomness.map((r) => (
              <li key={r}>
                <code>{r}</code>
              </li>
            ))}
          </ul>
          <h3>{t('booth.audit.verify')}</h3>
          <AuditCheck key={auditText} initial={auditText} />
          <AuditHandover key={`handover-${auditText}`} electionId={election.electionId} auditText={auditText} />
          <p className="hint">
            {t('booth.audit.elsewhere')} <code>{`${window.location.origin}/vote/verify`}</code>
          </p>
          <p>{t('booth.audit.kept')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={reseal}>
              {t('booth.audit.again')}
            </button>
          </div>
        </section>
      )}
      {step === 'sent' && kiosk !== undefined && kiosk.done}
      {step === 'sent' && receipts !== null && (
        <section aria-labelledby="step-sent">
          <h2 id="step-sent" ref={heading} tabIndex={-1}>
            {t('booth.sent-all')}
          </h2>
          <p className="last-counts">{t('vote.last-counts')}</p>
          <h3>{t('booth.receipt')}</h3>
          <ul className="receipts">
            {receipts.map((r) => {
              const e = elections.find((x) => x.electionId === r.electionId);
              return (
                <li key={r.trackingCode}>
                  <strong>{e === undefined ? r.electionId : label(e)}</strong> ({r.sequence} {t('vote.of')}{' '}
                  {r.maxBallots})
                  <dl className="facts">
                    <div>
                      <dt>{t('vote.tracking-code')}</dt>
                      <dd>
                        <code className="tracking-code" data-receipt={r.trackingCode}>
                          {r.trackingCode}
                        </code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('vote.received-at')}</dt>
                      <dd>{new Date(r.receivedAt).toLocaleString(localeOf(language))}</dd>
                    </div>
                  </dl>
                  <ReceiptCheck receipt={r} />
                  <Link to={`/board/${r.electionId}?code=${r.trackingCode}`}>{t('booth.receipt.find')}</Link>
                </li>
              );
            })}
          </ul>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                downloadReceipts(receipts);
              }}
            >
              {t('booth.receipts.download')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                navigate('/vote');
              }}
            >
              {t('booth.back-portal')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
