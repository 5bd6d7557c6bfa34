// The organising authority's screen: consolidate, resolve each conflict (audited), open voting
// (freeze), download the per-mode voter files and the convocations and letters.
import { useEffect, useState, type ReactNode } from 'react';
import { getJson } from '../api.ts';
import { codeMessageKey, errorMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { useApi } from '../auth/use-api.ts';
import type { ElectionSummary } from '../api.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { sendJson, uploadCsv, communeName, type Commune, type DayState } from './api.ts';
import { useDay } from './use-day.ts';
import { NextStep } from '../components/next-step.tsx';

interface Conflict {
  readonly nrn: string;
  readonly kind: 'two-communes' | 'commune-and-abroad' | 'twice-abroad' | 'deceased' | 'deprived';
  readonly sources: readonly {
    readonly source: string;
    readonly surname: string;
    readonly givenNames: string;
    readonly mode: number | null;
  }[];
  readonly resolution: string | null;
}

interface Published {
  readonly frozen: boolean;
  readonly modeFiles: readonly { readonly mode: number; readonly sha256: string; readonly voters: number }[];
}

/** A source of a conflict in words: "commune 62063 Liège", "Embassy of Belgium in Paris". */
function useSourceName(communes: readonly Commune[], posts: DayState['posts']): (source: string) => string {
  const { t, language } = useI18n();
  return (source) => {
    const [kind, code = ''] = source.split(':');
    if (kind === 'commune') {
      const c = communes.find((x) => x.nis === code);
      const name = c === undefined ? '' : ` ${communeName(c, language)}`;
      return `${t('source.commune')} ${code}${name}`;
    }
    if (kind === 'post') return posts.find((p) => p.code === code)?.label[language] ?? `${t('source.post')} ${code}`;
    return source;
  };
}

function ConflictRow({
  dayId,
  conflict,
  onDone,
  sourceName,
}: {
  readonly dayId: string;
  readonly conflict: Conflict;
  readonly onDone: (code: string | null) => void;
  readonly sourceName: (source: string) => string;
}): ReactNode {
  const { t } = useI18n();
  const single = conflict.kind === 'deceased' || conflict.kind === 'deprived';
  const choices = single ? ['exclude', 'include'] : [...conflict.sources.map((s) => `keep:${s.source}`), 'exclude'];
  const [choice, setChoice] = useState(choices[0] ?? 'exclude');
  const [reason, setReason] = useState('');
  const id = `conflict-${conflict.nrn}`;
  const resolve = async (): Promise<void> => {
    const body = choice.startsWith('keep:')
      ? { keep: choice.slice(5), reason }
      : choice === 'exclude'
        ? { exclude: true, reason }
        : { include: true, reason };
    const result = await sendJson<{ nrn: string }>(
      'POST',
      `/api/preparation/days/${dayId}/conflicts/${conflict.nrn}/resolution`,
      body,
    );
    onDone(result.ok ? null : result.code);
  };
  const label = (c: string): string =>
    c.startsWith('keep:')
      ? `${t('choice.keep')}: ${sourceName(c.slice(5))}`
      : t(c === 'exclude' ? 'choice.exclude' : 'choice.include');
  return (
    <tr>
      <td>{conflict.nrn}</td>
      <td data-kind={conflict.kind}>{t(codeMessageKey('conflict', conflict.kind, 'error.internal'))}</td>
      <td>{conflict.sources.map((s) => `${sourceName(s.source)} (${s.givenNames} ${s.surname})`).join('; ')}</td>
      <td>
        {conflict.resolution !== null ? (
          <span>
            {t('prep.resolved')}: {label(conflict.resolution)}
          </span>
        ) : (
          <div className="resolve">
            <label htmlFor={`${id}-choice`}>{t('prep.conflict.decision')}</label>
            <select
              id={`${id}-choice`}
              value={choice}
              onChange={(e) => {
                setChoice(e.target.value);
              }}
            >
              {choices.map((c) => (
                <option key={c} value={c}>
                  {label(c)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-reason`}>{t('prep.conflict.reason')}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
            <button
              type="button"
              disabled={reason.trim() === ''}
              onClick={() => {
                void resolve();
              }}
            >
              {t('prep.resolve')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** Loading the setup (JSON), the communes (CSV) and candidate lists (JSON or CSV) from files. */
function Uploads({
  dayId,
  electionIds,
  onDone,
  electionName,
}: {
  readonly dayId: string;
  readonly electionIds: readonly string[];
  readonly onDone: (code: string | null, done: MessageKey | null) => void;
  readonly electionName: (id: string) => string;
}): ReactNode {
  const { t } = useI18n();
  const [election, setElection] = useState(electionIds[0] ?? '');
  const upload = async (kind: 'setup' | 'communes' | 'lists', file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    const result =
      kind === 'communes'
        ? await uploadCsv<unknown>(`/api/preparation/days/${dayId}/communes`, file)
        : kind === 'lists' && file.name.endsWith('.csv')
          ? await uploadCsv<unknown>(`/api/preparation/elections/${election}/lists`, file)
          : await sendJson<unknown>(
              'POST',
              kind === 'setup' ? '/api/preparation/setup' : `/api/preparation/elections/${election}/lists`,
              await readJson(file),
            );
    onDone(result.ok ? null : result.code, result.ok ? 'prep.uploaded' : null);
  };
  return (
    <section aria-labelledby="uploads-title">
      <h2 id="uploads-title">{t('prep.uploads')}</h2>
      <div className="prep-form">
        <label htmlFor="upload-setup">{t('prep.upload.setup')}</label>
        <input
          id="upload-setup"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void upload('setup', e.target.files?.[0]);
          }}
        />
        <label htmlFor="upload-communes">{t('prep.upload.communes')}</label>
        <input
          id="upload-communes"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            void upload('communes', e.target.files?.[0]);
          }}
        />
        <label htmlFor="upload-election">{t('prep.upload.election')}</label>
        <select
          id="upload-election"
          value={election}
          onChange={(e) => {
            setElection(e.target.value);
          }}
        >
          {electionIds.map((id) => (
            <option key={id} value={id}>
              {electionName(id)}
            </option>
          ))}
        </select>
        <label htmlFor="upload-lists">{t('prep.upload.lists')}</label>
        <input
          id="upload-lists"
          type="file"
          accept=".json,.csv"
          onChange={(e) => {
            void upload('lists', e.target.files?.[0]);
          }}
        />
      </div>
    </section>
  );
}

async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    return null;
  }
}

export function AuthorityPage(): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const load = useDay(version);
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  const [communes, setCommunes] = useState<readonly Commune[]>([]);
  const [nis, setNis] = useState('');
  const [published, setPublished] = useState<Published | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const day = load.state === 'done' ? load.day : null;
  const dayId = day?.dayId ?? null;
  const [allCommunes, setAllCommunes] = useState<readonly Commune[]>([]);
  const sourceName = useSourceName(allCommunes, day?.posts ?? []);
  const electionList = useApi<ElectionSummary[]>('/api/elections');
  const electionName = (id: string): string =>
    (electionList.state === 'done' ? electionList.value.find((e) => e.id === id)?.label[language] : undefined) ?? id;
  useEffect(() => {
    if (dayId === null) return;
    void getJson<{ conflicts: Conflict[] }>(`/api/preparation/days/${dayId}/conflicts`).then((r) => {
      if (r.ok) setConflicts(r.value.conflicts);
    });
    void getJson<Commune[]>(`/api/preparation/days/${dayId}/communes`).then((r) => {
      if (r.ok) {
        setAllCommunes(r.value);
        const loaded = r.value.filter((c) => c.voters !== null);
        setCommunes(loaded);
        setNis((n) => (n === '' ? (loaded[0]?.nis ?? '') : n));
      }
    });
    void getJson<Published>(`/api/preparation/days/${dayId}/mode-files`).then((r) => {
      if (r.ok) setPublished(r.value);
    });
  }, [dayId, version]);
  const act = async (path: string): Promise<void> => {
    const result = await sendJson<unknown>('POST', path);
    setProblem(result.ok ? null : result.code);
    setVersion((v) => v + 1);
  };
  const done = (code: string | null): void => {
    setProblem(code);
    setVersion((v) => v + 1);
  };
  if (day === null)
    return (
      <>
        <h1>{t('prep.authority.title')}</h1>
        {load.state === 'error' ? <p role="alert">{t(errorMessageKey(load.code))}</p> : <p>{t('prep.loading')}</p>}
      </>
    );
  return (
    <>
      <h1>{t('prep.authority.title')}</h1>
      <p>{day.label[language]}</p>
      <dl className="facts">
        <div>
          <dt>{t('prep.status.communes')}</dt>
          <dd>{formatNumber(day.communes, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.status.files')}</dt>
          <dd>{formatNumber(day.communeFiles, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.status.registrations')}</dt>
          <dd>{formatNumber(day.registrations, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.status.voters')}</dt>
          <dd data-testid="consolidated">{formatNumber(day.consolidation?.voters ?? 0, language)}</dd>
        </div>
        <div>
          <dt>{t('prep.status.open')}</dt>
          <dd data-testid="open-conflicts">{day.consolidation?.openConflicts ?? 0}</dd>
        </div>
      </dl>
      {problem !== null && (
        <p role="alert" data-code={problem}>
          {t(errorMessageKey(problem))}
        </p>
      )}
      {notice !== null && problem === null && <p role="status">{t(notice)}</p>}
      {!day.frozen && (
        <Uploads
          dayId={day.dayId}
          electionIds={day.elections}
          electionName={electionName}
          onDone={(code, done) => {
            setProblem(code);
            setNotice(done);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {day.frozen ? <p role="status">{t('prep.frozen')}</p> : null}
      <NextStep
        text={
          day.frozen
            ? 'next.frozen'
            : day.consolidation === null
              ? 'next.consolidate'
              : day.consolidation.openConflicts > 0
                ? 'next.resolve'
                : 'next.freeze'
        }
        links={day.frozen ? [{ to: '/counting/ceremony', label: 'ws.link.ceremony', primary: true }] : []}
      />
      {day.frozen ? null : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              void act(`/api/preparation/days/${day.dayId}/consolidations`);
            }}
          >
            {t('prep.consolidate')}
          </button>
          {day.consolidation !== null && (
            <ConfirmButton
              label={t('prep.freeze')}
              title={t('confirm.freeze.title')}
              confirmLabel={t('confirm.freeze.yes')}
              disabled={day.consolidation.openConflicts > 0}
              primary={day.consolidation.openConflicts === 0}
              onConfirm={() => {
                void act(`/api/preparation/days/${day.dayId}/freeze`);
              }}
            >
              <p>
                {fill(t('confirm.freeze.text'), {
                  day: day.label[language],
                  voters: formatNumber(day.consolidation.voters, language),
                  elections: day.elections.map((id) => electionName(id)).join(', '),
                })}
              </p>
            </ConfirmButton>
          )}
        </div>
      )}
      {day.consolidation !== null && (
        <section aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('prep.conflicts')}</h2>
          {conflicts.length === 0 ? (
            <p>{t('prep.conflicts.none')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="conflicts-caption">
              <table>
                <caption id="conflicts-caption">{t('prep.conflict.kind')}</caption>
                <thead>
                  <tr>
                    <th scope="col">NRN</th>
                    <th scope="col">{t('prep.conflict.kind')}</th>
                    <th scope="col">{t('prep.conflict.sources')}</th>
                    <th scope="col">{t('prep.conflict.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {conflicts.map((c) => (
                    <ConflictRow
                      key={`${c.nrn}-${c.resolution ?? ''}`}
                      dayId={day.dayId}
                      conflict={c}
                      onDone={done}
                      sourceName={sourceName}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t('prep.modeFiles')}</h2>
          <ul>
            {[6, 7, 8].map((m) => {
              const frozen = published?.modeFiles.find((f) => f.mode === m);
              return (
                <li key={m}>
                  <a href={`/api/preparation/days/${day.dayId}/mode-files/${String(m)}`} download>
                    {t('prep.download')}: {t(`prep.mode.${String(m)}` as MessageKey)}
                  </a>
                  {frozen !== undefined && (
                    <>
                      {' '}
                      · {formatNumber(frozen.voters, language)} · {t('prep.hash')} <code>{frozen.sha256}</code>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <h2>{t('prep.letters')}</h2>
          <p>
            <label htmlFor="letters-commune">{t('prep.letters.commune')}</label>{' '}
            <select
              id="letters-commune"
              value={nis}
              onChange={(e) => {
                setNis(e.target.value);
              }}
            >
              {communes.map((c) => (
                <option key={c.nis} value={c.nis}>
                  {c.nis} – {communeName(c, language)}
                </option>
              ))}
            </select>{' '}
            <a href={`/api/preparation/days/${day.dayId}/letters/commune/${nis}`} download>
              {t('prep.download')} (PDF)
            </a>
          </p>
          <ul>
            {day.posts.map((p) => (
              <li key={p.code}>
                <a href={`/api/preparation/days/${day.dayId}/letters/post/${p.code}`} download>
                  {t('prep.letters.post')}: {p.label[language]}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
