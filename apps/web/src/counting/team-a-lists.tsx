// Team A's other two screens, identities only: import a polling station's list of who voted there
// (CSV with the header `nrn`; a file with any bad row is refused whole, nothing changed), then
// look for the double votes; and who voted remotely in the constituency (attendance), never a
// content. A list that comes after the split is refused (`counting.list-after-split`).
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { send } from '../auth/api.ts';
import { LoadProblem } from '../auth/me-page.tsx';
import { useApi } from '../auth/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from '../i18n/languages.ts';
import { currentDayId } from '../preparation/api.ts';
import { localTime } from '../voting/format.ts';
import { useOutcome, type Place } from './place.tsx';
import { EnvelopesToRemove, type EnvelopeToRemove } from './hybrid/to-remove.tsx';

interface ListReport {
  readonly station: string;
  readonly accepted: number;
  readonly duplicates: number;
  readonly unknownVoters: readonly string[];
  /** Hybrid envelopes accepted before this list, now cancelled: to take out of their box (issue #16). */
  readonly hybridEnvelopesToRemove: readonly EnvelopeToRemove[];
}

export function PollingStationImport({ onImported }: { readonly onImported: () => void }): ReactNode {
  const { t, language } = useI18n();
  const [station, setStation] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ListReport | null>(null);
  const [outcome, setOutcome] = useOutcome();
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    if (file === null || station.trim() === '') return;
    setBusy(true);
    const day = await currentDayId();
    const result = day.ok
      ? await send<ListReport>('POST', `/api/counting/identities/${encodeURIComponent(day.value)}/polling-stations`, {
          station: station.trim(),
          csv: await file.text(),
        })
      : day;
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setOutcome(result.ok ? { ok: true } : { ok: false, code: result.code });
    if (result.ok) onImported();
  };
  return (
    <section aria-labelledby="station-lists">
      <h2 id="station-lists">{t('count.lists.title')}</h2>
      <p>{t('count.lists.intro')}</p>
      <form
        className="prep-form"
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <label htmlFor="list-station">{t('count.station')}</label>
        <input
          id="list-station"
          value={station}
          onChange={(e) => {
            setStation(e.target.value);
          }}
          autoComplete="off"
        />
        <label htmlFor="list-file">{t('count.lists.file')}</label>
        <input
          id="list-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
          }}
        />
        <button type="submit" disabled={busy || file === null || station.trim() === ''}>
          {t('count.lists.import')}
        </button>
      </form>
      {outcome}
      {report !== null && (
        <dl className="facts" data-list-report={report.station}>
          <div>
            <dt>{t('count.lists.accepted')}</dt>
            <dd data-accepted={report.accepted}>{formatNumber(report.accepted, language)}</dd>
          </div>
          <div>
            <dt>{t('count.lists.duplicates')}</dt>
            <dd>{formatNumber(report.duplicates, language)}</dd>
          </div>
          <div>
            <dt>{t('count.lists.unknown')}</dt>
            <dd>{formatNumber(report.unknownVoters.length, language)}</dd>
          </div>
        </dl>
      )}
      {report !== null && <EnvelopesToRemove envelopes={report.hybridEnvelopesToRemove} alert />}
    </section>
  );
}

interface RemoteVoter {
  readonly nrn: string;
  readonly name: string;
  readonly mode: string | null;
  readonly category: string | null;
  readonly ballots: number;
  readonly lastReceivedAt: string;
  readonly status: string;
}

const PAGE = 100;

export function RemoteVoters({ place }: { readonly place: Place }): ReactNode {
  const { t, language } = useI18n();
  const [offset, setOffset] = useState(0);
  const load = useApi<{ total: number; voters: RemoteVoter[] }>(
    `/api/counting/identities/${place.electionId}/constituencies/${place.constituency}/remote-voters?limit=${String(PAGE)}&offset=${String(offset)}`,
  );
  const status = (s: string): string =>
    s === 'received' || s === 'superseded' || s === 'cancelled' || s === 'counted' ? t(`vote.status.${s}`) : s;
  const mode = (m: string | null): string => (m === 'online' || m === 'kiosk' ? t(`count.mode.${m}`) : '—');
  return (
    <section aria-labelledby="remote-voters">
      <h2 id="remote-voters">{t('count.remote.title')}</h2>
      <p>{t('count.remote.intro')}</p>
      {load.state !== 'done' ? (
        <LoadProblem load={load} />
      ) : load.value.voters.length === 0 ? (
        <p>{t('count.remote.none')}</p>
      ) : (
        <>
          <p data-remote-total={load.value.total}>
            {t('count.remote.total')}: {formatNumber(load.value.total, language)}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="remote-caption">
            <table className="count-table">
              <caption id="remote-caption">
                {t('count.remote.title')} — {place.constituencyLabel}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('count.name')}</th>
                  <th scope="col">{t('count.nrn')}</th>
                  <th scope="col">{t('vote.mode')}</th>
                  <th scope="col" className="num">
                    {t('count.remote.ballots')}
                  </th>
                  <th scope="col">{t('count.received-at')}</th>
                  <th scope="col">{t('count.status')}</th>
                </tr>
              </thead>
              <tbody>
                {load.value.voters.map((v) => (
                  <tr key={v.nrn}>
                    <th scope="row">{v.name}</th>
                    <td>{v.nrn}</td>
                    <td>
                      {mode(v.mode)}
                      {v.category === 'abroad' || v.category === 'belgium'
                        ? ` — ${t(`count.category.${v.category}`)}`
                        : ''}
                    </td>
                    <td className="num">{formatNumber(v.ballots, language)}</td>
                    <td>{localTime(v.lastReceivedAt, language)}</td>
                    <td>{status(v.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            {offset > 0 && (
              <button
                type="button"
                onClick={() => {
                  setOffset(Math.max(0, offset - PAGE));
                }}
              >
                {t('count.remote.previous')}
              </button>
            )}
            {offset + PAGE < load.value.total && (
              <button
                type="button"
                onClick={() => {
                  setOffset(offset + PAGE);
                }}
              >
                {t('count.remote.next')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
