// A small streaming CSV reader (RFC 4180: quoted cells, doubled quotes, CRLF or LF) for the
// preparation imports. Strict UTF-8 (a Latin-1 file is refused, naming the line), comma or
// semicolon chosen from the header line, NUL refused, rows handed out in batches so that an 8-million-row file
// streams in flat memory. Malformed input throws a CsvError naming the line and column.

export type CsvErrorCode =
  | 'csv.encoding'
  | 'csv.nul'
  | 'csv.unterminated-quote'
  | 'csv.quote'
  | 'csv.line-too-long'
  | 'csv.empty'
  | 'csv.too-large';

export class CsvError extends Error {
  readonly code: CsvErrorCode;
  readonly line: number;
  /** 1-based column of the cell, when known. */
  readonly column: number | undefined;

  constructor(code: CsvErrorCode, line: number, column?: number) {
    super(`${code} at line ${String(line)}${column === undefined ? '' : `, column ${String(column)}`}`);
    this.code = code;
    this.line = line;
    this.column = column;
  }
}

/** A file's bytes as they arrive: a request body, a file stream, or chunks in memory. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface CsvRow {
  /** The file line on which the row starts (the header is line 1). */
  readonly line: number;
  readonly cells: string[];
}

export interface CsvOptions {
  /** Longest accepted line, in characters. */
  readonly maxLine?: number;
  /** Largest accepted file, in bytes. */
  readonly maxBytes?: number;
  /** Rows per batch handed out. */
  readonly batch?: number;
}

const QUOTE = '"';

/** Splits one logical record that may hold quotes; returns null when a quoted cell runs past the end. */
function splitQuoted(text: string, delimiter: string, line: number): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf(QUOTE, j);
        if (q < 0) return null;
        value += text.slice(j, q);
        if (text[q + 1] === QUOTE) {
          value += QUOTE;
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      cells.push(value);
      if (j === text.length) return cells;
      if (text[j] !== delimiter) throw new CsvError('csv.quote', line, cells.length);
      i = j + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      const end = d < 0 ? text.length : d;
      const cell = text.slice(i, end);
      if (cell.includes(QUOTE)) throw new CsvError('csv.quote', line, cells.length + 1);
      cells.push(cell);
      if (d < 0) return cells;
      i = d + 1;
    }
  }
}

function lineOfBadByte(chunk: Uint8Array, pending: string, linesSoFar: number): number {
  const text = new TextDecoder('utf-8').decode(chunk);
  const bad = text.indexOf('\uFFFD');
  const before = pending + text.slice(0, Math.max(bad, 0));
  let lines = linesSoFar;
  for (let k = before.indexOf('\n'); k >= 0; k = before.indexOf('\n', k + 1)) lines += 1;
  return lines;
}

/**
 * Reads CSV rows from a byte stream, in batches. The first row is the header, returned like any
 * other (line 1). The delimiter is `;` if the header holds one, else `,`.
 */
export async function* readCsv(source: ByteSource, options: CsvOptions = {}): AsyncGenerator<CsvRow[]> {
  const maxLine = options.maxLine ?? 65_536;
  const maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  const batchSize = options.batch ?? 4096;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending = '';
  let lineNo = 1; // the line the next record starts on
  let delimiter: string | null = null;
  let bytes = 0;
  let batch: CsvRow[] = [];

  const take = (record: string, recordLines: number): void => {
    const text = record.endsWith('\r') ? record.slice(0, -1) : record;
    if (delimiter === null) delimiter = text.includes(';') ? ';' : ',';
    if (!(text === '' && lineNo > 1)) {
      const cells = text.includes(QUOTE) ? splitQuoted(text, delimiter, lineNo) : text.split(delimiter);
      if (cells === null) throw new CsvError('csv.unterminated-quote', lineNo);
      // A NUL is no character of any name or number, and PostgreSQL refuses it in text.
      const nul = cells.findIndex((cell) => cell.includes('\u0000'));
      if (nul >= 0) throw new CsvError('csv.nul', lineNo, nul + 1);
      batch.push({ line: lineNo, cells });
    }
    lineNo += recordLines;
  };

  const drain = (final: boolean): void => {
    let start = 0;
    let search = 0;
    let extraLines = 0;
    for (;;) {
      const nl = pending.indexOf('\n', search);
      if (nl < 0) break;
      const record = pending.slice(start, nl);
      // A newline inside quotes belongs to the cell: count quotes to know.
      if (countQuotes(record) % 2 === 1) {
        extraLines += 1;
        search = nl + 1;
        if (nl - start > maxLine) throw new CsvError('csv.line-too-long', lineNo);
        continue;
      }
      take(record, 1 + extraLines);
      extraLines = 0;
      start = nl + 1;
      search = start;
    }
    pending = pending.slice(start);
    if (pending.length > maxLine) throw new CsvError('csv.line-too-long', lineNo);
    if (final && pending !== '') {
      if (countQuotes(pending) % 2 === 1) throw new CsvError('csv.unterminated-quote', lineNo);
      take(pending, 1);
      pending = '';
    }
  };

  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new CsvError('csv.too-large', lineNo);
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new CsvError('csv.encoding', lineOfBadByte(chunk, pending, lineNo));
      }
    }
    pending += text;
    drain(false);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  try {
    pending += decoder.decode();
  } catch {
    throw new CsvError('csv.encoding', lineNo);
  }
  drain(true);
  if (lineNo === 1 && batch.length === 0) throw new CsvError('csv.empty', 1);
  if (batch.length > 0) yield batch;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf(QUOTE); i >= 0; i = text.indexOf(QUOTE, i + 1)) n += 1;
  return n;
}

/** A cell a spreadsheet would run as a formula (`=cmd|…`, `+`, `-`, `@`, tab, carriage return). */
export function isFormula(cell: string): boolean {
  const first = cell.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

/** One CSV cell for export: quoted when needed, and a formula neutralised with a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = isFormula(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
