// Commune voter file import: a commune official loads their commune, the organising authority any
// number of communes in one file. Each commune present becomes a new version of that commune's
// file; earlier versions stay (not current) for audit. One transaction, audited.
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import type { Actor } from './actor.ts';
import type { ByteSource } from './csv.ts';
import { withBulkTransaction, type BulkColumn } from './bulk-load.ts';
import { PreparationError } from './errors.ts';
import { saveRejections, stageCsv } from './import-pipeline.ts';
import { assertNotFrozen, daySettings } from './setup.ts';
import { stepTimer } from './step-timer.ts';
import type { CsvRow } from './csv.ts';
import { NumberSet } from './number-set.ts';
import { checkCommuneRow, COMMUNE_COLUMNS, type Rejection, type RowContext } from './voter-rows.ts';

export interface ImportReport {
  readonly importId: string;
  readonly sha256: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  /** The first rejected rows, by line (all of them are in the downloadable report). */
  readonly rejections: readonly Rejection[];
  readonly files: readonly { readonly scope: string; readonly version: number; readonly voters: number }[];
}

const VOTER_COLUMNS: readonly BulkColumn[] = [
  { name: 'file_id', type: 'bigint' },
  { name: 'line', type: 'integer' },
  { name: 'nrn', type: 'text' },
  { name: 'surname', type: 'text' },
  { name: 'given_names', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'sex', type: 'text' },
  { name: 'street', type: 'text' },
  { name: 'postcode', type: 'text' },
  { name: 'locality', type: 'text' },
  { name: 'language', type: 'text' },
  { name: 'deprived', type: 'boolean' },
  { name: 'deceased', type: 'boolean' },
];

/** The context every row is checked against. */
export async function rowContext(
  store: Store,
  dayId: string,
  scope: string | undefined,
  now: Date,
): Promise<RowContext> {
  const settings = await daySettings(store.db, dayId);
  const communes = await store.db.selectFrom('communes').select('nis').where('election_day_id', '=', dayId).execute();
  const minimumAge = Math.min(...settings.elections.map((e) => e.minimumAge), 18);
  return {
    communes: new Set(communes.map((c) => c.nis)),
    scope,
    votingDate: settings.votingDate,
    minimumAge,
    currentYear: now.getUTCFullYear(),
  };
}

export function communeScope(actor: Actor): string | undefined {
  if (actor.role === 'commune-official') {
    if (actor.scope === undefined) throw new PreparationError('preparation.scope', 'commune');
    return actor.scope;
  }
  if (actor.role === 'po-admin' || actor.role === 'cli') return undefined;
  throw new PreparationError('preparation.scope', 'role');
}

export async function importCommuneVoters(
  store: Store,
  actor: Actor,
  dayId: string,
  source: ByteSource,
  now = new Date(),
): Promise<ImportReport> {
  const scope = communeScope(actor);
  const ctx = await rowContext(store, dayId, scope, now);
  return withBulkTransaction(store, async (trx, open) => {
    await assertNotFrozen(trx, dayId);
    const tick = stepTimer();
    const imported = await trx
      .insertInto('preparation_imports')
      .values({
        election_day_id: dayId,
        kind: 'commune-voters',
        scope: scope ?? '*',
        actor: actor.id,
        file_sha256: '0'.repeat(64),
        rows_total: 0,
        rows_accepted: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const importId = imported.id;
    // A new version for every commune the file may hold; those left empty are dropped at the end.
    const allocated = await sql<{ id: string; nis: string }>`
      insert into commune_files (election_day_id, nis, version, import_id, voters, current)
      select ${dayId}, c.nis, coalesce((select max(f.version) from commune_files f where f.election_day_id = ${dayId} and f.nis = c.nis), 0) + 1, ${importId}::bigint, 0, false
        from communes c where c.election_day_id = ${dayId} and (${scope ?? null}::text is null or c.nis = ${scope ?? null}::text)
      returning id, nis`.execute(trx);
    const fileOf = new Map(allocated.rows.map((r) => [r.nis, r.id]));
    const perFile = new Map<string, number>();
    // Numbers already seen in the file; past its capacity, duplicates are found in SQL instead.
    const seen = new NumberSet();
    const seenState = { full: false };
    const duplicate = (row: CsvRow, i: Record<(typeof COMMUNE_COLUMNS)[number], number>): Rejection | null => {
      if (seenState.full) return null;
      const nrn = (row.cells[i.nrn] ?? '').replace(/[\s.-]/g, '');
      const added = seen.add(Number(nrn));
      if (added === 'full') seenState.full = true;
      return added === false ? { line: row.line, column: 'nrn', code: 'row.duplicate-nrn', value: nrn } : null;
    };
    const staged = await stageCsv(trx, open, source, {
      columns: COMMUNE_COLUMNS,
      stage: 'commune_voters',
      temporary: false,
      stageColumns: VOTER_COLUMNS,
      check: (row, index) => checkCommuneRow(row, index, ctx) ?? duplicate(row, index),
      toCells: (row, i) => {
        const c = row.cells;
        const g = (k: number): string => (c[k] ?? '').trim();
        const fileId = fileOf.get(g(i.commune_nis)) ?? '';
        perFile.set(fileId, (perFile.get(fileId) ?? 0) + 1);
        return [
          fileId,
          row.line,
          g(i.nrn).replace(/[\s.-]/g, ''),
          g(i.surname),
          g(i.given_names),
          g(i.birth_date),
          g(i.sex),
          g(i.street),
          g(i.postcode),
          g(i.locality),
          g(i.language),
          g(i.deprived) === '1',
          g(i.deceased) === '1',
        ];
      },
    });
    tick('streamed');
    // Enough memory for the set-based steps to hash 8 million numbers without spilling to disk.
    await sql`set local work_mem = '256MB'`.execute(trx);
    await saveRejections(trx, importId, staged.rejections);
    const fileIds = [...fileOf.values()];
    // The same number twice in the file: keep the first line, reject the others (in SQL only when
    // the file outgrew the in-memory set).
    const removed = !seenState.full
      ? { rows: [] as { file_id: string; n: number }[] }
      : await sql<{ file_id: string; n: number }>`
      with dup as (
        select nrn::bigint as n, min(line) as first from commune_voters where file_id = any(${fileIds}::bigint[]) group by 1 having count(*) > 1
      ), gone as (
        delete from commune_voters v using dup where v.file_id = any(${fileIds}::bigint[]) and v.nrn::bigint = dup.n and v.line > dup.first returning v.file_id, v.line, v.nrn
      ), saved as (
        insert into import_rejections (import_id, line, col, code, value) select ${importId}::bigint, line, 'nrn', 'row.duplicate-nrn', nrn from gone returning line
      )
      select file_id::text as file_id, count(*)::integer as n from gone group by file_id`.execute(trx);
    tick('duplicates');
    for (const r of removed.rows) perFile.set(r.file_id, (perFile.get(r.file_id) ?? 0) - r.n);
    const duplicates = removed.rows.reduce((sum, r) => sum + r.n, 0);
    const used = fileIds.filter((id) => (perFile.get(id) ?? 0) > 0);
    await sql`delete from commune_files where id = any(${fileIds.filter((id) => !used.includes(id))}::bigint[])`.execute(
      trx,
    );
    await sql`update commune_files set current = false where election_day_id = ${dayId} and current and nis in (select nis from commune_files where id = any(${used}::bigint[]))`.execute(
      trx,
    );
    await sql`update commune_files f set current = true, voters = u.n from unnest(${used}::bigint[], ${used.map((id) => perFile.get(id) ?? 0)}::integer[]) as u(id, n) where f.id = u.id`.execute(
      trx,
    );
    const accepted = staged.accepted - duplicates;
    const rejected = staged.rejections.length + duplicates;
    await trx
      .updateTable('preparation_imports')
      .set({ file_sha256: staged.sha256, rows_total: staged.rows, rows_accepted: accepted, rows_rejected: rejected })
      .where('id', '=', importId)
      .execute();
    const files = await trx
      .selectFrom('commune_files')
      .select(['nis', 'version', 'voters'])
      .where('import_id', '=', importId)
      .orderBy('nis')
      .execute();
    const fileList = files.map((f) => ({ scope: f.nis, version: f.version, voters: f.voters }));
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.commune-voters.imported',
      subject: `${dayId}/${scope ?? '*'}`,
      details: {
        importId,
        sha256: staged.sha256,
        rows: staged.rows,
        accepted,
        rejected,
        files: fileList.length <= 50 ? fileList : fileList.length,
      },
    });
    const firstRejections = await trx
      .selectFrom('import_rejections')
      .select(['line', 'col', 'code', 'value'])
      .where('import_id', '=', importId)
      .orderBy('line')
      .limit(100)
      .execute();
    return {
      importId,
      sha256: staged.sha256,
      rows: staged.rows,
      accepted,
      rejected,
      rejections: firstRejections.map((r) => ({
        line: r.line,
        column: r.col,
        code: r.code as Rejection['code'],
        value: r.value,
      })),
      files: fileList,
    };
  });
}
