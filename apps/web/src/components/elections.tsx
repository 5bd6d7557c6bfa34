// The elections of the platform, each with its constituencies.
import { useEffect, useState, type ReactNode } from 'react';
import { getJson, type ElectionDetail, type ElectionSummary } from '../api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { localeOf } from '../i18n/languages.ts';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly code: string }
  | { readonly state: 'done'; readonly elections: readonly ElectionDetail[] };

async function loadElections(signal: AbortSignal): Promise<Loaded> {
  const list = await getJson<ElectionSummary[]>('/api/elections', signal);
  if (!list.ok) return { state: 'error', code: list.code };
  const details = await Promise.all(
    list.value.map((election) => getJson<ElectionDetail>(`/api/elections/${encodeURIComponent(election.id)}`, signal)),
  );
  const elections: ElectionDetail[] = [];
  for (const detail of details) {
    if (!detail.ok) return { state: 'error', code: detail.code };
    elections.push(detail.value);
  }
  return { state: 'done', elections };
}

function ElectionTable({ election }: { readonly election: ElectionDetail }): ReactNode {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(localeOf(language));
  return (
    <section className="election" aria-labelledby={`election-${election.id}`}>
      <h3 id={`election-${election.id}`}>{election.label[language]}</h3>
      <dl className="facts">
        <div>
          <dt>{t('election.date')}</dt>
          <dd>
            <time dateTime={election.votingDate}>
              {new Date(`${election.votingDate}T12:00:00Z`).toLocaleDateString(localeOf(language), {
                dateStyle: 'long',
                timeZone: 'Europe/Brussels',
              })}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('election.seats')}</dt>
          <dd>{number.format(election.seats)}</dd>
        </div>
        <div>
          <dt>{t('election.voters')}</dt>
          <dd>{number.format(election.voters)}</dd>
        </div>
      </dl>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`caption-${election.id}`}>
        <table>
          <caption id={`caption-${election.id}`}>{t('election.constituencies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('constituency.name')}</th>
              <th scope="col" className="num">
                {t('constituency.seats')}
              </th>
              <th scope="col" className="num">
                {t('constituency.lists')}
              </th>
              <th scope="col" className="num">
                {t('constituency.candidates')}
              </th>
              <th scope="col">{t('constituency.languages')}</th>
            </tr>
          </thead>
          <tbody>
            {election.constituencies.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.label[language]}</th>
                <td className="num">{number.format(c.seats)}</td>
                <td className="num">{number.format(c.lists)}</td>
                <td className="num">{number.format(c.candidates)}</td>
                <td>{c.languages.map((l) => l.toUpperCase()).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Elections(): ReactNode {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    loadElections(controller.signal).then(setLoaded, () => undefined);
    return () => {
      controller.abort();
    };
  }, []);
  if (loaded.state === 'loading') return <p role="status">{t('home.loading')}</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" className="error">
        {t(errorMessageKey(loaded.code))}
      </p>
    );
  if (loaded.elections.length === 0) return <p>{t('home.none')}</p>;
  return (
    <>
      {loaded.elections.map((election) => (
        <ElectionTable key={election.id} election={election} />
      ))}
    </>
  );
}
