// Kits in bulk, as letters are: one PDF per voter written into a folder, each whole (written, then
// renamed). Each kit issues its voter a new K-code (voiding any earlier one) exactly as the voter's
// own "Print my kit" does: the same function, `printKit`. File names carry the constituency and a
// sequence number, never a national register number.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@isoloir/store';
import type { KeyedHash } from './keyed-hash.ts';
import { hybridVoter, printKit } from './kit-service.ts';

export interface KitFile {
  readonly file: string;
  readonly code: string;
}

export async function generateKits(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrns: readonly string[],
  outDir: string,
  options: { readonly now: Date; readonly statusUrl: string; readonly onKit?: (done: number) => void },
): Promise<KitFile[]> {
  mkdirSync(outDir, { recursive: true });
  const written: KitFile[] = [];
  for (const [i, nrn] of nrns.entries()) {
    const voter = await hybridVoter(store.db, electionDayId, nrn, options.now);
    const place = voter?.elections[0]?.constituencyCode ?? 'none';
    const { pdf, code } = await printKit(store, keyedHash, electionDayId, nrn, options.now, options.statusUrl);
    const file = `kit-${place}-${String(i + 1).padStart(5, '0')}.pdf`;
    writeFileSync(join(outDir, `${file}.part`), pdf);
    renameSync(join(outDir, `${file}.part`), join(outDir, file));
    written.push({ file, code });
    options.onKit?.(i + 1);
  }
  return written;
}
