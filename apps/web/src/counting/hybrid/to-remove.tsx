// The hybrid envelopes a polling-station list cancels (issue #16): their voters voted at a polling
// station, which is the vote kept; Team A takes each inner envelope out of its box, by box and order
// number, before Team B opens the box.
import type { ReactNode } from 'react';
import type { ElectionDetail, ElectionSummary } from '../../api.ts';
import { useApi } from '../../auth/use-api.ts';
import { fill, useI18n } from '../../i18n/i18n.tsx';

export interface EnvelopeToRemove {
  readonly office: string;
  readonly box: 'belgium' | 'abroad';
  readonly boxOrder: number;
}

export function EnvelopesToRemove({
  envelopes,
  alert = false,
}: {
  readonly envelopes: readonly EnvelopeToRemove[];
  /** Announced at once (right after a list's import); not on a screen reloaded after each envelope. */
  readonly alert?: boolean;
}): ReactNode {
  const { t, language } = useI18n();
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const first = elections.state === 'done' ? (elections.value[0]?.id ?? '') : '';
  const detail = useApi<ElectionDetail>(`/api/elections/${encodeURIComponent(first)}`);
  const nameOf = (code: string): string =>
    (detail.state === 'done' ? detail.value.constituencies.find((c) => c.code === code)?.label[language] : undefined) ??
    code;
  if (envelopes.length === 0) return null;
  return (
    <div className="to-remove" role={alert ? 'alert' : undefined}>
      <p>
        <strong>{t('hc.remove.title')}</strong>
      </p>
      <ul>
        {envelopes.map((e) => (
          <li key={`${e.office}/${e.box}/${String(e.boxOrder)}`} data-remove={`${e.box}/${String(e.boxOrder)}`}>
            {fill(t('hc.remove.item'), {
              box: `${nameOf(e.office)} · ${t(`count.category.${e.box}`)}`,
              order: String(e.boxOrder),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
