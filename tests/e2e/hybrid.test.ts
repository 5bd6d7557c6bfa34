// Hybrid voting (mode 6) in Chromium: a mode-6 persona logs in, opens the portal, prints the kit; the
// PDF's text (pdftotext) holds the constituency's lists and the K-code, and its barcode, rendered to
// PNG (pdftoppm) and read by a barcode reader (@zxing/library), is the same K-code. Printing again
// voids the first code. The status page, without login, says each state (unknown, voided, received,
// cancelled with its reason, counted) in French, Dutch, German and English; a typing error is caught
// on the device. axe-core finds nothing on the pages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatKcode, kcodeCheckSymbol, parseKcode } from '@isoloir/electoral';
import { DEMO_DAY_ID } from '@isoloir/server';
import {
  hybridVoterNrns,
  issueKcode,
  keyedHashOf,
  openTestHybridPeriod,
  publicKcodeHash,
} from '@isoloir/server/hybrid';
import type { DevServer } from '@isoloir/server/testing';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '@isoloir/web/i18n';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { barcodeOn, pageWith } from './barcode.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const skip = browserSkipReason() ?? (poppler ? undefined : 'poppler-utils is not installed');

describe('hybrid voting in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'isoloir-e2e-hybrid-'));

  before(async () => {
    server = await startAuthTestServer();
    await openTestHybridPeriod(server.store, DEMO_DAY_ID);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  async function printKit(page: Page, button: string): Promise<{ file: string; text: string; code: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    const file = join(work, `kit-${String(Date.now())}.pdf`);
    writeFileSync(file, readFileSync(await download.path()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const printed = /[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}/.exec(text)?.[0] ?? '';
    const parsed = parseKcode(printed);
    assert.ok(parsed.ok, `the kit prints a valid K-code (${printed})`);
    return { file, text, code: parsed.value };
  }

  let first = '';
  let second = '';

  test('a mode-6 voter prints the kit: lists and K-code in the text, the barcode reads the same code; printing again voids the first', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-hybrid-500');
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { name: 'Hybrid voting (mode 6)' }).waitFor();
    await noViolations(page, 'portal of a hybrid voter');
    // The online ballot box's period and count are not a hybrid voter's: only the hybrid panel's period.
    assert.equal(await page.locator('.vote-election [data-used]').count(), 0);
    assert.equal(await page.locator('.vote-election dd[data-period]').count(), 0);
    const kit = await printKit(page, 'Print my kit (PDF)');
    first = kit.code;
    // The constituency's lists, each with its number and name, are on the blank ballot.
    const nrn = server.persona('voter-hybrid-500').claims.egovNRN ?? '';
    const place = await server.store.db
      .selectFrom('frozen_voter_places')
      .select(['election_id', 'choices'])
      .where('nrn', '=', nrn)
      .where('mode', '=', 6)
      .executeTakeFirstOrThrow();
    const lists = await server.store.db
      .selectFrom('party_lists')
      .select(['list_number', 'label'])
      .where('election_id', '=', place.election_id)
      .where('constituency_code', '=', place.choices[0] ?? '')
      .execute();
    assert.ok(lists.length > 0);
    for (const list of lists) assert.ok(kit.text.includes(list.label), `list ${list.label} on the ballot`);
    assert.ok(kit.text.includes(formatKcode(first)), 'the K-code as text');
    // The labels page follows the instructions: the barcode there reads the printed code.
    const labelsPage = pageWith(kit.file, formatKcode(first));
    assert.ok(labelsPage !== undefined);
    assert.equal(barcodeOn(kit.file, labelsPage, work), first, 'the barcode decodes to the K-code');
    await page.getByText('Your envelope has not reached the main office yet.').first().waitFor();
    // Printing again: a new code, and the first one is void.
    await page.getByText('A new kit carries a new K-code').waitFor();
    const again = await printKit(page, 'Print a new kit');
    second = again.code;
    assert.notEqual(second, first);
    await noViolations(page, 'portal after printing again');
    await context.close();
  });

  test('the status page, without login, says each state in four languages; a typing error is caught on the device', async () => {
    assert.notEqual(first, '', 'the kit was printed');
    // Three more hybrid voters' codes, moved by the main office (as Team A will, issue #16).
    const keyedHash = keyedHashOf(server.store);
    const others = (await hybridVoterNrns(server.store, DEMO_DAY_ID)).filter(
      (nrn) => nrn !== server.persona('voter-hybrid-500').claims.egovNRN,
    );
    assert.ok(others.length >= 3, 'three more hybrid voters');
    const moved: Record<'received' | 'cancelled' | 'counted', string> = { received: '', cancelled: '', counted: '' };
    for (const [i, state] of (['received', 'cancelled', 'counted'] as const).entries()) {
      const nrn = others[i] ?? '';
      moved[state] = (await issueKcode(server.store, keyedHash, DEMO_DAY_ID, nrn, new Date())).code;
      await server.store.db
        .updateTable('hybrid_kcodes')
        .set({
          state,
          cancellation_reason: state === 'cancelled' ? 'voted-at-polling-station' : null,
          state_changed_at: new Date(),
          state_changed_by: 'test:team-a',
        })
        .where('nrn', '=', nrn)
        .where('state', '=', 'issued')
        .execute();
    }
    const unknown = '0'.repeat(17);
    const codes = {
      unknown: formatKcode(unknown + kcodeCheckSymbol(unknown)),
      voided: formatKcode(first),
      issued: second.toLowerCase(),
      received: moved.received,
      cancelled: moved.cancelled,
      counted: moved.counted,
    } as const;
    for (const [language, locale] of [
      ['fr', 'fr-BE'],
      ['nl', 'nl-BE'],
      ['de', 'de-BE'],
      ['en', 'en-GB'],
    ] as const) {
      const words = CATALOGS[language];
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${server.url}/hybrid/status`);
      await page.getByRole('heading', { name: words['hybrid.status.title'] }).waitFor();
      for (const [status, code] of Object.entries(codes) as [keyof typeof codes, string][]) {
        await page.getByLabel(words['hybrid.status.code']).fill(code);
        await page.getByRole('button', { name: words['hybrid.status.check'] }).click();
        const answer = page.locator(`.kcode-status[data-status="${status}"]`);
        await answer.waitFor();
        assert.ok((await answer.innerText()).includes(words[`hybrid.status.${status}`]), `${language}: ${status}`);
        if (status === 'cancelled')
          assert.ok((await answer.innerText()).includes(words['cancel.voted-at-polling-station']));
        if (language === 'en' && status === 'cancelled') await noViolations(page, 'status page');
        // An envelope that arrived: the device computes the code's public hash, as the record lists it.
        const hash = page.locator('[data-public-hash]');
        const compact = parseKcode(code);
        if (['received', 'cancelled', 'counted'].includes(status) && compact.ok) {
          await hash.waitFor();
          assert.equal(await hash.getAttribute('data-public-hash'), publicKcodeHash(DEMO_DAY_ID, compact.value));
        } else assert.equal(await hash.count(), 0, `${language}: ${status}`);
      }
      // A typing error (two symbols swapped) never leaves the device.
      const swapped = second.slice(0, 4) + (second[5] ?? '') + (second[4] ?? '') + second.slice(6);
      if (swapped !== second) {
        let asked = false;
        page.on('request', (r) => {
          if (r.url().endsWith('/api/hybrid/status')) asked = true;
        });
        await page.getByLabel(words['hybrid.status.code']).fill(swapped);
        await page.getByRole('button', { name: words['hybrid.status.check'] }).click();
        await page.getByText(words['hybrid.status.check-failed']).waitFor();
        assert.equal(asked, false, 'a typing error is caught before any lookup');
      }
      await context.close();
    }
  });
});
