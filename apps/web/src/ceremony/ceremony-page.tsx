// The organising authority's view of the trustees' key ceremony (/counting/ceremony): open it
// (n trustees, threshold t), follow each trustee's steps on the board as they happen, the
// complaints and whether they were answered, close the answering time, and the resulting key with
// the qualified dealers. The server is only the board; the trustees run `isoloir trustee keygen`.
import { useEffect, useState, type ReactNode } from 'react';
import type { ElectionSummary } from '../api.ts';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, fill, useI18n } from '../i18n/i18n.tsx';
import { ConfirmButton } from '../components/confirm-button.tsx';
import { Link } from '../router.tsx';

type Phase = 'registering' | 'dealing' | 'checking' | 'answering' | 'keys' | 'done' | 'failed';
const STEPS = ['dealing', 'checked', 'answer', 'verification-key'] as const;

interface Progress {
  readonly phase: Phase;
  readonly threshold: number;
  readonly trustees: number;
  readonly registered: readonly { trustee: number; official: string; signingKey: string }[];
  readonly posts: readonly { seq: number; trustee: number; kind: string }[];
  readonly complaints: readonly { by: number; against: number; answered: boolean }[];
  readonly awaitingAnswers: readonly number[];
  readonly qualified: readonly number[] | null;
  readonly publicKey: string | null;
}

function OpenForm({
  electionId,
  onDone,
}: {
  readonly electionId: string;
  readonly onDone: (r: { ok: boolean; code?: string }) => void;
}): ReactNode {
  const { t } = useI18n();
  const [n, setN] = useState(3);
  const [k, setK] = useState(2);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send('POST', `/api/counting/process/${electionId}/ceremony`, { trustees: n, threshold: k }).then((r) => {
          onDone(r.ok ? { ok: true } : { ok: false, code: r.code });
        });
      }}
    >
      <p>{t('ceremony.none')}</p>
      <label>
        {t('ceremony.trustees')}{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={n}
          onChange={(e) => {
            setN(Number(e.currentTarget.value));
          }}
        />
      </label>{' '}
      <label>
        {t('ceremony.threshold')}{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={k}
          onChange={(e) => {
            setK(Number(e.currentTarget.value));
          }}
        />
      </label>{' '}
      <button type="submit">{t('ceremony.open')}</button>
    </form>
  );
}

function Board({ electionId }: { readonly electionId: string }): ReactNode {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useState<{ ok: boolean; code?: string } | null>(null);
  const load = useApi<Progress>(`/api/counting/process/${electionId}/ceremony`, version);
  // Each trustee's official by name, never by id (the PO may read the list of officials).
  const officials = useApi<{ id: string; givenName: string; surname: string }[]>('/api/admin/officials');
  const officialName = (id: string): string => {
    const o = officials.state === 'done' ? officials.value.find((x) => x.id === id) : undefined;
    return o === undefined ? id : `${o.givenName} ${o.surname}`;
  };
  const running = load.state === 'done' && load.value.phase !== 'done' && load.value.phase !== 'failed';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      setVersion((v) => v + 1);
    }, 3000);
    return () => {
      clearInterval(timer);
    };
  }, [running]);
  const done = (r: { ok: boolean; code?: string }): void => {
    setOutcome(r);
    setVersion((v) => v + 1);
  };
  const said =
    outcome === null ? (
      <p role="status" className="live" />
    ) : outcome.ok ? (
      <p role="status">{t('ceremony.saved')}</p>
    ) : (
      <p role="alert">{t(errorMessageKey(outcome.code ?? 'internal'))}</p>
    );
  if (load.state === 'error' && load.code === 'counting.not-found')
    return (
      <>
        {said}
        <OpenForm electionId={electionId} onDone={done} />
      </>
    );
  if (load.state !== 'done') return <LoadProblem load={load} />;
  const p = load.value;
  const numbers = Array.from({ length: p.trustees }, (_, i) => i + 1);
  return (
    <>
      {said}
      <p data-phase={p.phase}>
        <strong>{t('ceremony.phase')}</strong> {t(`ceremony.phase.${p.phase}`)} —{' '}
        {t('ceremony.params').replace('{t}', String(p.threshold)).replace('{n}', String(p.trustees))}
      </p>
      <table className="count-table">
        <caption>{t('ceremony.board')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ceremony.trustee')}</th>
            <th scope="col">{t('ceremony.official')}</th>
            {STEPS.map((s) => (
              <th key={s} scope="col">
                {t(`ceremony.step.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {numbers.map((j) => {
            const reg = p.registered.find((r) => r.trustee === j);
            return (
              <tr key={j} data-trustee={j}>
                <th scope="row">{j}</th>
                <td>{reg === undefined ? t('ceremony.not-registered') : officialName(reg.official)}</td>
                {STEPS.map((s) => (
                  <td key={s}>{p.posts.some((x) => x.trustee === j && x.kind === s) ? t('ceremony.posted') : '—'}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('ceremony.complaints')}</h2>
      {p.complaints.length === 0 ? (
        <p>{t('ceremony.complaints.none')}</p>
      ) : (
        <ul>
          {p.complaints.map((c) => (
            <li key={`${String(c.by)}-${String(c.against)}`}>
              {t('ceremony.complaint').replace('{by}', String(c.by)).replace('{against}', String(c.against))}{' '}
              {c.answered ? t('ceremony.answered') : t('ceremony.unanswered')}
            </li>
          ))}
        </ul>
      )}
      {p.phase === 'answering' && (
        <div className="actions">
          <ConfirmButton
            label={t('ceremony.close-answers')}
            title={t('confirm.answers.title')}
            confirmLabel={t('confirm.answers.yes')}
            onConfirm={() => {
              void send('POST', `/api/counting/process/${electionId}/ceremony/close-answers`).then((r) => {
                done(r.ok ? { ok: true } : { ok: false, code: r.code });
              });
            }}
          >
            <p>
              {fill(t('confirm.answers.text'), {
                trustees: p.awaitingAnswers.length === 0 ? '—' : p.awaitingAnswers.join(', '),
              })}
            </p>
          </ConfirmButton>
        </div>
      )}
      {p.qualified !== null && (
        <p>
          <strong>{t('ceremony.qualified')}</strong> {p.qualified.join(', ')}
        </p>
      )}
      {p.publicKey !== null && (
        <p>
          <strong>{t('ceremony.key')}</strong> <code data-key>{p.publicKey}</code>
        </p>
      )}
      <p>
        <button
          type="button"
          onClick={() => {
            setVersion((v) => v + 1);
          }}
        >
          {t('ceremony.refresh')}
        </button>
      </p>
    </>
  );
}

export function CeremonyPage(): ReactNode {
  const { t, language } = useI18n();
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const [electionId, setElectionId] = useState<string | null>(null);
  if (elections.state !== 'done') return <LoadProblem load={elections} />;
  const election = electionId ?? elections.value[0]?.id ?? '';
  return (
    <>
      <h1>{t('ceremony.title')}</h1>
      <p>
        <Link to="/official">{t('official.back')}</Link>
      </p>
      <p>{t('ceremony.intro')}</p>
      <p>
        <label>
          {t('count.election')}{' '}
          <select
            value={election}
            onChange={(e) => {
              setElectionId(e.currentTarget.value);
            }}
          >
            {elections.value.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label[language]}
              </option>
            ))}
          </select>
        </label>
      </p>
      <Board key={election} electionId={election} />
    </>
  );
}
