// Shared by the officials' browser tests (split in two files to keep each under 20 s): each role's
// persona reaches exactly the workspaces of its role; another role's workspace is refused (403).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import type { Browser } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { browserSkipReason, launchBrowser } from './harness.ts';

export const ROLE_NAMES = {
  'po-admin': 'Organising authority administrator',
  'commune-official': 'Commune official',
  'consular-official': 'Consular official',
  'team-a': 'Main office, Team A',
  'team-b': 'Main office, Team B',
  trustee: 'Key trustee',
  'kiosk-operator': 'Kiosk operator',
  observer: 'Observer',
} as const;
export type Role = keyof typeof ROLE_NAMES;
export const ROLES = Object.keys(ROLE_NAMES) as Role[];
const FORBIDDEN = 'Your role does not give access to this.';

export function describeRoles(
  title: string,
  roles: readonly Role[],
  extra?: (context: () => { server: DevServer; browser: Browser }) => void,
): void {
  void describe(title, { skip: browserSkipReason() }, () => {
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

    for (const role of roles) {
      void test(`${role} reaches exactly their screens`, async () => {
        const context = await browser.newContext({ locale: 'en-BE' });
        const page = await context.newPage();
        await loginInBrowser(page, server.url, `official-${role}`, 'official');
        assert.equal(new URL(page.url()).pathname, '/official');
        await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
        const links = page.locator('ul.workspaces a');
        await links.first().waitFor();
        assert.deepEqual(await links.allTextContents(), [ROLE_NAMES[role]]);
        await links.first().click();
        await page.getByRole('heading', { level: 1, name: ROLE_NAMES[role] }).waitFor();
        if (role === 'po-admin') await page.getByRole('heading', { level: 2, name: 'Officials and roles' }).waitFor();
        assert.equal(await page.getByRole('alert').count(), 0);
        for (const other of ROLES.filter((r) => r !== role).slice(0, 1)) {
          await page.goto(`${server.url}/official/${other}`);
          await page.getByRole('alert').filter({ hasText: FORBIDDEN }).waitFor();
        }
        await context.close();
      });
    }
    extra?.(() => ({ server, browser }));
  });
}

export async function voterIsRefusedOfficialScreens(server: DevServer, browser: Browser): Promise<void> {
  const context = await browser.newContext({ locale: 'en-BE' });
  const page = await context.newPage();
  await loginInBrowser(page, server.url, 'voter-be-nl-450');
  await page.goto(`${server.url}/official/po-admin`);
  await page.getByRole('alert').filter({ hasText: FORBIDDEN }).waitFor();
  await context.close();
}
