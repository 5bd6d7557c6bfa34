/**
 * NODE-ONLY: a record file read as a stream, entry by entry, whatever its size (`isoloir verify`).
 * The file is the record's JSON as written (PROTOCOL.md §8, any whitespace or key order); a
 * streaming parser (@streamparser/json) hands over each element of `entries` as soon as it is
 * complete and keeps nothing of it afterwards, so memory holds one entry, never the whole text
 * (which, above about 512 MB, no JavaScript string can hold).
 */
import { createReadStream } from 'node:fs';
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import type { RecordSource, TopLevel } from '../record-source.ts';

/** The record file cannot be read (missing, not JSON, cut short): `isoloir verify` exits 2, no check named. */
export class RecordUnreadable extends Error {}

interface TopWatch {
  depth: number;
  duplicate?: string;
  first: boolean;
  expectKey: boolean;
  key: string | undefined;
  top: { isObject: boolean; keys: string[]; format: unknown; hasEntries: boolean; entriesIsArray: boolean };
}

/** Follows the tokens of the top level (its keys, `format`, whether `entries` is an array); the parser emits only the entries. */
function watchTop(w: TopWatch, token: TokenType, value: unknown): void {
  if (w.first) {
    w.first = false;
    w.top.isObject = token === TokenType.LEFT_BRACE;
  }
  if (w.depth === 1 && w.top.isObject) {
    if (w.expectKey && token === TokenType.STRING) {
      w.key = String(value);
      // JSON.parse keeps the last of two equal keys; a stream has already handed over the first
      // `entries`: a record with a top-level field twice is not read at all (no two readings of one file).
      if (w.top.keys.includes(w.key)) w.duplicate ??= w.key;
      w.top.keys.push(w.key);
      w.expectKey = false;
    } else if (token === TokenType.COMMA) w.expectKey = true;
    else if (token !== TokenType.COLON && w.key !== undefined) {
      if (w.key === 'format')
        w.top.format = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET ? {} : value;
      if (w.key === 'entries') {
        w.top.hasEntries = true;
        w.top.entriesIsArray = token === TokenType.LEFT_BRACKET;
      }
      w.key = undefined;
    }
  }
  if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
    w.depth++;
    if (w.depth === 1) w.expectKey = true;
  } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) w.depth--;
}

function newWatch(): TopWatch {
  return {
    depth: 0,
    first: true,
    expectKey: false,
    key: undefined,
    top: { isObject: false, keys: [], format: undefined, hasEntries: false, entriesIsArray: false },
  };
}

async function* readEntries(path: string, setTop: (t: TopLevel) => void): AsyncGenerator {
  const w = newWatch();
  const ready: unknown[] = [];
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.entries.*'], keepStack: false });
  let error: Error | undefined;
  tokenizer.onToken = (t) => {
    watchTop(w, t.token, t.value);
    parser.write(t);
  };
  parser.onValue = ({ value }) => {
    ready.push(value);
  };
  tokenizer.onError = (e) => {
    error ??= e;
  };
  parser.onError = (e) => {
    error ??= e;
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      tokenizer.write(chunk as Buffer);
      if (error !== undefined) throw new RecordUnreadable(`not JSON: ${error.message}`);
      if (w.duplicate !== undefined) throw new RecordUnreadable(`the record's field ${w.duplicate} appears twice`);
      yield* ready.splice(0);
    }
    if (!tokenizer.isEnded) tokenizer.end();
    if (error !== undefined) throw new RecordUnreadable(`not JSON: ${error.message}`);
    // The parser ends itself when the top-level value is complete: otherwise the file is cut short.
    if (!parser.isEnded) throw new RecordUnreadable('not JSON: the file ends before the record does');
    yield* ready.splice(0);
  } catch (e) {
    if (e instanceof RecordUnreadable) throw e;
    throw new RecordUnreadable(e instanceof Error ? e.message : String(e));
  } finally {
    stream.destroy();
  }
  setTop(w.top);
}

/** The record in `path`, read afresh on each pass. */
export function recordFromFile(path: string): RecordSource {
  let top: TopLevel | undefined;
  return {
    entries: () =>
      readEntries(path, (t) => {
        top = t;
      }),
    top: () => {
      if (top === undefined) throw new RecordUnreadable('the record was not read to its end');
      return top;
    },
  };
}

/** The group named in the first entry (the parameters), read without reading further; secp256k1 if none. */
export async function recordGroupName(source: RecordSource): Promise<string> {
  for await (const first of source.entries()) {
    const name = (first as { payload?: { group?: unknown } } | null)?.payload?.group;
    return typeof name === 'string' ? name : 'secp256k1';
  }
  return 'secp256k1';
}
