// /results: the elections; /results/ELECTION: its constituencies, a link to each one whose PVs are final.
import type { ReactNode } from 'react';
import type { ElectionSummary } from '../api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { ElectionResultsIndex } from './api.ts';

export function ElectionsPage(): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<ElectionSummary[]>('/api/elections');
  return (
    <>
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro')}</p>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <ul>
          {load.value.map((e) => (
            <li key={e.id}>
              <Link to={`/results/${encodeURIComponent(e.id)}`}>{e.label[language]}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ElectionPage({ electionId }: { readonly electionId: string }): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<ElectionResultsIndex>(`/api/results/${encodeURIComponent(electionId)}`);
  return (
    <>
      <h1>
        {t('results.title')}
        {load.state === 'done' ? ` — ${load.value.label[language]}` : ''}
      </h1>
      <p>
        <Link to="/results">{t('results.elections')}</Link>
      </p>
      <p>{t('results.intro')}</p>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <ul className="results-constituencies">
          {load.value.constituencies.map((c) => (
            <li key={c.code} data-constituency={c.code} data-final={c.final}>
              {c.final ? (
                <Link to={`/results/${encodeURIComponent(electionId)}/${encodeURIComponent(c.code)}`}>
                  {c.label[language]}
                </Link>
              ) : (
                c.label[language]
              )}{' '}
              — {t(c.final ? 'results.final' : 'results.pending')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
