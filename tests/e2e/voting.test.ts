// Online voting in Chromium: a Brussels voter logs in and goes through one booth for three elections
// (one ballot after the other, a review of all, one ballot audited and opened, all cast together in
// one request), gets three receipts, sees each status in the portal, votes again in one election,
// and finds a tracking code on the bulletin board, which shows codes only; axe-core finds nothing on
// any page, at phone width, in French with high contrast and large text. Also measures (never
// asserts) the booth's encryption time of a full Chamber ballot.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import {
  addSecondElection,
  changePeriod,
  addThirdElection,
  openTestPeriod,
  publishTestKey,
  SECOND_ELECTION_ID,
  THIRD_ELECTION_ID,
} from '@isoloir/server/voting';
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
    await addThirdElection(server.store);
    for (const id of [CHAMBER, SECOND_ELECTION_ID, THIRD_ELECTION_ID]) {
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

  /** In the booth, on the list step of the ballot `n` of `total` (`electionId`): list `list` with candidates 1 and 2 (keyboard for the second), or blank. */
  async function fillIn(
    page: Page,
    n: number,
    total: number,
    electionId: string,
    list: number | 'blank',
    check = true,
  ): Promise<void> {
    await page
      .locator(`.ballot-progress[data-election="${electionId}"]`, {
        hasText: `Ballot ${String(n)} of ${String(total)}`,
      })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    if (check) await noViolations(page, `list step ${electionId}`);
    if (list === 'blank') {
      await page.locator('button[data-list="blank"]').click();
      return;
    }
    await page.locator(`button[data-list="${String(list)}"]`).click();
    await page.locator('input[data-effective="1"]').check();
    // Keyboard only: tab to the second candidate and tick it with the space bar.
    await page.locator('input[data-effective="1"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('input[data-effective="2"]').isChecked());
    if (check) await noViolations(page, `candidates step ${electionId}`);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  /** From the portal, the whole booth: Chamber list 1, Brussels Parliament blank, Flemish Parliament list 2; waits for the three sealed ballots. */
  async function fillInAll(page: Page, check = true): Promise<void> {
    await page.locator('[data-start="3"] a').click();
    await fillIn(page, 1, 3, CHAMBER, 1, check);
    await fillIn(page, 2, 3, SECOND_ELECTION_ID, 'blank', check);
    await fillIn(page, 3, 3, THIRD_ELECTION_ID, 2, check);
    await page.getByRole('heading', { level: 2, name: 'Check your ballots' }).waitFor();
    await page.locator('li[data-review-election] [data-tracking]').nth(2).waitFor();
    if (check) await noViolations(page, 'review of three ballots');
  }

  test('one booth, three elections: one ballot after the other, review, audit, cast together, receipts, portal, board', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-bxl-450');
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await page.locator(`section[data-election="${THIRD_ELECTION_ID}"]`).waitFor();
    assert.equal(await page.locator(`section[data-election="${CHAMBER}"] dd[data-max]`).getAttribute('data-max'), '3');
    assert.equal(
      await page.locator(`section[data-election="${CHAMBER}"] dd[data-revotes-left]`).getAttribute('data-revotes-left'),
      '2',
    );
    await noViolations(page, 'portal');

    // Audit first: the revealed randomness opens the Chamber ballot to the chosen list and candidates.
    await fillInAll(page);
    const sealMillis = Number(await page.evaluate(() => document.documentElement.dataset['sealMillis']));
    process.stdout.write(
      `# booth encryption of a ballot (last sealed of three, Brussels): ${sealMillis.toFixed(1)} ms in Chromium\n`,
    );
    const chamberReview = page.locator(`li[data-review-election="${CHAMBER}"]`);
    await chamberReview.getByText('You vote for list').waitFor();
    await page.locator(`li[data-review-election="${SECOND_ELECTION_ID}"]`).getByText('You vote blank.').waitFor();
    await chamberReview.getByRole('button', { name: /^Audit this encrypted ballot/ }).click();
    await page.getByRole('heading', { level: 2, name: /^Ballot audit/ }).waitFor();
    await noViolations(page, 'audit');
    const audited = await page.locator('.tracking-code').first().textContent();
    // The check runs in the booth itself: the voter's choices stay, and the booth seals anew.
    await page.getByRole('button', { name: 'Decrypt with the randomness' }).click();
    // The opening is computed after the click: wait for it rather than read the list at once.
    await page.locator('[data-decrypted] li').nth(2).waitFor();
    const decrypted = await page.locator('[data-decrypted] li').allTextContents();
    assert.match(decrypted[0] ?? '', /^List 1 — /);
    assert.deepEqual(
      decrypted.slice(1).map((l) => l.split('.')[0]),
      ['Effective candidates: 1', 'Effective candidates: 2'],
    );
    await page.getByText('To check it on another device, copy this data and paste it at').waitFor();
    await noViolations(page, 'verify in the booth');
    // The same check on a second device: the QR code's link, opened in another browser with no session.
    await page.getByRole('button', { name: 'Check it on another device (QR code)' }).click();
    const qr = page.getByRole('img', { name: /^QR code of the link/ });
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    const link = (await page.locator('a[data-handover-link]').getAttribute('href')) ?? '';
    const [, id, key] = /\/vote\/verify\?handover=([A-Za-z0-9_-]{22})#([A-Za-z0-9_-]{43})$/.exec(link) ?? [];
    assert.ok(id !== undefined && key !== undefined, link);
    await noViolations(page, 'handover QR code');
    const handedOver = await server.store.db
      .selectFrom('audit_handovers')
      .select('blob')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const storedText = Buffer.from(handedOver.blob).toString('latin1');
    assert.ok(!storedText.includes('randomness') && !storedText.includes(key), 'the server keeps no readable audit');
    const phone = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const second = await phone.newPage();
    await second.goto(link);
    const opened = second.locator('[data-decrypted] li');
    await opened.nth(decrypted.length - 1).waitFor();
    assert.deepEqual(await opened.allTextContents(), decrypted);
    await noViolations(second, 'verify on a second device');
    // A link whose key was changed opens nothing: it says so, and shows no choice.
    const forged = await phone.newPage();
    await forged.goto(`${link.slice(0, -3)}${key.endsWith('A') ? 'BBB' : 'AAA'}`);
    await forged
      .getByRole('alert')
      .getByText(/This link does not open an audited ballot/)
      .waitFor();
    assert.equal(await forged.locator('[data-decrypted]').count(), 0);
    await phone.close();
    await page.getByRole('button', { name: 'Encrypt again and continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'Check your ballots' }).waitFor();
    await chamberReview.getByText('You vote for list').waitFor();
    await page.locator('li[data-review-election] [data-tracking]').nth(2).waitFor();
    assert.notEqual(await chamberReview.locator('[data-tracking]').getAttribute('data-tracking'), audited);

    // The send button is the page's one primary action: it does not look like the others.
    const look = async (name: RegExp): Promise<string> =>
      page
        .getByRole('button', { name })
        .first()
        .evaluate((b) => {
          const style = getComputedStyle(b);
          return `${style.backgroundColor} ${style.color} ${style.fontWeight}`;
        });
    assert.notEqual(await look(/^Validate and send my votes$/), await look(/^Change this ballot/));

    // Change one ballot from the review, then cast the three together.
    await page
      .locator(`li[data-review-election="${THIRD_ELECTION_ID}"]`)
      .getByRole('button', { name: /^Change this ballot/ })
      .click();
    await fillIn(page, 3, 3, THIRD_ELECTION_ID, 'blank', false);
    await page.locator(`li[data-review-election="${THIRD_ELECTION_ID}"]`).getByText('You vote blank.').waitFor();
    await page.locator('li[data-review-election] [data-tracking]').nth(2).waitFor();
    const sealedCodes = await page
      .locator('li[data-review-election] [data-tracking]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-tracking')));
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your votes are registered.' }).waitFor();
    await noViolations(page, 'receipts');
    const receipts = await page
      .locator('[data-receipt]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-receipt')));
    assert.deepEqual(receipts, sealedCodes);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the receipts' }).click();
    assert.match((await download).suggestedFilename(), /^isoloir-receipts-/);
    // One ballot per election, received; the audited ballot was never cast.
    const stored = await server.store.db
      .selectFrom('ballots')
      .select(['election_id', 'tracking_code', 'status'])
      .where(
        'tracking_code',
        'in',
        receipts.filter((r): r is string => r !== null),
      )
      .orderBy('election_id')
      .execute();
    assert.deepEqual(
      stored.map((b) => `${b.election_id}:${b.status}`),
      [CHAMBER, SECOND_ELECTION_ID, THIRD_ELECTION_ID].sort().map((e) => `${e}:received`),
    );
    assert.equal(
      (
        await server.store.db
          .selectFrom('ballots')
          .select('id')
          .where('tracking_code', '=', audited ?? '')
          .execute()
      ).length,
      0,
    );

    // The receipt's link opens the board already searched: the code found, in words, and marked.
    await page.getByRole('link', { name: 'Find your tracking code on the bulletin board.' }).first().click();
    await page.locator('[data-found="bruxelles-capitale"]').waitFor();
    await page.locator('[data-found-code] code', { hasText: receipts[0] ?? '' }).waitFor();
    const found = (await page.locator('[data-found]').textContent()) ?? '';
    assert.doesNotMatch(found, /demo-2029|bruxelles-capitale/);
    const options = await page.getByLabel('Constituency').locator('option').allTextContents();
    assert.ok(
      options.some((o) => /\(1 ballot\)$/.test(o)),
      options.join(' | '),
    );
    assert.ok(options.every((o) => !/\(1 ballots\)/.test(o)));
    await noViolations(page, 'board, searched from the receipt');
    // Vote again in the Chamber only: the portal says the last vote counts, in words, with the time of the last update.
    await page.goto(`${server.url}/vote/${CHAMBER}`);
    await fillIn(page, 1, 1, CHAMBER, 'blank', false);
    await page.locator('li[data-review-election] [data-tracking]').waitFor();
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your votes are registered.' }).waitFor();
    const receiptCode = receipts[0] ?? '';
    await page.getByRole('button', { name: 'Back to my elections' }).click();
    const chamber = page.locator(`section[data-election="${CHAMBER}"]`);
    await chamber.locator('li[data-status="superseded"]').waitFor();
    await chamber.getByText('Only your last vote counts.').waitFor();
    assert.deepEqual(
      await chamber.locator('li[data-status]').evaluateAll((items) => items.map((i) => i.getAttribute('data-status'))),
      ['superseded', 'received'],
    );
    assert.match(
      (await chamber.locator('li[data-status="received"]').textContent()) ?? '',
      /vote registered — last updated /,
    );
    assert.equal(await chamber.locator('dd[data-used]').getAttribute('data-used'), '2');
    assert.equal(await chamber.locator('dd[data-revotes-left]').getAttribute('data-revotes-left'), '1');
    await page.locator(`section[data-election="${THIRD_ELECTION_ID}"] li[data-status="received"]`).waitFor();
    await noViolations(page, 'portal after voting');

    // The bulletin board finds the first (now superseded) Chamber code, and never says so.
    await page.goto(`${server.url}/board/${CHAMBER}?code=${receiptCode}`);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('[data-found="bruxelles-capitale"]').waitFor();
    await page.getByLabel('Constituency').selectOption('bruxelles-capitale');
    await page.locator('.board-codes code', { hasText: receiptCode }).waitFor();
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /superseded|counted|cancelled/i);
    await noViolations(page, 'board');
    await context.close();
  });

  test('the organising authority’s dashboard while voting runs: the ballots just cast per hour, hidden below the minimum (axe-clean)', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-po-admin', 'official');
    await page.goto(`${server.url}/watch/${CHAMBER}`);
    await page.getByRole('heading', { level: 2, name: 'Kiosks at the consular posts' }).waitFor();
    const hours = page.getByTestId('watch-hours');
    await hours.waitFor();
    // The Brussels voter's Chamber ballot of the first test: one ballot, shown as "fewer than N", never 1.
    const row = hours.locator('tbody tr').filter({ hasText: 'online' });
    await row.first().waitFor();
    assert.match((await row.first().textContent()) ?? '', /fewer than \d+$/);
    assert.deepEqual(await axeViolations(page), [], 'dashboard while voting');
    await context.close();
  });

  test('the booth in French, high contrast and large text; an election not offered is not in the booth', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-fr-500');
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { level: 1, name: 'Voter en ligne' }).waitFor();
    await page.getByLabel('Contraste élevé').check();
    await page.getByLabel('Grands caractères').check();
    await noViolations(page, 'portal, high contrast');
    // This Liège voter has the Chamber only: one ballot in the booth.
    await page.locator('[data-start="1"] a').click();
    await page.locator('.ballot-progress', { hasText: 'Bulletin 1 sur 1' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Étape 1 sur 3 : choisissez une liste, ou votez blanc' })
      .waitFor();
    await noViolations(page, 'booth, high contrast, French');
    // The Brussels Parliament is not this voter's election: the booth has no ballot for it.
    await page.goto(`${server.url}/vote/${SECOND_ELECTION_ID}`);
    await page.getByText('Vous n’avez aucun bulletin à voter maintenant.').waitFor();
    await context.close();
  });

  test('the booth closes with the period: closed while open, it says so at the next step, and stays closed', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-fr-500');
    await page.goto(`${server.url}/vote`);
    await page.locator('[data-start="1"] a').click();
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    // The organising authority closes the Chamber's online period while this booth is open.
    const closed = await changePeriod(server.store.db, CHAMBER, 'online', 'close', 'test', new Date());
    assert.ok(closed.ok);
    await page.locator('button[data-list="blank"]').click();
    await page.getByRole('heading', { level: 2, name: 'The voting period is closed' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Validate and send/ }).count(), 0);
    await noViolations(page, 'booth closed');
    await page.goto(`${server.url}/vote/${CHAMBER}`);
    await page.getByRole('heading', { level: 2, name: 'The voting period is closed' }).waitFor();
    await page.getByRole('link', { name: 'Back to my elections' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await context.close();
  });
});
