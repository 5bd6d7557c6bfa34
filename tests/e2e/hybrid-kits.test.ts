// The hybrid print kits in bulk, as `isoloir demo --out DIR` writes them to DIR/kits: one PDF per
// voter of a sample of the demo's hybrid voters, each holding its own K-code as text (pdftotext) and
// as a barcode that a reader decodes to the same code; the codes are all different and all live.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatKcode } from '@isoloir/electoral';
import { DEMO_DAY_ID, seedDemoIfEmpty } from '@isoloir/server';
import { generateKits, hybridVoterNrns, kcodeStatus, keyedHashOf, openTestHybridPeriod } from '@isoloir/server/hybrid';
import { openStore, type Store } from '@isoloir/store';
import { barcodeOn, pageWith } from './barcode.ts';

const skip =
  existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext') ? undefined : 'poppler-utils is not installed';

describe('hybrid print kits in bulk', { skip }, () => {
  let store: Store;
  const work = mkdtempSync(join(tmpdir(), 'isoloir-kits-'));
  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 300, abroadPerMille: 60, seed: 7 });
    await openTestHybridPeriod(store, DEMO_DAY_ID);
  });
  after(async () => {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('each kit holds its own K-code as text and as a barcode', async () => {
    const nrns = (await hybridVoterNrns(store, DEMO_DAY_ID)).slice(0, 3);
    assert.ok(nrns.length >= 2);
    const out = join(work, 'kits');
    const { written: kits, skipped } = await generateKits(store, keyedHashOf(store), DEMO_DAY_ID, nrns, out, {
      now: new Date(),
      statusUrl: 'https://vote.example.be/hybrid/status',
    });
    assert.equal(skipped, 0);
    assert.deepEqual(readdirSync(out).sort(), kits.map((k) => k.file).sort());
    assert.equal(new Set(kits.map((k) => k.code)).size, kits.length);
    for (const kit of kits) {
      assert.doesNotMatch(kit.file, /[0-9]{11}/, 'no national register number in a file name');
      const file = join(out, kit.file);
      const page = pageWith(file, formatKcode(kit.code));
      assert.ok(page !== undefined, `${kit.file}: the K-code as text`);
      assert.equal(barcodeOn(file, page, work), kit.code, `${kit.file}: the barcode`);
      assert.equal((await kcodeStatus(store.db, keyedHashOf(store), kit.code)).status, 'issued');
      assert.ok(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).length > 0);
    }
  });
});
