// Kits in bulk, as letters are: one PDF per voter written into a folder, each whole (written, then
// renamed). Each kit issues its voter a new K-code (voiding any earlier one) as the voter's own
// "Print my kit" does, by batches: the voters of a batch are read together and their codes issued in
// one transaction, each code and each voiding with its own audit entry. A voter whose envelope the
// main office already received gets no new kit (`skipped`). File names carry the constituency and a
// sequence number, never a national register number; the folder is 0700, each kit 0600.
import { join } from 'node:path';
import type { Store } from '@isoloir/store';
import { privateFolder, writePrivateFile } from '../private-files.ts';
import { issueKcodes } from './kcodes.ts';
import type { KeyedHash } from './keyed-hash.ts';
import { renderKit } from './kit-pdf.ts';
import { hybridVoters, kitContent, kitTemplates, mayPrint } from './kit-service.ts';

export interface KitFile {
  readonly file: string;
  readonly code: string;
}

/** Voters per transaction: large enough that a batch costs a handful of round trips per kit. */
const BATCH = 100;

export async function generateKits(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrns: readonly string[],
  outDir: string,
  options: { readonly now: Date; readonly statusUrl: string; readonly onKit?: (done: number) => void },
): Promise<{ readonly written: KitFile[]; readonly skipped: number }> {
  privateFolder(outDir); // kits carry names, addresses and K-codes: for the operator alone
  const written: KitFile[] = [];
  let skipped = 0;
  for (let start = 0; start < nrns.length; start += BATCH) {
    const batch = nrns.slice(start, start + BATCH);
    const voters = await hybridVoters(store.db, electionDayId, batch, options.now);
    // Refused as the voter's own print would be: not in the mode-6 file, outside the period.
    const printable = batch.map((nrn) => mayPrint(voters.get(nrn)));
    const issued = await issueKcodes(store, keyedHash, electionDayId, batch, options.now);
    for (const [k, result] of issued.entries()) {
      const voter = printable[k];
      const sequence = start + k + 1;
      if (voter === undefined || 'refused' in result) {
        skipped += 1;
      } else {
        const { pdf } = await renderKit(kitContent(voter, result.code, options.statusUrl), kitTemplates(store));
        const place = voter.elections[0]?.constituencyCode ?? 'none';
        const file = `kit-${place}-${String(sequence).padStart(5, '0')}.pdf`;
        writePrivateFile(join(outDir, file), pdf);
        written.push({ file, code: result.code });
      }
      options.onKit?.(sequence);
    }
  }
  return { written, skipped };
}
