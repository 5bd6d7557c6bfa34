// The shared shape of a CSV import: stream the bytes (hashing them), read the header, check each
// row, send accepted rows to a bulk sink (a temporary staging table) and keep the rejected ones.
// Structural faults (encoding, quotes, columns) abort the import; row faults are reported.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Schema } from '@isoloir/store';
import type { BulkColumn, Cell, OpenSink } from './bulk-load.ts';
import { CsvError, readCsv, type CsvRow, type ByteSource } from './csv.ts';
import { at, PreparationError } from './errors.ts';
import { checkWidth, columnIndex, type Rejection } from './voter-rows.ts';

/** Beyond this many rejected rows the file is refused whole: it is not a voter file. */
export const MAX_REJECTIONS = 100_000;
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

export interface StageSpec<C extends string> {
  readonly columns: readonly C[];
  /** Where accepted rows go: a temporary table created here, or (`temporary: false`) an existing one. */
  readonly stage: string;
  readonly temporary?: boolean;
  readonly stageColumns: readonly BulkColumn[];
  readonly check: (row: CsvRow, index: Record<C, number>) => Rejection | null;
  readonly toCells: (row: CsvRow, index: Record<C, number>) => readonly Cell[];
}

export interface StageResult {
  readonly sha256: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejections: Rejection[];
}

async function* hashing(source: ByteSource, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

function csvFailure(e: CsvError): PreparationError {
  const code =
    e.code === 'csv.encoding'
      ? 'file.encoding'
      : e.code === 'csv.empty'
        ? 'file.empty'
        : e.code === 'csv.too-large'
          ? 'file.too-large'
          : 'file.malformed';
  return new PreparationError(
    code,
    at(e.line, e.column),
    `${code}: ${e.code} at line ${String(e.line)}${e.column === undefined ? '' : `, column ${String(e.column)}`}`,
  );
}

/** Streams a CSV file into a fresh temporary staging table of the transaction. */
export async function stageCsv<C extends string>(
  trx: Transaction<Schema>,
  open: OpenSink,
  source: ByteSource,
  spec: StageSpec<C>,
): Promise<StageResult> {
  if (spec.temporary !== false) {
    const columnsSql = spec.stageColumns.map((c) => `${c.name} ${c.type}`).join(', ');
    await sql.raw(`create temporary table ${spec.stage} (${columnsSql}) on commit drop`).execute(trx);
  }
  const hash = createHash('sha256');
  const sink = await open(spec.stage, spec.stageColumns);
  const rejections: Rejection[] = [];
  let index: Record<C, number> | null = null;
  let width = 0;
  let rows = 0;
  let accepted = 0;
  try {
    for await (const batch of readCsv(hashing(source, hash), { maxBytes: MAX_IMPORT_BYTES })) {
      for (const row of batch) {
        if (index === null) {
          index = columnIndex(row, spec.columns);
          width = row.cells.length;
          continue;
        }
        checkWidth(row, width);
        rows += 1;
        const rejection = spec.check(row, index);
        if (rejection !== null) {
          rejections.push(rejection);
          if (rejections.length > MAX_REJECTIONS)
            throw new PreparationError(
              'file.invalid',
              at(row.line),
              `file.invalid: more than ${String(MAX_REJECTIONS)} rows rejected`,
            );
          continue;
        }
        accepted += 1;
        const pending = sink.write(spec.toCells(row, index));
        if (pending !== undefined) await pending;
      }
    }
  } catch (e) {
    // Close the COPY so the transaction can roll back cleanly, then report the first fault.
    await sink.end().catch(() => undefined);
    throw e instanceof CsvError ? csvFailure(e) : e;
  }
  await sink.end();
  if (index === null) throw new PreparationError('file.empty', at(1));
  return { sha256: hash.digest('hex'), rows, accepted, rejections };
}

/** Records rejected rows of an import (in batches). */
export async function saveRejections(
  trx: Transaction<Schema>,
  importId: string,
  rejections: readonly Rejection[],
): Promise<void> {
  for (let i = 0; i < rejections.length; i += 2000) {
    const batch = rejections
      .slice(i, i + 2000)
      .map((r) => ({ import_id: importId, line: r.line, col: r.column, code: r.code, value: r.value.slice(0, 200) }));
    await trx
      .insertInto('import_rejections')
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Moves rows whose NRN appeared on an earlier line from the staging table to the rejections. */
export async function rejectDuplicates(trx: Transaction<Schema>, stage: string, importId: string): Promise<number> {
  const result = await sql<{ n: string }>`
    with dup as (
      select line, nrn from (select line, nrn, row_number() over (partition by nrn order by line) as rn from ${sql.table(stage)}) ranked where rn > 1
    ), gone as (
      delete from ${sql.table(stage)} s using dup where s.line = dup.line returning s.line, s.nrn
    ), saved as (
      insert into import_rejections (import_id, line, col, code, value) select ${importId}::bigint, line, 'nrn', 'row.duplicate-nrn', nrn from gone returning 1
    )
    select count(*)::text as n from saved`.execute(trx);
  return Number(result.rows[0]?.n ?? 0);
}
