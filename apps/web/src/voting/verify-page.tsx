// Verification of an audited ballot: decrypts it with its revealed randomness and shows the choice.
// Works on any device: paste the audit data, or arrive from the booth with it prefilled.
import { useState, type ReactNode } from 'react';
import type { DecodedBallot } from '@isoloir/crypto';
import { useI18n } from '../i18n/i18n.tsx';
import { AUDIT_STORAGE_KEY } from './booth-page.tsx';
import { openAudited, type AuditData } from './device-crypto.ts';

function saved(): string {
  try { return window.sessionStorage.getItem(AUDIT_STORAGE_KEY) ?? ''; } catch { return ''; }
}

function describe(decoded: DecodedBallot, data: AuditData, t: (k: 'booth.review.blank' | 'booth.list' | 'booth.head-box' | 'booth.effectives' | 'booth.substitutes') => string): string[] {
  if (decoded.kind === 'blank') return [t('booth.review.blank')];
  if (decoded.kind === 'invalid') return [decoded.reason];
  const list = data.lists.find((l) => l.number === decoded.list);
  return [
    `${t('booth.list')} ${String(decoded.list)} — ${list?.label ?? ''}`,
    ...(decoded.headBox ? [t('booth.head-box')] : []),
    ...decoded.effectives.map((p) => `${t('booth.effectives')}: ${String(p)}. ${list?.effectives.find((c) => c.position === p)?.name ?? ''}`),
    ...decoded.substitutes.map((p) => `${t('booth.substitutes')}: ${String(p)}. ${list?.substitutes.find((c) => c.position === p)?.name ?? ''}`),
  ];
}

export function VerifyPage(): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState(saved);
  const [outcome, setOutcome] = useState<string[] | 'fail' | null>(null);
  const run = (): void => {
    try {
      const data = JSON.parse(text) as AuditData;
      const decoded = openAudited(data);
      setOutcome(decoded === undefined ? 'fail' : describe(decoded, data, t));
    } catch {
      setOutcome('fail');
    }
  };
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <label htmlFor="audit-data">{t('verify.input')}</label>
      <textarea id="audit-data" rows={8} value={text} onChange={(e) => { setText(e.target.value); }} />
      <p><button type="button" className="primary" onClick={run}>{t('verify.run')}</button></p>
      <div role="status" aria-live="polite">
        {outcome === 'fail' && <p className="problem">{t('verify.fail')}</p>}
        {Array.isArray(outcome) && <><p>{t('verify.ok')}</p><ul data-decrypted>{outcome.map((line) => <li key={line}>{line}</li>)}</ul></>}
      </div>
    </>
  );
}
