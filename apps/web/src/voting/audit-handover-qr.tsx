// "Check it on another device": the booth stores the audited ballot encrypted (audit-handover.ts)
// and shows a QR code of the link that carries the key in its fragment; a phone's camera opens it
// at /vote/verify, which fetches, decrypts and checks the ballot there. The QR code is drawn by
// bwip-js (loaded only when asked; error correction M, BWIPP's default), the link also shown as text.
import { useState, type ReactNode } from 'react';
import { send } from '../auth/api.ts';
import { errorMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { handoverLink, sealHandover } from './audit-handover.ts';
import { localTime } from './format.ts';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'ready'; readonly link: string; readonly qr: string; readonly expiresAt: string }
  | { readonly kind: 'failed'; readonly code: string };

async function qrDataUrl(text: string): Promise<string> {
  const { qrcode, drawingSVG } = await import('bwip-js/browser');
  const svg = qrcode({ bcid: 'qrcode', text, scale: 4, paddingwidth: 4, paddingheight: 4 }, drawingSVG());
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function AuditHandover({
  electionId,
  auditText,
}: {
  readonly electionId: string;
  readonly auditText: string;
}): ReactNode {
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const handOver = async (): Promise<void> => {
    setState({ kind: 'busy' });
    const sealed = await sealHandover(auditText);
    const stored = await send<{ id: string; expiresAt: string }>('POST', '/api/voting/audit-handovers', {
      electionId,
      blob: sealed.blob,
    });
    if (!stored.ok) {
      setState({ kind: 'failed', code: stored.code });
      return;
    }
    const link = handoverLink(window.location.origin, stored.value.id, sealed.key);
    setState({ kind: 'ready', link, qr: await qrDataUrl(link), expiresAt: stored.value.expiresAt });
  };
  return (
    <div className="audit-handover">
      {state.kind !== 'ready' && (
        <p>
          <button
            type="button"
            disabled={state.kind === 'busy'}
            onClick={() => {
              void handOver().catch(() => {
                setState({ kind: 'failed', code: 'internal' });
              });
            }}
          >
            {t('booth.audit.handover')}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite">
        {state.kind === 'failed' && <p className="problem">{t(errorMessageKey(state.code))}</p>}
        {state.kind === 'ready' && (
          <>
            <p>{t('booth.audit.handover-scan')}</p>
            <img className="qr" src={state.qr} alt={t('booth.audit.handover-qr')} width={240} height={240} />
            <p>
              {t('booth.audit.handover-link')}{' '}
              <a href={state.link} data-handover-link target="_blank" rel="noreferrer">
                {state.link}
              </a>
            </p>
            <p className="hint">
              {fill(t('booth.audit.handover-expires'), { time: localTime(state.expiresAt, language) })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
