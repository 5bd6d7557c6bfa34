// Team B's double data entry of the hybrid paper ballots (mode 6, issue #16), contents only, never an
// identity: a member picks a box and encodes each ballot as the paper shows it, then states how many
// ballots the box held; a second member does the same, blind to the first (the screen shows only how
// many ballots each entry holds); the president decides where they differ (./differences.tsx).
import { useRef, useState, type ReactNode } from 'react';
import type { MarkedBallot } from '@isoloir/electoral';
import { send } from '../../auth/api.ts';
import { LoadProblem } from '../../auth/me-page.tsx';
import { useApi } from '../../auth/use-api.ts';
import { fill, useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/languages.ts';
import { Link } from '../../router.tsx';
import { PlaceChooser, useOutcome, type Place } from '../place.tsx';
import type { PaperList } from './ballot.ts';
import { BallotForm } from './ballot-form.tsx';
import { BoxChooser, BoxSteps, type Box, type BoxState } from './box-state.tsx';

interface Progress {
  readonly state: BoxState;
  readonly first: number;
  readonly second: number;
}

export function boxUrl(scope: 'contents' | 'process', place: Place, box: Box): string {
  return `/api/counting/${scope}/${place.electionId}/constituencies/${place.constituency}/hybrid-boxes/${box}`;
}

/** The ballot paper's lists: Team B's (`contents`) or the president's (`process`) route. */
export function usePaperLists(
  place: Place,
  scope: 'contents' | 'process' = 'contents',
): ReturnType<typeof useApi<{ lists: PaperList[] }>> {
  return useApi<{ lists: PaperList[] }>(
    `/api/counting/${scope}/${place.electionId}/constituencies/${place.constituency}/hybrid-lists`,
  );
}

function Finish({ url, onDone }: { readonly url: string; readonly onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const [ballots, setBallots] = useState('');
  const [outcome, setOutcome] = useOutcome();
  return (
    <form
      className="prep-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send('POST', `${url}/finish`, { ballots: Number(ballots) }).then((r) => {
          setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
          if (r.ok) onDone();
        });
      }}
    >
      <label htmlFor="finish-ballots">{t('hc.finish.count')}</label>
      <input
        id="finish-ballots"
        inputMode="numeric"
        autoComplete="off"
        value={ballots}
        onChange={(e) => {
          setBallots(e.target.value);
        }}
      />
      <button type="submit" disabled={!/^[0-9]{1,7}$/u.test(ballots)}>
        {t('hc.finish.button')}
      </button>
      {outcome}
    </form>
  );
}

function BoxEntry({ place, box, lists }: { readonly place: Place; readonly box: Box; readonly lists: PaperList[] }) {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [mine, setMine] = useState<{ entry: number; count: number } | null>(null);
  const [outcome, setOutcome] = useOutcome();
  const refused = useRef(false);
  const url = boxUrl('contents', place, box);
  const progress = useApi<Progress>(url, version);
  const encode = async (ballot: MarkedBallot): Promise<boolean> => {
    const r = await send<{ entry: number; position: number }>('POST', `${url}/ballots`, { ballot });
    if (r.ok) setMine({ entry: r.value.entry, count: r.value.position + 1 });
    // Each recorded ballot is said by the count below; a refusal, and the success after it, here.
    if (!r.ok || refused.current) setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    refused.current = !r.ok;
    return r.ok;
  };
  if (progress.state !== 'done') return <LoadProblem load={progress} />;
  // While encoding, the step is the member's own entry (the box is not reloaded under the form).
  const state: BoxState = mine === null ? progress.value.state : mine.entry === 1 ? 'first-entry' : 'second-entry';
  const first = mine?.entry === 1 ? mine.count : progress.value.first;
  const second = mine?.entry === 2 ? mine.count : progress.value.second;
  const open = state === 'not-started' || state === 'first-entry' || state === 'second-entry';
  return (
    <section aria-labelledby="box-entry" data-box={box}>
      <h2 id="box-entry">
        {t('hc.box')} {place.constituencyLabel} · {t(`count.category.${box}`)}
      </h2>
      <BoxSteps state={state} />
      <p data-entries={`${String(first)}/${String(second)}`}>
        {fill(t('hc.entry.progress'), {
          first: formatNumber(first, language),
          second: formatNumber(second, language),
        })}
      </p>
      {!open ? (
        <p>{t(state === 'done' ? 'hc.entry.done' : 'hc.entry.to-president')}</p>
      ) : (
        <>
          <h3>{mine === null ? t('hc.entry.next') : fill(t('hc.entry.ballot'), { n: String(mine.count + 1) })}</h3>
          <BallotForm id="encode" lists={lists} submit={encode} label={t('hc.entry.record')} />
          <div aria-live="polite" data-mine={mine === null ? '' : `${String(mine.entry)}/${String(mine.count)}`}>
            {mine !== null && (
              <p>
                {fill(t('hc.entry.mine'), {
                  entry: String(mine.entry),
                  n: formatNumber(mine.count, language),
                })}
              </p>
            )}
          </div>
          {outcome}
          <h3>{t('hc.finish.title')}</h3>
          <Finish
            url={url}
            onDone={() => {
              setMine(null);
              setVersion((v) => v + 1);
            }}
          />
        </>
      )}
    </section>
  );
}

function Entry({ place }: { readonly place: Place }): ReactNode {
  const [box, setBox] = useState<Box>('belgium');
  const lists = usePaperLists(place);
  if (lists.state !== 'done') return <LoadProblem load={lists} />;
  return (
    <>
      <BoxChooser box={box} onChange={setBox} constituencyLabel={place.constituencyLabel} />
      <BoxEntry key={box} place={place} box={box} lists={lists.value.lists} />
    </>
  );
}

export function HybridEntryPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('hc.entry.title')}</h1>
      <p>
        <Link to="/counting/team-b">{t('hc.back.team-b')}</Link>
      </p>
      <p>{t('hc.entry.intro')}</p>
      <PlaceChooser role="team-b">
        {(place) => <Entry key={`${place.electionId}/${place.constituency}`} place={place} />}
      </PlaceChooser>
    </>
  );
}
