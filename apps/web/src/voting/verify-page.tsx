// Verification of an audited ballot: decrypts it with its revealed randomness and shows the choice.
// Works on any device: paste the audit data, or arrive from the booth with it prefilled. The ballot
// is opened under the election key published on the bulletin board (its opening head), never under
// the key inside the audit data (what the booth was served): a booth given another key is caught.
import { useEffect, useState, type ReactNode } from 'react';
import { formatFingerprint, type DecodedBallot } from '@isoloir/crypto';
import { getJson } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { handoverOf, openHandover } from './audit-handover.ts';
import type { PublishedKey } from './board-anchor.tsx';
import { AUDIT_STORAGE_KEY, fingerprintOf, openAudited, type AuditData } from './device-crypto.ts';

type Outcome =
  | { readonly kind: 'opened'; readonly lines: string[]; readonly fingerprint: string }
  | { readonly kind: 'key-differs'; readonly served: string; readonly fingerprint: string }
  | { readonly kind: 'no-key' }
  | { readonly kind: 'fail'; readonly fingerprint: string | null };

/** The key published on the board for this election, only if its fingerprint is the opening head's. */
async function publishedKey(electionId: string): Promise<PublishedKey | undefined> {
  if (!/^[a-z0-9-]{1,64}$/.test(electionId)) return undefined;
  const result = await getJson<PublishedKey>(`/api/voting/board/${electionId}/key`);
  if (!result.ok || result.value.opening === null) return undefined;
  const key = result.value;
  return fingerprintOf(key.group, key.publicKey) === key.opening?.keyFingerprint ? key : undefined;
}

export async function checkAudit(
  data: AuditData,
  describeBallot: (decoded: DecodedBallot) => string[],
): Promise<Outcome> {
  const key = await publishedKey(data.electionId);
  if (key === undefined) return { kind: 'no-key' };
  const fingerprint = key.fingerprint;
  const served = fingerprintOf(data.group, data.publicKey);
  if (served !== fingerprint) return { kind: 'key-differs', served, fingerprint };
  const decoded = openAudited(data, key.publicKey);
  return decoded === undefined
    ? { kind: 'fail', fingerprint }
    : { kind: 'opened', lines: describeBallot(decoded), fingerprint };
}

function saved(): string {
  try {
    return window.sessionStorage.getItem(AUDIT_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function describe(
  decoded: DecodedBallot,
  data: AuditData,
  t: (k: 'booth.review.blank' | 'booth.list' | 'booth.head-box' | 'booth.effectives' | 'booth.substitutes') => string,
): string[] {
  if (decoded.kind === 'blank') return [t('booth.review.blank')];
  if (decoded.kind === 'invalid') return [decoded.reason];
  const list = data.lists.find((l) => l.number === decoded.list);
  return [
    `${t('booth.list')} ${String(decoded.list)} — ${list?.label ?? ''}`,
    ...(decoded.headBox ? [t('booth.head-box')] : []),
    ...decoded.effectives.map(
      (p) => `${t('booth.effectives')}: ${String(p)}. ${list?.effectives.find((c) => c.position === p)?.name ?? ''}`,
    ),
    ...decoded.substitutes.map(
      (p) => `${t('booth.substitutes')}: ${String(p)}. ${list?.substitutes.find((c) => c.position === p)?.name ?? ''}`,
    ),
  ];
}

/**
 * Opens an audited ballot with its revealed randomness: on this page (any device: paste the audit
 * data) and inside the booth, where the voter's choice stays and a fresh encryption of it is sealed.
 */
export function AuditCheck({
  initial,
  primary = false,
  autoRun = false,
}: {
  readonly initial: string;
  readonly primary?: boolean;
  /** Check at once (the data came from a handover link, not typed). */
  readonly autoRun?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (): Promise<void> => {
    let data: AuditData;
    try {
      data = JSON.parse(text) as AuditData;
    } catch {
      setOutcome({ kind: 'fail', fingerprint: null });
      return;
    }
    setOutcome(
      await checkAudit(data, (decoded) => describe(decoded, data, t)).catch((): Outcome => ({
        kind: 'fail',
        fingerprint: null,
      })),
    );
  };
  useEffect(() => {
    if (autoRun) void run();
  }, []);
  const used =
    outcome !== null && (outcome.kind === 'opened' || outcome.kind === 'fail') && outcome.fingerprint !== null ? (
      <p data-key-used={outcome.fingerprint}>
        {t('board.verify.key-used')} <code className="fingerprint">{formatFingerprint(outcome.fingerprint)}</code>.
      </p>
    ) : null;
  return (
    <>
      <label htmlFor="audit-data">{t('verify.input')}</label>
      <textarea
        id="audit-data"
        rows={8}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <p>
        <button
          type="button"
          className={primary ? 'primary' : undefined}
          onClick={() => {
            void run();
          }}
        >
          {t('verify.run')}
        </button>
      </p>
      <div role="status" aria-live="polite" data-outcome={outcome?.kind ?? ''}>
        {outcome?.kind === 'no-key' && <p className="problem">{t('board.verify.key-unavailable')}</p>}
        {outcome?.kind === 'key-differs' && (
          <p className="problem">
            {t('board.verify.key-differs').replace('{fingerprint}', formatFingerprint(outcome.served))}
          </p>
        )}
        {outcome?.kind === 'fail' && <p className="problem">{t('verify.fail')}</p>}
        {outcome?.kind === 'opened' && (
          <>
            <p>{t('verify.ok')}</p>
            <ul data-decrypted>
              {outcome.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        {used}
      </div>
    </>
  );
}

/**
 * The audit page. Opened from a booth's QR code (`?handover=ID#KEY`), it fetches the encrypted audit
 * data, decrypts it with the key of the link's fragment (never sent to the server) and checks it at once.
 */
export function VerifyPage(): ReactNode {
  const { t } = useI18n();
  const [handover] = useState(() => handoverOf(window.location.search, window.location.hash));
  const [fetched, setFetched] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (handover === undefined) return;
    const controller = new AbortController();
    void (async () => {
      const stored = await getJson<{ blob: string }>(`/api/voting/audit-handovers/${handover.id}`, controller.signal);
      const text = stored.ok ? await openHandover(stored.value.blob, handover.key) : undefined;
      if (!controller.signal.aborted) setFetched(text ?? null);
    })();
    return () => {
      controller.abort();
    };
  }, [handover]);
  return (
    <>
      <h1>{t('verify.title')}</h1>
      {handover === undefined ? (
        <AuditCheck initial={saved()} primary />
      ) : fetched === undefined ? (
        <p role="status">{t('verify.handover-loading')}</p>
      ) : fetched === null ? (
        <p className="problem" role="alert">
          {t('verify.handover-failed')}
        </p>
      ) : (
        <AuditCheck initial={fetched} primary autoRun />
      )}
    </>
  );
}
