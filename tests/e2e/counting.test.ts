// Counting in Chromium: a Liège voter voted online and also at a polling station. Team A (Liège)
// finds and confirms the double vote — identities only; Team B (Liège), another person, confirms
// the cancellation — no identity on screen; after the split, the trustees' mixing and decryption
// (in process here, every proof checked on upload) and the count, Team B approves the PV; the
// voter's portal shows the vote "cancelled". axe-core finds nothing on the counting screens.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  hexToScalar,
  inlineRunner,
  loadGroup,
  partialDecryptBulk,
  scalarToHex,
  shuffleAndProve,
  type BallotLayout,
  type Group,
} from '@isoloir/crypto';
import { openShareFile, runKeygen, startDemoFingerprintExchange, type TrusteeShare } from '@isoloir/cli/ceremony';
import {
  acceptPartial,
  acceptShuffle,
  currentCiphertexts,
  fromHex,
  groupsToCount,
  openCeremony,
  partialSigningBody,
  shuffleProofJson,
  shuffleSigningBody,
  SIGNING_LABELS,
  unpackRows,
  type CountingCrypto,
} from '@isoloir/server/counting';
import { testSession, type DevServer, type TestSession } from '@isoloir/server/testing';
import { encryptForCast, openTestPeriod } from '@isoloir/server/voting';
import { verifyShuffleProof } from '@isoloir/verifier';
import type { Browser, Page } from 'playwright-core';
import { loginInBrowser, startAuthTestServer } from './auth-harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './harness.ts';

const skip = browserSkipReason();
const CHAMBER = 'demo-2029-chamber';

describe('counting in Chromium: Team A, Team B, the voter', { skip }, () => {
  let server: DevServer;
  let browser: Browser;
  let dir: string;
  let shares: TrusteeShare[];
  let group: Group<unknown>;
  let voterNrn: string;

  const inject = async (
    who: TestSession,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> => {
    const r = await server.app.inject({
      method,
      url,
      headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: r.statusCode, json: r.json<Record<string, unknown>>() };
  };

  before(async () => {
    server = await startAuthTestServer();
    const { store } = server;
    dir = mkdtempSync(join(tmpdir(), 'isoloir-count-e2e-'));
    // The key ceremony through the board: the three development trustees (keygen run in this test process).
    await openCeremony(store, CHAMBER, { trustees: 3, threshold: 2 }, { id: 'test' });
    const trusteeIds = ['dev-trustee', 'dev-trustee-2', 'dev-trustee-3'];
    const file = (j: number): string => join(dir, `DEMO-ONLY-trustee-${String(j)}-share.json`);
    const fingerprints = startDemoFingerprintExchange(dir);
    await Promise.all(
      trusteeIds.map(async (officialId, i) => {
        const t = await testSession(store, { kind: 'official', officialId });
        await runKeygen({
          server: server.url,
          electionId: CHAMBER,
          trustee: i + 1,
          session: { cookie: t.headers.cookie, csrfToken: t.csrfToken },
          passphrase: `e2e passphrase ${String(i + 1)}`,
          out: file(i + 1),
          pollMs: 50,
          peerFingerprints: fingerprints,
          writeFingerprint: fingerprints,
        });
      }),
    );
    shares = trusteeIds.map((_, i) => openShareFile(file(i + 1), `e2e passphrase ${String(i + 1)}`));
    await openTestPeriod(store, CHAMBER, 2);
    group = await loadGroup('secp256k1');
    const key = await store.db
      .selectFrom('election_keys')
      .selectAll()
      .where('election_id', '=', CHAMBER)
      .executeTakeFirstOrThrow();
    const pk = group.decode(fromHex(key.public_key));
    assert.ok(pk !== undefined);
    voterNrn = server.persona('voter-be-fr-500').claims.egovNRN ?? '';
    const others = await store.db
      .selectFrom('voters')
      .select('nrn')
      .where('constituency_code', '=', 'liege')
      .where('category', '=', 'belgium')
      .where('nrn', '!=', voterNrn)
      .orderBy('nrn')
      .limit(11)
      .execute();
    // Twelve Liège voters vote online (the group's minimum is 10), each for list 1.
    for (const nrn of [voterNrn, ...others.map((o) => o.nrn)]) {
      const voter = await testSession(store, { kind: 'voter', nrn });
      const booth = await server.app.inject({ url: `/api/voting/elections/${CHAMBER}/booth`, headers: voter.headers });
      assert.equal(booth.statusCode, 200, booth.body);
      const b = booth.json<{ voterId: string; election: { constituency: { code: string } } }>();
      const { body } = encryptForCast(
        group,
        pk,
        key.layout as BallotLayout,
        { electionId: CHAMBER, voterId: b.voterId, ballotId: randomUUID(), constituency: b.election.constituency.code },
        { kind: 'list', list: 1, headBox: true, effectives: [], substitutes: [] },
      );
      const cast = await inject(voter, 'POST', `/api/voting/elections/${CHAMBER}/ballots`, body);
      assert.ok(cast.status < 300, JSON.stringify(cast.json));
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function noViolations(page: Page, where: string): Promise<void> {
    assert.deepEqual(await axeViolations(page), [], where);
  }

  /** The trustees' work, in process: trustees 1 and 2 shuffle, 2 and 3 decrypt; every proof checked. */
  async function trustees(): Promise<void> {
    const { store } = server;
    const runner = inlineRunner(group);
    const cc: CountingCrypto = {
      group,
      runner,
      checkShuffle: (st, inputs, outputs, proof) =>
        verifyShuffleProof(group, st, inputs, outputs, proof, `shuffle ${st.groupId}`),
    };
    const key = await store.db
      .selectFrom('election_keys')
      .select('public_key')
      .where('election_id', '=', CHAMBER)
      .executeTakeFirstOrThrow();
    for (const trustee of [1, 2]) {
      for (const g of await groupsToCount(store, CHAMBER)) {
        const cur = await currentCiphertexts(store, CHAMBER, g.groupId);
        const mixNode = cur.mixNodes + 1;
        const { outputs, proof } = await shuffleAndProve(
          group,
          runner,
          { electionId: CHAMBER, groupId: g.groupId, mixNode },
          fromHex(key.public_key),
          unpackRows(cur.blob),
        );
        const up = {
          electionId: CHAMBER,
          groupId: g.groupId,
          trustee,
          mixNode,
          outputs,
          proof: shuffleProofJson(proof),
        };
        const signer = shares[trustee - 1]?.signer;
        assert.ok(signer !== undefined);
        await acceptShuffle(
          store,
          cc,
          { ...up, signature: signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(up)) },
          {
            id: `trustee:${String(trustee)}`,
            officialId: trustee === 1 ? 'dev-trustee' : `dev-trustee-${String(trustee)}`,
          },
        );
      }
    }
    for (const trustee of [2, 3]) {
      const share = shares[trustee - 1];
      assert.ok(share !== undefined);
      for (const g of await groupsToCount(store, CHAMBER)) {
        const cts = unpackRows((await currentCiphertexts(store, CHAMBER, g.groupId)).blob);
        const pd = await partialDecryptBulk(
          group,
          runner,
          { electionId: CHAMBER, groupId: g.groupId },
          trustee,
          hexToScalar(share.secret, group.order) ?? 0n,
          cts,
        );
        const up = {
          electionId: CHAMBER,
          groupId: g.groupId,
          trustee,
          shares: pd.shares,
          proof: { challenge: scalarToHex(pd.proof.challenge), response: scalarToHex(pd.proof.response) },
        };
        await acceptPartial(
          store,
          cc,
          { ...up, signature: share.signer.sign(SIGNING_LABELS.partial, partialSigningBody(up)) },
          {
            id: `trustee:${String(trustee)}`,
            officialId: trustee === 1 ? 'dev-trustee' : `dev-trustee-${String(trustee)}`,
          },
        );
      }
    }
  }

  test('the PO follows the key ceremony: every trustee’s steps, the key (axe-clean)', async () => {
    const po = await browser.newContext({ locale: 'en-GB' });
    const page = await po.newPage();
    await loginInBrowser(page, server.url, 'official-po-admin', 'official');
    await page.goto(`${server.url}/counting/ceremony`);
    await page.getByRole('heading', { level: 1, name: 'The trustees’ key ceremony' }).waitFor();
    await page.locator('p[data-phase="done"]').waitFor();
    const key = await server.store.db
      .selectFrom('election_keys')
      .select('public_key')
      .where('election_id', '=', CHAMBER)
      .executeTakeFirstOrThrow();
    assert.equal(await page.locator('code[data-key]').textContent(), key.public_key);
    assert.equal(await page.locator('tr[data-trustee]').count(), 3);
    assert.match((await page.locator('tr[data-trustee="2"]').textContent()) ?? '', /posted/);
    // Each trustee's official by name, never by an internal id.
    await page.locator('tr[data-trustee="2"]').getByText('Lea Vermeulen').waitFor();
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /dev-trustee/);
    await noViolations(page, 'ceremony');
    await po.close();
  });

  test('by clicking: the PO closes the period, Team A imports the list and confirms, Team B cancels, the president splits and counts, Team B approves, the voter sees "cancelled"', async () => {
    // The PO closes the Chamber's online period on the periods screen, after a confirmation.
    const po = await browser.newContext({ locale: 'en-GB' });
    const pagePo = await po.newPage();
    await loginInBrowser(pagePo, server.url, 'official-po-admin', 'official');
    await pagePo.getByRole('link', { name: 'Organising authority administrator', exact: true }).click();
    await pagePo.getByRole('link', { name: 'Voting periods: open, close' }).click();
    await pagePo.getByRole('heading', { level: 1, name: 'Voting periods' }).waitFor();
    const period = pagePo.locator(`tr[data-period="${CHAMBER}/online"]`);
    await period.locator('td[data-state="open"]').waitFor();
    await noViolations(pagePo, 'periods');
    await period.getByRole('button', { name: /^Close for good: / }).click();
    const closing = pagePo.getByRole('dialog', { name: 'Close this voting period for good?' });
    await closing.getByText(/Ballots received: 12\./).waitFor();
    await noViolations(pagePo, 'closing dialog');
    await closing.getByRole('button', { name: 'Yes, close the period' }).click();
    await period.locator('td[data-state="closed"]').waitFor();
    await po.close();

    // Team A: identities only. The polling station's list, then the double vote.
    const a = await browser.newContext({ locale: 'en-GB' });
    const pageA = await a.newPage();
    await loginInBrowser(pageA, server.url, 'official-team-a', 'official');
    await pageA.goto(`${server.url}/official/team-a`);
    await pageA.getByRole('link', { name: 'Double votes of the constituency (Team A)' }).click();
    await pageA.getByRole('heading', { level: 1, name: 'Main office, Team A: identities' }).waitFor();
    await pageA.getByLabel('Polling station').fill('Liège BV 12');
    await pageA
      .getByLabel('CSV file of the list')
      .setInputFiles({ name: 'bv12.csv', mimeType: 'text/csv', buffer: Buffer.from(`nrn\n${voterNrn}\n`) });
    await pageA.getByRole('button', { name: 'Import the list' }).click();
    await pageA.locator('[data-list-report="Liège BV 12"] dd[data-accepted="1"]').waitFor();
    await pageA.locator('p[data-remote-total="12"]').waitFor();
    await pageA.getByRole('button', { name: 'Look for double votes' }).click();
    const row = pageA.locator('tr[data-status="identified"]');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(voterNrn));
    await noViolations(pageA, 'Team A');
    await row.getByRole('button', { name: 'Confirm the double vote' }).click();
    await pageA.locator('tr[data-status="confirmed"]').waitFor();
    await a.close();

    // Team B, another person: no identity, confirms the cancellation.
    const b = await browser.newContext({ locale: 'en-GB' });
    const pageB = await b.newPage();
    await loginInBrowser(pageB, server.url, 'official-team-b', 'official');
    await pageB.goto(`${server.url}/counting/team-b`);
    await pageB.getByRole('heading', { level: 1, name: 'Main office, Team B: contents' }).waitFor();
    const toCancel = pageB.locator('tr[data-status="confirmed"]');
    await toCancel.waitFor();
    assert.ok(
      !((await pageB.locator('main, body').first().textContent()) ?? '').includes(voterNrn),
      'Team B never sees an identity',
    );
    await noViolations(pageB, 'Team B cancellations');
    await toCancel.getByRole('button', { name: 'Cancel the remote vote' }).click();
    await pageB.locator('tr[data-status="cancelled"]').waitFor();

    // The president of Liège: the station is registered and has reported; the split, after a confirmation.
    const p = await browser.newContext({ locale: 'en-GB' });
    const pageP = await p.newPage();
    await loginInBrowser(pageP, server.url, 'official-president', 'official');
    await pageP.getByRole('link', { name: 'President of a constituency main office', exact: true }).click();
    await pageP.getByRole('link', { name: 'A main office’s count' }).click();
    await pageP.getByRole('heading', { level: 1, name: 'Constituency main office: the count' }).waitFor();
    await pageP.getByLabel('Polling stations to register').fill('Liège BV 12');
    await pageP.getByRole('button', { name: 'Register', exact: true }).click();
    await pageP.locator('tr[data-station="Liège BV 12"][data-done="true"]').getByText('list received').waitFor();
    // The office's place, its president and a witness of list 1, for the PV.
    await pageP.getByLabel('Place of the session').fill('Palais de justice de Liège');
    await pageP.getByRole('button', { name: 'Add a person' }).click();
    await pageP.getByLabel('Name 1', { exact: true }).fill('Hélène Gillet');
    await pageP.getByRole('button', { name: 'Add a person' }).click();
    await pageP.getByLabel('Capacity 2', { exact: true }).selectOption('witness');
    await pageP.getByLabel('Name 2', { exact: true }).fill('Jean Dupont');
    await pageP.getByLabel('List appointing the witness 2').fill('1');
    await pageP.getByRole('button', { name: 'Save the place and the members' }).click();
    await pageP.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    await pageP.reload();
    await pageP.locator('tr[data-member="1"]').waitFor();
    assert.equal(await pageP.getByLabel('Name 2', { exact: true }).inputValue(), 'Jean Dupont');
    assert.equal(await pageP.getByLabel('Place of the session').inputValue(), 'Palais de justice de Liège');
    assert.equal(await pageP.getByLabel('Capacity 1', { exact: true }).inputValue(), 'president');
    // The session's opening time and a claim, for the PV.
    await pageP.getByRole('button', { name: 'Open the session' }).click();
    await pageP.locator('dd[data-session-opened]:not([data-session-opened=""])').waitFor();
    await pageP.getByLabel('Kind', { exact: true }).selectOption('claim');
    await pageP.getByLabel('Author (name, capacity)').fill('Hélène Gillet, president');
    await pageP.getByLabel('Text, as it will stand in the report').fill('A witness asks for the list of BV 12.');
    await pageP.getByRole('button', { name: 'Record in the report' }).click();
    await pageP.locator('li[data-observation="claim"]').getByText('A witness asks for the list of BV 12.').waitFor();
    await noViolations(pageP, 'office before the split');
    await pageP.getByRole('button', { name: 'Split identities from contents' }).click();
    const splitting = pageP.getByRole('dialog', { name: /^Split the identities of / });
    await splitting.getByText(/Polling stations registered: 1; list received: 1; waived: 0\./).waitFor();
    await splitting.getByRole('button', { name: 'Yes, split' }).click();
    await pageP.locator('tr[data-group="liege/online/belgium"][data-state="split"]').waitFor();
    await trustees();
    await pageP.getByRole('button', { name: 'Count', exact: true }).click();
    await pageP
      .getByRole('dialog', { name: /^Count / })
      .getByRole('button', { name: 'Yes, count' })
      .click();
    await pageP.locator('tr[data-group="liege/online/belgium"][data-state="counted"]').waitFor();
    await pageP
      .getByText('The count is done: Team B checks and approves the official reports (two members).')
      .waitFor();
    await noViolations(pageP, 'office after the count');
    await p.close();

    // Team B reviews the PV of Liège and approves it (the first of two approvals), after a confirmation.
    await pageB.reload();
    const pv = pageB.locator('[data-pv="online/belgium"]');
    await pv.waitFor();
    assert.match((await pv.locator('tr[data-figure="counted"]').textContent()) ?? '', /Counted11/);
    assert.match(
      (await pv.locator('tr[data-figure="cancelled-voted-at-polling-station"]').textContent()) ?? '',
      /you voted at a polling station: that vote counts1$/,
    );
    await noViolations(pageB, 'Team B PV');
    await pv.getByRole('button', { name: 'Approve this report' }).click();
    const approving = pageB.getByRole('dialog', { name: 'Approve this official report?' });
    await approving.getByText(/Liège/).waitFor();
    await approving.getByRole('button', { name: 'Yes, approve' }).click();
    await pageB.locator('[data-pv="online/belgium"] [data-approvals="1"]').waitFor();
    await pageB.getByText('You approved it; another member must approve it too.').waitFor();
    // Team B records a contested ballot for the PV.
    const observations = pageB.locator('section[aria-labelledby="observations-b"]');
    await observations.getByLabel('Kind', { exact: true }).selectOption('contested');
    await observations.getByLabel('Author (name, capacity)').fill('Sofie Janssens, Team B');
    await observations.getByLabel('Text, as it will stand in the report').fill('One ballot contested by a witness.');
    await observations.getByRole('button', { name: 'Record in the report' }).click();
    await observations.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    await noViolations(pageB, 'Team B observations');
    await b.close();

    // The voter's portal: the remote vote is cancelled (the polling-station vote counts).
    const v = await browser.newContext({ locale: 'en-GB' });
    const pageV = await v.newPage();
    await loginInBrowser(pageV, server.url, 'voter-be-fr-500');
    await pageV.goto(`${server.url}/vote`);
    const cancelled = pageV.locator(`section[data-election="${CHAMBER}"] li[data-status="cancelled"]`);
    await cancelled.waitFor();
    assert.match((await cancelled.textContent()) ?? '', /cancelled/);
    await v.close();
  });
});
