// Two screens of the count. The organising authority's voting periods (/counting/periods): each
// election and electronic mode, its window from the setup, open it, close it for good. The main
// office of a constituency (/counting/office), run by its president (or the PO): the polling
// stations whose lists must be in (reported, or waived with a reason) before the identity split,
// the split, the groups as the trustees mix and decrypt them, and the count that makes the PVs.
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { NextStep } from '../components/next-step.tsx';
import type { Labels } from '../api.ts';
import { codeMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { Link } from '../router.tsx';
import { localTime } from '../voting/format.ts';
import type { PeriodState } from '../voting/api.ts';
import { PlaceChooser, useOutcome, type Place } from './place.tsx';

interface PeriodRow {
  readonly electionId: string;
  readonly label: Labels;
  readonly mode: 'online' | 'kiosk';
  readonly state: PeriodState;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly ballots: number;
}

export function PeriodsPage(): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const load = useApi<PeriodRow[]>('/api/voting/periods', version);
  const act = async (row: PeriodRow, action: 'open' | 'close'): Promise<void> => {
    const r = await send('POST', `/api/voting/elections/${row.electionId}/period`, { action, mode: row.mode });
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    setVersion((v) => v + 1);
  };
  const rows = load.state === 'done' ? load.value : [];
  const allClosed = rows.length > 0 && rows.every((r) => r.state === 'closed' || r.state === 'unscheduled');
  return (
    <>
      <h1>{t('periods.title')}</h1>
      <p>
        <Link to="/official/po-admin">{t('official.back')}</Link>
      </p>
      <p>{t('periods.intro')}</p>
      {outcome}
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="periods-caption">
          <table className="count-table">
            <caption id="periods-caption">{t('periods.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('count.election')}</th>
                <th scope="col">{t('vote.mode')}</th>
                <th scope="col">{t('periods.window')}</th>
                <th scope="col">{t('count.status')}</th>
                <th scope="col" className="num">
                  {t('periods.ballots')}
                </th>
                <th scope="col">{t('periods.act')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = `${row.label[language]} — ${t(`count.mode.${row.mode}`)}`;
                return (
                  <tr key={`${row.electionId}/${row.mode}`} data-period={`${row.electionId}/${row.mode}`}>
                    <th scope="row">{row.label[language]}</th>
                    <td>{t(`count.mode.${row.mode}`)}</td>
                    <td>
                      {localTime(row.opensAt, language)} – {localTime(row.closesAt, language)}
                    </td>
                    <td data-state={row.state}>
                      {t(`vote.period.state.${row.state}`)}
                      {row.closedAt !== null && ` (${localTime(row.closedAt, language)})`}
                    </td>
                    <td className="num">{formatNumber(row.ballots, language)}</td>
                    <td>
                      {row.openedAt === null && row.state === 'scheduled' && (
                        <button
                          type="button"
                          aria-label={`${t('periods.open')}: ${name}`}
                          onClick={() => {
                            void act(row, 'open');
                          }}
                        >
                          {t('periods.open')}
                        </button>
                      )}
                      {row.closedAt === null && row.state !== 'unscheduled' && (
                        <ConfirmButton
                          label={`${t('periods.close')}: ${name}`}
                          title={t('confirm.close.title')}
                          confirmLabel={t('confirm.close.yes')}
                          onConfirm={() => {
                            void act(row, 'close');
                          }}
                        >
                          <p>
                            {fill(t('confirm.close.text'), {
                              period: name,
                              closes: localTime(row.closesAt, language),
                              ballots: formatNumber(row.ballots, language),
                            })}
                          </p>
                        </ConfirmButton>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NextStep
        text={allClosed ? 'next.periods.closed' : 'next.periods.open'}
        links={allClosed ? [{ to: '/counting/office', label: 'ws.link.office', primary: true }] : []}
      />
    </>
  );
}

interface Station {
  readonly station: string;
  readonly lists: number;
  readonly voters: number;
  readonly waivedReason: string | null;
  readonly done: boolean;
}

interface Group {
  readonly groupId: string;
  readonly mode: string;
  readonly category: string;
  readonly ballots: number;
  readonly mergedInto: string | null;
  readonly mergeRule: string | null;
  readonly state: 'waiting' | 'split' | 'counted' | 'withheld';
}

interface Overview {
  readonly pendingDoubleVotes: number;
  readonly stations: readonly Station[];
  readonly groups: readonly Group[];
  readonly trustees: {
    readonly threshold: number;
    readonly work: readonly { groupId: string; shuffles: number; decryptions: number; counted: boolean }[];
  };
  readonly office: {
    readonly place: string;
    readonly members: readonly Member[];
    readonly splitAt: string | null;
    readonly openedAt: string | null;
    readonly closedAt: string | null;
    readonly observations: readonly {
      readonly id: string;
      readonly kind: 'observation' | 'claim' | 'contested';
      readonly author: string;
      readonly text: string;
      readonly recordedAt: string;
    }[];
  };
}

const KINDS = ['observation', 'claim', 'contested'] as const;
const MEMBER_ROLES = ['president', 'secretary', 'assessor', 'substitute', 'witness'] as const;

interface Member {
  readonly role: (typeof MEMBER_ROLES)[number];
  readonly name: string;
  readonly listNumber: number | null;
}

/** The office's place, members and witnesses (each witness with the list that appointed them), for the PV. */
function Members({
  base,
  office,
  onChange,
}: {
  readonly base: string;
  readonly office: Overview['office'];
  readonly onChange: (r: { ok: boolean; code?: string }) => void;
}): ReactNode {
  const { t } = useI18n();
  const [place, setPlace] = useState(office.place);
  const [members, setMembers] = useState<readonly Member[]>(office.members);
  const update = (i: number, change: Partial<Member>): void => {
    setMembers(members.map((m, j) => (j === i ? { ...m, ...change } : m)));
  };
  const save = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const r = await send('PUT', `${base}/office`, {
      place: place.trim(),
      members: members
        .filter((m) => m.name.trim() !== '')
        .map((m) => ({ ...m, name: m.name.trim(), listNumber: m.role === 'witness' ? m.listNumber : null })),
    });
    onChange(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('office.members')}</h2>
      <form
        onSubmit={(e) => {
          void save(e);
        }}
      >
        <p className="prep-form">
          <label htmlFor="office-place">{t('office.place')}</label>
          <input
            id="office-place"
            value={place}
            onChange={(e) => {
              setPlace(e.target.value);
            }}
          />
        </p>
        <table className="count-table">
          <caption>{t('office.members')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.member.role')}</th>
              <th scope="col">{t('office.member.name')}</th>
              <th scope="col">{t('office.member.list')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={i} data-member={i}>
                <td>
                  <select
                    aria-label={`${t('office.member.role')} ${String(i + 1)}`}
                    value={m.role}
                    onChange={(e) => {
                      const role = MEMBER_ROLES.find((r) => r === e.target.value);
                      if (role !== undefined) update(i, { role });
                    }}
                  >
                    {MEMBER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`office.member.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t('office.member.name')} ${String(i + 1)}`}
                    value={m.name}
                    onChange={(e) => {
                      update(i, { name: e.target.value });
                    }}
                  />
                </td>
                <td>
                  {m.role === 'witness' && (
                    <input
                      type="number"
                      min={1}
                      max={999}
                      aria-label={`${t('office.member.list')} ${String(i + 1)}`}
                      value={m.listNumber ?? ''}
                      onChange={(e) => {
                        update(i, { listNumber: e.target.value === '' ? null : Number(e.target.value) });
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setMembers([
                ...members,
                { role: members.length === 0 ? 'president' : 'assessor', name: '', listNumber: null },
              ]);
            }}
          >
            {t('office.member.add')}
          </button>
          <button type="submit">{t('office.members.save')}</button>
        </div>
      </form>
    </section>
  );
}

/** Records an observation, a claim or a contested ballot for the PV (the president's route or Team B's). */
export function ObservationForm({
  path,
  onChange,
}: {
  readonly path: string;
  readonly onChange: (r: { ok: boolean; code?: string }) => void;
}): ReactNode {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('observation');
  const [author, setAuthor] = useState('');
  const [text, setText] = useState('');
  const record = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const r = await send('POST', path, { kind, author: author.trim(), text: text.trim() });
    if (r.ok) setText('');
    onChange(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  return (
    <form
      className="prep-form"
      onSubmit={(e) => {
        void record(e);
      }}
    >
      <label htmlFor="observation-kind">{t('office.observation.kind')}</label>
      <select
        id="observation-kind"
        value={kind}
        onChange={(e) => {
          const value = KINDS.find((k) => k === e.target.value);
          if (value !== undefined) setKind(value);
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`office.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="observation-author">{t('office.observation.author')}</label>
      <input
        id="observation-author"
        value={author}
        autoComplete="name"
        onChange={(e) => {
          setAuthor(e.target.value);
        }}
      />
      <label htmlFor="observation-text">{t('office.observation.text')}</label>
      <textarea
        id="observation-text"
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <button type="submit" disabled={author.trim() === '' || text.trim() === ''}>
        {t('office.observation.add')}
      </button>
    </form>
  );
}

/** The session's opening and closing times, and what the office records for the PV (observations, claims, contested ballots). */
function Session({
  base,
  office,
  onChange,
}: {
  readonly base: string;
  readonly office: Overview['office'];
  readonly onChange: (r: { ok: boolean; code?: string }) => void;
}): ReactNode {
  const { t, language } = useI18n();
  const session = async (action: 'open' | 'close'): Promise<void> => {
    const r = await send('POST', `${base}/session`, { action });
    onChange(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  return (
    <section aria-labelledby="session-title">
      <h2 id="session-title">{t('office.session')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('office.session.opened')}</dt>
          <dd data-session-opened={office.openedAt ?? ''}>{localTime(office.openedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('office.session.closed')}</dt>
          <dd>{localTime(office.closedAt, language)}</dd>
        </div>
      </dl>
      <div className="actions">
        {office.openedAt === null && (
          <button
            type="button"
            onClick={() => {
              void session('open');
            }}
          >
            {t('office.session.open')}
          </button>
        )}
        {office.openedAt !== null && office.closedAt === null && (
          <button
            type="button"
            onClick={() => {
              void session('close');
            }}
          >
            {t('office.session.close')}
          </button>
        )}
      </div>
      <h3>{t('office.observations')}</h3>
      {office.observations.length === 0 ? (
        <p>{t('office.observations.none')}</p>
      ) : (
        <ul className="observations">
          {office.observations.map((o) => (
            <li key={o.id} data-observation={o.kind}>
              <strong>{t(`office.kind.${o.kind}`)}</strong> — {o.author}, {localTime(o.recordedAt, language)}: {o.text}
            </li>
          ))}
        </ul>
      )}
      <ObservationForm path={`${base}/observations`} onChange={onChange} />
    </section>
  );
}

function Stations({
  place,
  stations,
  onChange,
}: {
  readonly place: Place;
  readonly stations: readonly Station[];
  readonly onChange: (r: { ok: boolean; code?: string }) => void;
}): ReactNode {
  const { t, language } = useI18n();
  const [names, setNames] = useState('');
  const [waive, setWaive] = useState('');
  const [reason, setReason] = useState('');
  const base = `/api/counting/process/${place.electionId}/constituencies/${place.constituency}/stations`;
  const register = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const list = names
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    if (list.length === 0) return;
    const r = await send('POST', base, { stations: list });
    if (r.ok) setNames('');
    onChange(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  const waiveOne = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const r = await send('POST', `${base}/waive`, { station: waive, reason: reason.trim() });
    if (r.ok) setReason('');
    onChange(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  const open = stations.filter((s) => !s.done);
  return (
    <section aria-labelledby="stations-title">
      <h2 id="stations-title">{t('office.stations')}</h2>
      {stations.length === 0 ? (
        <p>{t('office.stations.none')}</p>
      ) : (
        <table className="count-table">
          <caption>{t('office.stations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('count.station')}</th>
              <th scope="col" className="num">
                {t('office.station.voters')}
              </th>
              <th scope="col">{t('count.status')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.station} data-station={s.station} data-done={s.done ? 'true' : 'false'}>
                <th scope="row">{s.station}</th>
                <td className="num">{formatNumber(s.voters, language)}</td>
                <td>
                  {s.waivedReason !== null
                    ? fill(t('office.station.waived'), { reason: s.waivedReason })
                    : s.lists > 0
                      ? t('office.station.reported')
                      : t('office.station.waiting')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="prep-form"
        onSubmit={(e) => {
          void register(e);
        }}
      >
        <label htmlFor="station-names">{t('office.register')}</label>
        <textarea
          id="station-names"
          rows={3}
          value={names}
          aria-describedby="station-names-help"
          onChange={(e) => {
            setNames(e.target.value);
          }}
        />
        <p id="station-names-help" className="hint">
          {t('office.register.help')}
        </p>
        <button type="submit">{t('office.register.run')}</button>
      </form>
      {open.length > 0 && (
        <form
          className="prep-form"
          onSubmit={(e) => {
            void waiveOne(e);
          }}
        >
          <label htmlFor="waive-station">{t('office.waive')}</label>
          <select
            id="waive-station"
            value={waive}
            onChange={(e) => {
              setWaive(e.target.value);
            }}
          >
            <option value="">—</option>
            {open.map((s) => (
              <option key={s.station} value={s.station}>
                {s.station}
              </option>
            ))}
          </select>
          <label htmlFor="waive-reason">{t('office.waive.reason')}</label>
          <input
            id="waive-reason"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <button type="submit" disabled={waive === '' || reason.trim().length < 3}>
            {t('office.waive.run')}
          </button>
        </form>
      )}
    </section>
  );
}

function Office({ place }: { readonly place: Place }): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const [counted, setCounted] = useState<{ counted: number; waiting: number; pvs: number } | null>(null);
  const base = `/api/counting/process/${place.electionId}/constituencies/${place.constituency}`;
  const load = useApi<Overview>(base, version);
  const done = (r: { ok: boolean; code?: string }): void => {
    setOutcome(r);
    setVersion((v) => v + 1);
  };
  if (load.state !== 'done') return <LoadProblem load={load} />;
  const o = load.value;
  const reported = o.stations.filter((s) => s.done && s.waivedReason === null).length;
  const waived = o.stations.filter((s) => s.waivedReason !== null).length;
  const split = o.office.splitAt !== null || o.groups.some((g) => g.state !== 'waiting');
  const allCounted = split && o.groups.length > 0 && o.groups.every((g) => g.state !== 'split');
  const ballots = o.groups.reduce((a, g) => a + g.ballots, 0);
  const groupName = (g: Group): string =>
    `${g.mode === 'online' || g.mode === 'kiosk' ? t(`count.mode.${g.mode}`) : g.mode} — ${
      g.category === 'belgium' || g.category === 'abroad' ? t(`count.category.${g.category}`) : g.category
    }`;
  const count = async (): Promise<void> => {
    const r = await send<{ counted: string[]; waiting: string[]; pvs: number }>('POST', `${base}/results`);
    if (r.ok) setCounted({ counted: r.value.counted.length, waiting: r.value.waiting.length, pvs: r.value.pvs });
    done(r.ok ? { ok: true } : { ok: false, code: r.code });
  };
  return (
    <>
      {outcome}
      <Stations place={place} stations={o.stations} onChange={done} />
      <p data-pending-double-votes={o.pendingDoubleVotes}>
        {t('office.pending')}: {formatNumber(o.pendingDoubleVotes, language)}
      </p>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('office.groups')}</h2>
        {o.groups.length === 0 ? (
          <p>{t('office.groups.none')}</p>
        ) : (
          <table className="count-table">
            <caption>{t('office.groups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office.group')}</th>
                <th scope="col" className="num">
                  {t('periods.ballots')}
                </th>
                <th scope="col">{t('count.status')}</th>
                <th scope="col">{t('office.trustees')}</th>
              </tr>
            </thead>
            <tbody>
              {o.groups.map((g) => {
                const w = o.trustees.work.find((x) => x.groupId === g.groupId);
                return (
                  <tr key={g.groupId} data-group={g.groupId} data-state={g.state}>
                    <th scope="row">{groupName(g)}</th>
                    <td className="num">{formatNumber(g.ballots, language)}</td>
                    <td>
                      {t(codeMessageKey('group-state', g.state, 'group-state.waiting'))}
                      {g.mergeRule !== null && ` — ${t(codeMessageKey('merge', g.mergeRule, 'count.merged-into'))}`}
                    </td>
                    <td>
                      {w === undefined
                        ? '—'
                        : fill(t('office.trustees.work'), {
                            shuffles: String(w.shuffles),
                            decryptions: String(w.decryptions),
                            threshold: String(o.trustees.threshold),
                          })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="actions">
        {!split && (
          <ConfirmButton
            label={t('office.split')}
            title={fill(t('confirm.split.title'), { constituency: place.constituencyLabel })}
            confirmLabel={t('confirm.split.yes')}
            primary
            onConfirm={() => {
              void send('POST', `${base}/split`).then((r) => {
                done(r.ok ? { ok: true } : { ok: false, code: r.code });
              });
            }}
          >
            <p>
              {fill(t('confirm.split.text'), {
                election: place.electionLabel,
                reported: formatNumber(reported, language),
                waived: formatNumber(waived, language),
                stations: formatNumber(o.stations.length, language),
              })}
            </p>
          </ConfirmButton>
        )}
        {split && !allCounted && (
          <ConfirmButton
            label={t('office.count')}
            title={fill(t('confirm.count.title'), { constituency: place.constituencyLabel })}
            confirmLabel={t('confirm.count.yes')}
            primary
            onConfirm={() => {
              void count();
            }}
          >
            <p>
              {fill(t('confirm.count.text'), {
                election: place.electionLabel,
                ballots: formatNumber(ballots, language),
              })}
            </p>
          </ConfirmButton>
        )}
      </div>
      <Members key={version} base={base} office={o.office} onChange={done} />
      <Session base={base} office={o.office} onChange={done} />
      {counted !== null && (
        <p role="status" data-counted={counted.counted}>
          {fill(t('office.count.result'), {
            counted: formatNumber(counted.counted, language),
            waiting: formatNumber(counted.waiting, language),
            pvs: formatNumber(counted.pvs, language),
          })}
        </p>
      )}
      <NextStep
        text={
          allCounted
            ? 'next.office.team-b'
            : split
              ? 'next.office.trustees'
              : o.stations.some((s) => !s.done) || o.pendingDoubleVotes > 0
                ? 'next.office.stations'
                : 'next.office.split'
        }
      />
    </>
  );
}

export function OfficePage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('office.title')}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      <p>{t('office.intro')}</p>
      <PlaceChooser role="president">
        {(place) => <Office key={`${place.electionId}/${place.constituency}`} place={place} />}
      </PlaceChooser>
    </>
  );
}
