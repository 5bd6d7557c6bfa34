// The consular posts' kiosks on the organising authority's dashboard: post, kiosk, last heartbeat,
// sealed ballots waiting on the kiosk (store and forward), revoked or in service.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import type { KioskState } from './api.ts';

export function KiosksTable({ kiosks }: { readonly kiosks: readonly KioskState[] }): ReactNode {
  const { t, language } = useI18n();
  if (kiosks.length === 0) return <p>{t('watch.none')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="kiosks-title">
      <table className="count-table" data-testid="watch-kiosks">
        <thead>
          <tr>
            <th scope="col">{t('watch.kiosks.post')}</th>
            <th scope="col">{t('watch.kiosks.kiosk')}</th>
            <th scope="col">{t('watch.kiosks.seen')}</th>
            <th scope="col" className="num">
              {t('watch.kiosks.queued')}
            </th>
            <th scope="col">{t('watch.kiosks.state')}</th>
          </tr>
        </thead>
        <tbody>
          {kiosks.map((k) => (
            <tr key={`${k.post}/${k.label}/${k.lastSeenAt ?? ''}`} data-kiosk-queued={k.queued}>
              <td>{k.post}</td>
              <th scope="row">{k.label}</th>
              <td>
                {k.lastSeenAt === null
                  ? t('watch.kiosks.never')
                  : new Date(k.lastSeenAt).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })}
              </td>
              <td className="num">{formatNumber(k.queued, language)}</td>
              <td>{k.revoked ? t('watch.kiosks.revoked') : t('watch.kiosks.in-service')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
