// What the counting screens share: the election and constituency to work on (among the caller's
// scopes in the role; every constituency for the organising authority where the role allows it),
// in words, and the message after an action.
import { useState, type ReactNode } from 'react';
import type { ElectionDetail, ElectionSummary } from '../api.ts';
import type { Me } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';

export interface Place {
  readonly electionId: string;
  readonly constituency: string;
  /** The election and constituency in the reader's language. */
  readonly electionLabel: string;
  readonly constituencyLabel: string;
}

/** Election and constituency (among the caller's scopes in the role) to work on. */
export function PlaceChooser({
  role,
  children,
}: {
  readonly role: 'team-a' | 'team-b' | 'president';
  readonly children: (place: Place) => ReactNode;
}): ReactNode {
  const { t, language } = useI18n();
  const me = useApi<Me>('/api/me');
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const [electionId, setElectionId] = useState<string | null>(null);
  const [constituency, setConstituency] = useState<string | null>(null);
  const chosen = electionId ?? (elections.state === 'done' ? (elections.value[0]?.id ?? '') : '');
  const detail = useApi<ElectionDetail>(`/api/elections/${encodeURIComponent(chosen)}`);
  if (me.state !== 'done') return <LoadProblem load={me} />;
  if (elections.state !== 'done') return <LoadProblem load={elections} />;
  const grants = me.value.kind === 'official' ? me.value.roles : [];
  // The organising authority may act for any main office (the president's routes allow it).
  const everywhere = role === 'president' && grants.some((g) => g.role === 'po-admin');
  const scopes = everywhere
    ? detail.state === 'done'
      ? detail.value.constituencies.map((c) => c.code)
      : []
    : grants.filter((g) => g.role === role && g.scope !== null).map((g) => g.scope ?? '');
  if (scopes.length === 0)
    return everywhere && detail.state !== 'done' ? (
      <LoadProblem load={detail} />
    ) : (
      <p role="alert">{t('count.none-scope')}</p>
    );
  const election = chosen;
  const scope = constituency !== null && scopes.includes(constituency) ? constituency : (scopes[0] ?? '');
  const nameOf = (code: string): string =>
    (detail.state === 'done' ? detail.value.constituencies.find((c) => c.code === code)?.label[language] : undefined) ??
    code;
  const electionLabel = elections.value.find((e) => e.id === election)?.label[language] ?? election;
  return (
    <>
      <div className="count-place">
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
        <label>
          {t('count.constituency')}{' '}
          <select
            value={scope}
            onChange={(e) => {
              setConstituency(e.currentTarget.value);
            }}
          >
            {scopes.map((s) => (
              <option key={s} value={s}>
                {nameOf(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {children({ electionId: election, constituency: scope, electionLabel, constituencyLabel: nameOf(scope) })}
    </>
  );
}

/** A message after an action: done, or the translated refusal. */
export function useOutcome(): [ReactNode, (r: { ok: boolean; code?: string }) => void] {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<{ ok: boolean; code?: string } | null>(null);
  const view =
    outcome === null ? (
      <p role="status" className="live" />
    ) : outcome.ok ? (
      <p role="status">{t('count.done')}</p>
    ) : (
      <p role="alert" data-code={outcome.code}>
        {t(errorMessageKey(outcome.code ?? 'internal'))}
      </p>
    );
  return [view, setOutcome];
}
