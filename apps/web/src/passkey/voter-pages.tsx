// The voter's passkey screens (issue #18): activation with the code from the consular post, login
// with the passkey alone (SimpleWebAuthn's browser half: WebAuthn, user verification required), and
// the page that says plainly what a voter without CSAM can do.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import type { Labels } from '../api.ts';
import { send } from '../auth/api.ts';
import { useApi } from '../auth/use-api.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

type Options = Parameters<typeof startRegistration>[0]['optionsJSON'];
type RequestOptions = Parameters<typeof startAuthentication>[0]['optionsJSON'];

/** A refusal: a server code in words, or a message of this catalog (the device said no). */
type Problem = { readonly code: string } | { readonly key: MessageKey } | null;

function ProblemText({ problem }: { readonly problem: Problem }): ReactNode {
  const { t } = useI18n();
  if (problem === null) return null;
  const code = 'code' in problem ? problem.code : undefined;
  return (
    <div role="alert" className="notice error" data-code={code ?? 'device'}>
      <p>{'code' in problem ? t(errorMessageKey(problem.code)) : t(problem.key)}</p>
      <p>
        <Link to="/passkey/without-csam">{t('pk.without.link')}</Link>
      </p>
    </div>
  );
}

export function ActivatePage(): ReactNode {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const options = await send<Options>('POST', '/api/passkey/activation/options', { code });
      if (!options.ok) {
        setProblem({ code: options.code });
        return;
      }
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.value });
      } catch {
        setProblem({ key: 'pk.activate.cancelled' });
        return;
      }
      const verified = await send<{ activated: true }>('POST', '/api/passkey/activation/verify', { response });
      if (verified.ok) setDone(true);
      else setProblem({ code: verified.code });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('pk.activate.title')}</h1>
      <p className="lead">{t('pk.activate.intro')}</p>
      {done ? (
        <div role="status" className="notice" data-activated="true">
          <p>{t('pk.activate.done')}</p>
          <p className="actions">
            <Link to="/passkey/login" className="button primary">
              {t('pk.login.button')}
            </Link>
          </p>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="prep-form">
          <label htmlFor="activation-code">{t('pk.activate.code')}</label>
          <input
            id="activation-code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
            }}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
          <button type="submit" className="primary" disabled={busy}>
            {t('pk.activate.button')}
          </button>
        </form>
      )}
      <ProblemText problem={problem} />
    </>
  );
}

export function PasskeyLoginPage(): ReactNode {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const login = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const options = await send<RequestOptions>('POST', '/api/passkey/login/options');
      if (!options.ok) {
        setProblem({ code: options.code });
        return;
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.value });
      } catch {
        // No passkey of this site on the device (or the voter cancelled): what they can do instead.
        window.location.assign('/passkey/without-csam?code=none');
        return;
      }
      const verified = await send<{ next: string }>('POST', '/api/passkey/login/verify', { response });
      if (verified.ok) window.location.assign(verified.value.next);
      else if (verified.code === 'passkey.csam-only' || verified.code === 'passkey.unknown')
        window.location.assign(`/passkey/without-csam?code=${verified.code}`);
      else setProblem({ code: verified.code });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('pk.login.title')}</h1>
      <p className="lead">{t('pk.login.intro')}</p>
      <p className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void login()}>
          {t('pk.login.button')}
        </button>
        <Link to="/passkey/activate" className="button">
          {t('pk.activate.link')}
        </Link>
      </p>
      <ProblemText problem={problem} />
    </>
  );
}

interface Rules {
  readonly day: {
    readonly id: string;
    readonly label: Labels;
    readonly votingDate: string;
    readonly registrationDeadline: string;
    readonly periods: Record<Mode, { readonly opens: string; readonly closes: string }>;
    readonly authentication: Record<Mode, 'csam' | 'csam-or-passkey'>;
  } | null;
}

type Mode = 'hybrid' | 'online' | 'kiosk';
const MODES: readonly Mode[] = ['hybrid', 'online', 'kiosk'];

/** Plainly: which modes need CSAM, what to do instead, by when. */
export function WithoutCsamPage(): ReactNode {
  const { t, language } = useI18n();
  const rules = useApi<Rules>('/api/passkey/rules');
  const code = new URLSearchParams(window.location.search).get('code');
  const day = rules.state === 'done' ? rules.value.day : null;
  return (
    <>
      <h1>{t('pk.without.title')}</h1>
      {code !== null && (
        <p role="alert" className="notice error" data-code={code}>
          {code === 'none' ? t('pk.login.none') : t(errorMessageKey(code))}
        </p>
      )}
      <p className="lead">{t('pk.without.intro')}</p>
      {rules.state === 'done' && day === null && <p>{t('pk.none')}</p>}
      {day !== null && (
        <>
          <h2>{day.label[language]}</h2>
          <ul className="modes">
            {MODES.map((mode) => (
              <li key={mode} className="mode" data-mode={mode} data-rule={day.authentication[mode]}>
                <h3>{t(`pk.mode.${mode}`)}</h3>
                <p>
                  <strong>{t(day.authentication[mode] === 'csam' ? 'pk.rule.csam' : 'pk.rule.passkey')}</strong>
                </p>
                <p>
                  {t('pk.period')} <time dateTime={day.periods[mode].opens}>{day.periods[mode].opens}</time> –{' '}
                  <time dateTime={day.periods[mode].closes}>{day.periods[mode].closes}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('pk.instead.title')}</h2>
      <ul>
        <li>{t('pk.instead.csam')}</li>
        <li>{t('pk.instead.post')}</li>
        <li>{t('pk.instead.modes')}</li>
        <li>{t('pk.instead.resident')}</li>
      </ul>
      {day !== null && (
        <dl>
          <dt>{t('pk.deadline')}</dt>
          <dd>
            <time dateTime={day.registrationDeadline}>{day.registrationDeadline}</time>
          </dd>
          <dt>{t('pk.voting-date')}</dt>
          <dd>
            <time dateTime={day.votingDate}>{day.votingDate}</time>
          </dd>
        </dl>
      )}
      <p className="actions">
        <Link to="/passkey/login" className="button">
          {t('pk.login.link')}
        </Link>
        <a className="button" href="/api/auth/login?as=voter">
          {t('auth.login.voter')}
        </a>
      </p>
    </>
  );
}
