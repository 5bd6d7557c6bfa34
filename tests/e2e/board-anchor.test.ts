// The anchored bulletin board in Chromium, played straight and by an attacker: the booth shows the
// election key's fingerprint published on the board and says whether the key it was served is that
// key; the receipt's signature is checked on the device; the Benaloh page opens an audited ballot
// under the published key and says which, and flags a booth that encrypted under another key.
// axe-core finds nothing on these pages.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { bytesToHex, formatFingerprint, keyFingerprint, randomScalar, scalarToHex } from '@isoloir/crypto';
import type { DevServer } from '@isoloir/server/testing';
import { encryptForCast, openTestPeriod, publishHead, publishTestKey, votingService } from '@isoloir/server/voting';
import type { Browser, Page, Route } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const CHAMBER = 'demo-2029-chamber';

describe('anchored bulletin board in Chromium', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let key: Awaited<ReturnType<typeof publishTestKey>>;
  let fingerprint: string;
  before(async () => {
    server = await startAuthTestServer();
    key = await publishTestKey(server.store, CHAMBER);
    await openTestPeriod(server.store, CHAMBER, 3);
    // publishTestKey published the opening head already: asking again returns it.
    const opening = await publishHead(votingService(server.store), CHAMBER, 'opening', new Date());
    fingerprint = opening?.keyFingerprint ?? '';
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  async function voter(persona: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await loginInBrowser(page, server.url, persona);
    return page;
  }

  /** Another key, whose secret the attacker (the server) knows. */
  function foreignKey(): string {
    return bytesToHex(key.group.encode(key.group.mulBase(randomScalar(key.group.order))));
  }

  test('the booth shows the published fingerprint, and flags a served key that is not the published one', async () => {
    const page = await voter('voter-be-bxl-450');
    await page.goto(`${server.url}/vote/${CHAMBER}`);
    const shown = page.locator('[data-key-check]');
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-key-check'), 'match');
    assert.equal(await page.locator('[data-fingerprint]').textContent(), formatFingerprint(fingerprint));
    await noViolations(page, 'booth with fingerprint');

    // Attacker: the server serves this voter's booth another key (it could decrypt the ballot).
    const forged = foreignKey();
    await page.route(`**/api/voting/elections/${CHAMBER}/booth`, async (route: Route) => {
      const response = await route.fetch();
      const booth = (await response.json()) as { key: { publicKey: string } };
      await route.fulfill({ response, json: { ...booth, key: { ...booth.key, publicKey: forged } } });
    });
    await page.reload();
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-key-check'), 'mismatch');
    await page.getByRole('alert').filter({ hasText: 'NOT the published election key' }).waitFor();
    await noViolations(page, 'booth with a forged key');
    await page.context().close();
  });

  test('the receipt is checked on the device; a receipt whose signature does not verify is flagged', async () => {
    const page = await voter('voter-be-fr-500');
    for (const forge of [false, true]) {
      if (forge) {
        // Attacker: the ballot box answers with a receipt it did not sign (or signed over something else).
        await page.route('**/api/voting/ballots', async (route: Route) => {
          const response = await route.fetch();
          const { receipts } = (await response.json()) as { receipts: { receivedAt: string }[] };
          await route.fulfill({
            response,
            json: { receipts: receipts.map((r) => ({ ...r, receivedAt: new Date(0).toISOString() })) },
          });
        });
      }
      await page.goto(`${server.url}/vote/${CHAMBER}`);
      await page.locator('button[data-list="1"]').click();
      await page.locator('input[data-effective="1"]').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('[data-tracking]').waitFor();
      await page.getByRole('button', { name: 'Validate and send my votes' }).click();
      const check = page.locator('[data-receipt-signature]');
      await check.waitFor();
      assert.equal(await check.getAttribute('data-receipt-signature'), forge ? 'invalid' : 'valid');
      if (!forge) {
        assert.match((await page.locator('.board-head').textContent()) ?? '', /^#0 /);
        await noViolations(page, 'receipt checked');
      }
    }
    await page.getByRole('alert').filter({ hasText: 'does NOT verify' }).waitFor();
    await page.context().close();
  });

  test('the Benaloh page opens the ballot under the published key, says which, and flags another key', async () => {
    const page = await voter('voter-be-bxl-450');
    await page.goto(`${server.url}/vote/${CHAMBER}`);
    const booth = await page.evaluate(
      async (url) =>
        (await fetch(url)).json() as Promise<{ voterId: string; key: { layout: unknown }; lists: unknown[] }>,
      `/api/voting/elections/${CHAMBER}/booth`,
    );
    const audit = (pk: unknown, publicKey: string): string => {
      const context = {
        electionId: CHAMBER,
        voterId: booth.voterId,
        ballotId: randomUUID(),
        constituency: 'bruxelles-capitale',
      };
      const { body, randomness } = encryptForCast(key.group, pk, key.layout, context, { kind: 'blank' });
      return JSON.stringify({
        electionId: CHAMBER,
        voterId: booth.voterId,
        group: 'secp256k1',
        publicKey,
        layout: key.layout,
        ballot: body,
        randomness: randomness.map(scalarToHex),
        lists: booth.lists,
      });
    };
    const verify = async (data: string): Promise<string | null> => {
      await page.goto(`${server.url}/vote/verify`);
      await page.getByLabel('Audit data (JSON)').fill(data);
      await page.getByRole('button', { name: 'Decrypt with the randomness' }).click();
      const status = page.locator('[data-outcome]:not([data-outcome=""])');
      await status.waitFor();
      return status.getAttribute('data-outcome');
    };
    const published = bytesToHex(key.group.encode(key.pk));
    assert.equal(await verify(audit(key.pk, published)), 'opened');
    assert.equal(
      await page.locator('[data-key-used]').getAttribute('data-key-used'),
      keyFingerprint('secp256k1', published),
    );
    await page.getByText('Opened with the election key published on the bulletin board').waitFor();
    await noViolations(page, 'Benaloh page, opened');

    // Attacker: the booth was served another key (the audit data says so): flagged, with its fingerprint.
    const forged = foreignKey();
    const forgedPk = key.group.decode(Buffer.from(forged, 'hex'));
    assert.equal(await verify(audit(forgedPk, forged)), 'key-differs');
    await page.getByText(formatFingerprint(keyFingerprint('secp256k1', forged) ?? '')).waitFor();
    await noViolations(page, 'Benaloh page, another key');
    // Attacker: the audit data names the published key, but the ballot was encrypted under another one.
    assert.equal(await verify(audit(forgedPk, published)), 'fail');
    await page.context().close();
  });
});
