// Passkeys for Belgians abroad (issue #18), in Chromium with its virtual authenticator (CDP
// WebAuthn, user verification on): the consular official issues a code on their screen, the voter
// activates a passkey with it and logs in with the passkey alone; a reused and an expired code are
// refused; a revoked passkey is refused; where the setup says "CSAM only", a voter without a passkey
// lands on the page that says plainly what they can do instead, in four languages. axe-clean.
// The voter's pages are opened on http://localhost (a WebAuthn relying party is a domain name, not
// an IP address); the official's on the server's own address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoIfEmpty } from '@isoloir/server';
import { CSAM_ONLY, DEMO_SETUP } from '@isoloir/server/preparation';
import { SMALL_DEMO, startDevServer, type DevServer } from '@isoloir/server/testing';
import { openStore, type Store } from '@isoloir/store';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const WEB_ROOT = new URL('../../apps/web/dist/', import.meta.url).pathname;

const localhost = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');

/** A voter's browser with a platform authenticator that verifies the user (fingerprint, PIN). */
async function voterPage(browser: Browser, locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { context, page };
}

async function noViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], where);
}

describe('passkeys through the consular post, in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let official: { context: BrowserContext; page: Page };
  let voterNrn: string;

  before(async () => {
    server = await startAuthTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-consular-official', 'official');
    official = { context, page };
    const row = await server.store.db
      .selectFrom('consular_registrations')
      .select('nrn')
      .where('post_code', '=', 'paris')
      .where('mode', '=', 7)
      .orderBy('nrn')
      .executeTakeFirstOrThrow();
    voterNrn = row.nrn;
  });
  after(async () => {
    await official.context.close();
    await browser.close();
    await server.close();
  });

  /** The official finds the voter, confirms the identity check and issues a code; returns it. */
  async function issueCode(): Promise<string> {
    const page = official.page;
    await page.goto(`${server.url}/passkey/consular`);
    await page.getByRole('heading', { level: 1, name: 'Passkeys for voters abroad' }).waitFor();
    await page.getByLabel('National register number').fill(voterNrn);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.locator('[data-voter="found"]').waitFor();
    await page.getByLabel('I have checked this person’s identity document in person').check();
    await page.getByRole('button', { name: 'Issue an activation code' }).click();
    const code = await page.locator('[data-activation-code]').getAttribute('data-activation-code');
    assert.ok(code !== null && /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code), String(code));
    await noViolations(page, 'consular passkeys screen');
    return code;
  }

  async function activate(page: Page, code: string): Promise<void> {
    await page.goto(`${localhost(server.url)}/passkey/activate`);
    await page.getByRole('heading', { level: 1, name: 'Activate your passkey' }).waitFor();
    await page.getByLabel('Activation code').fill(code);
    await page.getByRole('button', { name: 'Create my passkey' }).click();
  }

  test('activation with a code, then login with the passkey alone; a reused code refused', async () => {
    const code = await issueCode();
    const { context, page } = await voterPage(browser);
    await page.goto(`${localhost(server.url)}/login`);
    await page.getByRole('link', { name: 'I am a voter' }).waitFor();
    await page.getByRole('link', { name: 'Activate a passkey with the code from your consular post' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activate your passkey' }).waitFor();
    await noViolations(page, 'activation page');
    await page.getByLabel('Activation code').fill(code);
    await page.getByRole('button', { name: 'Create my passkey' }).click();
    await page.locator('[data-activated="true"]').waitFor();
    await noViolations(page, 'activation done');
    await page.getByRole('link', { name: 'Log in with my passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in with a passkey' }).waitFor();
    await noViolations(page, 'passkey login page');
    await page.getByRole('button', { name: 'Log in with my passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/me');
    await page.getByRole('heading', { level: 2, name: 'Your registration' }).waitFor();
    await page.locator('dd[data-login-method="passkey"]').getByText('Passkey from your consular post').waitFor();
    await noViolations(page, 'voter page after a passkey login');
    const session = await server.store.db
      .selectFrom('sessions')
      .select(['login_method', 'assurance_level'])
      .where('voter_nrn', '=', voterNrn)
      .executeTakeFirstOrThrow();
    assert.deepEqual(session, { login_method: 'passkey', assurance_level: 0 });
    // The same code again, even on the same device: refused.
    await activate(page, code);
    await page.locator('[role="alert"][data-code="passkey.code-used"]').waitFor();
    await noViolations(page, 'reused code');
    await context.close();
  });

  test('an expired code is refused', async () => {
    const code = await issueCode();
    await server.store.db
      .updateTable('passkey_activation_codes')
      .set({ issued_at: new Date(Date.now() - 20 * 86_400_000), expires_at: new Date(Date.now() - 86_400_000) })
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const { context, page } = await voterPage(browser);
    await activate(page, code);
    const alert = page.locator('[role="alert"][data-code="passkey.code-expired"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /expired/);
    await context.close();
  });

  test('a revoked passkey is refused', async () => {
    const code = await issueCode();
    const { context, page } = await voterPage(browser);
    await activate(page, code);
    await page.locator('[data-activated="true"]').waitFor();
    // The post revokes it (the last passkey created is the first row).
    await official.page.goto(`${server.url}/passkey/consular`);
    const row = official.page.locator('tr[data-passkey]').first();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    await page.goto(`${localhost(server.url)}/passkey/login`);
    await page.getByRole('button', { name: 'Log in with my passkey' }).click();
    await page.locator('[role="alert"][data-code="passkey.revoked"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/passkey/login');
    await noViolations(page, 'revoked passkey');
    await context.close();
  });
});

describe('"CSAM only": a voter without a passkey gets the page that explains, in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let store: Store;

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, SMALL_DEMO, { setup: { ...DEMO_SETUP, authentication: CSAM_ONLY } });
    server = await startDevServer({ store, webRoot: WEB_ROOT });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
    await store.close(); // the test's own store: the server leaves it open
  });

  test('from /login, a passkey login without a passkey lands on the explanation: this mode needs CSAM', async () => {
    const { context, page } = await voterPage(browser);
    await page.goto(`${localhost(server.url)}/login`);
    await page.getByRole('link', { name: 'Log in with a passkey (Belgians registered abroad)' }).click();
    await page.getByRole('button', { name: 'Log in with my passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/passkey/without-csam');
    await page.getByRole('heading', { level: 1, name: 'Voting without CSAM' }).waitFor();
    const online = page.locator('li[data-mode="online"][data-rule="csam"]');
    await online.getByText('CSAM only. Without CSAM, you cannot use this voting mode.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'What you can do instead' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /consular post.*2029-03-01/s);
    await noViolations(page, 'without CSAM, en');
    await context.close();
  });

  const WORDS = {
    fr: ['Voter sans CSAM', 'CSAM uniquement'],
    nl: ['Stemmen zonder CSAM', 'Alleen CSAM'],
    de: ['Wählen ohne CSAM', 'Nur CSAM'],
    en: ['Voting without CSAM', 'CSAM only'],
  } as const;
  for (const [language, [title, rule]] of Object.entries(WORDS)) {
    test(`the explanation in ${language}`, async () => {
      const context = await browser.newContext({ locale: `${language}-BE` });
      const page = await context.newPage();
      await page.goto(`${localhost(server.url)}/passkey/without-csam`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('li[data-mode="online"]').getByText(rule).waitFor();
      await noViolations(page, `without CSAM, ${language}`);
      await context.close();
    });
  }
});
