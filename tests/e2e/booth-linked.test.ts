// A linked place in Chromium (issue #11): the Brussels members of the Flemish Parliament are elected
// only by the Brussels voters who vote for the Dutch language group in the Brussels Parliament
// election, in the same cast (special act of 12 January 1989 art. 14 al. 2). A Brussels voter of the
// demo day chooses the Dutch group: the booth then offers the Flemish ballot, saying why, and casts it
// with the others. The voter votes again: chooses the Dutch group, fills in the Flemish ballot, goes
// back and chooses the French group: the Flemish ballot leaves the cast, the review says why and that
// the earlier Flemish vote will be cancelled. The portal then shows it cancelled, the reason in words.
// axe-core finds nothing on the new screens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import { openTestPeriod, publishTestKey } from '@isoloir/server/voting';
import type { Browser, Page } from 'playwright-core';
import { loginInBrowser } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const WEB_ROOT = new URL('../../apps/web/dist/', import.meta.url).pathname;
const CHAMBER = 'demo-2029-chamber';
const EUROPEAN = 'demo-2029-european';
const BRUSSELS = 'demo-2029-brussels';
const FLEMISH = 'demo-2029-flemish';
/** The small demo of the other browser tests, with every election of the day (Brussels residents have four). */
const FULL_DAY = { voters: 300, abroadPerMille: 100, seed: 7, fullDay: true };

describe('a linked place in the booth (Brussels members of the Flemish Parliament)', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  before(async () => {
    server = await startDevServer({ webRoot: WEB_ROOT, demo: FULL_DAY });
    for (const id of [CHAMBER, EUROPEAN, BRUSSELS, FLEMISH]) {
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

  /** On ballot `n` of `total` (`electionId`): the list step, then a blank vote or list 1 with its first candidate. */
  async function fillIn(
    page: Page,
    n: number,
    total: number,
    electionId: string,
    vote: 'blank' | 'list',
  ): Promise<void> {
    await page
      .locator(`.ballot-progress[data-election="${electionId}"]`, {
        hasText: `Ballot ${String(n)} of ${String(total)}`,
      })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' }).waitFor();
    if (vote === 'blank') {
      await page.locator('button[data-list="blank"]').click();
      return;
    }
    await page.locator('button[data-list="1"]').click();
    await page.locator('input[data-effective="1"]').check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  /** On the college or language group step of `electionId`: chooses `code` and goes on. */
  async function choose(page: Page, electionId: string, code: string | null): Promise<void> {
    await page.locator(`.ballot-progress[data-election="${electionId}"]`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Choose your electoral college or language group' }).waitFor();
    await (
      code === null ? page.locator('input[data-college]').first() : page.locator(`input[data-college="${code}"]`)
    ).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  /** From the portal: the Chamber and the European Parliament blank (the first college), up to the Brussels group. */
  async function upToBrussels(page: Page): Promise<void> {
    await page.locator('.start-voting a').click();
    await fillIn(page, 1, 3, CHAMBER, 'blank');
    await choose(page, EUROPEAN, null);
    await fillIn(page, 2, 3, EUROPEAN, 'blank');
  }

  const flemishBallots = (nrn: string) =>
    server.store.db
      .selectFrom('ballots')
      .select(['id', 'status', 'cancellation_reason'])
      .where('election_id', '=', FLEMISH)
      .where('voter_nrn', '=', nrn)
      .orderBy('sequence')
      .execute();

  test('Dutch group: the Flemish ballot is offered, said why, and cast; French group on a re-vote: left out, said why, the Flemish vote cancelled', async () => {
    const persona = server.persona('voter-be-bxl-450');
    const nrn = persona.claims.egovNRN ?? '';
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, persona.id);
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    // The portal says on what the Flemish ballot depends.
    const condition = page.locator(`section[data-election="${FLEMISH}"] dd[data-linked="${BRUSSELS}"]`);
    await condition.waitFor();
    assert.match((await condition.textContent()) ?? '', /only if you choose the Dutch language group for the /);
    await noViolations(page, 'portal with a linked place');

    // The Brussels group step says what the choice decides; the Dutch group brings a fourth ballot.
    await upToBrussels(page);
    await page.locator(`.ballot-progress[data-election="${BRUSSELS}"]`, { hasText: 'Ballot 3 of 3' }).waitFor();
    const hint = page.locator('[data-linked-hint]');
    await hint.waitFor();
    assert.match(
      (await hint.textContent()) ?? '',
      /^Your choice also decides whether you elect the members of the Flemish Parliament \(demo\) for Brussels-Capital: only the voters who choose the Dutch language group do\.$/,
    );
    await noViolations(page, 'language group step with its linked election');
    await choose(page, BRUSSELS, 'groupe-neerlandais');
    await fillIn(page, 3, 4, BRUSSELS, 'blank');
    // Before the Flemish ballot, the reason in words (read with the step's heading).
    const why = page.locator(`[data-linked-why="${FLEMISH}"]`);
    await why.waitFor();
    assert.match(
      (await why.textContent()) ?? '',
      /^Because you chose the Dutch language group for the Parliament of the Brussels-Capital Region \(demo\), you also elect the members of the Flemish Parliament \(demo\) for Brussels-Capital\.$/,
    );
    assert.equal(
      await page
        .getByRole('heading', { level: 2, name: 'Step 1 of 3: choose a list, or vote blank' })
        .getAttribute('aria-describedby'),
      'step-list-note',
    );
    await noViolations(page, 'the Flemish ballot and why it appears');
    await fillIn(page, 4, 4, FLEMISH, 'list');
    await page.getByRole('heading', { level: 2, name: 'Check your ballots' }).waitFor();
    assert.equal(await page.locator('[data-linked-left-out]').count(), 0);
    await page.locator('li[data-review-election] [data-tracking]').nth(3).waitFor();
    await noViolations(page, 'review of four ballots');
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your votes are registered.' }).waitFor();
    assert.equal(await page.locator('[data-receipt]').count(), 4);
    assert.deepEqual(
      (await flemishBallots(nrn)).map((b) => b.status),
      ['received'],
    );

    // The re-vote: the Dutch group again, the Flemish ballot filled in, then back to the French group.
    await page.getByRole('button', { name: 'Back to my elections' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vote online' }).waitFor();
    await upToBrussels(page);
    await choose(page, BRUSSELS, 'groupe-neerlandais');
    await fillIn(page, 3, 4, BRUSSELS, 'blank');
    await fillIn(page, 4, 4, FLEMISH, 'list');
    await page.locator('li[data-review-election] [data-tracking]').nth(3).waitFor();
    await page.getByRole('button', { name: /^Change this ballot: Parliament of the Brussels-Capital Region/ }).click();
    await choose(page, BRUSSELS, 'groupe-francais');
    await fillIn(page, 3, 3, BRUSSELS, 'blank');
    // The review: three ballots, the Flemish one left out, why, and that the earlier Flemish vote goes.
    await page.getByRole('heading', { level: 2, name: 'Check your ballots' }).waitFor();
    await page.locator('li[data-review-election] [data-tracking]').nth(2).waitFor();
    assert.deepEqual(
      await page
        .locator('li[data-review-election]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-review-election'))),
      [CHAMBER, EUROPEAN, BRUSSELS],
    );
    const leftOut = page.locator(`[data-linked-left-out="${FLEMISH}"]`);
    assert.match(
      (await leftOut.textContent()) ?? '',
      /^You have no ballot for the Flemish Parliament \(demo\) \(Brussels-Capital\): only the voters who choose the Dutch language group for the Parliament of the Brussels-Capital Region \(demo\) elect its members, and you chose the French language group\. Your earlier vote in this election will be cancelled when you send these votes\.$/,
    );
    await noViolations(page, 'review: the Flemish ballot left out');
    await page.getByRole('button', { name: 'Validate and send my votes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your votes are registered.' }).waitFor();
    assert.equal(await page.locator('[data-receipt]').count(), 3);

    // The portal: the Flemish vote cancelled, the reason in words; the ballot box agrees.
    await page.getByRole('button', { name: 'Back to my elections' }).click();
    const flemish = page.locator(`section[data-election="${FLEMISH}"]`);
    const cancelled = flemish.locator('li[data-status="cancelled"] [data-reason="french-language-group"]');
    await cancelled.waitFor();
    assert.equal(
      await cancelled.textContent(),
      ': you then voted for the French language group of the Brussels Parliament',
    );
    await noViolations(page, 'portal: the Flemish vote cancelled');
    assert.deepEqual(
      (await flemishBallots(nrn)).map((b) => `${b.status} ${b.cancellation_reason ?? ''}`),
      ['cancelled french-language-group'],
    );
    await context.close();
  });
});
