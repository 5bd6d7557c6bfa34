// Voters in Chromium: login through the development identity provider to their own page, the
// Level 200 refusal on a translated page, and logout (isoloir's session and the provider's).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import type { Browser } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();

describe('voter login in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  before(async () => {
    server = await startAuthTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function constituencyLabel(code: string, language: 'fr' | 'nl' | 'de' | 'en'): Promise<string> {
    const row = await server.store.db
      .selectFrom('constituencies')
      .select('label')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.label[language];
  }

  test('a voter logs in from the login page and sees their own name and constituency', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Je suis électeur ou électrice' }).click();
    const persona = server.persona('voter-be-fr-500');
    await page.locator('button[data-persona="voter-be-fr-500"]').click();
    await page.waitForURL(`${server.url}/me`);
    await page
      .getByRole('heading', { level: 1, name: `Bonjour, ${persona.claims.givenName} ${persona.claims.surname}` })
      .waitFor();
    assert.equal(
      await page.locator('dd[data-constituency]').textContent(),
      await constituencyLabel(persona.constituency ?? '', 'fr'),
    );
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('a voter abroad, in Dutch', async () => {
    const context = await browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    const persona = server.persona('voter-abroad-450');
    await loginInBrowser(page, server.url, persona.id);
    await page
      .getByRole('heading', { level: 1, name: `Dag, ${persona.claims.givenName} ${persona.claims.surname}` })
      .waitFor();
    await page.getByText('vanuit het buitenland').waitFor();
    assert.equal(
      await page.locator('dd[data-constituency]').textContent(),
      await constituencyLabel(persona.constituency ?? '', 'nl'),
    );
    await context.close();
  });

  test('a Level 200 persona is refused with a translated reason, and gets no session', async () => {
    const context = await browser.newContext({ locale: 'de-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-level-200');
    assert.equal(new URL(page.url()).pathname, '/login/refused');
    await page.getByRole('heading', { level: 1, name: 'Anmeldung abgelehnt' }).waitFor();
    await page.getByText('Diese Anmeldemethode ist nicht sicher genug').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // "Try again" asks the provider for a fresh login: the persona picker, not the same refusal.
    await page.getByRole('link', { name: 'Erneut versuchen' }).click();
    await page.locator('button[data-persona="voter-be-fr-500"]').waitFor();
    await page.goto(`${server.url}/me`);
    await page.getByText('Sie müssen sich zuerst anmelden.').waitFor();
    await context.close();
  });

  test('logout ends isoloir’s session and the provider’s', async () => {
    const context = await browser.newContext({ locale: 'en-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'voter-be-nl-450');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    // The provider forgot the person too: the next login shows the persona picker again.
    await page.goto(`${server.url}/api/auth/login?as=voter`);
    await page.locator('button[data-persona="voter-be-nl-450"]').waitFor();
    await context.close();
  });
});
