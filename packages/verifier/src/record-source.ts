/**
 * Where the verifier reads a record from: a value in memory (tests, the browser) or a file read as
 * a stream (`./node/record-file.ts`, `isoloir verify`). A record of national size (about 2 KB a
 * ballot) does not fit in one JavaScript string (V8's limit is about 512 MB), so the verifier never
 * needs the whole record at once: it reads it twice, entry by entry (first the chain, then the
 * checks), holding one entry at a time.
 */
import { entryHash, RECORD_FORMAT, type Json } from '@isoloir/crypto';
import { CheckFailed, ensure, fail } from './failure.ts';
import { field, int, obj, str } from './read-json.ts';

export interface Entry {
  readonly seq: number;
  readonly type: string;
  readonly parent: string;
  readonly hash: string;
  readonly payload: unknown;
}

/** The record's top level (`{ format, entries }`), as seen by a complete pass over it. */
export interface TopLevel {
  readonly isObject: boolean;
  readonly keys: readonly string[];
  readonly format: unknown;
  readonly hasEntries: boolean;
  readonly entriesIsArray: boolean;
}

export interface RecordSource {
  /** One pass from the start: each element of `entries`, as parsed, in order (may be iterated again). */
  entries(): AsyncIterable<unknown>;
  /** The top level; complete once `entries()` has been iterated to its end. */
  top(): TopLevel;
}

function toAsync<T>(items: readonly T[]): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          Promise.resolve(
            i < items.length ? { done: false, value: items[i++] as T } : { done: true, value: undefined },
          ),
      };
    },
  };
}

/** A record already in memory (the `{ format, entries }` value). */
export function recordFromValue(record: unknown): RecordSource {
  const isObject = typeof record === 'object' && record !== null && !Array.isArray(record);
  const r = isObject ? (record as Record<string, unknown>) : {};
  const list = r['entries'];
  const top: TopLevel = {
    isObject,
    keys: Object.keys(r),
    format: r['format'],
    hasEntries: 'entries' in r,
    entriesIsArray: Array.isArray(list),
  };
  return {
    entries: () => toAsync(Array.isArray(list) ? (list as unknown[]) : []),
    top: () => top,
  };
}

const ENTRY_FIELDS = ['seq', 'type', 'parent', 'hash', 'payload'];

/** The record's fields: an object with exactly `format` and `entries`, the format this verifier reads. */
function checkTop(t: TopLevel): void {
  if (!t.isObject) fail('format', 'record', 'expected an object');
  for (const k of t.keys) ensure(k === 'format' || k === 'entries', 'schema', `record.${k}`, `unknown field ${k}`);
  ensure(t.format === RECORD_FORMAT, 'format', 'record', `unsupported format (expected ${RECORD_FORMAT})`);
  if (!t.hasEntries) fail('format', 'record', 'missing field entries');
  if (!t.entriesIsArray) fail('format', 'record', 'expected an array');
}

/** An entry's own fields (`schema`, `format`). */
export function readEntry(e: unknown, i: number): Entry {
  const loc = `entry ${String(i)}`;
  const o = obj(e, loc);
  for (const k of Object.keys(o)) ensure(ENTRY_FIELDS.includes(k), 'schema', `${loc}.${k}`, `unknown field ${k}`);
  return {
    seq: int(field(o, 'seq', loc), loc),
    type: str(field(o, 'type', loc), loc),
    parent: str(field(o, 'parent', loc), loc),
    hash: str(field(o, 'hash', loc), loc),
    payload: field(o, 'payload', loc),
  };
}

/** What the first pass learns: the chain holds, its head, and the few hashes the later checks need. */
export interface Scan {
  readonly count: number;
  readonly head: string;
  /** The index of the first entry whose hash is the published head (-1: none). */
  readonly publishedAt: number;
  /** The published head is the `hash` of a board-head entry's payload. */
  readonly publishedIsBoardHead: boolean;
  /** Every entry's hash from the last electronic entry on (the heads a PV may carry). */
  readonly electronicHeads: readonly string[];
  /** Each hybrid receipt log (`constituency/category`) → its place after the last electronic entry. */
  readonly hybridLogs: ReadonlyMap<string, number>;
}

interface ScanState {
  count: number;
  parent: string;
  shapeFailure: CheckFailed | undefined;
  chainFailure: CheckFailed | undefined;
  publishedAt: number;
  publishedIsBoardHead: boolean;
  firstHybrid: number;
  beforeHybrid: string;
  tail: string[];
  hybridLogs: Map<string, number>;
}

function caught(f: () => void): CheckFailed | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof CheckFailed) return e;
    throw e;
  }
}

function scanEntry(st: ScanState, raw: unknown, published: string | undefined): void {
  const i = st.count++;
  let e: Entry | undefined;
  const shape = caught(() => {
    e = readEntry(raw, i);
  });
  st.shapeFailure ??= shape;
  if (e === undefined || st.shapeFailure !== undefined) return;
  const entry = e;
  if (st.chainFailure === undefined) {
    const loc = `entry ${String(i)} (${entry.type})`;
    st.chainFailure = caught(() => {
      ensure(entry.seq === i, 'chain', loc, 'sequence number out of order');
      ensure(entry.parent === st.parent, 'chain', loc, 'parent link does not match the previous entry’s hash');
      ensure(
        entryHash(entry.seq, entry.type, entry.parent, entry.payload as Json) === entry.hash,
        'chain',
        loc,
        'entry hash does not match its content',
      );
    });
  }
  if (published !== undefined) {
    if (st.publishedAt < 0 && entry.hash === published) st.publishedAt = i;
    if (entry.type === 'board-head' && (entry.payload as { hash?: unknown } | null)?.hash === published)
      st.publishedIsBoardHead = true;
  }
  if (st.firstHybrid < 0 && entry.type.startsWith('hybrid-')) {
    st.firstHybrid = i;
    if (i > 0) st.tail.push(st.beforeHybrid);
  }
  if (st.firstHybrid >= 0) {
    st.tail.push(entry.hash);
    if (entry.type === 'hybrid-receipt-log') {
      const p = entry.payload as { constituency?: unknown; category?: unknown } | null;
      st.hybridLogs.set(`${String(p?.constituency)}/${String(p?.category)}`, i - st.firstHybrid + 1);
    }
  }
  st.beforeHybrid = entry.hash;
  st.parent = entry.hash;
}

/**
 * First pass: the record's fields, every entry's fields (`schema`, `format`), then the whole chain
 * (`chain`), reported in that order as if the record had been read whole (PROTOCOL.md §8, Verdict).
 * Memory: one entry at a time, plus the hashes after the last electronic entry (the hybrid boxes).
 */
export async function scanRecord(
  source: RecordSource,
  published: string | undefined,
  onChain?: (seq: number) => void,
): Promise<Scan> {
  const st: ScanState = {
    count: 0,
    parent: '',
    shapeFailure: undefined,
    chainFailure: undefined,
    publishedAt: -1,
    publishedIsBoardHead: false,
    firstHybrid: -1,
    beforeHybrid: '',
    tail: [],
    hybridLogs: new Map(),
  };
  for await (const raw of source.entries()) {
    scanEntry(st, raw, published);
    onChain?.(st.count - 1);
  }
  checkTop(source.top());
  if (st.shapeFailure !== undefined) throw st.shapeFailure;
  if (st.chainFailure !== undefined) throw st.chainFailure;
  return {
    count: st.count,
    head: st.parent,
    publishedAt: st.publishedAt,
    publishedIsBoardHead: st.publishedIsBoardHead,
    electronicHeads: st.firstHybrid >= 0 ? st.tail : st.count > 0 ? [st.parent] : [],
    hybridLogs: st.hybridLogs,
  };
}
