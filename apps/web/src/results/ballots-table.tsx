// The ballots of the constituency per PV (mode × Belgium/abroad) and in total: counted, valid, blank, invalid.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { BallotFigures, ConstituencyResults } from './api.ts';

export function BallotsTable({
  results,
  format,
}: {
  readonly results: ConstituencyResults;
  readonly format: (n: number) => string;
}): ReactNode {
  const { t } = useI18n();
  const cells = (f: BallotFigures): ReactNode => (
    <>
      <td className="num">{format(f.counted)}</td>
      <td className="num">{format(f.valid)}</td>
      <td className="num">{format(f.blank)}</td>
      <td className="num">{format(f.invalid)}</td>
    </>
  );
  return (
    <>
      <h2 id="ballots-title">{t('results.ballots.title')}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ballots-title">
        <table className="count-table" data-testid="ballots-table">
          <thead>
            <tr>
              <th scope="col">{t('results.mode')}</th>
              <th scope="col" className="num">
                {t('results.counted')}
              </th>
              <th scope="col" className="num">
                {t('results.valid')}
              </th>
              <th scope="col" className="num">
                {t('results.blank')}
              </th>
              <th scope="col" className="num">
                {t('results.invalid')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.pvs.map((pv) => (
              <tr key={`${pv.mode}/${pv.category}`}>
                <th scope="row">
                  {t(`results.mode.${pv.mode}`)}, {t(`results.category.${pv.category}`)}
                </th>
                {cells(pv)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="ballots-total">
              <th scope="row">{t('results.all')}</th>
              {cells(results)}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
