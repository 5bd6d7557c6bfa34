// The status of a hybrid vote by its K-code, without login (`/hybrid/status`). A typing error is
// caught on the device by the code's check character before anything is sent; the server answers
// unknown, issued, voided, received, cancelled (why) or counted, and nothing about who or what.
import { useState, type ReactNode } from 'react';
import { parseKcode } from '@isoloir/electoral';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { lookupKcode, type KcodeView } from './api.ts';
import { KcodeFacts } from './kcode-facts.tsx';
import { PublicKcodeHash } from './public-hash.tsx';

const TYPO: Readonly<Record<string, MessageKey>> = {
  'kcode.length': 'hybrid.status.length',
  'kcode.character': 'hybrid.status.character',
  'kcode.check': 'hybrid.status.check-failed',
};

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'typo'; readonly message: MessageKey }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'done'; readonly view: KcodeView; readonly code: string };

export function HybridStatusPage(): ReactNode {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const submit = (): void => {
    const parsed = parseKcode(code);
    if (!parsed.ok) {
      setState({ kind: 'typo', message: TYPO[parsed.error] ?? 'hybrid.status.check-failed' });
      return;
    }
    setState({ kind: 'checking' });
    void lookupKcode(parsed.value).then((result) => {
      setState(
        result.ok ? { kind: 'done', view: result.value, code: parsed.value } : { kind: 'error', code: result.code },
      );
    });
  };
  return (
    <>
      <h1>{t('hybrid.status.title')}</h1>
      <p>{t('hybrid.status.intro')}</p>
      <form
        className="kcode-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor="kcode">{t('hybrid.status.code')}</label>
        <input
          id="kcode"
          name="kcode"
          value={code}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={40}
          aria-invalid={state.kind === 'typo'}
          aria-describedby={state.kind === 'typo' ? 'kcode-typo' : undefined}
          onChange={(e) => {
            setCode(e.target.value);
          }}
        />
        <button type="submit" className="button primary" disabled={state.kind === 'checking'}>
          {t('hybrid.status.check')}
        </button>
      </form>
      <div aria-live="polite">
        {state.kind === 'checking' && <p>{t('hybrid.status.checking')}</p>}
        {state.kind === 'typo' && (
          <p role="alert" id="kcode-typo" data-typo>
            {t(state.message)}
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" data-code={state.code}>
            {t(errorMessageKey(state.code))}
          </p>
        )}
        {state.kind === 'done' && <KcodeFacts view={state.view} />}
        {state.kind === 'done' &&
          state.view.electionDayId !== null &&
          ['received', 'cancelled', 'counted'].includes(state.view.status) && (
            <PublicKcodeHash electionDayId={state.view.electionDayId} compactCode={state.code} />
          )}
      </div>
    </>
  );
}
