// Team A's reception of hybrid envelopes (mode 6, issue #16), identities only, never a vote. One
// field takes the K-code of each outer envelope — a barcode scanner types it and ends with Enter, or
// the clerk types it — and the screen says at once, in large type, what to do with the envelope:
// accept (the inner envelope into the box of its category, under an order number) or set aside (the
// reason in words). The field is cleared and keeps the focus for the next envelope; the decision is
// announced to screen readers; the session's last decisions stay listed below. A typing error is
// caught on the device by the K-code's check character before anything is sent.
import { useRef, useState, type ReactNode } from 'react';
import { formatKcode, parseKcode } from '@isoloir/electoral';
import type { ElectionDetail } from '../../api.ts';
import { send } from '../../auth/api.ts';
import { LoadProblem } from '../../auth/me-page.tsx';
import { useApi } from '../../auth/use-api.ts';
import { codeMessageKey, errorMessageKey, fill, useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/languages.ts';
import { Link } from '../../router.tsx';
import { localTime } from '../../voting/format.ts';
import { PlaceChooser, type Place } from '../place.tsx';
import { ReceptionSummary } from './reception-summary.tsx';

export interface Decision {
  readonly envelope: string;
  readonly code: string;
  readonly receivedAt: string;
  readonly outcome: 'accepted' | 'set-aside';
  readonly box: 'belgium' | 'abroad' | null;
  readonly boxOrder: number | null;
  readonly reason: string | null;
  readonly voterName: string | null;
}

type Shown = Decision | { readonly outcome: 'unreadable' | 'error'; readonly code: string; readonly error: string };

const SESSION_LIST = 25;

/** What to do with the envelope, in words: the line shown in large type and announced. */
function useSay(place: Place): (d: Shown) => { readonly head: string; readonly detail: string } {
  const { t } = useI18n();
  return (d) => {
    if (!('envelope' in d))
      return {
        head: t('hc.reception.again'),
        detail: t(d.outcome === 'unreadable' ? 'hc.reception.unreadable' : errorMessageKey(d.error)),
      };
    if (d.outcome === 'set-aside')
      return {
        head: t('hc.set-aside'),
        detail: t(codeMessageKey('set-aside', d.reason ?? '', 'hc.set-aside.other')),
      };
    const box = `${place.constituencyLabel} · ${t(d.box === 'abroad' ? 'count.category.abroad' : 'count.category.belgium')}`;
    return {
      head: t('hc.accept'),
      detail: fill(t('hc.accept.into'), { box, order: String(d.boxOrder ?? '') }),
    };
  };
}

function Reception({ place, dayId }: { readonly place: Place; readonly dayId: string }): ReactNode {
  const { t, language } = useI18n();
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [session, setSession] = useState<readonly Decision[]>([]);
  const field = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const say = useSay(place);
  const url = `/api/counting/identities/${encodeURIComponent(dayId)}/constituencies/${place.constituency}/hybrid-envelopes`;
  const receive = async (typed: string): Promise<void> => {
    const parsed = parseKcode(typed);
    if (!parsed.ok) {
      setShown({ outcome: 'unreadable', code: typed, error: parsed.error });
      return;
    }
    const r = await send<Omit<Decision, 'code'>>('POST', url, { code: parsed.value });
    if (!r.ok) {
      setShown({ outcome: 'error', code: typed, error: r.code });
      return;
    }
    const decision = { ...r.value, code: formatKcode(parsed.value) };
    setShown(decision);
    setSession((s) => [decision, ...s].slice(0, SESSION_LIST));
  };
  const view = shown === null ? null : say(shown);
  return (
    <>
      <form
        className="reception-scan"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = code.trim();
          setCode('');
          field.current?.focus();
          if (typed === '') return;
          // One envelope after the other, in the order scanned, however fast the scanner types.
          queue.current = queue.current.then(() => receive(typed));
        }}
      >
        <label htmlFor="kcode-scan">{t('hc.reception.code')}</label>
        <input
          id="kcode-scan"
          ref={field}
          value={code}
          // The scanner's field: the focus is here when the page opens and after each envelope.
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-describedby="kcode-scan-help"
          onChange={(e) => {
            setCode(e.target.value);
          }}
        />
        <p id="kcode-scan-help">{t('hc.reception.help')}</p>
      </form>
      <div
        className="reception-decision"
        data-outcome={shown?.outcome ?? 'none'}
        data-reason={shown !== null && 'reason' in shown ? (shown.reason ?? '') : ''}
        aria-live="assertive"
        aria-atomic="true"
      >
        {view === null ? (
          <p>{t('hc.reception.ready')}</p>
        ) : (
          <>
            <p className="reception-head">{view.head}</p>
            <p className="reception-detail">{view.detail}</p>
            {shown !== null && 'voterName' in shown && shown.voterName !== null && (
              <p>
                {t('hc.reception.voter')}: {shown.voterName}
              </p>
            )}
          </>
        )}
      </div>
      <section aria-labelledby="reception-session">
        <h2 id="reception-session">{t('hc.reception.session')}</h2>
        {session.length === 0 ? (
          <p>{t('hc.reception.none')}</p>
        ) : (
          <ol className="reception-list" reversed>
            {session.map((d) => (
              <li key={d.envelope} data-envelope={d.envelope} data-outcome={d.outcome}>
                <code>{d.code}</code> — {localTime(d.receivedAt, language)} — <strong>{say(d).head}</strong>:{' '}
                {say(d).detail}
              </li>
            ))}
          </ol>
        )}
        <p>
          {t('hc.reception.count')}: {formatNumber(session.length, language)}
        </p>
      </section>
      <ReceptionSummary url={url} version={session.length} place={place} />
    </>
  );
}

function ReceptionFor({ place }: { readonly place: Place }): ReactNode {
  const detail = useApi<ElectionDetail & { readonly electionDayId: string }>(
    `/api/elections/${encodeURIComponent(place.electionId)}`,
  );
  if (detail.state !== 'done') return <LoadProblem load={detail} />;
  return <Reception place={place} dayId={detail.value.electionDayId} />;
}

export function HybridReceptionPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('hc.reception.title')}</h1>
      <p>
        <Link to="/counting/team-a">{t('hc.back.team-a')}</Link>
      </p>
      <p>{t('hc.reception.intro')}</p>
      <PlaceChooser role="team-a">
        {(place) => <ReceptionFor key={`${place.electionId}/${place.constituency}`} place={place} />}
      </PlaceChooser>
    </>
  );
}
