// The ballot paper's lists and candidates for Team B's encoding screen and the president's decisions
// (issue #16): the constituency's own lists, in order, with every candidate; Team A and another
// constituency's Team B are refused (Team A never handles a vote, not even the blank paper's layout).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession } from '../auth/testing/sessions.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';

const url = (office: string, scope = 'contents') =>
  `/api/counting/${scope}/${DEMO_ELECTION_ID}/constituencies/${office}/hybrid-lists`;

describe('the ballot paper’s lists for the hybrid screens', () => {
  let store: Store;
  let app: AppInstance;
  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 200, abroadPerMille: 100, seed: 18 });
    await seedDevOfficials(store);
    app = await buildApp({ store });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const get = async (officialId: string, office = 'liege', scope = 'contents') => {
    const session = await testSession(store, { kind: 'official', officialId });
    return app.inject({ url: url(office, scope), headers: session.headers });
  };

  test('Team B and the president of the office get its lists with every candidate, in order', async () => {
    const expected = await store.db
      .selectFrom('candidates')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('constituency_code', '=', 'liege')
      .executeTakeFirstOrThrow();
    for (const [who, scope] of [
      ['dev-team-b-liege', 'contents'],
      ['dev-president-liege', 'process'],
      ['dev-po-admin', 'process'],
    ] as const) {
      const r = await get(who, 'liege', scope);
      assert.equal(r.statusCode, 200, r.body);
      const { lists } = r.json<{ lists: { number: number; effectives: unknown[]; substitutes: unknown[] }[] }>();
      assert.ok(lists.length > 0);
      assert.deepEqual(
        lists.map((l) => l.number),
        [...lists.map((l) => l.number)].sort((a, b) => a - b),
      );
      const candidates = lists.reduce((n, l) => n + l.effectives.length + l.substitutes.length, 0);
      assert.equal(candidates, Number(expected.n), who);
    }
  });

  test('Team A, and Team B of another constituency, are refused', async () => {
    assert.equal((await get('dev-team-a-liege')).statusCode, 403);
    assert.equal((await get('dev-team-a-liege', 'liege', 'process')).statusCode, 403);
    assert.equal((await get('dev-team-b-liege', 'namur')).statusCode, 403);
    assert.equal((await get('dev-team-b-liege', 'liege', 'process')).statusCode, 403);
    assert.equal((await get('dev-president-liege', 'liege', 'contents')).statusCode, 403);
  });
});
