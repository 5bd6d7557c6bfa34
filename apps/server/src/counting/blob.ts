// Lists of encoded ciphertexts packed into one byte string (fixed element size), and back. Used for
// the anonymised group inputs, shuffles and decryptions: compact, and cheap to move through SQL.
import type { EncodedCiphertext } from '@isoloir/crypto';

export function packRows(rows: readonly (readonly Uint8Array[])[]): Uint8Array {
  const first = rows[0]?.[0];
  if (first === undefined) return new Uint8Array(0);
  const size = first.length;
  const perRow = rows[0]?.length ?? 0;
  const out = new Uint8Array(rows.length * perRow * size + 2);
  out[0] = size;
  out[1] = perRow;
  let at = 2;
  for (const row of rows) {
    if (row.length !== perRow) throw new Error('packRows: rows of different widths');
    for (const el of row) {
      if (el.length !== size) throw new Error('packRows: elements of different sizes');
      out.set(el, at);
      at += size;
    }
  }
  return out;
}

export function unpackRows(blob: Uint8Array): EncodedCiphertext[] {
  if (blob.length < 2) return [];
  const size = blob[0] ?? 0;
  const perRow = blob[1] ?? 0;
  const rows: Uint8Array[][] = [];
  for (let at = 2; at + size * perRow <= blob.length;) {
    const row: Uint8Array[] = [];
    for (let k = 0; k < perRow; k++, at += size) row.push(blob.slice(at, at + size));
    rows.push(row);
  }
  return rows;
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

export function fromHex(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, 'hex'));
}
