/**
 * The election record is a hash chain of typed entries (format "isoloir-record/2"):
 *   hash₀ = H("isoloir/v1/record-entry", 0, type₀, "", canonicalJson(payload₀))
 *   hashₖ = H("isoloir/v1/record-entry", k, typeₖ, hashₖ₋₁, canonicalJson(payloadₖ))
 * rendered as lowercase hex of SHA-512. Changing any byte of any entry breaks every later link.
 */
import { hashInputs } from '../hash/hash-input.ts';
import { bytesToHex } from '../group/scalar.ts';
import { canonicalJson, type Json } from './canonical-json.ts';

export const RECORD_FORMAT = 'isoloir-record/2';
export const RECORD_ENTRY_LABEL = 'isoloir/v1/record-entry';

export interface RecordEntry {
  readonly seq: number;
  readonly type: string;
  readonly parent: string;
  readonly hash: string;
  readonly payload: Json;
}

export interface ElectionRecord {
  readonly format: string;
  readonly entries: readonly RecordEntry[];
}

export function entryHash(seq: number, type: string, parent: string, payload: Json): string {
  return bytesToHex(hashInputs(RECORD_ENTRY_LABEL, [seq, type, parent, canonicalJson(payload)]));
}

export class RecordBuilder {
  readonly #entries: RecordEntry[] = [];
  readonly #sink: ((entry: RecordEntry) => void) | undefined;
  #seq = 0;
  #head = '';

  /** With a sink, each entry goes to it as it is appended and is not kept (a record of any size; build() has no entries). */
  constructor(sink?: (entry: RecordEntry) => void) {
    this.#sink = sink;
  }

  append(type: string, payload: Json): RecordEntry {
    const seq = this.#seq++;
    const parent = this.#head;
    const entry = { seq, type, parent, hash: entryHash(seq, type, parent, payload), payload };
    this.#head = entry.hash;
    if (this.#sink === undefined) this.#entries.push(entry);
    else this.#sink(entry);
    return entry;
  }

  build(): ElectionRecord {
    return { format: RECORD_FORMAT, entries: [...this.#entries] };
  }
}

/** Recompute every link (used to simulate a forger who re-chains after tampering). */
export function rechain(record: ElectionRecord): ElectionRecord {
  const b = new RecordBuilder();
  for (const e of record.entries) b.append(e.type, e.payload);
  return b.build();
}
