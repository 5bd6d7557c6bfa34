// The dashboard's tables: per hour or day × mode × Belgium/abroad, and a count per key.
import type { ReactNode } from 'react';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import type { Cell } from './api.ts';

/** A mode or category in words (an unknown one as "unknown"). */
export function codeLabel(t: I18n['t'], prefix: 'watch.mode' | 'watch.category', code: string): string {
  const key = `${prefix}.${code}`;
  return key === 'watch.mode.online' ||
    key === 'watch.mode.kiosk' ||
    key === 'watch.mode.hybrid' ||
    key === 'watch.category.belgium' ||
    key === 'watch.category.abroad'
    ? t(key)
    : t('watch.category.unknown');
}

export function CellsTable({
  id,
  cells,
  hidden,
  hourly,
}: {
  readonly id: string;
  readonly cells: readonly Cell[];
  readonly hidden: (n: number | null) => string;
  readonly hourly: boolean;
}): ReactNode {
  const { t, language } = useI18n();
  if (cells.length === 0) return <p>{t('watch.none')}</p>;
  const when = (at: string): string =>
    hourly
      ? new Date(at).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })
      : new Date(`${at}T00:00:00`).toLocaleDateString(language);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
      <table className="count-table" data-testid={`watch-${id}`}>
        <thead>
          <tr>
            <th scope="col">{t('watch.when')}</th>
            <th scope="col">{t('watch.mode')}</th>
            <th scope="col">{t('watch.category')}</th>
            <th scope="col" className="num">
              {t('watch.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={`${c.at}/${c.mode}/${c.category}`}>
              <th scope="row">{when(c.at)}</th>
              <td>{codeLabel(t, 'watch.mode', c.mode)}</td>
              <td>{codeLabel(t, 'watch.category', c.category)}</td>
              <td className="num">{hidden(c.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CountsTable({
  id,
  rows,
  hidden,
}: {
  readonly id: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly n: number | null }[];
  readonly hidden: (n: number | null) => string;
}): ReactNode {
  const { t } = useI18n();
  if (rows.length === 0) return <p>{t('watch.none')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
      <table className="count-table" data-testid={`watch-${id}`}>
        <thead>
          <tr>
            <th scope="col">{t('watch.reason')}</th>
            <th scope="col" className="num">
              {t('watch.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{hidden(r.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
