// Team B's encoding form of a hybrid paper ballot (apps/web/src/counting/hybrid/ballot.ts, issue #16):
// the fields read into the marks the paper shows, what cannot be read names its field, and the law
// (classifyBallot, art. 156 of the Electoral Code) reads the result as the paper would be read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyBallot, type Mark } from '@isoloir/electoral';
import { ballotOf, constituencyOf, EMPTY_FIELDS, type PaperList } from '@isoloir/web/counting/hybrid-ballot';

const candidates = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ position: i + 1, label: `C${String(i + 1)}` }));
const LISTS: PaperList[] = [1, 2, 3].map((number) => ({
  number,
  label: `L${String(number)}`,
  effectives: candidates(6),
  substitutes: candidates(3),
}));
const law = constituencyOf('liege', LISTS);
const read = (fields: Partial<typeof EMPTY_FIELDS>) => ballotOf({ ...EMPTY_FIELDS, ...fields });

test('an empty form is a blank ballot; a list with its head box and candidates reads as marked', () => {
  const blank = read({});
  assert.ok(blank.ok);
  assert.deepEqual(blank.ballot, { paper: 'official', marks: [] });
  assert.deepEqual(classifyBallot(law, blank.ballot), { kind: 'blank' });
  const marked = read({ list: '3', head: true, effectives: '4, 1 4', substitutes: '2' });
  assert.ok(marked.ok);
  assert.deepEqual(marked.ballot.marks, [
    { box: 'head', listId: '3' },
    { box: 'effective', listId: '3', position: 4 },
    { box: 'effective', listId: '3', position: 1 },
    { box: 'substitute', listId: '3', position: 2 },
  ]);
  const verdict = classifyBallot(law, marked.ballot);
  assert.deepEqual(verdict, { kind: 'valid', listId: '3', category: 'D', effectives: [1, 4], substitutes: [2] });
});

test('what cannot be read names its field, and nothing is guessed', () => {
  assert.deepEqual(read({ effectives: '2' }), { ok: false, field: 'list' });
  assert.deepEqual(read({ head: true }), { ok: false, field: 'list' });
  assert.deepEqual(read({ list: 'x' }), { ok: false, field: 'list' });
  assert.deepEqual(read({ list: '1', effectives: '2 b' }), { ok: false, field: 'effectives' });
  assert.deepEqual(read({ list: '1', substitutes: '0' }), { ok: false, field: 'substitutes' });
  assert.deepEqual(read({ other: '2x4' }), { ok: false, field: 'other' });
});

test('marks on several lists and a bad paper read as the invalid ballots of art. 156 §2', () => {
  const several = read({ list: '1', effectives: '2', other: '2e4' });
  assert.ok(several.ok);
  assert.deepEqual(classifyBallot(law, several.ballot), { kind: 'invalid', rule: 'ballot.several-lists' });
  const heads = read({ list: '1', head: true, other: '2t' });
  assert.ok(heads.ok);
  assert.deepEqual(classifyBallot(law, heads.ballot), { kind: 'invalid', rule: 'ballot.several-head-boxes' });
  const marked = read({ list: '2', head: true, paper: 'identifiable' });
  assert.ok(marked.ok);
  assert.deepEqual(classifyBallot(law, marked.ballot), { kind: 'invalid', rule: 'ballot.altered-or-identifiable' });
  const stranger = read({ list: '9', head: true });
  assert.ok(stranger.ok);
  assert.deepEqual(classifyBallot(law, stranger.ballot), { kind: 'invalid', rule: 'ballot.unknown-list' });
});

test('any one-list ballot typed into the fields reads back as the same marks (200 random ballots)', () => {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let k = 0; k < 200; k += 1) {
    const list = String(1 + next(3));
    const head = next(2) === 1;
    const effectives = [...new Set(Array.from({ length: next(4) }, () => 1 + next(6)))];
    const substitutes = [...new Set(Array.from({ length: next(3) }, () => 1 + next(3)))];
    const anyMark = head || effectives.length + substitutes.length > 0;
    const r = read({
      list: anyMark ? list : '',
      head,
      effectives: effectives.join(' '),
      substitutes: substitutes.join(','),
    });
    assert.ok(r.ok);
    const expected: Mark[] = [
      ...(head ? [{ box: 'head' as const, listId: list }] : []),
      ...effectives.map((position) => ({ box: 'effective' as const, listId: list, position })),
      ...substitutes.map((position) => ({ box: 'substitute' as const, listId: list, position })),
    ];
    assert.deepEqual(r.ballot.marks, expected);
    assert.notEqual(classifyBallot(law, r.ballot).kind, 'invalid');
  }
});
