// The offline demo's hybrid voters (mode 6): the print kits of a sample of them, written to
// `DIR/kits/*.pdf` by the same bulk function the organising authority would use (each kit issues its
// voter a K-code, printed as text and as a barcode). The demo's clock runs inside the hybrid period,
// as its ballots are back-dated into the online one.
import { join } from 'node:path';
import type { Store } from '@isoloir/store';
import { DEMO_DAY_ID } from '@isoloir/server';
import { generateKits, hybridVoter, hybridVoterNrns, keyedHashOf } from '@isoloir/server/hybrid';

export async function writeDemoKits(
  store: Store,
  out: string,
  publicUrl: string,
  sample = 12,
): Promise<{ readonly written: number; readonly codes: ReadonlyMap<string, string> }> {
  const nrns = (await hybridVoterNrns(store, DEMO_DAY_ID)).slice(0, sample);
  const first = nrns[0];
  if (first === undefined) return { written: 0, codes: new Map() };
  const voter = await hybridVoter(store.db, DEMO_DAY_ID, first, new Date());
  if (voter === undefined) return { written: 0, codes: new Map() };
  const now = voter.period.state === 'open' ? new Date() : new Date(voter.period.opensAt);
  const { written } = await generateKits(store, keyedHashOf(store), DEMO_DAY_ID, nrns, join(out, 'kits'), {
    now,
    statusUrl: `${publicUrl.replace(/\/$/, '')}/hybrid/status`,
  });
  // Each kit's file names its voter's place in `nrns` (kit-<office>-<sequence>.pdf): the demo's
  // envelopes of these voters bear the printed codes.
  const codes = new Map<string, string>();
  for (const k of written) {
    const sequence = Number(/-(\d+)\.pdf$/.exec(k.file)?.[1] ?? '0');
    const nrn = nrns[sequence - 1];
    if (nrn !== undefined) codes.set(nrn, k.code);
  }
  return { written: written.length, codes };
}
