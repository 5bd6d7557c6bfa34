// The preparatory phase in Chromium: a commune official imports a file with bad rows and downloads
// the rejection report; a consular official registers a voter for the kiosk; the organising
// authority consolidates, resolves a conflict, and downloads the per-mode files and convocations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DEMO_DAY_ID } from '@isoloir/server';
import {
  CLI_ACTOR,
  COMMUNE_HEADER,
  communeVoterLine,
  generateVoters,
  importCommuneVoters,
  registerAbroad,
  seedPreparationDemo,
} from '@isoloir/server/preparation';
import type { DevServer } from '@isoloir/server/testing';
import type { Browser, Page } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const SAMPLE = new URL('../../apps/server/src/preparation/samples/commune-62063.csv', import.meta.url).pathname;

async function download(page: Page, name: string | RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return readFileSync(path);
}

void describe('preparation screens in Chromium', { skip: browserSkipReason() }, () => {
  let server: DevServer;
  let browser: Browser;
  before(async () => {
    server = await startAuthTestServer({ prepare: false });
    await seedPreparationDemo(server.store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  void test('a commune official imports a file with bad rows and downloads the rejection report', async () => {
    const context = await browser.newContext({ locale: 'en-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-commune-official', 'official');
    await page.goto(`${server.url}/preparation/commune`);
    await page.getByRole('heading', { level: 1, name: 'The commune’s voter file' }).waitFor();
    // Their picker lists only the communes of their roles (Liège here), once the list has loaded.
    await page.getByLabel('Commune').locator('option[value="62063"]').waitFor({ state: 'attached' });
    assert.deepEqual(
      await page
        .getByLabel('Commune')
        .locator('option')
        .evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
      ['62063'],
    );
    await page.getByLabel('Commune').selectOption('62063');
    await page.getByLabel('CSV file (UTF-8)').setInputFiles(SAMPLE);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import result' }).waitFor();
    assert.equal(await page.getByTestId('accepted').textContent(), '10');
    assert.equal(await page.getByTestId('rejected').textContent(), '4');
    const report = (await download(page, 'Download the report of rejected rows (CSV)')).toString('utf8');
    assert.match(report, /^line,column,code,value\r\n12,nrn,row\.duplicate-nrn,/);
    assert.match(report, /13,nrn,nrn\.checksum,12345678901/);
    // The formula cell comes back neutralised (a leading apostrophe), never as a live formula.
    assert.match(report, /14,surname,row\.formula,"'=HYPERLINK\(""http:\/\/x""\)"/);
    assert.match(report, /15,commune_nis,row\.commune-unknown,99999/);
    // On screen, every reason in words, never its code.
    await page.getByRole('cell', { name: 'this commune (NIS code) is not in the table of communes' }).waitFor();
    await page.getByRole('cell', { name: 'this national register number is twice in the file' }).waitFor();
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /row\.|nrn\.checksum/);
    await page.getByRole('heading', { level: 2, name: 'Next step' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  void test('a consular official registers a voter for the kiosk mode', async () => {
    const context = await browser.newContext({ locale: 'en-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-consular-official', 'official');
    await page.goto(`${server.url}/preparation/consular`);
    await page.getByRole('heading', { level: 1, name: 'Registering Belgians abroad' }).waitFor();
    const [voter] = [...generateVoters(1, 11, 40_000)];
    assert.ok(voter !== undefined);
    await page.getByLabel('National register number').fill(voter.nrn);
    await page.getByLabel('Surname').fill('Lefèvre');
    await page.getByLabel('Given names').fill('Anaïs');
    await page.getByLabel('Date of birth').fill(voter.birthDate);
    await page.getByLabel('Sex').selectOption(voter.sex);
    await page.getByLabel('Address abroad').fill('12 rue de Rivoli, 75001 Paris');
    await page.getByLabel('Country (two-letter ISO code)').fill('FR');
    await page.getByLabel('Commune of attachment').selectOption('21004');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByLabel('Voting mode').selectOption('8');
    await page.getByLabel('Voting kiosk (consular post)').selectOption('paris');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The voter is registered.' }).waitFor();
    await page.getByText('Lefèvre Anaïs – 8 – kiosk voting (Embassy of Belgium in Paris)').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // A registration whose sex does not match the national register number: the refusal says so, in words.
    const [other] = [...generateVoters(1, 21, 41_000)];
    assert.ok(other !== undefined);
    await page.getByLabel('National register number').fill(other.nrn);
    await page.getByLabel('Surname').fill('Martin');
    await page.getByLabel('Given names').fill('Camille');
    await page.getByLabel('Date of birth').fill(other.birthDate);
    await page.getByLabel('Sex').selectOption(other.sex === 'M' ? 'F' : 'M');
    await page.getByLabel('Address abroad').fill('3 rue de la Paix, 75002 Paris');
    await page.getByLabel('Country (two-letter ISO code)').fill('FR');
    await page.getByLabel('Commune of attachment').selectOption('21004');
    await page.getByLabel('Voting mode').selectOption('7');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'the sex does not match the national register number (Sex)' })
      .waitFor();
    await context.close();
  });

  void test('the organising authority consolidates, resolves a conflict and downloads the files', async () => {
    const [resident, twice] = [...generateVoters(2, 12, 50_000)];
    assert.ok(resident !== undefined && twice !== undefined);
    // `twice` lives in Namur and is registered in Paris for online voting: a conflict.
    await importCommuneVoters(server.store, CLI_ACTOR, DEMO_DAY_ID, [
      COMMUNE_HEADER + communeVoterLine(resident, '92094', 0) + communeVoterLine(twice, '92094', 1),
    ]);
    await registerAbroad(server.store, CLI_ACTOR, DEMO_DAY_ID, 'paris', {
      nrn: twice.nrn,
      surname: twice.surname,
      givenNames: twice.givenNames,
      birthDate: twice.birthDate,
      sex: twice.sex,
      address: '1 avenue Foch, Paris',
      country: 'FR',
      email: '',
      attachmentNis: '92094',
      language: twice.language,
      mode: 7,
    });
    const context = await browser.newContext({ locale: 'en-BE' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-po-admin', 'official');
    await page.goto(`${server.url}/preparation/authority`);
    await page.getByRole('heading', { level: 1, name: 'Organising authority: consolidated voter file' }).waitFor();
    await page.getByRole('button', { name: 'Consolidate the voter file' }).click();
    await page.getByRole('cell', { name: 'Registered in a commune and abroad' }).waitFor();
    await page.getByLabel('Decision').selectOption('keep:post:paris');
    await page.getByLabel('Reason').fill('Moved to Paris in 2028');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Resolved: Keep: Embassy of Belgium in Paris').waitFor();
    // The summary is reloaded after the resolution is shown: wait for it rather than read it at once.
    await page.getByTestId('open-conflicts').filter({ hasText: /^0$/ }).waitFor();
    const online = (await download(page, 'Download: 7 – online voting')).toString('utf8');
    assert.match(online, new RegExp(`^${twice.nrn},.*,abroad,92094,paris,,namur\\r$`, 'm'));
    const pdf = await download(page, 'Download (PDF)');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // The freeze asks first, naming what is frozen; Escape cancels, with focus back on the button.
    const freeze = page.getByRole('button', { name: 'Open the voting period (freeze)' });
    await freeze.click();
    const dialog = page.getByRole('dialog', { name: 'Freeze the voter files and open voting?' });
    await dialog.getByText(/To be frozen: the consolidated file of .* \([0-9,]+ voters\)/).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Yes, freeze and open voting');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Open the voting period (freeze)');
    assert.equal(await page.getByRole('status').filter({ hasText: 'The preparation is frozen.' }).count(), 0);
    await freeze.click();
    await dialog.getByRole('button', { name: 'Yes, freeze and open voting' }).click();
    await page.getByRole('status').filter({ hasText: 'The preparation is frozen.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Next step' }).waitFor();
    await page.getByText('SHA-256 fingerprint').first().waitFor();
    const audit = await server.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'preparation.conflict.resolved')
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
