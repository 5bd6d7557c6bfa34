// A K-code's status in words: the headline, then received / cancelled (why) / counted and the time of
// the last update — the same facts on the public status page and on the voter's own page.
import type { ReactNode } from 'react';
import { codeMessageKey, useI18n } from '../i18n/i18n.tsx';
import { localTime } from '../voting/format.ts';
import type { KcodeView } from './api.ts';

export function KcodeFacts({ view }: { readonly view: KcodeView }): ReactNode {
  const { t, language } = useI18n();
  const { status } = view;
  const arrived = status === 'received' || status === 'cancelled' || status === 'counted';
  return (
    <div className="kcode-status" data-status={status}>
      <p>
        <strong>{t(`hybrid.status.${status}`)}</strong>
      </p>
      {status !== 'unknown' && status !== 'voided' && (
        <dl className="facts">
          <div>
            <dt>{t('hybrid.fact.received')}</dt>
            <dd data-fact="received">{t(arrived ? 'hybrid.yes' : 'hybrid.not-yet')}</dd>
          </div>
          <div>
            <dt>{t('hybrid.fact.cancelled')}</dt>
            <dd data-fact="cancelled" data-reason={view.reason ?? undefined}>
              {status === 'cancelled'
                ? `${t('hybrid.yes')}: ${t(codeMessageKey('cancel', view.reason ?? '', 'cancel.other'))}`
                : t('hybrid.no')}
            </dd>
          </div>
          <div>
            <dt>{t('hybrid.fact.counted')}</dt>
            <dd data-fact="counted">{t(status === 'counted' ? 'hybrid.yes' : 'hybrid.not-yet')}</dd>
          </div>
        </dl>
      )}
      {view.updatedAt !== null && (
        <p>
          {t('hybrid.fact.updated')}: <time dateTime={view.updatedAt}>{localTime(view.updatedAt, language)}</time>
        </p>
      )}
    </div>
  );
}
