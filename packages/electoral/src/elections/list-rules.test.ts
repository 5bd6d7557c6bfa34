// Each election's candidate-list rules, with worked examples from the official candidate pages
// (maximum effectives and substitutes per constituency) and the texts cited in list-rules.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkLists, type ListCandidate, type ListDraft } from '../list-composition.ts';
import { STATUTORY_ELECTIONS } from './index.ts';
import { LOCAL_RULES } from './local.ts';
import {
  BRUSSELS_LIST_RULES,
  CHAMBER_LIST_RULES,
  EUROPEAN_LIST_RULES,
  GERMAN_SPEAKING_LIST_RULES,
  LOCAL_FLANDERS_LIST_RULES,
  LOCAL_WALLONIA_LIST_RULES,
  REGIONAL_LIST_RULES,
  substituteBounds,
  COMMON_LIST_RULES,
  listRulesForKind,
  type ListRules,
} from './list-rules.ts';

const people = (genders: string, prefix: string): ListCandidate[] =>
  Array.from(genders, (g, i) => ({
    position: i + 1,
    surname: `${prefix}${String(i)}`,
    givenName: 'A',
    gender: g === 'F' ? 'F' : 'M',
  }));
const zip = (n: number, prefix: string, start: 'F' | 'M' = 'F'): ListCandidate[] =>
  people(Array.from({ length: n }, (_v, i) => ((i % 2 === 0) === (start === 'F') ? 'F' : 'M')).join(''), prefix);
const list = (number: number, effectives: ListCandidate[], substitutes: ListCandidate[] = []): ListDraft => ({
  number,
  label: `L${String(number)}`,
  effectives,
  substitutes,
});
const rulesBroken = (seats: number, l: ListDraft, rules: ListRules): string[] =>
  checkLists([{ code: 'c', seats, lists: [l] }], rules).map((v) => `${v.rule}:${v.field}`);

describe('list rules per election', () => {
  it('each statutory election and each region’s communal councils carry their own rules, every rule cited', () => {
    assert.equal(STATUTORY_ELECTIONS.chamber.listRules, CHAMBER_LIST_RULES);
    assert.equal(STATUTORY_ELECTIONS.european.listRules, EUROPEAN_LIST_RULES);
    assert.equal(STATUTORY_ELECTIONS.flemish.listRules, REGIONAL_LIST_RULES);
    assert.equal(STATUTORY_ELECTIONS.walloon.listRules, REGIONAL_LIST_RULES);
    assert.equal(STATUTORY_ELECTIONS.brussels.listRules, BRUSSELS_LIST_RULES);
    assert.equal(STATUTORY_ELECTIONS['german-speaking'].listRules, GERMAN_SPEAKING_LIST_RULES);
    assert.equal(LOCAL_RULES.flanders.listRules, LOCAL_FLANDERS_LIST_RULES);
    assert.equal(LOCAL_RULES.wallonia.listRules, LOCAL_WALLONIA_LIST_RULES);
    const all = [
      ...Object.values(STATUTORY_ELECTIONS).map((e) => e.listRules),
      ...Object.values(LOCAL_RULES).map((l) => l.listRules),
    ];
    for (const r of all)
      for (const c of [r.effectivesCitation, r.substitutesCitation, r.genderCitation, r.numbers.citation])
        assert.ok(c.text.length > 20);
  });

  it('by set-up kind: the Chamber’s and the European Parliament’s own rules; a regional or communal election not named gets the common ones', () => {
    assert.equal(listRulesForKind('chamber'), CHAMBER_LIST_RULES);
    assert.equal(listRulesForKind('european'), EUROPEAN_LIST_RULES);
    assert.equal(listRulesForKind('regional'), COMMON_LIST_RULES);
    assert.equal(listRulesForKind('communal'), COMMON_LIST_RULES);
  });

  it('Chamber: substitutes from 6 to max(6, ⌈effectives ÷ 2⌉ + 1), as the official table per constituency (2014: Hainaut 18 + 10, Liège 15 + 9, Namur 6 + 6, Luxembourg 4 + 6)', () => {
    const max = (n: number): number => substituteBounds(CHAMBER_LIST_RULES.substitutes, n).max;
    assert.deepEqual([18, 15, 6, 4].map(max), [10, 9, 6, 6]);
    assert.equal(substituteBounds(CHAMBER_LIST_RULES.substitutes, 1).min, 6);
    // A full Liège list (14 seats) may have 8 substitutes; a list of 4 effectives only 6.
    assert.deepEqual(rulesBroken(14, list(1, zip(14, 'e'), zip(8, 's', 'M')), CHAMBER_LIST_RULES), []);
    assert.deepEqual(rulesBroken(14, list(1, zip(4, 'e'), zip(8, 's', 'M')), CHAMBER_LIST_RULES), [
      'list.too-many-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(14, list(1, zip(4, 'e'), zip(5, 's', 'M')), CHAMBER_LIST_RULES), [
      'list.too-few-substitutes:substitutes',
    ]);
  });

  it('European Parliament: at least one effective and six substitutes (seven candidates); Dutch college 13 + 8, French 8 + 6, German-speaking 1 + 6', () => {
    const bounds = (n: number): [number, number] => {
      const b = substituteBounds(EUROPEAN_LIST_RULES.substitutes, n);
      return [b.min, b.max];
    };
    assert.deepEqual([13, 8, 1].map(bounds), [
      [6, 8],
      [6, 6],
      [6, 6],
    ]);
    assert.deepEqual(rulesBroken(1, list(1, zip(1, 'e'), zip(6, 's', 'M')), EUROPEAN_LIST_RULES), []);
    assert.deepEqual(rulesBroken(1, list(1, zip(2, 'e'), zip(7, 's')), EUROPEAN_LIST_RULES), [
      'list.too-many-effectives:effectives',
      'list.too-many-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(13, list(1, people('FFM', 'e'), zip(6, 's')), EUROPEAN_LIST_RULES), [
      'list.first-two-same-gender:effectives',
    ]);
  });

  it('Flemish and Walloon Parliaments: as many substitutes as effectives, between 4 and 16 (2019: Antwerp 33 + 16, Limburg 16 + 16, Brussels 6 + 6, Huy-Waremme 4 + 4)', () => {
    const max = (n: number): number => substituteBounds(REGIONAL_LIST_RULES.substitutes, n).max;
    assert.deepEqual([33, 16, 6, 4, 2].map(max), [16, 16, 6, 4, 4]);
    assert.deepEqual(rulesBroken(33, list(1, zip(33, 'e'), zip(16, 's', 'M')), REGIONAL_LIST_RULES), []);
    assert.deepEqual(rulesBroken(33, list(1, zip(10, 'e'), zip(11, 's', 'M')), REGIONAL_LIST_RULES), [
      'list.too-many-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(4, list(1, zip(2, 'e'), zip(3, 's', 'M')), REGIONAL_LIST_RULES), [
      'list.too-few-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(4, list(1, zip(2, 'e'), people('FFMM', 's')), REGIONAL_LIST_RULES), [
      'list.first-two-same-gender:substitutes',
    ]);
  });

  it('Brussels Parliament: no substitutes; each candidate of the other gender than the previous, the third free (LSIB art. 16bis)', () => {
    assert.deepEqual(rulesBroken(17, list(1, people('FMMFMF', 'e')), BRUSSELS_LIST_RULES), []);
    assert.deepEqual(rulesBroken(17, list(1, people('FMFMFM', 'e')), BRUSSELS_LIST_RULES), []);
    assert.deepEqual(rulesBroken(17, list(1, people('FMFFMF', 'e')), BRUSSELS_LIST_RULES), [
      'list.gender-alternation:effectives',
    ]);
    assert.deepEqual(rulesBroken(17, list(1, people('FF', 'e')), BRUSSELS_LIST_RULES), [
      'list.gender-alternation:effectives',
    ]);
    assert.deepEqual(rulesBroken(17, list(1, people('FM', 'e'), people('F', 's')), BRUSSELS_LIST_RULES), [
      'list.too-many-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(17, list(1, zip(18, 'e')), BRUSSELS_LIST_RULES), [
      'list.too-many-effectives:effectives',
    ]);
  });

  it('the alternation rules never leave the genders more than one apart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('F', 'M'), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(BRUSSELS_LIST_RULES, LOCAL_WALLONIA_LIST_RULES),
        (genders, rules) => {
          if (rulesBroken(30, list(1, people(genders.join(''), 'e')), rules).length > 0) return;
          const women = genders.filter((g) => g === 'F').length;
          assert.ok(Math.abs(2 * women - genders.length) <= 1, genders.join(''));
        },
      ),
    );
  });

  it('German-speaking Community: at most 25 candidates, no substitutes', () => {
    assert.deepEqual(rulesBroken(25, list(1, zip(25, 'e')), GERMAN_SPEAKING_LIST_RULES), []);
    assert.deepEqual(rulesBroken(25, list(1, zip(26, 'e'), zip(1, 's')), GERMAN_SPEAKING_LIST_RULES), [
      'list.too-many-effectives:effectives',
      'list.too-many-substitutes:substitutes',
    ]);
  });

  it('communal councils: Flanders first two and balance, at most 3 substitutes; Wallonia alternation throughout, the last of an odd list free', () => {
    assert.deepEqual(rulesBroken(25, list(1, people('FMMFFM', 'e'), zip(3, 's')), LOCAL_FLANDERS_LIST_RULES), []);
    assert.deepEqual(rulesBroken(25, list(1, people('FM', 'e'), zip(4, 's')), LOCAL_FLANDERS_LIST_RULES), [
      'list.too-many-substitutes:substitutes',
    ]);
    assert.deepEqual(rulesBroken(25, list(1, people('FMFMM', 'e')), LOCAL_WALLONIA_LIST_RULES), []);
    assert.deepEqual(rulesBroken(25, list(1, people('FMFMF', 'e')), LOCAL_WALLONIA_LIST_RULES), []);
    assert.deepEqual(rulesBroken(25, list(1, people('FMMFFM', 'e')), LOCAL_WALLONIA_LIST_RULES), [
      'list.gender-alternation:effectives',
    ]);
    assert.deepEqual(rulesBroken(25, list(1, people('FMFMMM', 'e')), LOCAL_WALLONIA_LIST_RULES), [
      'list.gender-alternation:effectives',
      'list.gender-balance:effectives',
    ]);
  });
});

describe('list numbers', () => {
  const named = (n: number, prefix: string): ListDraft => list(n, zip(2, prefix), zip(6, `${prefix}s`));
  it('a national number is the same in every constituency; within a constituency a number is one list', () => {
    const drafts = [
      { code: 'liege', seats: 14, lists: [named(4, 'a'), named(20, 'b')] },
      { code: 'namur', seats: 7, lists: [named(4, 'c'), named(20, 'd')] },
    ];
    assert.deepEqual(checkLists(drafts, CHAMBER_LIST_RULES), []);
    const twice = [{ code: 'liege', seats: 14, lists: [named(20, 'a'), named(20, 'b')] }];
    assert.deepEqual(
      checkLists(twice, CHAMBER_LIST_RULES).map((v) => `${v.constituency}:${String(v.list)}:${v.rule}`),
      ['liege:20:list.duplicate-number'],
    );
  });
  it('the Brussels language groups share one ballot: a number is one list across both groups', () => {
    const group = (code: string, n: number, prefix: string): { code: string; seats: number; lists: ListDraft[] } => ({
      code,
      seats: 17,
      lists: [list(n, zip(2, prefix))],
    });
    assert.deepEqual(
      checkLists([group('groupe-francais', 1, 'a'), group('groupe-neerlandais', 2, 'b')], BRUSSELS_LIST_RULES),
      [],
    );
    assert.deepEqual(
      checkLists([group('groupe-francais', 1, 'a'), group('groupe-neerlandais', 1, 'b')], BRUSSELS_LIST_RULES).map(
        (v) => `${v.constituency}:${v.rule}`,
      ),
      ['groupe-neerlandais:list.duplicate-number'],
    );
    // The Chamber numbers per constituency: the same two drafts are lawful there.
    assert.deepEqual(
      checkLists([group('anvers', 1, 'a'), group('limbourg', 1, 'b')], CHAMBER_LIST_RULES).map((v) => v.rule),
      ['list.too-few-substitutes', 'list.too-few-substitutes'],
    );
  });
});
