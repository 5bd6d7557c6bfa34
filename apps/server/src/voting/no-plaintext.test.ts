// The server never holds a plaintext choice: after casting, no table (besides the published lists
// and candidates themselves), no log line and no response holds the voter's list or candidates in
// clear, nor the encoded plaintext; and no secret key of the election exists on the server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bytesToHex, encodeBallot } from '@isoloir/crypto';
import { sql } from 'kysely';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';

// The published lists and candidates, and registers of people (a candidate may share a voter's surname).
const DEFINITION_TABLES = new Set([
  'party_lists',
  'candidates',
  'schema_migrations',
  'voters',
  'commune_voters',
  'consolidated_voters',
  'consular_registrations',
]);

for (const database of testDatabases()) {
  describe(`no plaintext on the server, ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    test('after casting, no table, log or response contains the choice in clear', async () => {
      const { session } = await f.voter('brabant-wallon');
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const list = 7;
      const plain = { kind: 'list' as const, list, headBox: false, effectives: [2, 4], substitutes: [1] };
      const lists = await store.db
        .selectFrom('party_lists')
        .select('label')
        .where('election_id', '=', DEMO_ELECTION_ID)
        .where('constituency_code', '=', 'brabant-wallon')
        .where('list_number', '=', list)
        .executeTakeFirstOrThrow();
      const names = await store.db
        .selectFrom('candidates')
        .select(['given_name', 'surname', 'kind', 'position'])
        .where('election_id', '=', DEMO_ELECTION_ID)
        .where('constituency_code', '=', 'brabant-wallon')
        .where('list_number', '=', list)
        .execute();
      const chosen = names
        .filter(
          (c) =>
            (c.kind === 'effective' && [2, 4].includes(c.position)) || (c.kind === 'substitute' && c.position === 1),
        )
        .map((c) => c.surname);
      const key = f.keys.get(DEMO_ELECTION_ID);
      assert.ok(key !== undefined);
      const encoded = encodeBallot(key.layout, plain).map((chunk) => bytesToHex(chunk));
      const responses: string[] = [];
      for (let i = 0; i < 2; i += 1) {
        const response = await f.cast(session, DEMO_ELECTION_ID, f.encrypt(booth, plain).body);
        assert.equal(response.statusCode, 201);
        responses.push(response.body);
      }
      responses.push((await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).body);
      responses.push((await f.app.inject(`/api/voting/board/${DEMO_ELECTION_ID}?constituency=brabant-wallon`)).body);

      const tables = await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
        store.db,
      );
      const dumps: string[] = [];
      for (const { table_name: name } of tables.rows) {
        if (DEFINITION_TABLES.has(name)) continue;
        const rows = await sql<{ row: unknown }>`select row_to_json(t) as row from ${sql.table(name)} t`.execute(
          store.db,
        );
        dumps.push(...rows.rows.map((r) => `${name}: ${JSON.stringify(r.row)}`));
      }
      const haystacks = { tables: dumps.join('\n'), logs: f.logs.join(''), responses: responses.join('\n') };
      const needles = [lists.label, ...chosen, ...encoded, '"list":7', '"effectives"', '"headBox"'];
      for (const [where, text] of Object.entries(haystacks)) {
        assert.ok(text.length > 0, where);
        for (const needle of needles) assert.ok(!text.includes(needle), `${where} contains ${needle}`);
      }
      // The ballot itself is stored, encrypted.
      assert.ok(haystacks.tables.includes('"ciphertexts"'));
      // Nothing on the server can decrypt it: the key row holds the public key and the public ceremony only.
      const keyRow = await store.db
        .selectFrom('election_keys')
        .selectAll()
        .where('election_id', '=', DEMO_ELECTION_ID)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(keyRow.ceremony), /secret|share/i);
    });
  });
}
