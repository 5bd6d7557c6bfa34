// The public bulletin board: pick an election and a constituency, read its tracking codes, or
// look one code up. Codes only, never a status: the voter's own status is in the portal.
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { getJson, type ElectionSummary } from '../api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Labels } from '../api.ts';

interface Board {
  readonly electionId: string;
  readonly constituencies: readonly { readonly code: string; readonly label: Labels; readonly ballots: number }[];
  readonly constituency: string | null;
  readonly entries: readonly { readonly trackingCode: string }[];
  readonly next: string | null;
}

function Search(): ReactNode {
  const { t } = useI18n();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [found, setFound] = useState<{ electionId: string; constituency: string } | string | null>(null);
  const submit = async (event?: SyntheticEvent): Promise<void> => {
    event?.preventDefault();
    const result = await getJson<{ electionId: string; constituency: string }>(
      `/api/voting/tracking/${encodeURIComponent(code.trim().toLowerCase())}`,
    );
    setFound(result.ok ? result.value : result.code);
  };
  return (
    <form
      onSubmit={(e) => {
        void submit(e);
      }}
      className="board-search"
    >
      <label htmlFor="tracking">{t('board.search')}</label>
      <input
        id="tracking"
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
        }}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit">{t('board.search.run')}</button>
      <div role="status" aria-live="polite">
        {typeof found === 'string' && (
          <p data-code={found}>{t(errorMessageKey(found === 'request.invalid' ? 'ballot.not-found' : found))}</p>
        )}
        {found !== null && typeof found === 'object' && (
          <p data-found={found.constituency}>
            {t('board.found')} {found.electionId} · {found.constituency}
          </p>
        )}
      </div>
    </form>
  );
}

function ElectionBoard({ electionId }: { readonly electionId: string }): ReactNode {
  const { t, language } = useI18n();
  const [constituency, setConstituency] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const query = new URLSearchParams({
    ...(constituency === '' ? {} : { constituency }),
    ...(after === undefined ? {} : { after }),
  }).toString();
  const load = useApi<Board>(`/api/voting/board/${electionId}${query === '' ? '' : `?${query}`}`);
  if (load.state !== 'done') return <LoadProblem load={load} />;
  const board = load.value;
  return (
    <>
      <label htmlFor="constituency">{t('vote.constituency')}</label>
      <select
        id="constituency"
        value={constituency}
        onChange={(e) => {
          setConstituency(e.target.value);
          setAfter(undefined);
        }}
      >
        <option value="">—</option>
        {board.constituencies.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label[language]} ({c.ballots} {t('board.ballots')})
          </option>
        ))}
      </select>
      {board.entries.length > 0 && (
        <ol className="board-codes">
          {board.entries.map((e) => (
            <li key={e.trackingCode}>
              <code>{e.trackingCode}</code>
            </li>
          ))}
        </ol>
      )}
      {board.next !== null && (
        <button
          type="button"
          onClick={() => {
            setAfter(board.next ?? undefined);
          }}
        >
          {t('board.more')}
        </button>
      )}
    </>
  );
}

export function BoardPage({ electionId }: { readonly electionId?: string | undefined }): ReactNode {
  const { t, language } = useI18n();
  const elections = useApi<ElectionSummary[]>('/api/elections');
  return (
    <>
      <h1>{t('board.title')}</h1>
      <p>{t('board.intro')}</p>
      <Search />
      {elections.state !== 'done' ? (
        <LoadProblem load={elections} />
      ) : (
        <nav aria-label={t('board.election')}>
          <ul>
            {elections.value.map((e) => (
              <li key={e.id}>
                <Link to={`/board/${e.id}`}>{e.label[language]}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {electionId !== undefined && <ElectionBoard key={electionId} electionId={electionId} />}
    </>
  );
}
