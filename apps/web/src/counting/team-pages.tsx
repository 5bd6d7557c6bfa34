// The main office's counting screens. Team A (/counting/team-a): the double votes of their
// constituency, identities only, each to confirm. Team B (/counting/team-b): the cancellations to
// confirm (no identity), the PVs' figures to review and approve (two different members). The
// server decides who sees what (apps/server/src/routes/counting-*.ts); these pages only show it.
import { useState, type ReactNode } from 'react';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { codeMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { Link } from '../router.tsx';
import { localTime } from '../voting/format.ts';
import { PlaceChooser, useOutcome, type Place } from './place.tsx';
import { PollingStationImport, RemoteVoters } from './team-a-lists.tsx';
import { ObservationForm } from './office-pages.tsx';

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
  const [imports, setImports] = useState(0);
  return (
    <>
      <h1>{t('count.team-a.title')}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      <p>{t('count.team-a.intro')}</p>
      <PollingStationImport
        onImported={() => {
          setImports((n) => n + 1);
        }}
      />
      <PlaceChooser role="team-a">
        {(place) => (
          <div key={`${place.electionId}/${place.constituency}`}>
            <DoubleVotes key={imports} place={place} />
            <RemoteVoters place={place} />
          </div>
        )}
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

interface PvCandidate {
  readonly position: number;
  readonly name: string;
  readonly votes: number;
}

interface PvList {
  readonly number: number;
  readonly name: string;
  readonly categories: Readonly<Record<'B' | 'C' | 'D' | 'E', number>>;
  readonly total: number;
  readonly effectives?: readonly PvCandidate[];
  readonly substitutes?: readonly PvCandidate[];
}

interface PvView {
  readonly groupId: string;
  readonly mode: 'online' | 'kiosk';
  readonly category: 'belgium' | 'abroad';
  readonly recordHash: string;
  readonly approvals: number;
  readonly approvedBy?: readonly { readonly official: string; readonly at: string }[];
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
    readonly invalidByRule?: Readonly<Record<string, number>>;
    readonly mergedInto: string | null;
    readonly members?: readonly { readonly groupId: string; readonly mergeRule: string | null }[];
    readonly lists: readonly PvList[];
  };
}

/** A counting group (`liege/online/abroad`) in words: "online voting — abroad". */
function useGroupName(): (groupId: string) => string {
  const { t } = useI18n();
  return (groupId) => {
    const [, mode, category] = groupId.split('/');
    if ((mode !== 'online' && mode !== 'kiosk') || (category !== 'belgium' && category !== 'abroad')) return groupId;
    return `${t(`count.mode.${mode}`)} — ${t(`count.category.${category}`)}`;
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
  const { t, language } = useI18n();
  const groupName = useGroupName();
  const c = pv.content;
  const n = (value: number): string => formatNumber(value, language);
  const id = `pv-${pv.mode}-${pv.category}`;
  const cancelled = Object.entries(c.cancelled);
  const figures: [string, string, string][] = [
    ['registered', t('count.registered'), n(c.registeredVoters)],
    ['received', t('count.received'), n(c.received)],
    ['superseded', t('count.superseded'), n(c.superseded)],
    ...cancelled.map(([reason, value]): [string, string, string] => [
      `cancelled-${reason}`,
      `${t('count.cancelled')}: ${t(codeMessageKey('cancel', reason, 'cancel.other'))}`,
      n(value),
    ]),
    ...(cancelled.length === 0 ? [['cancelled', t('count.cancelled'), n(0)] as [string, string, string]] : []),
    ['counted', t('count.counted'), n(c.counted)],
    ['valid', t('count.valid'), n(c.valid)],
    ['blank', t('count.blank'), n(c.blank)],
    ['invalid', t('count.invalid'), n(c.invalid)],
    ...Object.entries(c.invalidByRule ?? {}).map(([rule, value]): [string, string, string] => [
      `invalid-${rule}`,
      `${t('count.invalid')}: ${t(codeMessageKey('invalid', rule, 'invalid.ballot.malformed'))}`,
      n(value),
    ]),
  ];
  const merged = (c.members ?? []).filter((m) => m.mergeRule !== null);
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
      {merged.length > 0 && (
        <ul className="merged">
          {merged.map((m) => (
            <li key={m.groupId} data-merged={m.groupId}>
              {groupName(m.groupId)}: {t(codeMessageKey('merge', m.mergeRule ?? '', 'count.merged-into'))}
            </li>
          ))}
        </ul>
      )}
      {c.mergedInto !== null && (
        <p>
          {t('count.merged-into')}: {groupName(c.mergedInto)}
        </p>
      )}
      <table className="count-table">
        <caption>{t('count.figure')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('count.figure')}</th>
            <th scope="col" className="num">
              {t('count.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map(([key, label, value]) => (
            <tr key={key} data-figure={key}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.lists.length > 0 && (
        <table className="count-table">
          <caption>{t('count.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('count.list')}</th>
              <th scope="col" className="num">
                B
              </th>
              <th scope="col" className="num">
                C
              </th>
              <th scope="col" className="num">
                D
              </th>
              <th scope="col" className="num">
                E
              </th>
              <th scope="col" className="num">
                {t('count.list-total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.lists.map((l) => (
              <tr key={l.number}>
                <th scope="row">
                  {l.number}. {l.name}
                </th>
                <td className="num">{n(l.categories.B)}</td>
                <td className="num">{n(l.categories.C)}</td>
                <td className="num">{n(l.categories.D)}</td>
                <td className="num">{n(l.categories.E)}</td>
                <td className="num">{n(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.lists.some((l) => (l.effectives?.length ?? 0) + (l.substitutes?.length ?? 0) > 0) && (
        <details className="pv-candidates">
          <summary>{t('count.candidates')}</summary>
          {c.lists.map((l) => (
            <table key={l.number} className="count-table" data-candidates={l.number}>
              <caption>
                {l.number}. {l.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('count.candidate')}</th>
                  <th scope="col" className="num">
                    {t('count.votes')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(l.effectives ?? []).map((cand) => (
                  <tr key={`e${String(cand.position)}`}>
                    <th scope="row">
                      {cand.position}. {cand.name}
                    </th>
                    <td className="num">{n(cand.votes)}</td>
                  </tr>
                ))}
                {(l.substitutes ?? []).map((cand) => (
                  <tr key={`s${String(cand.position)}`}>
                    <th scope="row">
                      {t('count.substitute')} {cand.position}. {cand.name}
                    </th>
                    <td className="num">{n(cand.votes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </details>
      )}
      <p className="hint">
        {t('count.record-hash')}: <code className="tracking-code">{pv.recordHash}</code>
      </p>
      <p data-approvals={pv.approvals}>
        {t('count.approvals')}: {pv.approvals} / 2{pv.final ? ` — ${t('count.final')}` : ''}
      </p>
      {(pv.approvedBy ?? []).length > 0 && (
        <ul className="approvals">
          {(pv.approvedBy ?? []).map((a) => (
            <li key={a.at}>
              {t('count.approved-at')} <time dateTime={a.at}>{localTime(a.at, language)}</time>
            </li>
          ))}
        </ul>
      )}
      {pv.final ? (
        <p>
          {t('count.download')}: <a href={`${file}/pdf`}>PDF</a> · <a href={`${file}/json`}>JSON</a> ·{' '}
          <a href={`${file}/csv`}>CSV</a>
        </p>
      ) : pv.approvedByMe ? (
        <p>{t('count.approved-by-me')}</p>
      ) : (
        <div className="actions">
          <ConfirmButton
            label={t('count.approve')}
            title={t('confirm.approve.title')}
            confirmLabel={t('confirm.approve.yes')}
            onConfirm={onApprove}
          >
            <p>
              {fill(t('confirm.approve.text'), {
                pv: `${t(`count.mode.${pv.mode}`)} — ${t(`count.category.${pv.category}`)}`,
                constituency: place.constituencyLabel,
                election: place.electionLabel,
              })}
            </p>
          </ConfirmButton>
        </div>
      )}
    </section>
  );
}

interface GroupView {
  readonly groupId: string;
  readonly ballots: number;
  readonly mergedInto: string | null;
  readonly mergeRule: string | null;
  readonly state: 'waiting' | 'split' | 'counted' | 'withheld';
}

/** Team B: where each group of the constituency stands (waiting, split, counted, withheld), in words. */
function Groups({ place }: { readonly place: Place }): ReactNode {
  const { t, language } = useI18n();
  const groupName = useGroupName();
  const load = useApi<{ groups: GroupView[] }>(
    `/api/counting/contents/${place.electionId}/constituencies/${place.constituency}/groups`,
  );
  return (
    <section aria-labelledby="groups-b">
      <h2 id="groups-b">{t('office.groups')}</h2>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : load.value.groups.length === 0 ? (
        <p>{t('office.groups.none')}</p>
      ) : (
        <table className="count-table">
          <caption>
            {t('office.groups')} — {place.constituencyLabel}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('office.group')}</th>
              <th scope="col" className="num">
                {t('periods.ballots')}
              </th>
              <th scope="col">{t('count.status')}</th>
            </tr>
          </thead>
          <tbody>
            {load.value.groups.map((g) => (
              <tr key={g.groupId} data-group={g.groupId} data-state={g.state}>
                <th scope="row">{groupName(g.groupId)}</th>
                <td className="num">{formatNumber(g.ballots, language)}</td>
                <td>
                  {t(codeMessageKey('group-state', g.state, 'group-state.waiting'))}
                  {g.mergeRule !== null && ` — ${t(codeMessageKey('merge', g.mergeRule, 'count.merged-into'))}`}
                  {g.mergedInto !== null && ` (${groupName(g.mergedInto)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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

/** Team B enters observations, claims and contested ballots in the PVs of its constituency. */
function TeamBObservations({ place }: { readonly place: Place }): ReactNode {
  const { t } = useI18n();
  const [outcome, setOutcome] = useOutcome();
  return (
    <section aria-labelledby="observations-b">
      <h2 id="observations-b">{t('office.observations')}</h2>
      {outcome}
      <ObservationForm
        path={`/api/counting/contents/${place.electionId}/constituencies/${place.constituency}/observations`}
        onChange={setOutcome}
      />
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
            <Groups place={place} />
            <Pvs place={place} />
            <TeamBObservations place={place} />
          </div>
        )}
      </PlaceChooser>
    </>
  );
}
