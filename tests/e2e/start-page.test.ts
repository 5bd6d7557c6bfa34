// The start page in each of the four languages, in real Chromium, with no axe-core violations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser, startTestServer, type TestServer } from './harness.ts';

const skip = browserSkipReason();

const EXPECTED = {
  fr: { title: 'Voter à distance, en toute confiance', constituency: 'Circonscription de Liège' },
  nl: { title: 'Op afstand stemmen, met vertrouwen', constituency: 'Kieskring Luik' },
  de: { title: 'Aus der Ferne wählen, mit Vertrauen', constituency: 'Wahlkreis Lüttich' },
  en: { title: 'Vote from afar, with confidence', constituency: 'Liège constituency' },
} as const;

describe('start page in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  for (const [language, expected] of Object.entries(EXPECTED)) {
    test(`in ${language}, from the browser's language, with no accessibility violations`, async () => {
      const context = await browser.newContext({ locale: `${language}-BE` });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: expected.title }).waitFor();
      await page.getByRole('rowheader', { name: expected.constituency }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), language);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  test('the language switcher changes the page, and the choice is kept on reload', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: EXPECTED.nl.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: EXPECTED.nl.title }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await context.close();
  });

  test('keyboard users reach the content first through the skip link', async () => {
    const context = await browser.newContext({ locale: 'en-BE' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: EXPECTED.en.title }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await context.close();
  });
});
