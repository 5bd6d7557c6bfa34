// /results/ELECTION/CONSTITUENCY: the public results of a constituency whose PVs are final. What the
// figures are is said first (the remote votes this platform counts, not the polling stations'); then
// the ballots, the votes per list with the threshold, the seats, the elected, the PVs and the record,
// and the open-data files with the command that recomputes the seats.
import { useCallback, type ReactNode } from 'react';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { fill, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { Link } from '../router.tsx';
import type { ConstituencyResults } from './api.ts';
import { BallotsTable } from './ballots-table.tsx';
import { ElectedSection } from './elected.tsx';
import { VotesSection } from './votes.tsx';

export function ConstituencyPage({
  electionId,
  constituency,
}: {
  readonly electionId: string;
  readonly constituency: string;
}): ReactNode {
  const { t, language } = useI18n();
  const base = `/api/results/${encodeURIComponent(electionId)}/${encodeURIComponent(constituency)}`;
  const load = useApi<ConstituencyResults>(base);
  const format = useCallback((n: number) => formatNumber(n, language), [language]);
  if (load.state !== 'done')
    return (
      <>
        <h1>{t('results.title')}</h1>
        <p>
          <Link to={`/results/${encodeURIComponent(electionId)}`}>{t('results.back')}</Link>
        </p>
        <LoadProblem load={load} />
      </>
    );
  const r = load.value;
  const pvBase = `/api/counting/public/${encodeURIComponent(electionId)}/pvs/${encodeURIComponent(constituency)}`;
  return (
    <>
      <h1>
        {r.constituency.label[language]} — {r.election.label[language]}
      </h1>
      <p>
        <Link to={`/results/${encodeURIComponent(electionId)}`}>{t('results.back')}</Link>
      </p>
      <p className="results-scope" data-testid="results-scope">
        {t('results.scope')}
      </p>
      <BallotsTable results={r} format={format} />
      {'none' in r.allocation ? (
        <p role="status" data-none={r.allocation.none}>
          {r.allocation.none === 'withheld' ? (
            t('results.none.withheld')
          ) : (
            <>
              {t('results.none.other')} <code>{r.allocation.none}</code>
            </>
          )}
        </p>
      ) : (
        <>
          <VotesSection results={r} allocation={r.allocation} format={format} />
          <ElectedSection allocation={r.allocation} format={format} />
        </>
      )}
      <h2>{t('results.documents.title')}</h2>
      <ul>
        {r.pvs.map((pv) => (
          <li key={`${pv.mode}/${pv.category}`}>
            <a href={`${pvBase}/${pv.mode}/${pv.category}/pdf`}>
              {fill(t('results.pv'), {
                mode: t(`results.mode.${pv.mode}`),
                category: t(`results.category.${pv.category}`),
              })}
            </a>
          </li>
        ))}
        <li>
          {r.recordAvailable ? (
            <a href={`/api/counting/public/${encodeURIComponent(electionId)}/record`}>{t('results.record')}</a>
          ) : (
            t('results.record.pending')
          )}
        </li>
      </ul>
      <h2>{t('results.open-data.title')}</h2>
      <p>{t('results.open-data.text')}</p>
      <code className="results-command">{r.command}</code>
      <ul>
        <li>
          <a href={`${base}/open-data/json`} download>
            {t('results.open-data.json')}
          </a>
        </li>
        <li>
          <a href={`${base}/open-data/csv`} download>
            {t('results.open-data.csv')}
          </a>
        </li>
      </ul>
    </>
  );
}
