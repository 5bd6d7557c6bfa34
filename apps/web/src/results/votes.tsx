// Votes per list with the threshold line (CE art. 165bis), then seats per list (art. 167): a chart
// and the same numbers as a table.
import { useMemo, type ReactNode } from 'react';
import { fill, useI18n } from '../i18n/i18n.tsx';
import { localeOf } from '../i18n/languages.ts';
import type { ConstituencyResults, ResultList } from './api.ts';
import { BarChart } from './bar-chart.tsx';

type Allocation = Exclude<ConstituencyResults['allocation'], { readonly none: string }>;

export function VotesSection({
  results,
  allocation,
  format,
}: {
  readonly results: ConstituencyResults;
  readonly allocation: Allocation;
  readonly format: (n: number) => string;
}): ReactNode {
  const { t, language } = useI18n();
  const { rules } = results;
  const percent = useMemo(
    () => new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }),
    [language],
  );
  const label = (l: ResultList): string => `${String(l.number)}. ${l.name}`;
  const votes = useMemo(
    () => allocation.lists.map((l) => ({ label: label(l), value: l.votes, muted: !l.reachesThreshold })),
    [allocation],
  );
  const seats = useMemo(
    () => allocation.lists.filter((l) => l.reachesThreshold).map((l) => ({ label: label(l), value: l.seats })),
    [allocation],
  );
  const hasThreshold = rules.thresholdPercent > 0;
  return (
    <>
      <h2 id="votes-title">{t('results.votes.title')}</h2>
      <p data-testid="threshold-line">
        {hasThreshold
          ? fill(t('results.threshold.line'), {
              percent: String(rules.thresholdPercent),
              votes: format(allocation.thresholdVotes),
            })
          : t('results.threshold.none')}
      </p>
      <BarChart
        bars={votes}
        rule={hasThreshold ? allocation.thresholdVotes : undefined}
        name={t('results.chart.votes')}
        format={format}
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="votes-title">
        <table className="count-table" data-testid="votes-table">
          <thead>
            <tr>
              <th scope="col">{t('results.list')}</th>
              <th scope="col" className="num">
                {t('results.votes')}
              </th>
              <th scope="col" className="num">
                {t('results.share')}
              </th>
              <th scope="col">{t('results.threshold')}</th>
              <th scope="col" className="num">
                {t('results.seats')}
              </th>
            </tr>
          </thead>
          <tbody>
            {allocation.lists.map((l) => (
              <tr key={l.number} data-list={l.number}>
                <th scope="row">{label(l)}</th>
                <td className="num">{format(l.votes)}</td>
                <td className="num">{allocation.valid === 0 ? '—' : percent.format(l.votes / allocation.valid)}</td>
                <td>{t(l.reachesThreshold ? 'results.reaches' : 'results.below')}</td>
                <td className="num" data-seats={l.seats}>
                  {format(l.seats)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('results.seats.title')}</h2>
      <p>
        {fill(t('results.seats.rule'), {
          seats: format(rules.seats),
          method: t(`results.method.${rules.method}`),
          devolution: rules.devolution,
        })}
      </p>
      <BarChart bars={seats} name={t('results.chart.seats')} format={format} />
    </>
  );
}
