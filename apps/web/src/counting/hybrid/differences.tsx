// The president's screen for the hybrid boxes (issue #16): each box's step, and where its two entries
// differ, ballot by ballot, both versions in words; the president looks at the paper and decides each
// difference — the first version, the second, the ballot as encoded here, or no ballot at that place;
// then makes the PVs of the hybrid votes, which Team B approves.
import { useState, type ReactNode } from 'react';
import type { MarkedBallot } from '@isoloir/electoral';
import { send } from '../../auth/api.ts';
import { LoadProblem } from '../../auth/me-page.tsx';
import { useApi } from '../../auth/use-api.ts';
import { fill, useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { PlaceChooser, useOutcome, type Place } from '../place.tsx';
import type { PaperList } from './ballot.ts';
import { BallotForm } from './ballot-form.tsx';
import { BallotWords } from './ballot-words.tsx';
import { BoxChooser, BoxSteps, type Box, type BoxState } from './box-state.tsx';
import { boxUrl, usePaperLists } from './entry.tsx';

interface Difference {
  readonly index: number;
  readonly first?: MarkedBallot;
  readonly second?: MarkedBallot;
  readonly decided: boolean;
}

function Decide({
  d,
  lists,
  decide,
}: {
  readonly d: Difference;
  readonly lists: PaperList[];
  readonly decide: (ballot: MarkedBallot | null) => Promise<boolean>;
}): ReactNode {
  const { t } = useI18n();
  const [encoding, setEncoding] = useState(false);
  return (
    <div className="actions">
      {d.first !== undefined && (
        <button type="button" onClick={() => void decide(d.first ?? null)}>
          {t('hc.decide.first')}
        </button>
      )}
      {d.second !== undefined && (
        <button type="button" onClick={() => void decide(d.second ?? null)}>
          {t('hc.decide.second')}
        </button>
      )}
      {(d.first === undefined || d.second === undefined) && (
        <button type="button" onClick={() => void decide(null)}>
          {t('hc.decide.none')}
        </button>
      )}
      <button
        type="button"
        aria-expanded={encoding}
        onClick={() => {
          setEncoding(!encoding);
        }}
      >
        {t('hc.decide.encode')}
      </button>
      {encoding && (
        <BallotForm id={`decide-${String(d.index)}`} lists={lists} submit={decide} label={t('hc.decide.record')} />
      )}
    </div>
  );
}

function BoxDifferences({
  place,
  box,
  lists,
}: {
  readonly place: Place;
  readonly box: Box;
  readonly lists: PaperList[];
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useOutcome();
  const url = `${boxUrl('process', place, box)}/differences`;
  const load = useApi<{ state: BoxState; differences: Difference[] }>(url, version);
  const decide = async (index: number, ballot: MarkedBallot | null): Promise<boolean> => {
    const r = await send('POST', `${url}/${String(index)}`, { ballot });
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    if (r.ok) setVersion((v) => v + 1);
    return r.ok;
  };
  return (
    <section aria-labelledby="box-differences" data-box={box}>
      <h2 id="box-differences">
        {t('hc.box')} {place.constituencyLabel} · {t(`count.category.${box}`)}
      </h2>
      {outcome}
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : (
        <>
          <BoxSteps state={load.value.state} />
          {load.value.differences.length === 0 ? (
            <p>{t(load.value.state === 'done' ? 'hc.differences.none-done' : 'hc.differences.none')}</p>
          ) : (
            <ul className="differences">
              {load.value.differences.map((d) => (
                <li key={d.index} data-difference={d.index} data-decided={String(d.decided)}>
                  <h3>{fill(t('hc.differences.ballot'), { n: String(d.index + 1) })}</h3>
                  <dl className="facts">
                    <div>
                      <dt>{t('hc.differences.first')}</dt>
                      <dd>
                        <BallotWords ballot={d.first} lists={lists} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('hc.differences.second')}</dt>
                      <dd>
                        <BallotWords ballot={d.second} lists={lists} />
                      </dd>
                    </div>
                  </dl>
                  {d.decided ? (
                    <p>{t('hc.differences.decided')}</p>
                  ) : (
                    <Decide d={d} lists={lists} decide={(ballot) => decide(d.index, ballot)} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

interface MadePv {
  readonly category: Box;
  readonly received: number;
  readonly counted: number;
  readonly difference: number;
  readonly explained: boolean;
}

/**
 * The PVs of the hybrid votes of the constituency (abroad, Belgium), made from the boxes whose
 * entries agree: the reception figures, the count and the reconciliation; Team B approves them.
 * Made again, a PV's approvals start over (the server refuses it once final).
 */
function HybridPvs({ place }: { readonly place: Place }): ReactNode {
  const { t } = useI18n();
  const [outcome, setOutcome] = useOutcome();
  const [made, setMade] = useState<readonly MadePv[] | null>(null);
  const make = async (): Promise<void> => {
    const r = await send<{ pvs: MadePv[] }>(
      'POST',
      `/api/counting/process/${place.electionId}/constituencies/${place.constituency}/hybrid-pvs`,
    );
    setOutcome(r.ok ? { ok: true } : { ok: false, code: r.code });
    setMade(r.ok ? r.value.pvs : null);
  };
  return (
    <section aria-labelledby="hybrid-pvs-title">
      <h2 id="hybrid-pvs-title">{t('hc.pvs.title')}</h2>
      <p>{t('hc.pvs.intro')}</p>
      <button
        type="button"
        onClick={() => {
          void make();
        }}
      >
        {t('hc.pvs.make')}
      </button>
      {outcome}
      {made !== null && (
        <>
          <ul>
            {made.map((pv) => (
              <li key={pv.category} data-hybrid-pv={pv.category} data-counted={pv.counted}>
                {fill(t('hc.pvs.made'), {
                  box: `${place.constituencyLabel} · ${t(`count.category.${pv.category}`)}`,
                  received: String(pv.received),
                  counted: String(pv.counted),
                })}
                {pv.difference !== 0 && !pv.explained && <> {t('hc.pvs.unexplained')}</>}
              </li>
            ))}
          </ul>
          <p>{t('hc.pvs.next')}</p>
        </>
      )}
    </section>
  );
}

function Differences({ place }: { readonly place: Place }): ReactNode {
  const [box, setBox] = useState<Box>('belgium');
  const lists = usePaperLists(place, 'process');
  if (lists.state !== 'done') return <LoadProblem load={lists} />;
  return (
    <>
      <BoxChooser box={box} onChange={setBox} constituencyLabel={place.constituencyLabel} />
      <BoxDifferences key={box} place={place} box={box} lists={lists.value.lists} />
      <HybridPvs place={place} />
    </>
  );
}

export function HybridDifferencesPage(): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('hc.differences.title')}</h1>
      <p>
        <Link to="/counting/office">{t('hc.back.office')}</Link>
      </p>
      <p>{t('hc.differences.intro')}</p>
      <PlaceChooser role="president">
        {(place) => <Differences key={`${place.electionId}/${place.constituency}`} place={place} />}
      </PlaceChooser>
    </>
  );
}
