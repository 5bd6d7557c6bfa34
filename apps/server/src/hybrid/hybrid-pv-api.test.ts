// The hybrid PV through the HTTP API (issue #16): Team A receives envelopes (accepted, a second
// envelope, an unknown code, one cancelled later by a polling-station list), two Team B members
// encode the box with one difference the president decides and one ballot more than the inner
// envelopes; the PV carries the reception figures, the count of the agreed ballots and the
// reconciliation. The attacker's side: a Team B member approving with the difference unexplained,
// or the PV generated before the explanation; Team B writing the explanation; Team A reading the
// reconciliation or the PVs; the same member approving twice. The PV is rendered to PNG pages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kcodeFromBytes, KCODE_RANDOM_BYTES, makeNrn, type MarkedBallot } from '@isoloir/electoral';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { confirmGrant, requestGrant } from '../auth/grants.ts';
import { createOfficial } from '../auth/officials.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { loadConstituency } from '../counting/layout.ts';
import { importPollingStationList } from '../counting/polling-stations.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { countPaperBallots } from './hybrid-count.ts';
import { hybridRecordEntries, type ReceiptLine } from './record-entries.ts';
import { issueKcodes } from './kcodes.ts';
import { keyedHashFrom } from './keyed-hash.ts';
import { hybridVoters } from './kit-service.ts';
import { hybridVoterNrns, openTestHybridPeriod } from './test-hybrid.ts';

const OFFICE = 'liege';
const E = DEMO_ELECTION_ID;
const RECEPTION = `/api/counting/identities/${DEMO_DAY_ID}/constituencies/${OFFICE}/hybrid-envelopes`;
const BOX = `/api/counting/contents/${E}/constituencies/${OFFICE}/hybrid-boxes/belgium`;
const PROCESS = `/api/counting/process/${E}/constituencies/${OFFICE}`;
const APPROVE = `/api/counting/contents/${E}/constituencies/${OFFICE}/pvs/hybrid/belgium/approve`;
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

const head = (listId: string): MarkedBallot => ({ paper: 'official', marks: [{ box: 'head', listId }] });
const FIRST: MarkedBallot[] = [
  head('1'),
  {
    paper: 'official',
    marks: [
      { box: 'head', listId: '2' },
      { box: 'effective', listId: '2', position: 1 },
    ],
  },
  { paper: 'official', marks: [] },
  { paper: 'unofficial', marks: [{ box: 'head', listId: '1' }] },
  {
    paper: 'official',
    marks: [
      { box: 'effective', listId: '1', position: 1 },
      { box: 'effective', listId: '2', position: 1 },
    ],
  },
  head('3'),
];
// The second member reads the fifth ballot as a list vote for list 1 alone; the president decides the paper's.
const SECOND: MarkedBallot[] = FIRST.map((b, i) => (i === 4 ? head('1') : b));

describe('the hybrid PV over HTTP', () => {
  let store: Store;
  let app: AppInstance;
  let teamA: TestSession;
  let b1: TestSession;
  let b2: TestSession;
  let president: TestSession;
  let belgium: string[];
  const work = mkdtempSync(join(tmpdir(), 'isoloir-hybrid-pv-'));

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 3500, abroadPerMille: 100, seed: 16 });
    await seedDevOfficials(store);
    await openTestHybridPeriod(store, DEMO_DAY_ID);
    app = await buildApp({ store });
    const nrn = makeNrn({ year: 1975, month: 7, day: 8, sequence: 913 });
    assert.ok(nrn.ok);
    const second = await createOfficial(
      store.db,
      { nrn: nrn.value, givenName: 'Anne', surname: 'Second (DEMO-ONLY)' },
      'test',
    );
    const grant = await requestGrant(store.db, { officialId: 'dev-po-admin' }, second, {
      role: 'team-b',
      scope: OFFICE,
    });
    await confirmGrant(store.db, { officialId: 'dev-po-admin-2' }, grant);
    teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    b1 = await testSession(store, { kind: 'official', officialId: 'dev-team-b-liege' });
    b2 = await testSession(store, { kind: 'official', officialId: second });
    president = await testSession(store, { kind: 'official', officialId: 'dev-president-liege' });
    const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
    const voters = await hybridVoters(store.db, DEMO_DAY_ID, nrns, new Date());
    belgium = nrns.filter(
      (n) => voters.get(n)?.elections[0]?.constituencyCode === OFFICE && voters.get(n)?.category === 'belgium',
    );
    assert.ok(belgium.length >= 6, `hybrid voters in ${OFFICE}, Belgium: ${String(belgium.length)}`);
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const send = async (session: TestSession, url: string, payload?: unknown) => {
    const r = await app.inject({
      method: payload === undefined ? 'GET' : 'POST',
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
  };

  test('reception, double entry with a difference, reconciliation, approvals: the PV as the paper shows it', async () => {
    const keyedHash = keyedHashFrom(app.context.secret);
    const issued = await issueKcodes(store, keyedHash, DEMO_DAY_ID, belgium.slice(0, 6), new Date());
    const codes = issued.map((k) => {
      assert.ok('code' in k);
      return k.code;
    });
    for (const code of codes) {
      const r = await send(teamA, RECEPTION, { code });
      assert.deepEqual([r.body['outcome'], r.body['box']], ['accepted', 'belgium'], JSON.stringify(r.body));
    }
    assert.equal((await send(teamA, RECEPTION, { code: codes[0] })).body['reason'], 'second-envelope');
    assert.equal(
      (await send(teamA, RECEPTION, { code: kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES)) })).body['reason'],
      'kcode-unknown',
    );
    // The sixth voter's polling-station vote comes in later: their inner envelope leaves the box.
    await importPollingStationList(store, DEMO_DAY_ID, 'BV 3 Liège', `nrn\n${belgium[5] ?? ''}\n`, {
      id: 'official:test',
    });

    // Team B: six ballots (one envelope held two), the second entry differs at the fifth.
    for (const ballot of FIRST) assert.equal((await send(b1, `${BOX}/ballots`, { ballot })).statusCode, 200);
    assert.deepEqual((await send(b1, `${BOX}/finish`, { ballots: 6 })).body, { state: 'second-entry' });
    for (const ballot of SECOND) assert.equal((await send(b2, `${BOX}/ballots`, { ballot })).statusCode, 200);
    // Before the box is done there is no PV to make.
    assert.equal((await send(president, `${PROCESS}/hybrid-pvs`, {})).body['code'], 'hybrid.box-not-done');
    // Public results wait for the hybrid PV of a box that received envelopes, even with every
    // electronic PV final (one stands in here, removed after) and no hybrid PV generated yet.
    const standIn = { election_id: E, constituency_code: OFFICE, mode: 'online', category: 'belgium' } as const;
    await store.db
      .insertInto('counting_pvs')
      .values({
        ...standIn,
        content: '{}',
        record_hash: '',
        generated_at: new Date(),
        final_at: new Date(),
        approvals: '[]',
      })
      .execute();
    const early = await app.inject({ url: `/api/results/${E}/${OFFICE}` });
    assert.deepEqual([early.statusCode, early.json<{ code: string }>().code], [409, 'results.not-final']);
    await store.db
      .deleteFrom('counting_pvs')
      .where('election_id', '=', E)
      .where('constituency_code', '=', OFFICE)
      .where('mode', '=', 'online')
      .execute();
    assert.deepEqual((await send(b2, `${BOX}/finish`, { ballots: 6 })).body, { state: 'differences' });
    assert.deepEqual(
      (await send(president, `${PROCESS}/hybrid-boxes/belgium/differences/4`, { ballot: FIRST[4] })).body,
      {
        state: 'done',
      },
    );

    const rec = await send(president, `${PROCESS}/hybrid-boxes/belgium/reconciliation`);
    assert.equal(rec.statusCode, 200);
    assert.deepEqual(
      [rec.body['accepted'], rec.body['cancelled'], rec.body['expected'], rec.body['encoded'], rec.body['difference']],
      [6, 1, 5, 6, 1],
    );
    assert.equal(rec.body['unexplained'], true);

    const generated = await send(president, `${PROCESS}/hybrid-pvs`, {});
    assert.equal(generated.statusCode, 200, JSON.stringify(generated.body));
    assert.deepEqual(generated.body['pvs'], [
      { category: 'belgium', received: 7, counted: 6, difference: 1, explained: false },
    ]);

    // Attacker: Team B approves with the difference unexplained — refused, and the refusal audited.
    const refused = await send(b1, APPROVE, {});
    assert.deepEqual([refused.statusCode, refused.body['code']], [409, 'hybrid.difference-unexplained']);
    const audited = await store.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'counting.pv.approve-refused')
      .execute();
    assert.ok(audited.some((a) => JSON.stringify(a.details).includes('hybrid.difference-unexplained')));
    // Team B cannot write the explanation itself; Team A sees neither the reconciliation nor the PVs.
    const why = { author: 'the president', text: 'One inner envelope held two ballots of the same election.' };
    assert.equal((await send(b1, `${PROCESS}/hybrid-boxes/belgium/explanation`, why)).statusCode, 403);
    assert.equal((await send(teamA, `${PROCESS}/hybrid-boxes/belgium/reconciliation`)).statusCode, 403);
    assert.equal((await send(teamA, `/api/counting/contents/${E}/constituencies/${OFFICE}/pvs`)).statusCode, 403);
    assert.equal((await send(teamA, APPROVE, {})).statusCode, 403);

    const explained = await send(president, `${PROCESS}/hybrid-boxes/belgium/explanation`, why);
    assert.deepEqual([explained.statusCode, explained.body['unexplained']], [200, false]);
    // The PV in hand was generated before the explanation: it must be generated again.
    assert.equal((await send(b1, APPROVE, {})).body['code'], 'hybrid.pv-stale');
    assert.deepEqual((await send(president, `${PROCESS}/hybrid-pvs`, {})).body['pvs'], [
      { category: 'belgium', received: 7, counted: 6, difference: 1, explained: true },
    ]);
    assert.deepEqual((await send(b1, APPROVE, {})).body, { approvals: 1, final: false });
    assert.equal((await send(b1, APPROVE, {})).body['code'], 'counting.four-eyes');
    assert.deepEqual((await send(b2, APPROVE, {})).body, { approvals: 2, final: true });

    // The final PV, public: its figures are the classification of the agreed ballots.
    const pv = await send(president, `/api/counting/public/${E}/pvs/${OFFICE}/hybrid/belgium/json`);
    assert.equal(pv.statusCode, 200);
    const info = await loadConstituency(store.db, E, OFFICE);
    const recount = countPaperBallots(info.model, FIRST);
    assert.equal(pv.body['format'], 'isoloir-pv/1');
    assert.equal(pv.body['mode'], 'hybrid');
    assert.equal(pv.body['groupId'], `${OFFICE}/hybrid/belgium`);
    assert.deepEqual(
      [pv.body['counted'], pv.body['valid'], pv.body['blank'], pv.body['invalid']],
      [6, recount.valid, recount.blank, recount.invalid],
    );
    assert.deepEqual([recount.valid, recount.blank, recount.invalid], [3, 1, 2]);
    assert.deepEqual(pv.body['invalidByRule'], recount.invalidByRule);
    const lists = pv.body['lists'] as { number: number; total: number; categories: Record<string, number> }[];
    assert.deepEqual(
      lists.map((l) => [l.number, l.total]),
      recount.lists.map((l) => [l.number, l.total]),
    );
    assert.deepEqual(pv.body['reception'], {
      received: 7,
      accepted: 6,
      setAside: { 'second-envelope': 1 },
      cancelled: 1,
      unknownCodesAtOffice: 1,
    });
    assert.deepEqual(pv.body['cancelled'], { 'second-envelope': 1, 'voted-at-polling-station': 1 });
    const reconciliation = pv.body['reconciliation'] as Record<string, unknown>;
    assert.deepEqual([reconciliation['expected'], reconciliation['encoded'], reconciliation['difference']], [5, 6, 1]);
    const observations = pv.body['observations'] as { text: string }[];
    assert.ok(observations.some((o) => o.text.includes(why.text)));
    // Nothing of an identity on the PV: no NRN, no voter name.
    const text = JSON.stringify(pv.body);
    for (const nrn of belgium.slice(0, 6)) assert.ok(!text.includes(nrn));

    const actions = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['hybrid.pv.generated', 'hybrid.reconciliation.explained', 'counting.pv.final'])
      .execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'counting.pv.final',
      'hybrid.pv.generated',
      'hybrid.pv.generated',
      'hybrid.reconciliation.explained',
    ]);
    assert.equal((await verifyAuditChain(store.db)).ok, true);

    // The PDF, looked at as PNG pages.
    const pdf = await app.inject({ url: `/api/counting/public/${E}/pvs/${OFFICE}/hybrid/belgium/pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    if (hasPoppler) {
      const file = join(work, 'pv.pdf');
      writeFileSync(file, pdf.rawPayload);
      const words = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      assert.match(words, /votes hybrides/);
      assert.match(words, /Enveloppes intérieures placées dans l’urne/);
      assert.match(words, /différence expliquée/);
      assert.match(words, /seconde enveloppe du même électeur/);
      execFileSync('pdftoppm', ['-r', '40', '-png', file, join(work, 'page')]);
      const pages = readdirSync(work).filter((f) => f.startsWith('page') && f.endsWith('.png'));
      assert.ok(pages.length >= 1);
      for (const p of pages) assert.ok(readFileSync(join(work, p)).length > 1000, p);
    }
  });

  test('the final PV’s box in the election record: its receipt log and count match the PV, no identity', async () => {
    const entries = await hybridRecordEntries(store, E);
    assert.deepEqual(
      entries.map((e) => e.type),
      ['hybrid-receipt-log', 'hybrid-count'],
    );
    const [log, count] = entries.map((e) => e.payload as Record<string, unknown>);
    const pv = (await app.inject({ url: `/api/counting/public/${E}/pvs/${OFFICE}/hybrid/belgium/json` })).json<{
      counted: number;
      valid: number;
      reception: { received: number; accepted: number; cancelled: number; unknownCodesAtOffice: number };
      reconciliation: { difference: number };
    }>();
    const envelopes = (log?.['envelopes'] ?? []) as ReceiptLine[];
    assert.equal(envelopes.length, pv.reception.received + pv.reception.unknownCodesAtOffice);
    assert.equal(envelopes.filter((e) => e.decision !== 'set-aside').length, pv.reception.accepted);
    assert.equal(envelopes.filter((e) => e.decision === 'cancelled').length, pv.reception.cancelled);
    assert.ok(envelopes.every((e) => e.kcodeHash !== null && /^[0-9a-f]{64}$/.test(e.kcodeHash)));
    const ballots = (count?.['ballots'] ?? []) as unknown[];
    assert.equal(ballots.length, pv.counted);
    const keys = ballots.map((b) => JSON.stringify(b));
    assert.deepEqual(keys, [...keys].sort(), 'ballots sorted: no order links one to an envelope');
    assert.equal((count?.['counts'] as { valid: number }).valid, pv.valid);
    assert.equal(typeof count?.['explanation'], pv.reconciliation.difference === 0 ? 'object' : 'string');
    const text = JSON.stringify(entries);
    for (const nrn of belgium) assert.ok(!text.includes(nrn), 'an NRN in the record');

    // Attacker (or a late list): a polling-station list naming a voter whose envelope is in the final
    // box is refused whole, and a late envelope scanned now: the box in the record does not change.
    await assert.rejects(
      importPollingStationList(store, DEMO_DAY_ID, 'BV 9 Liège', `nrn\n${belgium[0] ?? ''}\n`, {
        id: 'official:test',
      }),
      (e: unknown) => (e as { code?: string }).code === 'counting.list-after-hybrid-pv',
    );
    const late = await send(teamA, RECEPTION, { code: kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES)) });
    assert.deepEqual([late.statusCode, late.body['code']], [409, 'hybrid.office-closed']);
    assert.deepEqual(await hybridRecordEntries(store, E), entries);
  });
});
