// The offline demo's hybrid voters (mode 6): the print kits of a sample of them, written to
// `DIR/kits/*.pdf` by the same bulk function the organising authority would use (each kit issues its
// voter a K-code, printed as text and as a barcode). The demo's clock runs inside the hybrid period,
// as its ballots are back-dated into the online one.
import { join } from 'node:path';
import type { Store } from '@isoloir/store';
import { DEMO_DAY_ID } from '@isoloir/server';
import { generateKits, hybridVoter, hybridVoterNrns, keyedHashOf } from '@isoloir/server/hybrid';

export async function writeDemoKits(store: Store, out: string, publicUrl: string, sample = 12): Promise<number> {
  const nrns = (await hybridVoterNrns(store, DEMO_DAY_ID)).slice(0, sample);
  const first = nrns[0];
  if (first === undefined) return 0;
  const voter = await hybridVoter(store.db, DEMO_DAY_ID, first, new Date());
  if (voter === undefined) return 0;
  const now = voter.period.state === 'open' ? new Date() : new Date(voter.period.opensAt);
  const { written } = await generateKits(store, keyedHashOf(store), DEMO_DAY_ID, nrns, join(out, 'kits'), {
    now,
    statusUrl: `${publicUrl.replace(/\/$/, '')}/hybrid/status`,
  });
  return written.length;
}
