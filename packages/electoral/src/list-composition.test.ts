import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkLists, maxSubstitutes, type ListCandidate, type ListDraft } from './list-composition.ts';

const person = (position: number, gender: 'F' | 'M', name = `P${String(position)}`): ListCandidate => ({ position, surname: name, givenName: 'A', gender });
const alternating = (n: number, start: 'F' | 'M', prefix: string): ListCandidate[] =>
  Array.from({ length: n }, (_v, i) => person(i + 1, (i % 2 === 0) === (start === 'F') ? 'F' : 'M', `${prefix}${String(i)}`));
const list = (number: number, effectives: ListCandidate[], substitutes: ListCandidate[] = []): ListDraft => ({ number, label: `L${String(number)}`, effectives, substitutes });

describe('candidate list composition', () => {
  it('accepts alternating lists within the bounds', () => {
    assert.deepEqual(checkLists([{ code: 'namur', seats: 7, lists: [list(1, alternating(7, 'F', 'a'), alternating(5, 'M', 'b'))] }]), []);
  });

  it('reports each broken rule with its list and field', () => {
    const tooMany = list(1, alternating(8, 'F', 'a'), alternating(7, 'F', 'b'));
    const sameGender = list(2, [person(1, 'F', 'x'), person(2, 'F', 'y'), person(3, 'M', 'z')]);
    const unbalanced = list(3, [person(1, 'F', 'u'), person(2, 'M', 'v'), person(3, 'M', 'w'), person(4, 'M', 'q')]);
    const duplicate = list(3, [person(1, 'F', 'a0')]);
    const rules = checkLists([{ code: 'namur', seats: 7, lists: [tooMany, sameGender, unbalanced, duplicate] }]).map((v) => `${String(v.list)}:${v.rule}:${v.field}`);
    assert.deepEqual(rules, [
      '1:list.too-many-effectives:effectives',
      '1:list.too-many-substitutes:substitutes',
      '2:list.first-two-same-gender:effectives',
      '3:list.gender-balance:effectives',
      '3:list.duplicate-number:number',
      '3:candidate.on-two-lists:effectives[0]',
    ]);
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

  it('bounds substitutes as validateConstituency does', () => {
    assert.equal(maxSubstitutes(4), 6);
    assert.equal(maxSubstitutes(24), 13);
    assert.equal(maxSubstitutes(15), 9);
  });
});
