// Separation of duties in Chromium (issue #19): on the administration screen, one PO administrator
// asks for a role; it waits in the pending list; the same administrator's Confirm is refused; the
// second administrator confirms it and only then does the official hold it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DevServer } from '@isoloir/server/testing';
import type { Browser } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

void describe('role grants in Chromium: two administrators', { skip: browserSkipReason() }, () => {
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

  const rolesOf = async (officialId: string): Promise<string[]> =>
    (
      await server.store.db
        .selectFrom('role_assignments')
        .select('role')
        .where('official_id', '=', officialId)
        .execute()
    ).map((r) => r.role);

  void test('the first asks, cannot confirm alone; the second confirms; the role takes effect then', async () => {
    const first = await browser.newContext({ locale: 'en-BE' });
    const page = await first.newPage();
    await loginInBrowser(page, server.url, 'official-po-admin', 'official');
    await page.goto(`${server.url}/official/po-admin`);
    await page.getByRole('heading', { level: 2, name: 'Officials and roles' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Waiting for a second administrator' }).waitFor();
    await page.getByText('No role is waiting for confirmation.').waitFor();
    await page.locator('select[name="official"]').selectOption('dev-observer');
    await page.locator('select[name="role"]').selectOption('trustee');
    await page.getByRole('button', { name: 'Give a role' }).click();
    await page.getByRole('status').filter({ hasText: 'Asked: the role takes effect' }).waitFor();
    const pending = page.locator('ul.pending-grants li');
    await pending.filter({ hasText: 'Pieter De Smet: Key trustee, asked by Anne Peeters' }).waitFor();
    assert.deepEqual(await rolesOf('dev-observer'), ['observer']);
    assert.deepEqual(await axeViolations(page), []);
    // The one who asked cannot confirm.
    await pending.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'a second administrator confirms it' }).waitFor();
    assert.deepEqual(await rolesOf('dev-observer'), ['observer']);
    await first.close();

    const second = await browser.newContext({ locale: 'en-BE' });
    const other = await second.newPage();
    await loginInBrowser(other, server.url, 'official-po-admin-2', 'official');
    await other.goto(`${server.url}/official/po-admin`);
    const theirs = other.locator('ul.pending-grants li').filter({ hasText: 'Pieter De Smet: Key trustee' });
    await theirs.getByRole('button', { name: 'Confirm' }).click();
    await other.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await other.getByText('No role is waiting for confirmation.').waitFor();
    assert.deepEqual((await rolesOf('dev-observer')).sort(), ['observer', 'trustee']);
    await second.close();
  });
});
