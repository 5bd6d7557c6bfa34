// The public bulletin board: pick an election and a constituency, read its tracking codes, or
// look one code up. Codes only, never a status: the voter's own status is in the portal. A link
// with `?code=` (the receipt's) opens the board already searched: the code's election and
// constituency chosen, and the page of codes that holds it, the code marked.
import { useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { getJson, type ElectionDetail, type ElectionSummary, type Labels } from '../api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { errorMessageKey, useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { Link, useRouter } from '../router.tsx';

interface Board {
  readonly electionId: string;
  readonly constituencies: readonly { readonly code: string; readonly label: Labels; readonly ballots: number }[];
  readonly constituency: string | null;
  readonly entries: readonly { readonly trackingCode: string }[];
  readonly next: string | null;
}

interface Found {
  readonly electionId: string;
  readonly constituency: string;
  readonly code: string;
  readonly electionLabel: Labels | null;
  readonly constituencyLabel: Labels | null;
}

/** "1 ballot", "2 ballots": the plural rule of the reader's language. */
function useBallots(): (count: number) => string {
  const { t, language } = useI18n();
  const rules = new Intl.PluralRules(language);
  return (count) =>
    `${formatNumber(count, language)} ${t(rules.select(count) === 'one' ? 'board.ballots.one' : 'board.ballots')}`;
}

/** The tracking code just before `code` (codes are 64 hex digits, listed in order): the board's page that starts at `code`. */
function pageStartingAt(code: string): string | undefined {
  if (!/^[0-9a-f]{64}$/.test(code) || /^0+$/.test(code)) return undefined;
  return (BigInt(`0x${code}`) - 1n).toString(16).padStart(64, '0');
}

function codeInAddress(): string {
  return new URLSearchParams(window.location.search).get('code') ?? '';
}

async function lookUp(code: string): Promise<Found | string> {
  const clean = code.trim().toLowerCase();
  const result = await getJson<{ electionId: string; constituency: string }>(
    `/api/voting/tracking/${encodeURIComponent(clean)}`,
  );
  if (!result.ok) return result.code === 'request.invalid' ? 'ballot.not-found' : result.code;
  const detail = await getJson<ElectionDetail>(`/api/elections/${encodeURIComponent(result.value.electionId)}`);
  return {
    ...result.value,
    code: clean,
    electionLabel: detail.ok ? detail.value.label : null,
    constituencyLabel: detail.ok
      ? (detail.value.constituencies.find((c) => c.code === result.value.constituency)?.label ?? null)
      : null,
  };
}

function Search({ onFound }: { readonly onFound: (found: Found) => void }): ReactNode {
  const { t, language } = useI18n();
  const [code, setCode] = useState(codeInAddress);
  const [found, setFound] = useState<Found | string | null>(null);
  const run = async (value: string): Promise<void> => {
    const result = await lookUp(value);
    setFound(result);
    if (typeof result !== 'string') onFound(result);
  };
  // Opened from a receipt (`?code=`): search at once, on arrival only.
  useEffect(() => {
    const initial = codeInAddress();
    if (initial !== '') void run(initial);
  }, []);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    void run(code);
  };
  return (
    <form onSubmit={submit} className="board-search">
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
        {typeof found === 'string' && <p data-code={found}>{t(errorMessageKey(found))}</p>}
        {found !== null && typeof found === 'object' && (
          <p data-found={found.constituency}>
            {t('board.found')} {found.electionLabel?.[language] ?? found.electionId} ·{' '}
            {found.constituencyLabel?.[language] ?? found.constituency}
          </p>
        )}
      </div>
    </form>
  );
}

function ElectionBoard({
  electionId,
  found,
}: {
  readonly electionId: string;
  readonly found: Found | null;
}): ReactNode {
  const { t, language } = useI18n();
  const ballots = useBallots();
  const here = found !== null && found.electionId === electionId ? found : null;
  const [constituency, setConstituency] = useState(here?.constituency ?? '');
  // The page that starts just before the code found (codes are listed in order).
  const [after, setAfter] = useState<string | undefined>(here === null ? undefined : pageStartingAt(here.code));
  useEffect(() => {
    if (here === null) return;
    setConstituency(here.constituency);
    setAfter(pageStartingAt(here.code));
  }, [here]);
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
            {c.label[language]} ({ballots(c.ballots)})
          </option>
        ))}
      </select>
      {board.entries.length > 0 && (
        <ol className="board-codes">
          {board.entries.map((e) =>
            e.trackingCode === here?.code ? (
              <li key={e.trackingCode} aria-current="true" data-found-code>
                <mark>
                  <code>{e.trackingCode}</code>
                </mark>
              </li>
            ) : (
              <li key={e.trackingCode}>
                <code>{e.trackingCode}</code>
              </li>
            ),
          )}
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
  const { navigate } = useRouter();
  const elections = useApi<ElectionSummary[]>('/api/elections');
  const [found, setFound] = useState<Found | null>(null);
  const onFound = (f: Found): void => {
    setFound(f);
    if (f.electionId !== electionId) navigate(`/board/${f.electionId}?code=${encodeURIComponent(f.code)}`);
  };
  return (
    <>
      <h1>{t('board.title')}</h1>
      <p>{t('board.intro')}</p>
      <Search onFound={onFound} />
      {elections.state !== 'done' ? (
        <LoadProblem load={elections} />
      ) : (
        <nav aria-label={t('board.election')}>
          <ul>
            {elections.value.map((e) => (
              <li key={e.id}>
                <Link to={`/board/${e.id}`} current={e.id === electionId}>
                  {e.label[language]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {electionId !== undefined && <ElectionBoard key={electionId} electionId={electionId} found={found} />}
    </>
  );
}
