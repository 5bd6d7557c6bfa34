// Separation of Team A (identities) and Team B (contents), asserted from the route table: every
// counting route says by its path which data it touches, and its access rule must fit; no route a
// Team A member may call returns ciphertexts or contents, no route a Team B member may call exposes
// an identity (checked on the OpenAPI response schemas too). And the refusals that need no crypto.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { decideAccess } from '../auth/access.ts';
import { DEV_OFFICIALS, seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession } from '../auth/testing/sessions.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { CATEGORY_ROLES, categoryOf } from './counting-common.ts';

const IDENTITY_WORDS = /\b(nrn|name|surname|givenName|given_name|birth|address|voterName|voters?|kcode)\b/i;
// A hybrid paper ballot as Team B encodes it: its marks, head box, paper state (issue #16).
const CONTENT_WORDS =
  /\b(ciphertexts?|outputs|shares|plaintexts?|proof|content|lists|valid|blank|invalid|ballot|marks|paper|listId|votes)\b/i;

describe('counting routes: Team A identities only, Team B contents only', () => {
  let store: Store;
  let app: AppInstance;
  before(async () => {
    store = await openStore({});
    await seedDemoIfEmpty(store, { voters: 60, abroadPerMille: 100, seed: 3 });
    await seedDevOfficials(store);
    app = await buildApp({ store });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const counting = () => app.routeTable.filter((r) => r.url.startsWith('/api/counting/') && r.method !== 'HEAD');

  test('every counting route declares its data category by path, and its access fits the category', () => {
    assert.ok(counting().length >= 20);
    const wrong: string[] = [];
    for (const r of counting()) {
      const category = categoryOf(r.url);
      const label = `${r.method} ${r.url}`;
      if (category === undefined) wrong.push(`${label}: no data category`);
      else if (category === 'public') {
        if (r.access !== 'public') wrong.push(`${label}: public category but access ${JSON.stringify(r.access)}`);
      } else if (
        typeof r.access !== 'object' ||
        r.access.roles.length === 0 ||
        r.access.roles.some((role) => !CATEGORY_ROLES[category].includes(role))
      ) {
        wrong.push(`${label}: ${category} opened to ${JSON.stringify(r.access)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('no route open to Team A touches contents; no route open to Team B touches identities', () => {
    const teamA = DEV_OFFICIALS.find((o) => o.id === 'dev-team-a-liege');
    const teamB = DEV_OFFICIALS.find((o) => o.id === 'dev-team-b-liege');
    assert.ok(teamA !== undefined && teamB !== undefined);
    const openTo = (roles: typeof teamA.roles) =>
      app.routeTable.filter(
        (r) => r.access !== 'public' && decideAccess(r.access, { kind: 'official', roles }) === 'allow',
      );
    const aRoutes = openTo(teamA.roles).filter((r) => r.url.startsWith('/api/counting/'));
    const bRoutes = openTo(teamB.roles).filter((r) => r.url.startsWith('/api/counting/'));
    assert.ok(aRoutes.length >= 4 && bRoutes.length >= 4);
    assert.deepEqual(
      aRoutes.filter((r) => categoryOf(r.url) !== 'identities').map((r) => r.url),
      [],
    );
    assert.deepEqual(
      bRoutes.filter((r) => categoryOf(r.url) !== 'contents').map((r) => r.url),
      [],
    );
    // Nothing else in the whole API is opened to Team A or Team B by role, but their workspace
    // summary (their scopes: constituency codes and labels).
    const byRole = app.routeTable.filter(
      (r) => typeof r.access === 'object' && r.access.roles.some((role) => role === 'team-a' || role === 'team-b'),
    );
    assert.deepEqual(
      byRole
        .filter((r) => !r.url.startsWith('/api/counting/') && !/^\/api\/me\/workspaces\/team-[ab]$/.test(r.url))
        .map((r) => r.url),
      [],
    );
  });

  test('hybrid (mode 6): Team A’s reception routes and Team B’s double-entry routes are on their side of the line', () => {
    const hybrid = counting().filter((r) => /hybrid-(envelopes|boxes|pvs)/.test(r.url));
    const sideOf = (r: (typeof hybrid)[number]) =>
      `${r.method} ${r.url.replace(/^\/api\/counting\/(\w+)\/.*$/, '$1')} ${JSON.stringify(r.access)}`;
    const reception = hybrid.filter((r) => r.url.includes('hybrid-envelopes'));
    const entry = hybrid.filter((r) => r.url.includes('/contents/') && r.url.includes('hybrid-boxes'));
    assert.ok(reception.length >= 2 && entry.length >= 3, hybrid.map(sideOf).join('\n'));
    for (const r of reception) assert.match(sideOf(r), /^\w+ identities \{"roles":\["team-a"\]\}$/);
    for (const r of entry) assert.match(sideOf(r), /^\w+ contents \{"roles":\["team-b"\]\}$/);
    // The reconciliation, the explanation and the PVs' generation: the president's (figures only).
    for (const r of hybrid.filter((x) => /reconciliation|explanation|hybrid-pvs|differences/.test(x.url)))
      assert.equal(categoryOf(r.url), 'process', r.url);
  });

  test('the response schemas agree: identities routes carry no content, contents routes no identity', async () => {
    const document = (await app.inject('/api/docs/json')).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    const keysOf = (schema: unknown, out: Set<string>): Set<string> => {
      if (schema !== null && typeof schema === 'object') {
        for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
          if (k === 'properties' && v !== null && typeof v === 'object')
            for (const name of Object.keys(v)) out.add(name);
          keysOf(v, out);
        }
      }
      return out;
    };
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      const category = categoryOf(path.replace(/\{(\w+)\}/g, ':$1'));
      if (category !== 'identities' && category !== 'contents') continue;
      for (const [method, op] of Object.entries(methods)) {
        const ok = op.responses?.['200'];
        const names = [...keysOf(ok, new Set())];
        const bad = names.filter((n) => (category === 'identities' ? CONTENT_WORDS : IDENTITY_WORDS).test(n));
        if (bad.length > 0) problems.push(`${method} ${path}: ${bad.join(', ')}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('scopes, and uploads refused when the server has no shuffle check configured', async () => {
    const a = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    const b = await testSession(store, { kind: 'official', officialId: 'dev-team-b-liege' });
    const trustee = await testSession(store, { kind: 'official', officialId: 'dev-trustee' });
    const get = async (headers: object, url: string): Promise<number> =>
      (await app.inject({ url, headers: headers as Record<string, string> })).statusCode;
    assert.equal(
      await get(a.headers, `/api/counting/identities/${DEMO_ELECTION_ID}/constituencies/liege/double-votes`),
      200,
    );
    assert.equal(
      await get(a.headers, `/api/counting/identities/${DEMO_ELECTION_ID}/constituencies/namur/double-votes`),
      403,
    );
    assert.equal(
      await get(b.headers, `/api/counting/contents/${DEMO_ELECTION_ID}/constituencies/liege/cancellations`),
      200,
    );
    assert.equal(
      await get(b.headers, `/api/counting/contents/${DEMO_ELECTION_ID}/constituencies/namur/cancellations`),
      403,
    );
    assert.equal(
      await get(b.headers, `/api/counting/identities/${DEMO_ELECTION_ID}/constituencies/liege/remote-voters`),
      403,
    );
    assert.equal(await get(a.headers, `/api/counting/contents/${DEMO_ELECTION_ID}/constituencies/liege/pvs`), 403);
    const upload = await app.inject({
      method: 'POST',
      url: `/api/counting/contents/${DEMO_ELECTION_ID}/trustee/shuffles`,
      headers: { ...trustee.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        group: 'liege/online/belgium',
        trustee: 1,
        mixNode: 1,
        outputs: 'AAA=',
        proof: {},
        signature: '0'.repeat(128),
      }),
    });
    assert.equal(upload.statusCode, 503);
    assert.equal(upload.json<{ code: string }>().code, 'counting.unavailable');
    // Counting before the period is closed: refused, audited, nothing changed.
    const po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
    const office = (code: string): string => `/api/counting/process/${DEMO_ELECTION_ID}/constituencies/${code}`;
    const post = (who: { headers: object }, url: string, body: unknown) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...(who.headers as Record<string, string>), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const noStation = await post(po, `${office('liege')}/split`, {});
    assert.equal(
      noStation.json<{ code: string }>().code,
      'counting.stations-incomplete',
      'no polling station registered: refused',
    );
    assert.equal((await post(po, `${office('liege')}/stations`, { stations: ['Liège BV 1'] })).statusCode, 200);
    assert.equal(
      (await post(po, `${office('liege')}/split`, {})).json<{ code: string }>().code,
      'counting.stations-incomplete',
    );
    assert.equal(
      (
        await post(po, `${office('liege')}/stations/waive`, {
          station: 'Liège BV 1',
          reason: 'TEST: the list will not come',
        })
      ).statusCode,
      200,
    );
    const split = await post(po, `${office('liege')}/split`, {});
    assert.equal(split.json<{ code: string }>().code, 'counting.period-open');
    // The president of Liège runs Liège's count, and only Liège's.
    const president = await testSession(store, { kind: 'official', officialId: 'dev-president-liege' });
    assert.equal(await get(president.headers, office('liege')), 200);
    assert.equal(await get(president.headers, office('namur')), 403);
    assert.equal((await post(president, `${office('namur')}/split`, {})).statusCode, 403);
    assert.equal(
      await get(president.headers, `/api/counting/identities/${DEMO_ELECTION_ID}/constituencies/liege/remote-voters`),
      403,
    );
    assert.equal(
      await get(president.headers, `/api/counting/contents/${DEMO_ELECTION_ID}/constituencies/liege/pvs`),
      403,
    );
    const refused = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'counting.refused')
      .execute();
    assert.ok(refused.length >= 3, 'refusals are audited');
    const record = await app.inject({ url: `/api/counting/public/${DEMO_ELECTION_ID}/record` });
    assert.equal(record.statusCode, 404);
  });
});
