import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CHAMBER_LIST_RULES, COMMON_LIST_RULES } from './elections/list-rules.ts';
import { checkLists, maxSubstitutes, type ListCandidate, type ListDraft } from './list-composition.ts';

const person = (position: number, gender: 'F' | 'M', name = `P${String(position)}`): ListCandidate => ({
  position,
  surname: name,
  givenName: 'A',
  gender,
});
const alternating = (n: number, start: 'F' | 'M', prefix: string): ListCandidate[] =>
  Array.from({ length: n }, (_v, i) =>
    person(i + 1, (i % 2 === 0) === (start === 'F') ? 'F' : 'M', `${prefix}${String(i)}`),
  );
const list = (number: number, effectives: ListCandidate[], substitutes: ListCandidate[] = []): ListDraft => ({
  number,
  label: `L${String(number)}`,
  effectives,
  substitutes,
});

describe('candidate list composition', () => {
  it('accepts alternating lists within the bounds', () => {
    assert.deepEqual(
      checkLists(
        [{ code: 'namur', seats: 7, lists: [list(1, alternating(7, 'F', 'a'), alternating(6, 'M', 'b'))] }],
        CHAMBER_LIST_RULES,
      ),
      [],
    );
  });

  it('reports each broken rule with its list and field', () => {
    const tooMany = list(1, alternating(8, 'F', 'a'), alternating(7, 'F', 'b'));
    const sameGender = list(
      2,
      [person(1, 'F', 'x'), person(2, 'F', 'y'), person(3, 'M', 'z')],
      alternating(6, 'M', 's'),
    );
    const unbalanced = list(
      3,
      [person(1, 'F', 'u'), person(2, 'M', 'v'), person(3, 'M', 'w'), person(4, 'M', 'q')],
      alternating(6, 'F', 't'),
    );
    const duplicate = list(3, [person(1, 'F', 'a0')], alternating(2, 'M', 'r'));
    const rules = checkLists(
      [{ code: 'namur', seats: 7, lists: [tooMany, sameGender, unbalanced, duplicate] }],
      CHAMBER_LIST_RULES,
    ).map((v) => `${String(v.list)}:${v.rule}:${v.field}`);
    assert.deepEqual(rules, [
      '1:list.too-many-effectives:effectives',
      '1:list.too-many-substitutes:substitutes',
      '2:list.first-two-same-gender:effectives',
      '3:list.gender-balance:effectives',
      '3:list.duplicate-number:number',
      '3:list.too-few-substitutes:substitutes',
      '3:candidate.on-two-lists:effectives[0]',
    ]);
  });

  it('without the election’s rules, checks only what every election shares', () => {
    // No substitutes is lawful for the Brussels Parliament, 16 for a Flemish list: neither is refused here.
    const lists = [list(1, alternating(20, 'F', 'a')), list(2, alternating(20, 'M', 'b'), alternating(16, 'F', 'c'))];
    assert.deepEqual(checkLists([{ code: 'anvers', seats: 33, lists }]), []);
    assert.deepEqual(checkLists([{ code: 'anvers', seats: 33, lists }], COMMON_LIST_RULES), []);
    assert.deepEqual(
      checkLists([{ code: 'anvers', seats: 33, lists: [list(3, [])] }]).map((v) => v.rule),
      ['list.no-effectives'],
    );
  });

  it('never accepts a list whose genders differ by more than one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<'F' | 'M'>('F', 'M'), { minLength: 0, maxLength: 20 }), (genders) => {
        const effectives = genders.map((g, i) => person(i + 1, g, `c${String(i)}`));
        const lawful = checkLists([{ code: 'x', seats: 20, lists: [list(1, effectives)] }]).length === 0;
        const women = genders.filter((g) => g === 'F').length;
        if (lawful) assert.ok(Math.abs(2 * women - genders.length) <= 1);
      }),
    );
  });

  it('bounds the Chamber’s substitutes by the list’s effectives: ⌈n ÷ 2⌉ + 1, never below 6 (CE art. 117 al. 3)', () => {
    assert.equal(maxSubstitutes(4), 6);
    assert.equal(maxSubstitutes(24), 13);
    assert.equal(maxSubstitutes(15), 9);
    assert.equal(maxSubstitutes(18), 10); // Hainaut 2014: 18 seats, 10 substitutes (elections.fgov.be table)
  });
});
