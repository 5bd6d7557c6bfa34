// Hybrid voting (mode 6) through the HTTP API: a voter of the frozen mode-6 file prints a kit within
// the hybrid period, printing again voids the first K-code, the status page answers by K-code without
// login, the voter's own page shows the same facts. The attacker's side: a mode-7 voter, a period not
// open, a typing error or a guessed code, a voided code, a code bound to another day, enumeration by
// the lookup's work, the rate limit, a reprint once the envelope is at the main office.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatKcode, kcodeCheckSymbol, parseKcode } from '@isoloir/electoral';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { kcodeStatus } from './kcodes.ts';
import { KCODE_PURPOSE, keyedHashOf } from './keyed-hash.ts';
import { KitTemplates, renderKit, type KitContent } from './kit-pdf.ts';
import { ballotSheet } from './kit-service.ts';
import { hybridVoterNrns, openTestHybridPeriod, setTestHybridWindow } from './test-hybrid.ts';
import { dateFrom } from '../voting/test-election.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

describe('hybrid voting: kit, K-code, status', () => {
  let store: Store;
  let app: AppInstance;
  let limited: AppInstance;
  let hybridNrn: string;
  let voter: TestSession;
  let online: TestSession;
  const work = mkdtempSync(join(tmpdir(), 'isoloir-hybrid-'));

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 200, abroadPerMille: 100, seed: 11 });
    await openTestHybridPeriod(store, DEMO_DAY_ID);
    app = await buildApp({ store });
    limited = await buildApp({
      store,
      rateLimits: {
        loginsPerMinute: 100,
        lookupsPerMinute: 3,
        castsPerMinute: 100,
        voterRequestsPerMinute: 100,
        anonymousPerMinute: 100,
      },
    });
    const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
    assert.ok(nrns.length >= 2, 'the demo has hybrid voters');
    hybridNrn = nrns[0] ?? '';
    voter = await testSession(store, { kind: 'voter', nrn: hybridNrn });
    const mode7 = await store.db
      .selectFrom('frozen_voters')
      .select('nrn')
      .where('mode', '=', 7)
      .orderBy('nrn')
      .executeTakeFirstOrThrow();
    online = await testSession(store, { kind: 'voter', nrn: mode7.nrn });
  });
  after(async () => {
    await app.close();
    await limited.close();
    await store.close();
    rmSync(work, { recursive: true, force: true });
  });

  const print = (session: TestSession) =>
    app.inject({ method: 'POST', url: '/api/hybrid/kit', headers: session.headers });
  const status = async (code: string, on = app, address = '192.0.2.1') => {
    const r = await on.inject({ method: 'POST', url: '/api/hybrid/status', payload: { code }, remoteAddress: address });
    return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
  };
  const me = async (session: TestSession) =>
    (await app.inject({ url: '/api/hybrid/me', headers: session.headers })).json<Record<string, unknown>>();

  /** The K-code printed in a kit: its text, read back from the PDF. */
  function codeIn(pdf: Buffer): string {
    const file = join(work, `kit-${String(Math.random()).slice(2)}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const found = /[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}/.exec(text);
    assert.ok(found !== null, 'the kit prints a K-code');
    const parsed = parseKcode(found[0]);
    assert.ok(parsed.ok);
    return parsed.value;
  }

  let first = '';
  let second = '';

  test(
    'a mode-6 voter prints a kit: a PDF with a valid K-code, issued and audited; the status says not received yet',
    {
      skip: hasPoppler ? false : 'poppler-utils is not installed',
    },
    async () => {
      assert.deepEqual((await me(voter))['mayPrint'], true);
      const r = await print(voter);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], 'application/pdf');
      first = codeIn(r.rawPayload);
      const s = await status(formatKcode(first));
      assert.equal(s.statusCode, 200);
      assert.equal(s.body['status'], 'issued');
      assert.equal(s.body['reason'], null);
      assert.equal(typeof s.body['updatedAt'], 'string');
      // Only the keyed hash is stored, bound to the voter and the day.
      const rows = await store.db.selectFrom('hybrid_kcodes').selectAll().where('nrn', '=', hybridNrn).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.code_hash, keyedHashOf(store)(KCODE_PURPOSE, DEMO_DAY_ID, first));
      assert.equal(rows[0].election_day_id, DEMO_DAY_ID);
      const dump = JSON.stringify(await store.db.selectFrom('hybrid_kcodes').selectAll().execute());
      assert.ok(!dump.includes(first), 'the code itself is stored nowhere');
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['action', 'subject'])
        .where('action', 'like', 'hybrid.%')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['hybrid.kcode.issued'],
      );
      assert.ok(!JSON.stringify(audit).includes(hybridNrn), 'no NRN in the audit log');
    },
  );

  test(
    'printing again issues a new code and voids the first (audited); the voter’s page says so',
    {
      skip: hasPoppler ? false : 'poppler-utils is not installed',
    },
    async () => {
      const r = await print(voter);
      assert.equal(r.statusCode, 200);
      second = codeIn(r.rawPayload);
      assert.notEqual(second, first);
      assert.equal((await status(first)).body['status'], 'voided');
      assert.equal((await status(second)).body['status'], 'issued');
      const audit = await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'hybrid.%')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['hybrid.kcode.issued', 'hybrid.kcode.voided', 'hybrid.kcode.issued'],
      );
      const mine = await me(voter);
      assert.deepEqual((mine['kcode'] as Record<string, unknown>)['status'], 'issued');
    },
  );

  test('a typing error is refused before any lookup; a guessed well-formed code is unknown', async () => {
    const code = second === '' ? 'ABCDEFGHJKMNPQRST' + kcodeCheckSymbol('ABCDEFGHJKMNPQRST') : second;
    const typo = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
    const refused = await status(typo);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.body['code'], 'hybrid.kcode-invalid');
    assert.equal(refused.body['field'], 'check');
    assert.equal((await status('12345')).body['field'], 'length');
    const guess = '0000000000000000' + '0' + kcodeCheckSymbol('00000000000000000');
    assert.deepEqual((await status(guess)).body, {
      status: 'unknown',
      reason: null,
      updatedAt: null,
      electionDayId: null,
    });
  });

  test('the lookup does the same work for a code that exists and one that does not (no enumeration by timing)', async () => {
    const keyedHash = keyedHashOf(store);
    const calls: string[][] = [];
    const spy = (log: string[]) =>
      new Proxy(store.db, {
        get(target, prop, receiver) {
          if (prop === 'selectFrom')
            return (table: string) => {
              log.push(table);
              return target.selectFrom(table as 'hybrid_kcodes');
            };
          return Reflect.get(target, prop, receiver) as unknown;
        },
      });
    for (const code of [second || first, '0'.repeat(17) + kcodeCheckSymbol('0'.repeat(17))]) {
      const log: string[] = [];
      await kcodeStatus(spy(log), keyedHash, code);
      calls.push(log);
    }
    assert.deepEqual(calls[0], calls[1]);
    assert.deepEqual(calls[0], ['election_days', 'hybrid_kcodes']);
  });

  test('a code is bound to its day: hashed under another day’s key it is found nowhere', async () => {
    const keyedHash = keyedHashOf(store);
    const code = second || first;
    assert.notEqual(keyedHash(KCODE_PURPOSE, 'other-day', code), keyedHash(KCODE_PURPOSE, DEMO_DAY_ID, code));
    const row = await store.db
      .selectFrom('hybrid_kcodes')
      .select('id')
      .where('code_hash', '=', keyedHash(KCODE_PURPOSE, 'other-day', code))
      .executeTakeFirst();
    assert.equal(row, undefined);
  });

  test('received, cancelled (with its reason), counted: the status page and the voter’s page say the same', async () => {
    const code = second || first;
    const id = (
      await store.db
        .selectFrom('hybrid_kcodes')
        .select('id')
        .where('nrn', '=', hybridNrn)
        .where('state', '=', 'issued')
        .executeTakeFirstOrThrow()
    ).id;
    const move = (state: 'received' | 'cancelled' | 'counted', reason: string | null = null) =>
      store.db
        .updateTable('hybrid_kcodes')
        .set({ state, cancellation_reason: reason, state_changed_at: new Date(), state_changed_by: 'test:team-a' })
        .where('id', '=', String(id))
        .execute();
    await move('received');
    assert.equal((await status(code)).body['status'], 'received');
    // Once the envelope is in, a new kit cannot change which envelope counts.
    const again = await print(voter);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ code: string }>().code, 'hybrid.already-received');
    await move('cancelled', 'voted-at-polling-station');
    const cancelled = await status(code);
    assert.deepEqual([cancelled.body['status'], cancelled.body['reason']], ['cancelled', 'voted-at-polling-station']);
    const mine = (await me(voter))['kcode'] as Record<string, unknown>;
    assert.deepEqual([mine['status'], mine['reason']], ['cancelled', 'voted-at-polling-station']);
    assert.ok(!JSON.stringify(cancelled.body).includes(hybridNrn));
    // The status, its reason and time, and the day (the device computes the public hash with it): nothing of who.
    assert.deepEqual(Object.keys(cancelled.body).sort(), ['electionDayId', 'reason', 'status', 'updatedAt']);
    assert.equal(cancelled.body['electionDayId'], DEMO_DAY_ID);
  });

  test('a mode-7 voter asking for a kit is refused, and nothing is issued', async () => {
    const before = await store.db.selectFrom('hybrid_kcodes').select('id').execute();
    const r = await print(online);
    assert.equal(r.statusCode, 403);
    assert.equal(r.json<{ code: string }>().code, 'hybrid.not-registered');
    assert.deepEqual((await me(online))['registered'], false);
    assert.equal((await store.db.selectFrom('hybrid_kcodes').select('id').execute()).length, before.length);
    const anonymous = await app.inject({ method: 'POST', url: '/api/hybrid/kit' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('outside the setup’s hybrid period no kit is printed', async () => {
    const other = await testSession(store, {
      kind: 'voter',
      nrn: (await hybridVoterNrns(store, DEMO_DAY_ID))[1] ?? '',
    });
    const now = new Date();
    await setTestHybridWindow(store, DEMO_DAY_ID, { opens: dateFrom(now, 2), closes: dateFrom(now, 5) });
    assert.equal((await print(other)).json<{ code: string }>().code, 'hybrid.not-open');
    await setTestHybridWindow(store, DEMO_DAY_ID, { opens: dateFrom(now, -5), closes: dateFrom(now, -2) });
    assert.equal((await print(other)).json<{ code: string }>().code, 'hybrid.closed');
    assert.equal((await me(other))['refusal'], 'hybrid.closed');
    await openTestHybridPeriod(store, DEMO_DAY_ID);
  });

  test('K-code lookups are rate-limited per address', async () => {
    const guess = '1'.repeat(17) + kcodeCheckSymbol('1'.repeat(17));
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await status(guess, limited, '198.51.100.9')).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 429]);
    assert.equal(
      (await status(guess, limited, '198.51.100.10')).statusCode,
      200,
      'another address has its own counter',
    );
  });

  test(
    'the ballot pages of two voters of the same constituency are the same bytes once rendered',
    {
      skip: hasPoppler ? false : 'poppler-utils is not installed',
    },
    async () => {
      const election = await store.db
        .selectFrom('constituencies as c')
        .innerJoin('elections as e', 'e.id', 'c.election_id')
        .select(['c.election_id', 'c.code', 'c.label', 'e.label as electionLabel'])
        .where('c.code', '=', 'liege')
        .executeTakeFirstOrThrow();
      const templates = new KitTemplates((id, code) => ballotSheet(store.db, id, code));
      const kit = (name: string, kcode: string, language: 'fr' | 'nl'): KitContent => ({
        language,
        category: 'belgium',
        name,
        kcode,
        mainOfficeAddress: 'Bureau principal, Place Saint-Lambert 1, 4000 Liège',
        dayLabel: { fr: 'Jour', nl: 'Dag', de: 'Tag', en: 'Day' },
        facts: { deadline: '2029-06-06', category: 'belgium', statusUrl: 'https://vote.example.be/hybrid/status' },
        elections: [
          {
            electionId: election.election_id,
            label: election.electionLabel,
            constituencyCode: election.code,
            constituencyLabel: election.label,
          },
        ],
      });
      const a = await renderKit(kit('Hélène Gillet', 'ABCDEFGHJKMNPQRSTV', 'fr'), templates);
      const b = await renderKit(kit('Łukasz Wouters', '0123456789ABCDEFGH', 'nl'), templates);
      const render = (pdf: Uint8Array, page: number, name: string): Buffer => {
        const file = join(work, `${name}.pdf`);
        writeFileSync(file, pdf);
        execFileSync('pdftoppm', [
          '-r',
          '50',
          '-png',
          '-singlefile',
          '-f',
          String(page),
          '-l',
          String(page),
          file,
          join(work, name),
        ]);
        return readFileSync(join(work, `${name}.png`));
      };
      assert.ok(a.pages > a.firstBallotPage, 'the kit has ballot pages');
      for (let page = a.firstBallotPage + 1; page <= a.pages; page += 1)
        assert.ok(
          render(a.pdf, page, `a${String(page)}`).equals(render(b.pdf, page, `b${String(page)}`)),
          `ballot page ${String(page)}`,
        );
      // The check can fail: the labels pages differ (name and K-code).
      assert.ok(!render(a.pdf, a.firstBallotPage, 'la').equals(render(b.pdf, b.firstBallotPage, 'lb')));
    },
  );
});
