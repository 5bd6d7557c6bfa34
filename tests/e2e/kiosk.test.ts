// Kiosk voting at a consular post (mode 8, issue #17) in Chromium: the post's operator issues an
// enrolment code and the kiosk's browser enrols (its WebCrypto key kept in IndexedDB); a voter logs
// in on the kiosk with the eID persona, votes, gets the tracking code and leaves: nothing of them
// remains in the DOM, the storages or the session; the same voter's second visit is refused with
// its code; a second voter validates with the network cut (Chromium set offline): the ballot is
// kept on the kiosk, and once back online arrives exactly once. axe-clean.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testSession, type DevServer } from '@isoloir/server/testing';
import { changePeriod, openTestPeriod, publishTestKey } from '@isoloir/server/voting';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const CHAMBER = 'demo-2029-chamber';

describe('kiosk voting at a consular post, in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let kiosk: { context: BrowserContext; page: Page };

  const kioskBallots = async (): Promise<{ nrn: string; id: string }[]> =>
    server.store.db.selectFrom('ballots').select(['voter_nrn as nrn', 'id']).where('mode', '=', 'kiosk').execute();

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  /** On the kiosk, logged in: the booth's one ballot (the Chamber) blank, up to the review. */
  async function fillInBlank(page: Page): Promise<void> {
    await page.locator('button[data-list="blank"]').click();
    await page.getByRole('heading', { level: 2, name: 'Check your ballots' }).waitFor();
    await page.locator('li[data-review-election] [data-tracking]').waitFor();
  }

  before(async () => {
    server = await startAuthTestServer();
    await publishTestKey(server.store, CHAMBER);
    await openTestPeriod(server.store, CHAMBER, 2);
    const opened = await changePeriod(server.store.db, CHAMBER, 'kiosk', 'open', 'official:test', new Date());
    assert.equal(opened.ok, true);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB' });
    kiosk = { context, page: await context.newPage() };
  });
  after(async () => {
    await kiosk.context.close();
    await browser.close();
    await server.close();
  });

  test('the operator issues a code; the kiosk enrols with it and shows the welcome screen', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-kiosk-operator', 'official');
    await page.goto(`${server.url}/kiosk/operator`);
    await page.getByRole('heading', { level: 1, name: 'The post’s voting kiosks' }).waitFor();
    await page.getByText('Post: ').locator('strong', { hasText: 'paris' }).waitFor();
    await page.getByRole('button', { name: 'New enrolment code' }).click();
    const code = await page.locator('[data-enrolment-code]').getAttribute('data-enrolment-code');
    assert.ok(code !== null && /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code), String(code));
    await noViolations(page, 'operator screen');

    await kiosk.page.goto(`${server.url}/kiosk`);
    await kiosk.page.getByRole('heading', { level: 1, name: 'Enrol this kiosk' }).waitFor();
    await noViolations(kiosk.page, 'enrolment screen');
    await kiosk.page.getByLabel('Enrolment code').fill(code);
    await kiosk.page.getByLabel('Kiosk name').fill('Paris, hall');
    await kiosk.page.getByRole('button', { name: 'Enrol the kiosk' }).click();
    await kiosk.page.getByRole('heading', { level: 1, name: 'Welcome to the voting kiosk' }).waitFor();
    await noViolations(kiosk.page, 'welcome screen');
    const enrolled = await server.store.db.selectFrom('kiosks').select(['post_code', 'label']).execute();
    assert.deepEqual(enrolled, [{ post_code: 'paris', label: 'Paris, hall' }]);
    await page.reload();
    await page.locator('tr[data-kiosk-row]', { hasText: 'Paris, hall' }).waitFor();
    await context.close();
  });

  test('a kiosk session end to end; leaving leaves no trace; the second visit is refused', async () => {
    const page = kiosk.page;
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('link', { name: 'Start: log in with my eID card' }).click();
    await page.locator('button[data-persona="voter-kiosk-500"]').click();
    await page.waitForURL((url) => url.pathname === '/kiosk');
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    await noViolations(page, 'kiosk booth');
    await fillInBlank(page);
    assert.equal(await page.getByRole('button', { name: /Audit/ }).count(), 0, 'no audit at a kiosk');
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.locator('[data-kiosk-screen="sent"]').waitFor();
    const tracking = await page.locator('[data-kiosk-screen="sent"] [data-tracking]').getAttribute('data-tracking');
    assert.ok(tracking !== null && /^[0-9a-f]{64}$/.test(tracking));
    await noViolations(page, 'kiosk confirmation');
    const stored = await kioskBallots();
    assert.equal(stored.length, 1);
    const voter = stored[0]?.nrn ?? '';

    await page.getByRole('button', { name: 'I’m leaving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to the voting kiosk' }).waitFor();
    const trace = await page.evaluate(async () => ({
      html: document.documentElement.outerHTML,
      session: window.sessionStorage.length,
      local: window.localStorage.length,
      authenticated: ((await (await fetch('/api/auth/session')).json()) as { authenticated: boolean }).authenticated,
    }));
    assert.equal(trace.html.includes(tracking), false, 'the tracking code is gone from the page');
    assert.equal(trace.html.includes(voter), false);
    assert.deepEqual([trace.session, trace.local, trace.authenticated], [0, 0, false]);

    await page.getByRole('link', { name: 'Start: log in with my eID card' }).click();
    await page.locator('button[data-persona="voter-kiosk-500"]').click();
    await page.waitForURL((url) => url.pathname === '/kiosk');
    await page.locator('[role="alert"][data-code="kiosk.already-voted"]').waitFor();
    await noViolations(page, 'second visit refused');
    await page.getByRole('button', { name: 'I’m leaving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to the voting kiosk' }).waitFor();
    assert.equal((await kioskBallots()).length, 1);
  });

  test('the network drops at validation: kept on the kiosk, sent once when the link returns', async () => {
    const page = kiosk.page;
    const voted = new Set((await kioskBallots()).map((b) => b.nrn));
    const other = await server.store.db
      .selectFrom('frozen_voters')
      .select('nrn')
      .where('mode', '=', 8)
      .where('kiosk_post', '=', 'paris')
      .orderBy('nrn')
      .execute();
    const nrn = other.map((o) => o.nrn).find((n) => !voted.has(n));
    assert.ok(nrn !== undefined, 'the demo has a second kiosk voter at Paris');
    // The second voter's CSAM login, as the provider would have made it (the persona picker has one kiosk voter).
    const session = await testSession(server.store, { kind: 'voter', nrn, level: 500 });
    const [name, value] = session.headers.cookie.split('=');
    await kiosk.context.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    await fillInBlank(page);
    await kiosk.context.setOffline(true);
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.locator('[data-kiosk-screen="queued"]').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your vote is recorded on this kiosk' }).waitFor();
    await noViolations(page, 'recorded on the kiosk');
    assert.equal((await kioskBallots()).filter((b) => b.nrn === nrn).length, 0);
    await kiosk.context.setOffline(false);
    for (let i = 0; i < 60 && (await kioskBallots()).every((b) => b.nrn !== nrn); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 500));
    // A few more rounds of the loop: still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    assert.equal((await kioskBallots()).filter((b) => b.nrn === nrn).length, 1);
    const queued = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('isoloir-kiosk');
          open.onsuccess = () => {
            const count = open.result.transaction('queue').objectStore('queue').count();
            count.onsuccess = () => {
              resolve(count.result);
            };
          };
        }),
    );
    assert.equal(queued, 0);
    const row = await server.store.db.selectFrom('kiosks').select(['queued', 'last_seen_at']).executeTakeFirstOrThrow();
    assert.equal(row.queued, 0);
    assert.ok(row.last_seen_at !== null);
  });
});
