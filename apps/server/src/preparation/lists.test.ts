import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pgliteTestDatabase, type TestStore } from '@isoloir/store/testing';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { CLI_ACTOR } from './actor.ts';
import { seedPreparationDemo } from './demo-preparation.ts';
import { PreparationError } from './errors.ts';
import { importLists, listsHash, ListsRejected, parseListsCsv, parseListsJson } from './lists.ts';

const samples = new URL('./samples/', import.meta.url);

describe('candidate lists', () => {
  let store: TestStore;
  before(async () => {
    store = await pgliteTestDatabase().open();
    await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 1 }, { prepare: false });
    await seedPreparationDemo(store);
  });
  after(() => store.close());

  it('loads lawful lists from JSON, replacing the constituency’s lists, and hashes them', async () => {
    const before = await listsHash(store.db, DEMO_DAY_ID);
    const file = parseListsJson(readFileSync(new URL('lists-luxembourg.json', samples), 'utf8'));
    assert.deepEqual(await importLists(store, CLI_ACTOR, file).then((r) => [r.lists, r.candidates]), [2, 19]);
    const lists = await store.db
      .selectFrom('party_lists')
      .select(['list_number', 'label'])
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('constituency_code', '=', 'luxembourg')
      .orderBy('list_number')
      .execute();
    assert.deepEqual(lists, [
      { list_number: 1, label: 'Parti Ardennais' },
      { list_number: 2, label: 'Liste Gaume' },
    ]);
    assert.notEqual(await listsHash(store.db, DEMO_DAY_ID), before);
    // The birth dates are kept: the tie-break's last step (the oldest candidate at stake) needs them.
    const heads = await store.db
      .selectFrom('candidates')
      .select(['list_number', 'birth_date'])
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('constituency_code', '=', 'luxembourg')
      .where('kind', '=', 'effective')
      .where('position', '=', 1)
      .orderBy('list_number')
      .execute();
    assert.deepEqual(
      heads.map((h) => h.birth_date),
      file.constituencies[0]?.lists.map((l) => l.effectives[0]?.birthDate),
    );
    assert.ok(heads.every((h) => h.birth_date !== null && /^\d{4}-\d{2}-\d{2}$/.test(h.birth_date)));
  });

  it('refuses a birth date that is not a date, in JSON and in CSV, naming the line', async () => {
    const json = (birthDate: string): string =>
      JSON.stringify({
        format: 'isoloir-lists/1',
        election: DEMO_ELECTION_ID,
        constituencies: [
          {
            code: 'namur',
            lists: [{ number: 1, label: 'X', effectives: [{ surname: 'B', givenName: 'C', gender: 'M', birthDate }] }],
          },
        ],
      });
    assert.throws(
      () => parseListsJson(json('1975-02-30')),
      (e: unknown) => e instanceof PreparationError && e.code === 'file.invalid',
    );
    assert.equal(
      parseListsJson(json('1975-02-28')).constituencies[0]?.lists[0]?.effectives[0]?.birthDate,
      '1975-02-28',
    );
    const csv =
      'constituency,list_number,list_label,kind,position,surname,given_name,gender,birth_date\nnamur,1,X,effective,1,B,C,M,31/12/1970\n';
    await assert.rejects(
      parseListsCsv(DEMO_ELECTION_ID, [Buffer.from(csv)]),
      (e: unknown) =>
        e instanceof PreparationError && e.code === 'file.invalid' && e.where === 'line 2, column birth_date',
    );
  });

  it('refuses unlawful lists from CSV with every reason under the Chamber’s rules (at least six substitutes, CE art. 117), and a person on two lists of the election', async () => {
    const csv = await parseListsCsv(DEMO_ELECTION_ID, [readFileSync(new URL('lists-namur-invalid.csv', samples))]);
    await assert.rejects(
      importLists(store, CLI_ACTOR, csv),
      (e: unknown) =>
        e instanceof ListsRejected &&
        e.violations.map((v) => v.rule).join() ===
          'list.too-few-substitutes,list.first-two-same-gender,list.gender-balance',
    );
    const twice = parseListsJson(
      JSON.stringify({
        format: 'isoloir-lists/1',
        election: DEMO_ELECTION_ID,
        constituencies: [
          {
            code: 'namur',
            lists: [
              {
                number: 1,
                label: 'X',
                effectives: [
                  { surname: 'Arden1', givenName: 'Émilie', gender: 'F', birthDate: '1957-06-12' },
                  { surname: 'B', givenName: 'C', gender: 'M' },
                ],
              },
            ],
          },
        ],
      }),
    );
    await assert.rejects(
      importLists(store, CLI_ACTOR, twice),
      (e: unknown) =>
        e instanceof ListsRejected &&
        e.violations.some((v) => v.rule === 'candidate.on-two-lists' && v.constituency === 'namur'),
    );
    const tooMany = parseListsJson(
      JSON.stringify({
        format: 'isoloir-lists/1',
        election: DEMO_ELECTION_ID,
        constituencies: [
          {
            code: 'luxembourg',
            lists: [
              {
                number: 3,
                label: 'Y',
                effectives: Array.from({ length: 5 }, (_v, i) => ({
                  surname: `S${String(i)}`,
                  givenName: 'G',
                  gender: i % 2 === 0 ? 'F' : 'M',
                })),
              },
              { number: 3, label: 'Z', effectives: [{ surname: 'Q', givenName: 'R', gender: 'F' }] },
            ],
          },
        ],
      }),
    );
    await assert.rejects(
      importLists(store, CLI_ACTOR, tooMany),
      (e: unknown) =>
        e instanceof ListsRejected &&
        e.violations.map((v) => v.rule).join() ===
          'list.too-many-effectives,list.too-few-substitutes,list.duplicate-number,list.too-few-substitutes',
    );
    assert.throws(
      () =>
        parseListsJson(
          '{"format":"isoloir-lists/1","election":"x","constituencies":[{"code":"a","lists":[{"number":1,"label":"=cmd","effectives":[]}]}]}',
        ),
      (e: unknown) => e instanceof PreparationError && e.code === 'file.invalid',
    );
  });
});
