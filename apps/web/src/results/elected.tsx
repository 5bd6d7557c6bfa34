// The elected effectives of each list with seats, in the order of their election (CE art. 172), and
// its substitutes in the order in which they would take a seat (art. 173).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ConstituencyResults, ResultCandidate, ResultList } from './api.ts';

type Allocation = Exclude<ConstituencyResults['allocation'], { readonly none: string }>;

export function ElectedSection({
  allocation,
  format,
}: {
  readonly allocation: Allocation;
  readonly format: (n: number) => string;
}): ReactNode {
  const { t } = useI18n();
  const withSeats = allocation.lists.filter((l) => l.seats > 0);
  return (
    <>
      <h2>{t('results.elected.title')}</h2>
      {withSeats.length === 0 && <p>{t('results.no-seat')}</p>}
      {withSeats.map((l) => (
        <div key={l.number} data-elected-list={l.number}>
          <h3 id={`elected-${String(l.number)}`}>
            {String(l.number)}. {l.name} — {t('results.seats')}: {format(l.seats)}
          </h3>
          {l.eligibilityFigure !== null && (
            <p>
              {t('results.eligibility')}: {format(l.eligibilityFigure)}
            </p>
          )}
          <Candidates list={l} kind="elected" people={l.elected} format={format} />
          <Candidates list={l} kind="substitutes" people={l.substitutes} format={format} />
        </div>
      ))}
    </>
  );
}

function Candidates({
  list,
  kind,
  people,
  format,
}: {
  readonly list: ResultList;
  readonly kind: 'elected' | 'substitutes';
  readonly people: readonly ResultCandidate[];
  readonly format: (n: number) => string;
}): ReactNode {
  const { t } = useI18n();
  const id = `${kind}-${String(list.number)}`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`elected-${String(list.number)} ${id}`}>
      <table className="count-table" data-testid={id}>
        <caption id={id}>{t(kind === 'elected' ? 'results.elected' : 'results.substitutes')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('results.order')}
            </th>
            <th scope="col">{t('results.candidate')}</th>
            <th scope="col" className="num">
              {t('results.place')}
            </th>
            <th scope="col" className="num">
              {t('results.preference')}
            </th>
            <th scope="col" className="num">
              {t('results.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((c) => (
            <tr key={c.position}>
              <td className="num">{c.order === null ? '' : format(c.order)}</td>
              <th scope="row">{c.name}</th>
              <td className="num">{format(c.position)}</td>
              <td className="num">{format(c.votes)}</td>
              <td className="num">{c.total === null ? '' : format(c.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
