// The main office's counting screens. Team A (/counting/team-a): the double votes of their
// constituency, identities only, each to confirm. Team B (/counting/team-b): the cancellations to
// confirm (no identity), the PVs' figures to review and approve (two different members). The
// server decides who sees what (apps/server/src/routes/counting-*.ts); these pages only show it.
import { useState, type ReactNode } from 'react';
import type { ElectionSummary } from '../api.ts';
import { send, type Me } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { localTime } from '../voting/format.ts';

interface Place {
  readonly electionId: string;
  readonly constituency: string;
}

/** Election and constituency (among the caller's scopes in the role) to work on. */
function PlaceChooser({
  role,
  children,
}: {
  readonly role: 'team-a' | 'team-b';
  readonly children: (place: Place) => ReactNode;
}): ReactNode {
  const { t, language } = useI18n();
  const me = useApi<Me>('/api/me');
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const [electionId, setElectionId] = useState<string | null>(null);
  const [constituency, setConstituency] = useState<string | null>(null);
  if (me.state !== 'done') return <LoadProblem load={me} />;
  if (elections.state !== 'done') return <LoadProblem load={elections} />;
  const scopes =
    me.value.kind === 'official'
      ? me.value.roles.filter((g) => g.role === role && g.scope !== null).map((g) => g.scope ?? '')
      : [];
  if (scopes.length === 0) return <p role="alert">{t('count.none-scope')}</p>;
  const election = electionId ?? elections.value[0]?.id ?? '';
  const scope = constituency ?? scopes[0] ?? '';
  return (
    <>
      <div className="count-place">
        <label>
          {t('count.election')}{' '}
          <select
            value={election}
            onChange={(e) => {
              setElectionId(e.currentTarget.value);
            }}
          >
            {elections.value.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label[language]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('count.constituency')}{' '}
          <select
            value={scope}
            onChange={(e) => {
              setConstituency(e.currentTarget.value);
            }}
          >
            {scopes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {children({ electionId: election, constituency: scope })}
    </>
  );
}

/** A message after an action: done, or the translated refusal. */
function useOutcome(): [ReactNode, (r: { ok: boolean; code?: string }) => void] {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<{ ok: boolean; code?: string } | null>(null);
  const view =
    outcome === null ? (
      <p role="status" className="live" />
    ) : outcome.ok ? (
      <p role="status">{t('count.done')}</p>
    ) : (
      <p role="alert" data-code={outcome.code}>
        {t(errorMessageKey(outcome.code ?? 'internal'))}
      </p>
    );
  return [view, setOutcome];
}

interface DoubleVote {
  readonly ballotId: string;
  readonly nrn: string;
  readonly name: string;
  readonly station: string;
  readonly receivedAt: string;
  readonly status: 'identified' | 'confirmed' | 'cancelled';
}

function DoubleVotes({ place }: { readonly place: Place }): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const base = `/api/counting/identities/${place.electionId}`;
  const load = useApi<{ cases: DoubleVote[] }>(`${base}/constituencies/${place.constituency}/double-votes`, version);
  const act = async (path: string, body?: unknown): Promise<void> => {
    const r = await send('POST', path, body);
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="double-votes">
      <h2 id="double-votes">{t('count.double-votes')}</h2>
      <p>
        <button
          type="button"
          onClick={() => {
            void act(`${base}/double-votes/identify`);
          }}
        >
          {t('count.identify')}
        </button>
      </p>
      {outcome}
      {load.state === 'done' && load.value.cases.filter((c) => c.status === 'identified').length > 1 && (
        <p>
          <button
            type="button"
            onClick={() => {
              void act(`${base}/constituencies/${place.constituency}/double-votes/confirm`, {
                ballotIds: load.value.cases.filter((c) => c.status === 'identified').map((c) => c.ballotId),
              });
            }}
          >
            {t('count.confirm-all')}
          </button>
        </p>
      )}
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : load.value.cases.length === 0 ? (
        <p>{t('count.double-votes.none')}</p>
      ) : (
        <table className="count-table">
          <thead>
            <tr>
              <th scope="col">{t('count.name')}</th>
              <th scope="col">{t('count.nrn')}</th>
              <th scope="col">{t('count.station')}</th>
              <th scope="col">{t('count.received-at')}</th>
              <th scope="col">{t('count.status')}</th>
            </tr>
          </thead>
          <tbody>
            {load.value.cases.map((c) => (
              <tr key={c.ballotId} data-ballot={c.ballotId} data-status={c.status}>
                <th scope="row">{c.name}</th>
                <td>{c.nrn}</td>
                <td>{c.station}</td>
                <td>{localTime(c.receivedAt, language)}</td>
                <td>
                  {t(`count.status.${c.status}`)}
                  {c.status === 'identified' && (
                    <>
                      {' '}
                      <button
                        type="button"
                        onClick={() => {
                          void act(`${base}/constituencies/${place.constituency}/double-votes/${c.ballotId}/confirm`);
                        }}
                      >
                        {t('count.confirm')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TeamAPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('count.team-a.title')}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      <p>{t('count.team-a.intro')}</p>
      <PlaceChooser role="team-a">
        {(place) => <DoubleVotes key={`${place.electionId}/${place.constituency}`} place={place} />}
      </PlaceChooser>
    </>
  );
}

interface Cancellation {
  readonly ballotId: string;
  readonly station: string;
  readonly confirmedAt: string | null;
  readonly status: 'identified' | 'confirmed' | 'cancelled';
}

function Cancellations({ place }: { readonly place: Place }): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const base = `/api/counting/contents/${place.electionId}/constituencies/${place.constituency}/cancellations`;
  const load = useApi<{ cases: Cancellation[] }>(base, version);
  const cancel = async (ballotIds: readonly string[]): Promise<void> => {
    const r =
      ballotIds.length === 1
        ? await send('POST', `${base}/${ballotIds[0] ?? ''}/confirm`)
        : await send('POST', `${base}/confirm`, { ballotIds });
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="cancellations">
      <h2 id="cancellations">{t('count.cancellations')}</h2>
      {outcome}
      {load.state === 'done' && load.value.cases.filter((c) => c.status === 'confirmed').length > 1 && (
        <p>
          <button
            type="button"
            onClick={() => {
              void cancel(load.value.cases.filter((c) => c.status === 'confirmed').map((c) => c.ballotId));
            }}
          >
            {t('count.cancel-all')}
          </button>
        </p>
      )}
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : load.value.cases.length === 0 ? (
        <p>{t('count.cancellations.none')}</p>
      ) : (
        <table className="count-table">
          <thead>
            <tr>
              <th scope="col">{t('count.case')}</th>
              <th scope="col">{t('count.station')}</th>
              <th scope="col">{t('count.confirmed-at')}</th>
              <th scope="col">{t('count.status')}</th>
            </tr>
          </thead>
          <tbody>
            {load.value.cases.map((c, i) => (
              <tr key={c.ballotId} data-ballot={c.ballotId} data-status={c.status}>
                <th scope="row">{i + 1}</th>
                <td>{c.station}</td>
                <td>{localTime(c.confirmedAt, language)}</td>
                <td>
                  {t(`count.status.${c.status}`)}
                  {c.status === 'confirmed' && (
                    <>
                      {' '}
                      <button
                        type="button"
                        onClick={() => {
                          void cancel([c.ballotId]);
                        }}
                      >
                        {t('count.cancel')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface PvList {
  readonly number: number;
  readonly name: string;
  readonly categories: Readonly<Record<'B' | 'C' | 'D' | 'E', number>>;
  readonly total: number;
}

interface PvView {
  readonly groupId: string;
  readonly mode: 'online' | 'kiosk';
  readonly category: 'belgium' | 'abroad';
  readonly recordHash: string;
  readonly approvals: number;
  readonly approvedByMe: boolean;
  readonly final: boolean;
  readonly content: {
    readonly registeredVoters: number;
    readonly received: number;
    readonly superseded: number;
    readonly cancelled: Readonly<Record<string, number>>;
    readonly counted: number;
    readonly valid: number;
    readonly blank: number;
    readonly invalid: number;
    readonly mergedInto: string | null;
    readonly lists: readonly PvList[];
  };
}

function PvCard({
  pv,
  place,
  onApprove,
}: {
  readonly pv: PvView;
  readonly place: Place;
  readonly onApprove: () => void;
}): ReactNode {
  const { t } = useI18n();
  const c = pv.content;
  const cancelled = Object.values(c.cancelled).reduce((a, n) => a + n, 0);
  const id = `pv-${pv.mode}-${pv.category}`;
  const figures: [string, number | string][] = [
    [t('count.registered'), c.registeredVoters],
    [t('count.received'), c.received],
    [t('count.superseded'), c.superseded],
    [t('count.cancelled'), cancelled],
    [t('count.counted'), c.counted],
    [t('count.valid'), c.valid],
    [t('count.blank'), c.blank],
    [t('count.invalid'), c.invalid],
  ];
  const file = `/api/counting/public/${place.electionId}/pvs/${place.constituency}/${pv.mode}/${pv.category}`;
  return (
    <section
      className="pv-card"
      aria-labelledby={id}
      data-pv={`${pv.mode}/${pv.category}`}
      data-final={pv.final ? 'true' : 'false'}
    >
      <h3 id={id}>
        {t(`count.mode.${pv.mode}`)} — {t(`count.category.${pv.category}`)}
      </h3>
      <table className="count-table">
        <thead>
          <tr>
            <th scope="col">{t('count.figure')}</th>
            <th scope="col">{t('count.value')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
          {c.mergedInto !== null && (
            <tr>
              <th scope="row">{t('count.merged-into')}</th>
              <td>{c.mergedInto}</td>
            </tr>
          )}
        </tbody>
      </table>
      {c.lists.length > 0 && (
        <table className="count-table">
          <thead>
            <tr>
              <th scope="col">{t('count.list')}</th>
              <th scope="col">B</th>
              <th scope="col">C</th>
              <th scope="col">D</th>
              <th scope="col">E</th>
              <th scope="col">{t('count.list-total')}</th>
            </tr>
          </thead>
          <tbody>
            {c.lists.map((l) => (
              <tr key={l.number}>
                <th scope="row">
                  {l.number}. {l.name}
                </th>
                <td>{l.categories.B}</td>
                <td>{l.categories.C}</td>
                <td>{l.categories.D}</td>
                <td>{l.categories.E}</td>
                <td>{l.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {t('count.record-hash')}: <code className="tracking-code">{pv.recordHash}</code>
      </p>
      <p data-approvals={pv.approvals}>
        {t('count.approvals')}: {pv.approvals} / 2{pv.final ? ` — ${t('count.final')}` : ''}
      </p>
      {pv.final ? (
        <p>
          {t('count.download')}: <a href={`${file}/pdf`}>PDF</a> · <a href={`${file}/json`}>JSON</a> ·{' '}
          <a href={`${file}/csv`}>CSV</a>
        </p>
      ) : pv.approvedByMe ? (
        <p>{t('count.approved-by-me')}</p>
      ) : (
        <p>
          <button type="button" onClick={onApprove}>
            {t('count.approve')}
          </button>
        </p>
      )}
    </section>
  );
}

function Pvs({ place }: { readonly place: Place }): ReactNode {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const base = `/api/counting/contents/${place.electionId}/constituencies/${place.constituency}/pvs`;
  const load = useApi<{ pvs: PvView[] }>(base, version);
  const approve = async (pv: PvView): Promise<void> => {
    const r = await send('POST', `${base}/${pv.mode}/${pv.category}/approve`);
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="pvs">
      <h2 id="pvs">{t('count.pvs')}</h2>
      {outcome}
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : load.value.pvs.length === 0 ? (
        <p>{t('count.pvs.none')}</p>
      ) : (
        load.value.pvs.map((pv) => (
          <PvCard
            key={pv.groupId}
            pv={pv}
            place={place}
            onApprove={() => {
              void approve(pv);
            }}
          />
        ))
      )}
    </section>
  );
}

export function TeamBPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('count.team-b.title')}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      <p>{t('count.team-b.intro')}</p>
      <PlaceChooser role="team-b">
        {(place) => (
          <div key={`${place.electionId}/${place.constituency}`}>
            <Cancellations place={place} />
            <Pvs place={place} />
          </div>
        )}
      </PlaceChooser>
    </>
  );
}
