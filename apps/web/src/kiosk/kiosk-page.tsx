// The kiosk app (`/kiosk`, mode 8): enrolment by the post's operator, then, for each voter, the
// welcome screen, the login through CSAM (eID card, asked again for every voter), the visit (refused
// at once after a kiosk vote), the online booth in its kiosk mode, validate → signed and sent (or kept
// and forwarded: ./kiosk-forward.ts) → confirmation with the tracking codes, and back to the welcome
// screen when the voter leaves or after two minutes idle (./kiosk-reset.ts).
import { trackingCode } from '@isoloir/crypto';
import { useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { getSession, send } from '../auth/api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { BoothPage, type SealedBallots } from '../voting/booth-page.tsx';
import { newKioskKey, signBallots, signedRequest } from './kiosk-crypto.ts';
import { castOrQueue, forwardOnce, type SendOutcome } from './kiosk-forward.ts';
import { resetKiosk, useIdleReset } from './kiosk-reset.ts';
import { readIdentity, saveIdentity, type KioskIdentity } from './kiosk-store.ts';

const FORWARD_EVERY_MS = 5_000;

function useForwardLoop(identity: KioskIdentity | null | undefined): number | null {
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    if (identity === null || identity === undefined) return;
    let live = true;
    const round = (): void => {
      void forwardOnce(identity)
        .then((left) => {
          if (live) setWaiting(left);
        })
        .catch(() => undefined);
    };
    round();
    const timer = setInterval(round, FORWARD_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [identity]);
  return waiting;
}

export function KioskPage(): ReactNode {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<KioskIdentity | null | undefined>(undefined);
  useEffect(() => {
    void readIdentity().then((found) => {
      setIdentity(found ?? null);
    });
  }, []);
  const waiting = useForwardLoop(identity);
  return (
    <div className="kiosk" data-kiosk={identity?.kioskId ?? ''}>
      {identity === undefined && <p role="status">{t('kiosk.loading')}</p>}
      {identity === null && <EnrolScreen onEnrolled={setIdentity} />}
      {identity !== undefined && identity !== null && <KioskTurn identity={identity} />}
      {waiting !== null && waiting > 0 && (
        <p className="kiosk-queue" data-queued={waiting}>
          {t('kiosk.waiting')}: {waiting}
        </p>
      )}
    </div>
  );
}

function EnrolScreen({ onEnrolled }: { readonly onEnrolled: (identity: KioskIdentity) => void }): ReactNode {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const key = await newKioskKey();
    const text = (name: string): string => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const label = text('label');
    const result = await send<{ kioskId: string; post: string; label: string }>('POST', '/api/kiosk/enrol', {
      code: text('code'),
      publicKey: key.publicKey,
      label,
    });
    if (!result.ok) {
      setError(result.code);
      return;
    }
    const identity = { ...result.value, privateKey: key.privateKey };
    await saveIdentity(identity);
    onEnrolled(identity);
  };
  return (
    <section aria-labelledby="kiosk-enrol">
      <h1 id="kiosk-enrol">{t('kiosk.enrol.title')}</h1>
      <p>{t('kiosk.enrol.intro')}</p>
      {error !== null && (
        <p role="alert" data-code={error}>
          {t(errorMessageKey(error))}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="kiosk-code">{t('kiosk.enrol.code')}</label>
        <input id="kiosk-code" name="code" required autoComplete="off" />
        <label htmlFor="kiosk-label">{t('kiosk.enrol.label')}</label>
        <input id="kiosk-label" name="label" required maxLength={80} />
        <button type="submit" className="primary">
          {t('kiosk.enrol.button')}
        </button>
      </form>
    </section>
  );
}

/** One voter's turn, from the welcome screen to the reset. */
function KioskTurn({ identity }: { readonly identity: KioskIdentity }): ReactNode {
  const [voter, setVoter] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void getSession().then((s) => {
      setVoter(s.ok && s.value.authenticated && s.value.kind === 'voter');
    });
  }, []);
  useIdleReset(voter === true);
  if (voter === undefined) return null;
  return voter ? <Visit identity={identity} /> : <Welcome />;
}

function Welcome(): ReactNode {
  const { t } = useI18n();
  const refused = new URLSearchParams(window.location.search).get('refused');
  return (
    <section aria-labelledby="kiosk-welcome" data-kiosk-screen="welcome">
      <h1 id="kiosk-welcome">{t('kiosk.welcome.title')}</h1>
      {refused !== null && (
        <p role="alert" data-code={refused}>
          {t(errorMessageKey(refused))}
        </p>
      )}
      <p>{t('kiosk.welcome.intro')}</p>
      <p>
        <a className="button primary" href="/api/auth/login?as=voter&then=kiosk&prompt=login">
          {t('kiosk.welcome.start')}
        </a>
      </p>
    </section>
  );
}

function LeaveButton(): ReactNode {
  const { t } = useI18n();
  return (
    <button type="button" className="kiosk-leave" onClick={() => void resetKiosk()}>
      {t('kiosk.leave')}
    </button>
  );
}

interface Opened {
  readonly visit: string;
  readonly electionDayId: string;
}

function Visit({ identity }: { readonly identity: KioskIdentity }): ReactNode {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | { readonly code: string } | undefined>(undefined);
  const [done, setDone] = useState<{ outcome: SendOutcome; codes: string[] } | null>(null);
  useEffect(() => {
    void (async () => {
      const request = await signedRequest(identity.privateKey, {
        purpose: 'visit',
        kioskId: identity.kioskId,
        at: new Date().toISOString(),
      });
      const result = await send<Opened>('POST', '/api/kiosk/visits', request);
      setOpened(result.ok ? result.value : { code: result.code });
    })();
  }, [identity]);
  if (opened === undefined) return <p role="status">{t('kiosk.opening')}</p>;
  if ('code' in opened)
    return (
      <section aria-labelledby="kiosk-refused" data-kiosk-screen="refused">
        <h1 id="kiosk-refused">{t('kiosk.title')}</h1>
        <p role="alert" data-code={opened.code}>
          {t(errorMessageKey(opened.code))}
        </p>
        <LeaveButton />
      </section>
    );
  const cast = async (ballots: SealedBallots): Promise<{ ok: false; code: string } | { ok: true }> => {
    const signature = await signBallots(identity.privateKey, { kioskId: identity.kioskId, ...opened }, ballots);
    const entry = {
      id: ballots[0]?.ballotId ?? crypto.randomUUID(),
      body: { kioskId: identity.kioskId, visit: opened.visit, signature, ballots },
      sealedAt: new Date().toISOString(),
    };
    const outcome = await castOrQueue(entry);
    if (outcome.kind === 'refused') return { ok: false, code: outcome.code };
    setDone({ outcome, codes: ballots.map((b) => trackingCode(b)) });
    return { ok: true };
  };
  return (
    <div data-kiosk-screen="booth">
      <BoothPage kiosk={{ cast, done: done === null ? null : <Confirmation {...done} /> }} />
      <LeaveButton />
    </div>
  );
}

function Confirmation({ outcome, codes }: { readonly outcome: SendOutcome; readonly codes: string[] }): ReactNode {
  const { t } = useI18n();
  const queued = outcome.kind === 'queued';
  return (
    <section aria-labelledby="kiosk-done" data-kiosk-screen={queued ? 'queued' : 'sent'}>
      <h2 id="kiosk-done">{t(queued ? 'kiosk.queued.title' : 'kiosk.sent.title')}</h2>
      <p>{t(queued ? 'kiosk.queued.text' : 'kiosk.sent.text')}</p>
      <h3>{t('kiosk.tracking')}</h3>
      <ul>
        {codes.map((c) => (
          <li key={c}>
            <code className="tracking-code" data-tracking={c}>
              {c}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
