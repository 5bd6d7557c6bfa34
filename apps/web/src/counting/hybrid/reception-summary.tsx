// What Team A has received so far in the constituency (all sessions): the inner envelopes in each box
// — the number of ballots Team B must find there — and the envelopes set aside, by reason; and the
// inner envelopes to take out of the boxes because a polling-station list came in after them.
import type { ReactNode } from 'react';
import { LoadProblem } from '../../auth/me-page.tsx';
import { useApi } from '../../auth/use-api.ts';
import { codeMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/languages.ts';
import type { Place } from '../place.tsx';
import { EnvelopesToRemove, type EnvelopeToRemove } from './to-remove.tsx';

interface Summary {
  readonly accepted: { readonly belgium: number; readonly abroad: number };
  readonly setAside: Readonly<Record<string, number>>;
}

export function ReceptionSummary({
  url,
  version,
  place,
}: {
  readonly url: string;
  readonly version: number;
  readonly place: Place;
}): ReactNode {
  const { t, language } = useI18n();
  const load = useApi<Summary>(url, version);
  const remove = useApi<{ envelopes: Omit<EnvelopeToRemove, 'office'>[] }>(`${url}/to-remove`, version);
  return (
    <section aria-labelledby="reception-summary">
      {remove.state === 'done' && (
        <EnvelopesToRemove envelopes={remove.value.envelopes.map((e) => ({ ...e, office: place.constituency }))} />
      )}
      <h2 id="reception-summary">
        {t('hc.reception.summary')} — {place.constituencyLabel}
      </h2>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <dl className="facts">
          {(['belgium', 'abroad'] as const).map((box) => (
            <div key={box}>
              <dt>
                {t('hc.reception.box')} {place.constituencyLabel} · {t(`count.category.${box}`)}
              </dt>
              <dd data-accepted-box={box} data-count={load.value.accepted[box]}>
                {formatNumber(load.value.accepted[box], language)}
              </dd>
            </div>
          ))}
          {Object.entries(load.value.setAside).map(([reason, n]) => (
            <div key={reason}>
              <dt>
                {t('hc.set-aside')}: {t(codeMessageKey('set-aside', reason, 'hc.set-aside.other'))}
              </dt>
              <dd data-set-aside={reason}>{formatNumber(n, language)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
