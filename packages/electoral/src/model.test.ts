import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRules } from './election-rules.ts';
import { fraction } from './fraction.ts';
import { label } from './labels.ts';
import type { Election, ElectionDay } from './model.ts';
import { toConstituency } from './official-model.ts';
import { parseOfficialConstituency } from './official-parse.ts';
import { unwrap } from './result.ts';
import { validateConstituency } from './validate-constituency.ts';

const liegeFile = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'belgium-2024-chamber',
  'liege.json',
);
const liegeJson: unknown = JSON.parse(readFileSync(liegeFile, 'utf8'));

describe('the election model', () => {
  const liege = unwrap(
    toConstituency(unwrap(parseOfficialConstituency(liegeJson)), { seats: 14, languages: ['fr', 'de'] }),
  );
  test('an official file maps to a constituency with FR/NL/DE/EN labels and lists in list order', () => {
    assert.equal(label(liege.labels, 'fr'), 'Circonscription de Liège');
    assert.equal(label(liege.labels, 'nl'), 'Kieskring Luik');
    assert.equal(label(liege.labels, 'de'), 'Wahlkreis Lüttich');
    assert.equal(label(liege.labels, 'en'), 'Constituency of Liège');
    const mr = liege.lists[0];
    assert.equal(mr?.name, 'MR');
    assert.equal(mr.effectives.length, 14);
    assert.equal(mr.substitutes.length, 8);
    assert.equal(mr.effectives[13]?.name, 'Bacquelaine Daniel');
  });
  test('the 2024 Liège constituency is valid (CE art. 117)', () => {
    assert.ok(validateConstituency(liege).ok);
  });
  test('an election day holds several elections with their own rules', () => {
    const chamber: Election = {
      id: 'ck-2024',
      kind: 'chamber',
      labels: liege.labels,
      rules: defaultRules('chamber'),
      constituencies: [liege],
    };
    const communal: Election = {
      id: 'gr-2024-liege',
      kind: 'communal',
      labels: liege.labels,
      rules: defaultRules('communal', { devolution: fraction(0) }),
      constituencies: [],
    };
    const day: ElectionDay = { date: '2024-06-09', elections: [chamber, communal] };
    assert.deepEqual(
      day.elections.map((e) => [e.rules.method, e.rules.threshold, e.rules.devolution]),
      [
        ['dhondt', fraction(5, 100), fraction(1, 2)],
        ['imperiali', fraction(0), fraction(0)],
      ],
    );
    assert.deepEqual(defaultRules('european-parliament').threshold, fraction(0));
  });
  test('structural errors name the field', () => {
    const mr = liege.lists[0];
    assert.ok(mr !== undefined);
    const tooMany = {
      ...liege,
      lists: [{ ...mr, substitutes: [...mr.substitutes, ...mr.substitutes.map((c) => ({ ...c, id: `${c.id}x` }))] }],
    };
    assert.deepEqual(validateConstituency(tooMany), {
      ok: false,
      error: { code: 'list.too-many-substitutes', field: 'lists[0].substitutes' },
    });
    assert.deepEqual(validateConstituency({ ...liege, seats: 13 }), {
      ok: false,
      error: { code: 'list.too-many-effectives', field: 'lists[0].effectives' },
    });
    assert.deepEqual(validateConstituency({ ...liege, lists: [mr, mr] }), {
      ok: false,
      error: { code: 'list.duplicate-id', field: 'lists[1].id' },
    });
    assert.deepEqual(validateConstituency({ ...liege, seats: 0 }), {
      ok: false,
      error: { code: 'constituency.seats', field: 'seats' },
    });
  });
  test('labels must come in all four languages', () => {
    const parsed = unwrap(
      parseOfficialConstituency({ ElectionLists: [], Labels: [{ Language: 'French', Label: 'x' }] }),
    );
    assert.deepEqual(toConstituency(parsed, { seats: 1, languages: ['fr'] }), {
      ok: false,
      error: {
        code: 'input.malformed',
        field: '$.Labels',
        message: '$.Labels: expected labels in French, Dutch, German and English',
      },
    });
  });
});

describe('official file validation', () => {
  test('names the first bad field', () => {
    const bad = (json: unknown): string => {
      const r = parseOfficialConstituency(json);
      return r.ok ? 'ok' : r.error.field;
    };
    assert.equal(bad([]), '$');
    assert.equal(bad({}), '$.ElectionLists');
    assert.equal(bad({ ElectionLists: [1] }), 'ElectionLists[0]');
    assert.equal(bad({ ElectionLists: [{ Id: 1 }] }), 'ElectionLists[0].ListNumber');
    const list = {
      Id: 1,
      ListNumber: 1,
      NrOfVotes: 1,
      B_BallotsWithListVote: 1,
      C_BallotsWithCandidateVotesOnly: 0,
      D_BallotsWithCandidateAndSuccessorVotes: 0,
      E_BallotsWithSuccessorVotesOnly: 0,
    };
    assert.equal(bad({ ElectionLists: [list] }), 'ElectionLists[0].Candidates');
    const candidate = { Id: 5, NrOnList: 1, IsSuccessor: false, NrOfVotes: 0 };
    assert.equal(bad({ ElectionLists: [{ ...list, Candidates: [candidate] }] }), 'ok');
    assert.equal(
      bad({ ElectionLists: [{ ...list, Candidates: [{ ...candidate, IsSuccessor: 'no' }] }] }),
      'ElectionLists[0].Candidates[0].IsSuccessor',
    );
    assert.equal(
      bad({ ElectionLists: [{ ...list, Candidates: [candidate, candidate] }] }),
      'ElectionLists[0].Candidates[1].NrOnList',
    );
    assert.equal(
      bad({
        ElectionLists: [
          { ...list, Candidates: [] },
          { ...list, Candidates: [] },
        ],
      }),
      'ElectionLists[1].Id',
    );
    assert.equal(bad({ ElectionLists: [{ ...list, NrOfVotes: 1.5, Candidates: [] }] }), 'ElectionLists[0].NrOfVotes');
  });
});
