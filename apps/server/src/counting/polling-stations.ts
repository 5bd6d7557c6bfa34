// Import of polling-station (BV) lists: who already voted at a polling station, per commune or
// station. Format (UTF-8 CSV, documented in README "Counting and reports"):
//   nrn
//   85073003328
//   …
// one national register number per line (dots, dashes and spaces allowed), header `nrn` first.
// A file with any malformed row (format, checksum) is refused whole, nothing changed, the refusal
// audited. Voters not in the day's consolidated voter file are listed and skipped. Several imports accumulate.
import { createHash, randomUUID } from 'node:crypto';
import { compactNrn, parseNrn } from '@isoloir/electoral';
import { appendAudit, type Store } from '@isoloir/store';
import { finalHybridBoxesTouchedBy } from '../hybrid/final-boxes.ts';
import {
  cancelEnvelopesOfPollingStationVoters,
  holdReceptionsOfDay,
  type EnvelopeToRemove,
} from '../hybrid/reception.ts';
import { CountingError, type CountingActor } from './errors.ts';
import { splitOfficesTouchedBy } from './office.ts';

export interface PollingStationRowError {
  readonly line: number;
  readonly value: string;
  readonly error: string;
}

export interface PollingStationReport {
  readonly importId: string;
  readonly station: string;
  readonly accepted: number;
  /** Already on an earlier list: kept once. */
  readonly duplicates: number;
  /** Valid NRNs not in the day's consolidated voter file: listed, not recorded. */
  readonly unknownVoters: readonly string[];
  /** Hybrid envelopes accepted before this list, now cancelled: their inner envelopes to take out of the boxes. */
  readonly hybridEnvelopesToRemove: readonly EnvelopeToRemove[];
}

export function parsePollingStationCsv(
  text: string,
  currentYear: number,
): { nrns: string[]; errors: PollingStationRowError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: PollingStationRowError[] = [];
  const nrns: string[] = [];
  const header = (lines[0] ?? '').trim().toLowerCase();
  if (header !== 'nrn') errors.push({ line: 1, value: header, error: 'header must be "nrn"' });
  lines.slice(1).forEach((raw, i) => {
    const value = raw.trim();
    if (value === '') return;
    const parsed = parseNrn(value, { currentYear });
    if (parsed.ok) nrns.push(compactNrn(value));
    else errors.push({ line: i + 2, value, error: parsed.error });
  });
  if (nrns.length === 0 && errors.length === 0) errors.push({ line: 2, value: '', error: 'no voter in the file' });
  return { nrns, errors };
}

export async function importPollingStationList(
  store: Store,
  dayId: string,
  station: string,
  text: string,
  actor: CountingActor,
  currentYear = new Date().getFullYear(),
): Promise<PollingStationReport> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const { nrns, errors } = parsePollingStationCsv(text, currentYear);
  if (station.trim() === '' || errors.length > 0) {
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: actor.id,
        action: 'counting.polling-list.refused',
        subject: dayId,
        // The lines and reasons, not the values: a mistyped NRN is still someone's.
        details: { station, sha256, errors: errors.slice(0, 50).map(({ line, error }) => ({ line, error })) },
      }),
    );
    const first = errors[0];
    throw new CountingError(
      'counting.file',
      station.trim() === ''
        ? 'a polling station name is required'
        : `${String(errors.length)} bad row(s); first at line ${String(first?.line ?? 0)}: ${first?.error ?? ''} (${first?.value ?? ''})`,
    );
  }
  // A list comes too late, and is refused whole, once it could no longer change what was settled:
  // after a constituency's split its double votes can no longer be cancelled (office), and a hybrid
  // box whose PV is final is in the record (its envelopes can no longer be cancelled).
  const late = await splitOfficesTouchedBy(store.db, dayId, station.trim(), nrns);
  const closed = late.length > 0 ? [] : await finalHybridBoxesTouchedBy(store.db, dayId, nrns);
  if (late.length > 0 || closed.length > 0) {
    const code = late.length > 0 ? 'counting.list-after-split' : 'counting.list-after-hybrid-pv';
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: actor.id,
        action: 'counting.polling-list.refused',
        subject: dayId,
        details: { station, sha256, refused: code, ...(late.length > 0 ? { offices: late } : { boxes: closed }) },
      }),
    );
    throw new CountingError(
      code,
      late.length > 0
        ? `the identities of ${late.join(', ')} are already split: this list (${station}) comes too late and is not imported`
        : `the hybrid PVs of ${closed.join(', ')} are final: this list (${station}) comes too late and is not imported`,
    );
  }
  return store.db.transaction().execute(async (trx) => {
    // Hybrid receptions of the day in flight finish first, new ones wait for this commit: the
    // envelopes of this list's voters are then all seen below, or set aside (receptionDayLock).
    await holdReceptionsOfDay(trx, dayId);
    // The day's voters are those of its consolidated voter file (the frozen one, else the latest):
    // residents who vote at a polling station and remote voters alike. Someone not in it is listed.
    const file = await trx
      .selectFrom('consolidations')
      .select('id')
      .where('election_day_id', '=', dayId)
      .orderBy((eb) => eb.case().when('frozen_at', 'is not', null).then(0).else(1).end())
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const known = new Set<string>();
    for (let i = 0; file !== undefined && i < nrns.length; i += 5000) {
      const batch = nrns.slice(i, i + 5000);
      const rows = await trx
        .selectFrom('consolidated_voters')
        .select('nrn')
        .where('consolidation_id', '=', file.id)
        .where('status', '=', 'ok')
        .where('nrn', 'in', batch)
        .execute();
      for (const r of rows) known.add(r.nrn);
    }
    const unknownVoters = nrns.filter((n) => !known.has(n));
    const importId = randomUUID();
    const unique = [...new Set(nrns.filter((n) => known.has(n)))];
    await trx
      .insertInto('polling_station_imports')
      .values({
        id: importId,
        election_day_id: dayId,
        station,
        sha256,
        accepted: 0,
        rejected: JSON.stringify({ unknownVoters }),
        actor: actor.id,
      })
      .execute();
    let accepted = 0;
    for (let i = 0; i < unique.length; i += 1000) {
      const res = await trx
        .insertInto('polling_station_votes')
        .values(unique.slice(i, i + 1000).map((nrn) => ({ election_day_id: dayId, nrn, station, import_id: importId })))
        .onConflict((oc) => oc.columns(['election_day_id', 'nrn']).doNothing())
        .executeTakeFirst();
      accepted += Number(res.numInsertedOrUpdatedRows ?? 0n);
    }
    await trx.updateTable('polling_station_imports').set({ accepted }).where('id', '=', importId).execute();
    const hybridEnvelopesToRemove = await cancelEnvelopesOfPollingStationVoters(trx, dayId, unique, actor.id);
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.polling-list.imported',
      subject: dayId,
      details: {
        importId,
        station,
        sha256,
        accepted,
        duplicates: unique.length - accepted,
        unknownVoters: unknownVoters.length,
        hybridEnvelopesCancelled: hybridEnvelopesToRemove.length,
      },
    });
    return {
      importId,
      station,
      accepted,
      duplicates: unique.length - accepted,
      unknownVoters,
      hybridEnvelopesToRemove,
    };
  });
}
