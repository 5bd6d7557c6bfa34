// Online voting in Chromium: a Brussels voter logs in, votes in two elections, votes again, sees
// "last vote counts" and their status; audits a ballot and sees the decrypted choice; gets a receipt
// and finds its tracking code on the bulletin board; axe-core finds nothing on any booth page.
// Also measures (never asserts) the booth's encryption time of a full Chamber ballot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import { addSecondElection, openTestPeriod, publishTestKey, SECOND_ELECTION_ID } from '@isoloir/server/voting';
import type { Browser, Page } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const CHAMBER = 'demo-2029-chamber';

describe('online voting in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  before(async () => {
    server = await startAuthTestServer();
    await addSecondElection(server.store);
    for (const id of [CHAMBER, SECOND_ELECTION_ID]) {
      await publishTestKey(server.store, id);
      await openTestPeriod(server.store, id, 2);
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  /** From the portal: opens the booth of `electionId` and fills in list 1 with candidates 1 and 2. */
  async function fillIn(page: Page, electionId: string, check = true): Promise<void> {
    await page.locator(`section[data-election="${electionId}"] a.button`).click();
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    if (check) await noViolations(page, 'list step');
    await page.locator('button[data-list="1"]').click();
    await page.locator('input[data-effective="1"]').check();
    // Keyboard only: tab to the second candidate and tick it with the space bar.
    await page.locator('input[data-effective="1"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('input[data-effective="2"]').isChecked());
    if (check) await noViolations(page, 'candidates step');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-tracking]').waitFor();
    if (check) await noViolations(page, 'review step');
  }

  test('vote in two elections, vote again, audit, receipt, bulletin board', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-bxl-450');
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await page.locator(`section[data-election="${SECOND_ELECTION_ID}"]`).waitFor();
    await noViolations(page, 'portal');

    // Audit first: the revealed randomness opens the ballot to the chosen list and candidates.
    await fillIn(page, CHAMBER);
    const sealMillis = Number(await page.evaluate(() => document.documentElement.dataset['sealMillis']));
    process.stdout.write(`# booth encryption of a full Chamber ballot (Brussels, list 1): ${sealMillis.toFixed(1)} ms in Chromium\n`);
    await page.getByRole('button', { name: 'Audit this encrypted ballot (it will not be sent)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ballot audit' }).waitFor();
    await noViolations(page, 'audit');
    const audited = await page.locator('.tracking-code').first().textContent();
    await page.getByRole('link', { name: 'Verify the audited ballot' }).click();
    await page.getByRole('button', { name: 'Decrypt with the randomness' }).click();
    const decrypted = await page.locator('[data-decrypted] li').allTextContents();
    assert.match(decrypted[0] ?? '', /^List 1 — /);
    assert.deepEqual(decrypted.slice(1).map((l) => l.split('.')[0]), ['Effective candidates: 1', 'Effective candidates: 2']);
    await noViolations(page, 'verify');
    // The audited ballot was never cast.
    const cast = await server.store.db.selectFrom('ballots').select('tracking_code').execute();
    assert.ok(!cast.some((b) => b.tracking_code === audited));

    // Vote in both elections, then again in the Chamber.
    for (const electionId of [CHAMBER, SECOND_ELECTION_ID, CHAMBER]) {
      await page.goto(`${server.url}/vote`);
      await fillIn(page, electionId, false);
      await page.getByRole('button', { name: 'Validate and send my vote' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your vote is registered.' }).waitFor();
    }
    await noViolations(page, 'receipt');
    const receiptCode = await page.locator('[data-receipt]').getAttribute('data-receipt');
    assert.ok(receiptCode !== null && /^[0-9a-f]{64}$/.test(receiptCode));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the receipt' }).click();
    assert.match((await download).suggestedFilename(), /^isoloir-receipt-/);

    // The portal: last vote counts, statuses.
    await page.getByRole('button', { name: 'Back to my elections' }).click();
    const chamber = page.locator(`section[data-election="${CHAMBER}"]`);
    await chamber.locator('li[data-status="superseded"]').waitFor();
    await chamber.getByText('Only your last vote counts.').waitFor();
    assert.deepEqual(await chamber.locator('li[data-status]').evaluateAll((items) => items.map((i) => i.getAttribute('data-status'))), ['superseded', 'received']);
    assert.equal(await chamber.locator('dd[data-used]').getAttribute('data-used'), '2');
    await page.locator(`section[data-election="${SECOND_ELECTION_ID}"] li[data-status="received"]`).waitFor();

    // The bulletin board finds the receipt's tracking code.
    await page.goto(`${server.url}/board/${CHAMBER}?code=${receiptCode}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('[data-found="bruxelles-capitale"]').waitFor();
    await page.getByLabel('Constituency').selectOption('bruxelles-capitale');
    await page.locator('.board-codes code', { hasText: receiptCode }).waitFor();
    await noViolations(page, 'board');
    await context.close();
  });

  test('the booth in French and in high contrast; a refusal is translated', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-fr-500');
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { level: 1, name: 'Voter en ligne' }).waitFor();
    await page.getByLabel('Contraste élevé').check();
    await page.getByLabel('Grands caractères').check();
    await noViolations(page, 'portal, high contrast');
    // The Brussels Parliament is not this Liège voter's election: the booth says so, translated.
    await page.goto(`${server.url}/vote/${SECOND_ELECTION_ID}`);
    await page.getByText('Vous n’êtes pas inscrit(e) au vote en ligne pour cette élection.').waitFor();
    await context.close();
  });
});
