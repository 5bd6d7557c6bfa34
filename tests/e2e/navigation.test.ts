// Finding one's way by clicking only, in Chromium: the header (home, vote, board) and the home
// page's starting points in four languages; a voter from the home page through login to the
// "Vote" button of their own page and into the booth; a hybrid voter from the same button to the
// kit; every official from their workspaces to each screen of their role (the trustee's and the
// kiosk operator's say what they do). axe-core finds nothing on any of these pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import { openTestPeriod, publishTestKey } from '@isoloir/server/voting';
import type { Browser, Page } from 'playwright-core';
import { startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const CHAMBER = 'demo-2029-chamber';

const HOME = {
  fr: { nav: ['Accueil', 'Voter', 'Tableau d’affichage'], vote: 'Voter', board: 'Le tableau d’affichage' },
  nl: { nav: ['Startpagina', 'Stemmen', 'Prikbord'], vote: 'Stemmen', board: 'Het prikbord' },
  de: { nav: ['Startseite', 'Wählen', 'Anschlagtafel'], vote: 'Wählen', board: 'Die Anschlagtafel' },
  en: { nav: ['Home', 'Vote', 'Bulletin board'], vote: 'Vote', board: 'The bulletin board' },
} as const;

const API_DOCS = 'The API documentation (every operation)';
const HYBRID_DIFFERENCES = 'Hybrid ballots: differences between the entries';

/**
 * Each role's workspace: its screens in this app (link → heading of the page it opens, each
 * clicked), then the links the server answers itself (the API documentation, the voter's login).
 */
const SCREENS: Readonly<
  Record<
    string,
    {
      readonly persona: string;
      readonly role: string;
      readonly screens: readonly (readonly [string, string])[];
      readonly more?: readonly string[];
    }
  >
> = {
  'po-admin': {
    persona: 'official-po-admin',
    role: 'Organising authority administrator',
    screens: [
      ['Preparation: consolidated file, conflicts, freeze, letters', 'Organising authority: consolidated voter file'],
      ['Key ceremony', 'The trustees’ key ceremony'],
      ['Voting periods: open, close', 'Voting periods'],
      ['A main office’s count', 'Constituency main office: the count'],
      [HYBRID_DIFFERENCES, 'Main office: differences in the entries of the hybrid ballots'],
      ['The public bulletin board', 'Bulletin board'],
    ],
    more: [API_DOCS],
  },
  'commune-official': {
    persona: 'official-commune-official',
    role: 'Commune official',
    screens: [['Load the commune’s voter file', 'The commune’s voter file']],
  },
  'consular-official': {
    persona: 'official-consular-official',
    role: 'Consular official',
    screens: [
      ['Register a Belgian abroad', 'Registering Belgians abroad'],
      ['Passkeys: activation codes and revocation', 'Passkeys for voters abroad'],
    ],
  },
  'team-a': {
    persona: 'official-team-a',
    role: 'Main office, Team A',
    screens: [
      ['Double votes of the constituency (Team A)', 'Main office, Team A: identities'],
      ['Reception of hybrid envelopes (Team A)', 'Main office, Team A: receiving the hybrid envelopes'],
    ],
  },
  'team-b': {
    persona: 'official-team-b',
    role: 'Main office, Team B',
    screens: [
      ['Cancellations and official reports (Team B)', 'Main office, Team B: contents'],
      ['Encoding the hybrid ballots (Team B)', 'Main office, Team B: encoding the hybrid ballots'],
    ],
  },
  president: {
    persona: 'official-president',
    role: 'President of a constituency main office',
    screens: [
      ['A main office’s count', 'Constituency main office: the count'],
      [HYBRID_DIFFERENCES, 'Main office: differences in the entries of the hybrid ballots'],
      ['The public bulletin board', 'Bulletin board'],
    ],
    more: [API_DOCS],
  },
  trustee: {
    persona: 'official-trustee',
    role: 'Key trustee',
    screens: [['The public bulletin board', 'Bulletin board']],
  },
  'kiosk-operator': {
    persona: 'official-kiosk-operator',
    role: 'Kiosk operator',
    screens: [['The public bulletin board', 'Bulletin board']],
    more: ['The voter’s login, to open on the kiosk'],
  },
};

describe('navigation by clicking, in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  before(async () => {
    server = await startAuthTestServer();
    await publishTestKey(server.store, CHAMBER);
    await openTestPeriod(server.store, CHAMBER, 2);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  /** The development identity provider's persona picker: one click on the persona. */
  async function pickPersona(page: Page, persona: string): Promise<void> {
    await page.locator(`button[data-persona="${persona}"]`).click();
    await page.waitForURL((url) => url.href.startsWith(server.url) && !url.pathname.startsWith('/api/'));
  }

  for (const [language, words] of Object.entries(HOME)) {
    test(`the header and the home page's starting points in ${language}`, async () => {
      const context = await browser.newContext({ locale: `${language}-BE` });
      const page = await context.newPage();
      await page.goto(server.url);
      const nav = page.getByRole('navigation', {
        name: /^(Navigation principale|Hoofdnavigatie|Hauptnavigation|Main navigation)$/,
      });
      assert.deepEqual(await nav.getByRole('link').allTextContents(), words.nav);
      assert.equal(await nav.getByRole('link', { name: words.nav[0] }).getAttribute('aria-current'), 'page');
      await page.locator('[data-start-point="vote"] a').filter({ hasText: words.vote }).waitFor();
      await page.locator('[data-start-point="board"] a').filter({ hasText: words.board }).waitFor();
      await noViolations(page, `home ${language}`);
      await nav.getByRole('link', { name: words.nav[2] }).click();
      await page.waitForURL(`${server.url}/board`);
      assert.equal(await nav.getByRole('link', { name: words.nav[2] }).getAttribute('aria-current'), 'page');
      await context.close();
    });
  }

  test('a voter clicks from the home page through login to the booth', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('[data-start-point="vote"]').getByRole('link', { name: 'Vote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await page.getByRole('link', { name: 'I am a voter' }).click();
    await pickPersona(page, 'voter-be-fr-500');
    assert.equal(new URL(page.url()).pathname, '/me');
    const next = page.locator('[data-next="online"]');
    await next.getByRole('heading', { level: 2, name: 'What next?' }).waitFor();
    await noViolations(page, 'voter page');
    await next.getByRole('link', { name: 'Vote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await page.locator('[data-start="1"] a').click();
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    await context.close();
  });

  test('a hybrid voter’s "Vote" button leads to the print kit', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'I am a voter' }).click();
    await pickPersona(page, 'voter-hybrid-500');
    await page.locator('[data-next="hybrid"]').getByRole('link', { name: 'Vote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hybrid voting (mode 6)' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/hybrid');
    await context.close();
  });

  for (const [key, role] of Object.entries(SCREENS)) {
    test(`${key}: the workspace says what the role does and links to each of its screens`, async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('[data-start-point="official"] a').click();
      await pickPersona(page, role.persona);
      assert.equal(new URL(page.url()).pathname, '/official');
      await page.locator('ul.workspaces').getByRole('link', { name: role.role, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: role.role }).waitFor();
      const screens = page.locator(`[data-role-screens="${key}"]`);
      await screens.waitFor();
      assert.ok(((await page.locator('main p.lead').textContent()) ?? '').length > 40, 'the role is said in words');
      if (key === 'trustee') {
        await page.locator('pre[data-cli="keygen"]').getByText('isoloir trustee keygen').waitFor();
        await page.locator('pre[data-cli="count"]').getByText('isoloir trustee --server').waitFor();
      }
      if (key === 'po-admin') {
        // Roles and their scopes in words: a post by its label, a constituency by its name.
        const officials = page.locator('section[aria-labelledby="officials-title"]');
        await officials.getByText('(Embassy of Belgium in Paris)').first().waitFor();
        assert.doesNotMatch((await officials.textContent()) ?? '', /\((liege|paris)\)/);
      }
      await noViolations(page, `workspace ${key}`);
      assert.deepEqual(await screens.getByRole('link').allTextContents(), [
        ...role.screens.map(([name]) => name),
        ...(role.more ?? []),
      ]);
      for (const [name, heading] of role.screens) {
        await screens.getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        assert.equal(await page.getByRole('alert').count(), 0, `${key}: ${name}`);
        await page.goBack();
        await screens.waitFor();
      }
      await context.close();
    });
  }

  test('the trustee’s and the kiosk operator’s workspaces in German are not empty', async () => {
    for (const [persona, role] of [
      ['official-trustee', 'Schlüsselverwahrer'],
      ['official-kiosk-operator', 'Kioskbetreiber'],
    ] as const) {
      const context = await browser.newContext({ locale: 'de-BE' });
      const page = await context.newPage();
      await page.goto(`${server.url}/api/auth/login?as=official`);
      await pickPersona(page, persona);
      await page.getByRole('link', { name: role, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Ihre Bildschirme' }).waitFor();
      assert.match((await page.locator('main p.lead').textContent()) ?? '', /Sie /);
      await noViolations(page, `${persona} in German`);
      await context.close();
    }
  });

  test('the officials’ new screens in French, Dutch and German: words, no raw code, axe-clean', async () => {
    const screens: readonly (readonly [string, string, string])[] = [
      ['official-po-admin', '/counting/periods', 'tr[data-period]'],
      ['official-po-admin', '/counting/office', '#stations-title'],
      ['official-president', '/counting/office', '#stations-title'],
      ['official-team-a', '/counting/team-a', '#station-lists'],
      ['official-team-b', '/counting/team-b', '#pvs'],
      ['official-team-a', '/counting/team-a/hybrid', '#kcode-scan'],
      ['official-team-b', '/counting/team-b/hybrid', '#encode-list'],
      ['official-president', '/counting/office/hybrid', '[data-box-state]'],
    ];
    for (const language of ['fr', 'nl', 'de'] as const) {
      for (const [persona, path, ready] of screens) {
        const context = await browser.newContext({ locale: `${language}-BE` });
        const page = await context.newPage();
        await page.goto(`${server.url}/api/auth/login?as=official`);
        await pickPersona(page, persona);
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        const text = (await page.locator('main').textContent()) ?? '';
        assert.doesNotMatch(text, /demo-2029|count\.|office\.|periods\.|group-state\.|hc\./, `${language} ${path}`);
        await noViolations(page, `${language} ${persona} ${path}`);
        await context.close();
      }
    }
  });
});
