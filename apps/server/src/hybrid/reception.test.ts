// Team A receives hybrid envelopes through the HTTP API (issue #16): every outcome, the voter's status
// moved as the decision says, each decision audited, and the attacker's side — Team A of another
// constituency, a voter, a reprinted kit's envelope scanned before or after the last one, a second
// envelope with the same label, a late envelope, a voter who also voted at a polling station.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { kcodeFromBytes, KCODE_RANDOM_BYTES } from '@isoloir/electoral';
import { verifyAuditChain, type Store } from '@isoloir/store';
import { testDatabases } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { importPollingStationList } from '../counting/polling-stations.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { dateFrom } from '../voting/test-election.ts';
import { issueKcodes, kcodeStatus } from './kcodes.ts';
import { receptionDayLock } from './reception.ts';
import { keyedHashFrom } from './keyed-hash.ts';
import { hybridVoters } from './kit-service.ts';
import { hybridVoterNrns, openTestHybridPeriod, setTestHybridWindow } from './test-hybrid.ts';

const OFFICE = 'liege';

for (const database of testDatabases()) {
  describe(`Team A receives hybrid envelopes (${database.name})`, () => {
    let store: Store;
    let app: AppInstance;
    let teamA: TestSession;
    let liege: string[];
    let elsewhere: string;

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 3500, abroadPerMille: 100, seed: 16 });
      await seedDevOfficials(store);
      await openTestHybridPeriod(store, DEMO_DAY_ID);
      app = await buildApp({ store });
      teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
      const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
      const voters = await hybridVoters(store.db, DEMO_DAY_ID, nrns, new Date());
      const officeOf = (nrn: string) => voters.get(nrn)?.elections[0]?.constituencyCode;
      liege = nrns.filter((n) => officeOf(n) === OFFICE);
      elsewhere = nrns.find((n) => officeOf(n) !== OFFICE) ?? '';
      assert.ok(liege.length >= 13, `hybrid voters in ${OFFICE}: ${String(liege.length)}`);
      assert.notEqual(elsewhere, '');
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    const keyedHash = () => keyedHashFrom(app.context.secret);
    const kit = async (nrn: string): Promise<string> => {
      const [issued] = await issueKcodes(store, keyedHash(), DEMO_DAY_ID, [nrn], new Date());
      assert.ok(issued !== undefined && 'code' in issued);
      return issued.code;
    };
    const receive = async (code: string, session = teamA, office = OFFICE) => {
      const r = await app.inject({
        method: 'POST',
        url: `/api/counting/identities/${DEMO_DAY_ID}/constituencies/${office}/hybrid-envelopes`,
        headers: session.headers,
        payload: { code },
      });
      return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
    };
    const status = async (code: string) => (await kcodeStatus(store.db, keyedHash(), code)).status;

    test('a live code of this office: accepted, into the box of its category with the next order number; the voter’s status says received', async () => {
      const first = await receive(await kit(liege[0] ?? ''));
      const second = await receive(await kit(liege[1] ?? ''));
      for (const r of [first, second]) {
        assert.equal(r.statusCode, 200, JSON.stringify(r.body));
        assert.equal(r.body['outcome'], 'accepted');
        assert.ok(r.body['box'] === 'belgium' || r.body['box'] === 'abroad');
        assert.equal(typeof r.body['voterName'], 'string');
        assert.equal(r.body['reason'], null);
      }
      if (first.body['box'] === second.body['box'])
        assert.equal(Number(second.body['boxOrder']), Number(first.body['boxOrder']) + 1);
      const summary = await app.inject({
        url: `/api/counting/identities/${DEMO_DAY_ID}/constituencies/${OFFICE}/hybrid-envelopes`,
        headers: teamA.headers,
      });
      const accepted = summary.json<{ accepted: { belgium: number; abroad: number } }>().accepted;
      assert.equal(accepted.belgium + accepted.abroad, 2);
    });

    test('a reprinted kit: the last kit’s envelope is kept whichever Team A scans first', async () => {
      for (const [i, order] of [
        [2, 'old-first'],
        [3, 'new-first'],
      ] as const) {
        const nrn = liege[i] ?? '';
        const old = await kit(nrn);
        const live = await kit(nrn);
        const scans = order === 'old-first' ? [old, live] : [live, old];
        const results: Record<string, unknown>[] = [];
        for (const code of scans) results.push((await receive(code)).body);
        const byCode = new Map(scans.map((c, k) => [c, results[k]]));
        assert.equal(byCode.get(live)?.['outcome'], 'accepted', order);
        assert.deepEqual([byCode.get(old)?.['outcome'], byCode.get(old)?.['reason']], ['set-aside', 'kcode-voided']);
        assert.equal(await status(live), 'received');
        assert.equal(await status(old), 'voided');
      }
    });

    test('a second envelope with the same label: set aside, the first kept', async () => {
      const code = await kit(liege[4] ?? '');
      assert.equal((await receive(code)).body['outcome'], 'accepted');
      const again = await receive(code);
      assert.deepEqual([again.body['outcome'], again.body['reason']], ['set-aside', 'second-envelope']);
      assert.equal(await status(code), 'received');
    });

    test('unknown code, another office’s voter: set aside, nothing moved', async () => {
      // What is not a K-code at all is refused before any lookup.
      assert.equal((await receive('NOT-A-KCODE')).statusCode, 400);
      const stranger = await kit(elsewhere);
      const forwarded = await receive(stranger);
      assert.deepEqual([forwarded.body['outcome'], forwarded.body['reason']], ['set-aside', 'wrong-main-office']);
      assert.equal(await status(stranger), 'issued', 'forwarded to its office, still live');
      // A well-formed code nobody holds.
      const unknown = await receive(kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES)));
      assert.equal(unknown.statusCode, 200);
      assert.deepEqual(
        [unknown.body['outcome'], unknown.body['reason'], unknown.body['voterName']],
        ['set-aside', 'kcode-unknown', null],
      );
    });

    test('a voter on a polling-station list: set aside, the polling-station vote kept; the status says cancelled', async () => {
      const nrn = liege[6] ?? '';
      const code = await kit(nrn);
      await importPollingStationList(store, DEMO_DAY_ID, 'BV 12 Liège', `nrn\n${nrn}\n`, { id: 'official:test' });
      const r = await receive(code);
      assert.deepEqual([r.body['outcome'], r.body['reason']], ['set-aside', 'voted-at-polling-station']);
      assert.equal(await status(code), 'cancelled');
    });

    test('accepted before the polling-station list came in: cancelled then, its box and order number given to Team A', async () => {
      const nrn = liege[9] ?? '';
      const code = await kit(nrn);
      const accepted = await receive(code);
      assert.equal(accepted.body['outcome'], 'accepted');
      const r = await app.inject({
        method: 'POST',
        url: `/api/counting/identities/${DEMO_DAY_ID}/polling-stations`,
        headers: teamA.headers,
        payload: { station: 'BV 40 Liège', csv: `nrn\n${nrn}\n` },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json<{ hybridEnvelopesToRemove: unknown[] }>().hybridEnvelopesToRemove, [
        { office: OFFICE, box: accepted.body['box'], boxOrder: accepted.body['boxOrder'] },
      ]);
      assert.equal(await status(code), 'cancelled');
      const audit = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'hybrid.envelope.cancelled')
        .execute();
      assert.equal(audit.length, 1);
    });

    test('a polling-station list and a reception at the same moment: the envelope is never left accepted', async (t) => {
      const pool = store.pgPool;
      if (pool === undefined) {
        t.skip('PGlite serves one connection at a time: no two transactions at once');
        return;
      }
      const nrn = liege[5] ?? '';
      const code = await kit(nrn);
      // A reception in flight (it holds the day's reception lock shared until its commit).
      const inFlight = await pool.connect();
      try {
        await inFlight.query('begin');
        await inFlight.query('select pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [
          receptionDayLock(DEMO_DAY_ID),
        ]);
        // The list's import waits for it, rather than reading the envelopes before it commits.
        const importing = importPollingStationList(store, DEMO_DAY_ID, 'BV 41 Liège', `nrn\n${nrn}\n`, {
          id: 'official:test',
        });
        const deadline = Date.now() + 20_000;
        for (;;) {
          const waiting = await pool.query<{ n: string }>(
            "select count(*)::text as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())",
          );
          if (waiting.rows[0]?.n !== '0') break;
          assert.ok(Date.now() < deadline, 'the import did not wait for the reception in flight');
          await new Promise((r) => setTimeout(r, 20));
        }
        // A reception of this voter's envelope starting now, then the one in flight commits.
        const receiving = receive(code);
        await inFlight.query('commit');
        const [report, r] = await Promise.all([importing, receiving]);
        // Either order is right: set aside (the list first), or accepted then cancelled by the list.
        if (r.body['outcome'] === 'accepted')
          assert.deepEqual(report.hybridEnvelopesToRemove, [
            { office: OFFICE, box: r.body['box'], boxOrder: r.body['boxOrder'] },
          ]);
        else assert.deepEqual([r.body['outcome'], r.body['reason']], ['set-aside', 'voted-at-polling-station']);
        assert.equal(await status(code), 'cancelled');
      } finally {
        inFlight.release();
      }
    });

    test('after the hybrid period: set aside as late, the status says cancelled', async () => {
      const code = await kit(liege[7] ?? '');
      const now = new Date();
      await setTestHybridWindow(store, DEMO_DAY_ID, { opens: dateFrom(now, -5), closes: dateFrom(now, -2) });
      try {
        const r = await receive(code);
        assert.deepEqual([r.body['outcome'], r.body['reason']], ['set-aside', 'arrived-late']);
        assert.equal(await status(code), 'cancelled');
      } finally {
        await openTestHybridPeriod(store, DEMO_DAY_ID);
      }
    });

    test('only Team A of the office: another constituency’s Team A and a voter are refused, nothing recorded', async () => {
      const code = await kit(liege[8] ?? '');
      const before = await store.db.selectFrom('hybrid_envelopes').select('id').execute();
      assert.equal((await receive(code, teamA, 'namur')).statusCode, 403);
      const voter = await testSession(store, { kind: 'voter', nrn: liege[8] ?? '' });
      assert.equal((await receive(code, voter)).statusCode, 403);
      assert.equal((await store.db.selectFrom('hybrid_envelopes').select('id').execute()).length, before.length);
      assert.equal(await status(code), 'issued');
    });

    test('a tray of scans: each envelope received as alone, in the order read, the first of one label kept; a bad code answered in its place', async () => {
      assert.ok(liege.length >= 13, `hybrid voters in ${OFFICE}: ${String(liege.length)}`);
      const [a, b, late] = [await kit(liege[10] ?? ''), await kit(liege[11] ?? ''), await kit(liege[12] ?? '')];
      const tray = (codes: string[], session = teamA, office = OFFICE) =>
        app.inject({
          method: 'POST',
          url: `/api/counting/identities/${DEMO_DAY_ID}/constituencies/${office}/hybrid-envelopes/tray`,
          headers: session.headers,
          payload: { codes },
        });
      // Another office's Team A and a voter: refused, nothing recorded.
      const count = async () => (await store.db.selectFrom('hybrid_envelopes').select('id').execute()).length;
      const before = await count();
      assert.equal((await tray([a], teamA, 'namur')).statusCode, 403);
      assert.equal(
        (await tray([a], await testSession(store, { kind: 'voter', nrn: liege[10] ?? '' }))).statusCode,
        403,
      );
      assert.equal((await tray([])).statusCode, 400);
      assert.equal(await count(), before);
      const r = await tray([b, 'NOT-A-KCODE', a, b, a]);
      assert.equal(r.statusCode, 200, r.body);
      const { envelopes, stopped } = r.json<{ envelopes: Record<string, unknown>[]; stopped: unknown }>();
      assert.equal(stopped, null);
      assert.deepEqual(
        envelopes.map((e) => [e['outcome'], e['outcome'] === 'refused' ? e['code'] : e['reason']]),
        [
          ['accepted', null],
          ['refused', 'hybrid.kcode-invalid'],
          ['accepted', null],
          ['set-aside', 'second-envelope'],
          ['set-aside', 'second-envelope'],
        ],
      );
      assert.equal(await count(), before + 4, 'four envelopes recorded, the bad code none');
      // Each its own decision, audited: the same rows as one scan at a time.
      const audited = await store.db
        .selectFrom('audit_log')
        .select('subject')
        .where(
          'subject',
          'in',
          envelopes.flatMap((e) => (typeof e['envelope'] === 'string' ? [`envelope:${e['envelope']}`] : [])),
        )
        .execute();
      assert.equal(audited.length, 4);
      assert.equal(await status(a), 'received');
      assert.equal(await status(b), 'received');
      // A late envelope in a tray: set aside as alone.
      const now = new Date();
      await setTestHybridWindow(store, DEMO_DAY_ID, { opens: dateFrom(now, -5), closes: dateFrom(now, -2) });
      try {
        const lateTray = (await tray([late])).json<{ envelopes: Record<string, unknown>[] }>();
        assert.deepEqual(
          lateTray.envelopes.map((e) => [e['outcome'], e['reason']]),
          [['set-aside', 'arrived-late']],
        );
      } finally {
        await openTestHybridPeriod(store, DEMO_DAY_ID);
      }
    });

    test('every decision audited, the chains whole; no NRN in the envelopes', async () => {
      const rows = await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['hybrid.envelope.accepted', 'hybrid.envelope.set-aside'])
        .execute();
      const envelopes = await store.db.selectFrom('hybrid_envelopes').selectAll().execute();
      assert.equal(rows.length, envelopes.length);
      assert.doesNotMatch(JSON.stringify(envelopes), /\b[0-9]{11}\b/);
      assert.equal((await verifyAuditChain(store.db)).ok, true);
    });
  });
}
