// The operations dashboard: counts only, refreshed every 30 seconds (polling). The chart repeats
// the hourly table; the tables carry every number, a hidden count reads "fewer than N".
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ElectionSummary } from '../api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { codeMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { BarChart } from '../results/bar-chart.tsx';
import { Link } from '../router.tsx';
import type { WatchFigures } from './api.ts';
import { KiosksTable } from './kiosks-table.tsx';
import { CellsTable, codeLabel, CountsTable } from './tables.tsx';

const REFRESH_MS = 30_000;

export function ChooserPage(): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<ElectionSummary[]>('/api/elections');
  return (
    <>
      <h1>{t('watch.title')}</h1>
      <p>{t('watch.choose')}</p>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <ul>
          {load.value.map((e) => (
            <li key={e.id}>
              <Link to={`/watch/${encodeURIComponent(e.id)}`}>{e.label[language]}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DashboardPage({
  electionId,
  constituency,
}: {
  readonly electionId: string;
  readonly constituency: string | null;
}): ReactNode {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setVersion((v) => v + 1);
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);
  const query = constituency === null ? '' : `?constituency=${encodeURIComponent(constituency)}`;
  const load = useApi<WatchFigures>(`/api/watch/${encodeURIComponent(electionId)}${query}`, version);
  const [shown, setShown] = useState<{ figures: WatchFigures; at: Date } | null>(null);
  useEffect(() => {
    if (load.state === 'done') setShown({ figures: load.value, at: new Date() });
  }, [load]);
  const format = useCallback((n: number) => formatNumber(n, language), [language]);
  const f = shown?.figures;
  const hours = useMemo(() => {
    const byHour = new Map<string, number>();
    for (const c of f?.ballotsPerHour ?? []) byHour.set(c.at, (byHour.get(c.at) ?? 0) + (c.n ?? 0));
    return [...byHour].map(([at, value]) => ({
      label: new Date(at).toLocaleString(language, {
        day: '2-digit',
        month: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
      value,
    }));
  }, [f, language]);
  const hidden = (n: number | null): string =>
    n === null ? fill(t('watch.hidden'), { minimum: format(f?.minimum ?? 0) }) : format(n);
  return (
    <>
      <h1>
        {t('watch.title')} — {constituency ?? t('watch.scope.all')}
      </h1>
      <p>
        <Link to="/watch">{t('watch.choose')}</Link>
      </p>
      {f === undefined ? (
        <LoadProblem load={load} />
      ) : (
        <>
          {load.state === 'error' && <LoadProblem load={load} />}
          <p>{fill(t('watch.intro'), { minimum: format(f.minimum) })}</p>
          <p role="status" data-testid="watch-updated">
            {fill(t('watch.updated'), { time: shown?.at.toLocaleTimeString(language) ?? '' })}
          </p>
          <h2 id="hours-title">{t('watch.hours.title')}</h2>
          <BarChart bars={hours} name={t('watch.hours.chart')} format={format} />
          <CellsTable id="hours" cells={f.ballotsPerHour} hidden={hidden} hourly />
          <h2 id="days-title">{t('watch.days.title')}</h2>
          <CellsTable id="days" cells={f.envelopesPerDay} hidden={hidden} hourly={false} />
          <h2 id="revotes-title">{t('watch.revotes.title')}</h2>
          <CountsTable
            id="revotes"
            rows={f.superseded.map((r) => ({
              key: `${r.mode}/${r.category}`,
              label: `${codeLabel(t, 'watch.mode', r.mode)}, ${codeLabel(t, 'watch.category', r.category)}`,
              n: r.n,
            }))}
            hidden={hidden}
          />
          <h2 id="cancellations-title">{t('watch.cancellations.title')}</h2>
          <CountsTable
            id="cancellations"
            rows={f.cancellations.map((r) => ({
              key: r.reason,
              label: t(codeMessageKey('cancel', r.reason, 'watch.category.unknown')),
              n: r.n,
            }))}
            hidden={hidden}
          />
          {f.refusals !== null && (
            <>
              <h2 id="refusals-title">{t('watch.refusals.title')}</h2>
              <CountsTable
                id="refusals"
                rows={f.refusals.map((r) => ({
                  key: r.code,
                  label: t(codeMessageKey('error', r.code, 'error.internal')),
                  n: r.n,
                }))}
                hidden={hidden}
              />
            </>
          )}
          {f.kiosks !== null && (
            <>
              <h2 id="kiosks-title">{t('watch.kiosks.title')}</h2>
              <KiosksTable kiosks={f.kiosks} />
            </>
          )}
          <h2>{t('watch.progress.title')}</h2>
          <dl className="watch-progress" data-testid="watch-progress">
            <dt>{t('watch.stations')}</dt>
            <dd>{fill(t('watch.of'), { n: format(f.stations.in), total: format(f.stations.registered) })}</dd>
            <dt>{t('watch.groups.mixed')}</dt>
            <dd>{fill(t('watch.of'), { n: format(f.groups.mixed), total: format(f.groups.total) })}</dd>
            <dt>{t('watch.groups.decrypted')}</dt>
            <dd>{fill(t('watch.of'), { n: format(f.groups.decrypted), total: format(f.groups.total) })}</dd>
            <dt>{t('watch.groups.counted')}</dt>
            <dd data-counted={f.groups.counted}>
              {fill(t('watch.of'), { n: format(f.groups.counted), total: format(f.groups.total) })}
            </dd>
          </dl>
        </>
      )}
    </>
  );
}
