// The hybrid count at the main office in Chromium (issue #16). Team A receives envelopes with a
// simulated barcode scanner (the K-code typed, then Enter): accepted, unknown code, second envelope,
// voided code, a typing error caught on the device; the screen says what to do in words, the field is
// cleared and keeps the focus; a polling-station list then cancels an accepted envelope and names its
// box and order number. Team B's two members encode a small box (the second blind to the first) with
// one difference, which the president decides. axe-core finds nothing on any of these screens.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { formatKcode, kcodeFromBytes, KCODE_RANDOM_BYTES, makeNrn } from '@isoloir/electoral';
import { createOfficial, DEMO_DAY_ID, DEMO_ELECTION_ID } from '@isoloir/server';
import { issueKcode, keyedHashOf, openTestHybridPeriod } from '@isoloir/server/hybrid';
import { confirmGrant, requestGrant, startDevServer, testSession, type DevServer } from '@isoloir/server/testing';
import type { Browser, Page } from 'playwright-core';
import { loginInBrowser } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const WEB_ROOT = new URL('../../apps/web/dist/', import.meta.url).pathname;

describe('the hybrid count at the main office, in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let liege: string[];

  before(async () => {
    server = await startDevServer({ webRoot: WEB_ROOT, demo: { voters: 1500, abroadPerMille: 100, seed: 16 } });
    await openTestHybridPeriod(server.store, DEMO_DAY_ID);
    const rows = await server.store.db
      .selectFrom('frozen_voter_places')
      .select(['nrn', 'choices'])
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('mode', '=', 6)
      .orderBy('nrn')
      .execute();
    const persona = server.persona('voter-hybrid-500').claims.egovNRN;
    liege = rows.filter((r) => r.choices[0] === 'liege' && r.nrn !== persona).map((r) => r.nrn);
    assert.ok(liege.length >= 3, `hybrid voters of Liège: ${String(liege.length)}`);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }
  const kit = async (nrn: string): Promise<string> =>
    (await issueKcode(server.store, keyedHashOf(server.store), DEMO_DAY_ID, nrn, new Date())).code;

  test('Team A receives envelopes with a scanner: the screen says at once what to do with each', async () => {
    const [a, b, c] = [liege[0] ?? '', liege[1] ?? '', liege[2] ?? ''];
    const codeA = await kit(a);
    const voidedB = await kit(b);
    const liveB = await kit(b);
    const codeC = await kit(c);
    const unknown = kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES));
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'official-team-a', 'official');
    await page.goto(`${server.url}/counting/team-a/hybrid`);
    await page
      .getByRole('heading', { level: 1, name: 'Main office, Team A: receiving the hybrid envelopes' })
      .waitFor();
    const field = page.locator('#kcode-scan');
    await field.waitFor();
    await page.locator('[data-accepted-box="belgium"]').waitFor();
    await noViolations(page, 'reception, empty');
    const decision = page.locator('.reception-decision');
    assert.equal(await decision.getAttribute('aria-live'), 'assertive');
    const session = page.locator('ol.reception-list > li');
    const scan = async (code: string, n: number): Promise<string> => {
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'kcode-scan', 'the field has the focus');
      await page.keyboard.type(formatKcode(code), { delay: 5 });
      await page.keyboard.press('Enter');
      await page.waitForFunction((count) => document.querySelectorAll('ol.reception-list > li').length === count, n);
      assert.equal(await field.inputValue(), '', 'the field is cleared for the next envelope');
      return decision.innerText();
    };
    const accept = /^Accept\s+Inner envelope into box .+ · (Belgium|abroad), order number \d+/u;
    assert.match(await scan(codeA, 1), accept);
    assert.match(await scan(unknown, 2), /^Set aside\s+unknown K-code/u);
    assert.match(await scan(codeA, 3), /^Set aside\s+second envelope with this code: the first received is kept/u);
    assert.match(await scan(voidedB, 4), /^Set aside\s+voided K-code/u);
    assert.match(await scan(liveB, 5), accept);
    // A typing error (two symbols swapped) is caught on the device: nothing sent, nothing recorded.
    const swapped = codeC.slice(0, 4) + (codeC[5] ?? '') + (codeC[4] ?? '') + codeC.slice(6);
    if (swapped !== codeC) {
      await page.keyboard.type(swapped);
      await page.keyboard.press('Enter');
      await page.locator('.reception-decision[data-outcome="unreadable"]').waitFor();
      assert.match(await decision.innerText(), /^Scan or type it again\s+This is not a valid K-code/u);
      assert.equal(await session.count(), 5);
    }
    const third = await scan(codeC, 6);
    assert.match(third, accept);
    const [, box, order] = /box .+ · (Belgium|abroad), order number (\d+)/u.exec(third) ?? [];
    assert.deepEqual(
      await session.evaluateAll((items) => items.map((li) => li.getAttribute('data-outcome'))),
      ['accepted', 'accepted', 'set-aside', 'set-aside', 'set-aside', 'accepted'],
      'the session’s last decisions, newest first',
    );
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-accepted-box]')].reduce(
          (n, dd) => n + Number(dd.getAttribute('data-count')),
          0,
        ) === 3,
    );
    await noViolations(page, 'reception after six envelopes');

    // The polling-station list of voter C comes in: C's envelope is cancelled, to take out of its box.
    await page.goto(`${server.url}/counting/team-a`);
    await page.locator('#list-station').fill('BV 40 Liège');
    await page
      .locator('#list-file')
      .setInputFiles({ name: 'bv40.csv', mimeType: 'text/csv', buffer: Buffer.from(`nrn\n${c}\n`) });
    await page.getByRole('button', { name: 'Import the list' }).click();
    const removal = page.locator(`[data-remove="${box === 'abroad' ? 'abroad' : 'belgium'}/${order ?? ''}"]`);
    await removal.waitFor();
    assert.match(await removal.innerText(), new RegExp(`box .+ · ${box ?? ''}, order number ${order ?? ''}`, 'u'));
    await noViolations(page, 'Team A after a polling-station list');
    // The reception screen lists it too, for whoever scans next.
    await page.goto(`${server.url}/counting/team-a/hybrid`);
    await page
      .locator(`.to-remove [data-remove="${box === 'abroad' ? 'abroad' : 'belgium'}/${order ?? ''}"]`)
      .waitFor();
    await noViolations(page, 'reception with an envelope to take out');
    await context.close();
  });

  test('two Team B members encode a box, one difference, the president decides it', async () => {
    const lists = await server.store.db
      .selectFrom('party_lists')
      .select('list_number')
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('constituency_code', '=', 'liege')
      .orderBy('list_number')
      .execute();
    const [l1, l2, l3] = lists.map((l) => String(l.list_number));
    assert.ok(l1 !== undefined && l2 !== undefined && l3 !== undefined);
    // A second Team B member of Liège, granted by two administrators (separation of duties).
    const nrn = makeNrn({ year: 1975, month: 7, day: 8, sequence: 913 });
    assert.ok(nrn.ok);
    const second = await createOfficial(server.store.db, { nrn: nrn.value, givenName: 'Anne', surname: 'Second' }, 't');
    const grant = await requestGrant(server.store.db, { officialId: 'dev-po-admin' }, second, {
      role: 'team-b',
      scope: 'liege',
    });
    await confirmGrant(server.store.db, { officialId: 'dev-po-admin-2' }, grant);

    const member1 = await browser.newContext({ locale: 'en-GB' });
    const p1 = await member1.newPage();
    await loginInBrowser(p1, server.url, 'official-team-b', 'official');
    const member2 = await browser.newContext({ locale: 'en-GB' });
    const session = await testSession(server.store, { kind: 'official', officialId: second });
    await member2.addCookies([{ name: 'isoloir-session', value: session.token, url: server.url }]);
    const p2 = await member2.newPage();

    const encode = async (page: Page, member: number, ballots: readonly (readonly [string, string])[]) => {
      await page.goto(`${server.url}/counting/team-b/hybrid`);
      await page.getByRole('heading', { level: 1, name: 'Main office, Team B: encoding the hybrid ballots' }).waitFor();
      const list = page.locator('#encode-list');
      await list.waitFor();
      for (const [i, [listNumber, effectives]] of ballots.entries()) {
        // From the keyboard: the list's number, Tab, Space (head box), Tab, the effectives, Enter.
        await list.focus();
        if (listNumber !== '') {
          await page.keyboard.type(listNumber);
          await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
          await page.keyboard.press('Tab');
          await page.keyboard.type(effectives);
        }
        await page.keyboard.press('Enter');
        await page.locator(`[data-mine="${String(member)}/${String(i + 1)}"]`).waitFor();
        assert.equal(await list.inputValue(), '', 'the form is cleared');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'encode-list', 'back to the list');
      }
      await noViolations(page, `Team B member ${String(member)} encoding`);
      await page.locator('#finish-ballots').fill(String(ballots.length));
      await page.keyboard.press('Enter');
    };

    await encode(p1, 1, [
      [l1, '2'],
      [l2, ''],
      ['', ''],
    ]);
    await p1.locator('[data-box-state="second-entry"]').waitFor();
    // The first member cannot make the second entry too (four eyes): refused, in words.
    await p1.locator('#encode-list').focus();
    await p1.keyboard.press('Enter');
    await p1.locator('[data-code="hybrid.entry-same-member"]').waitFor();
    assert.match(
      (await p1.getByRole('alert').innerText()).trim(),
      /^The second entry of a box must be made by another Team B member/u,
    );
    // The second member sees how far the box is, never the first entry's ballots.
    await p2.goto(`${server.url}/counting/team-b/hybrid`);
    await p2.locator('[data-entries="3/0"]').waitFor();
    await encode(p2, 2, [
      [l1, '2'],
      [l3, ''],
      ['', ''],
    ]);
    await p2.locator('[data-box-state="differences"]').waitFor();
    await p2.getByText('The two entries differ: the president decides the differences.').waitFor();

    const office = await browser.newContext({ locale: 'en-GB' });
    const p3 = await office.newPage();
    await loginInBrowser(p3, server.url, 'official-president', 'official');
    await p3.goto(`${server.url}/counting/office/hybrid`);
    await p3
      .getByRole('heading', { level: 1, name: 'Main office: differences in the entries of the hybrid ballots' })
      .waitFor();
    const difference = p3.locator('[data-difference="1"][data-decided="false"]');
    await difference.waitFor();
    assert.equal(await p3.locator('[data-difference]').count(), 1, 'one difference');
    const text = await difference.innerText();
    assert.match(text, new RegExp(`First entry\\s+${l2} .*head box \\(valid for list ${l2} `, 'u'));
    assert.match(text, new RegExp(`Second entry\\s+${l3} .*head box \\(valid for list ${l3} `, 'u'));
    await noViolations(p3, 'president, one difference');
    await difference.getByRole('button', { name: 'The first entry is right' }).click();
    await p3.locator('[data-box-state="done"]').waitFor();
    await p3.locator('[data-difference="1"][data-decided="true"]').waitFor();
    await noViolations(p3, 'president, decided');
    await p1.reload();
    await p1.locator('[data-box-state="done"]').waitFor();
    for (const c of [member1, member2, office]) await c.close();
  });
});
