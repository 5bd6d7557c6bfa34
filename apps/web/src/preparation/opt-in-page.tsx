// A voter in Belgium chooses a remote mode (6 hybrid, 7 online, 8 kiosk) among those the organising
// authority opened to residents, before the registration deadline.
import { useState, type ReactNode } from 'react';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import type { Me } from '../auth/api.ts';
import { sendJson } from './api.ts';

interface OptIn {
  readonly deadline: string;
  readonly modes: readonly { readonly mode: number; readonly optIn: boolean }[];
  readonly chosen: number | null;
}

function Choice({ dayId }: { readonly dayId: string }): ReactNode {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const load = useApi<OptIn>(`/api/preparation/days/${dayId}/opt-in`, version);
  const [mode, setMode] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; key: MessageKey } | null>(null);
  if (load.state !== 'done') return <LoadProblem load={load} />;
  const choose = async (): Promise<void> => {
    const result = await sendJson<{ mode: number }>('POST', `/api/preparation/days/${dayId}/opt-in`, {
      mode: mode ?? load.value.modes[0]?.mode,
    });
    setMessage(result.ok ? { ok: true, key: 'prep.optIn.done' } : { ok: false, key: errorMessageKey(result.code) });
    setVersion((v) => v + 1);
  };
  return (
    <>
      <p>
        {t('prep.optIn.deadline')}: <time dateTime={load.value.deadline}>{load.value.deadline}</time>
      </p>
      {load.value.chosen !== null && (
        <p>
          {t('prep.optIn.current')}: <strong>{t(`prep.mode.${String(load.value.chosen)}` as MessageKey)}</strong>
        </p>
      )}
      {load.value.modes.length === 0 ? (
        <p>{t('prep.optIn.none')}</p>
      ) : (
        <fieldset>
          <legend>{t('prep.field.mode')}</legend>
          {load.value.modes.map((m) => (
            <div key={m.mode}>
              <input
                type="radio"
                id={`mode-${String(m.mode)}`}
                name="mode"
                value={m.mode}
                checked={(mode ?? load.value.chosen ?? load.value.modes[0]?.mode) === m.mode}
                onChange={() => {
                  setMode(m.mode);
                }}
              />
              <label htmlFor={`mode-${String(m.mode)}`}>{t(`prep.mode.${String(m.mode)}` as MessageKey)}</label>
            </div>
          ))}
          <button
            type="button"
            onClick={() => {
              void choose();
            }}
          >
            {t('prep.optIn.choose')}
          </button>
        </fieldset>
      )}
      {message !== null && <p role={message.ok ? 'status' : 'alert'}>{t(message.key)}</p>}
    </>
  );
}

export function OptInPage(): ReactNode {
  const { t } = useI18n();
  const me = useApi<Me>('/api/me');
  return (
    <>
      <h1>{t('prep.optIn.title')}</h1>
      {me.state !== 'done' ? (
        <LoadProblem load={me} />
      ) : me.value.kind !== 'voter' || me.value.category !== 'belgium' ? (
        <p role="alert">{t('prep.optIn.residentsOnly')}</p>
      ) : (
        <Choice dayId={me.value.electionDay.id} />
      )}
    </>
  );
}
