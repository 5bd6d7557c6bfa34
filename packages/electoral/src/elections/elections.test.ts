import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compare, fraction } from '../fraction.ts';
import {
  BRUSSELS,
  CHAMBER,
  ELECTION_CODES,
  ELECTION_DAY_2024,
  EUROPEAN,
  FLEMISH,
  GERMAN_SPEAKING,
  oldEnough,
  placeResident,
  statutoryElection,
  WALLOON,
} from './index.ts';
import type { StatutoryElection } from './index.ts';

const seatsOf = (e: StatutoryElection): Record<string, number> =>
  Object.fromEntries(e.constituencies.map((c) => [c.code, c.seats]));
const total = (e: StatutoryElection): number => e.constituencies.reduce((sum, c) => sum + c.seats, 0);

describe('the elections of 9 June 2024', () => {
  it('every election’s constituencies add up to its seats', () => {
    for (const e of ELECTION_DAY_2024) assert.equal(total(e), e.seats, e.code);
    assert.deepEqual(
      ELECTION_DAY_2024.map((e) => e.code),
      ELECTION_CODES,
    );
  });

  it('Chamber: 150 seats in 11 constituencies, as in the official 2024 result files', () => {
    assert.equal(CHAMBER.constituencies.length, 11);
    for (const [code, seats] of Object.entries(seatsOf(CHAMBER))) {
      const file = JSON.parse(
        readFileSync(new URL(`../../fixtures/belgium-2024-chamber/${code}.json`, import.meta.url), 'utf8'),
      ) as { ElectionLists: { A_SeatsForList: number | null }[] };
      assert.equal(
        file.ElectionLists.reduce((sum, l) => sum + (l.A_SeatsForList ?? 0), 0),
        seats,
        code,
      );
    }
  });

  it('European Parliament: 22 seats, Dutch 13, French 8, German-speaking 1, no threshold, from 16', () => {
    assert.deepEqual(seatsOf(EUROPEAN), {
      'college-neerlandais': 13,
      'college-francais': 8,
      'college-germanophone': 1,
    });
    assert.equal(compare(EUROPEAN.threshold, fraction(0)), 0);
    assert.equal(EUROPEAN.voters.minimumAge, 16);
    assert.ok(oldEnough(EUROPEAN, 16) && !oldEnough(CHAMBER, 17));
  });

  it('regional and community parliaments: 124 (118 + 6 Brussels), 75, 89 = 72 + 17, 25; 5 % everywhere', () => {
    assert.deepEqual([FLEMISH.seats, WALLOON.seats, BRUSSELS.seats, GERMAN_SPEAKING.seats], [124, 75, 89, 25]);
    assert.equal(seatsOf(FLEMISH)['bruxelles-capitale'], 6);
    assert.deepEqual(seatsOf(BRUSSELS), { 'groupe-francais': 72, 'groupe-neerlandais': 17 });
    assert.equal(WALLOON.constituencies.length, 11);
    for (const e of [CHAMBER, FLEMISH, WALLOON, BRUSSELS, GERMAN_SPEAKING])
      assert.equal(compare(e.threshold, fraction(5, 100)), 0, e.code);
    assert.ok(BRUSSELS.thresholdPerLanguageGroup);
  });

  it('only the Chamber and the EP have voters abroad', () => {
    assert.deepEqual(
      ELECTION_DAY_2024.filter((e) => e.voters.abroad !== 'none').map((e) => e.code),
      ['chamber', 'european'],
    );
  });

  it('every placement names constituencies of its election', () => {
    for (const e of ELECTION_DAY_2024) {
      const codes = new Set(e.constituencies.map((c) => c.code));
      for (const p of e.voters.placements) for (const o of p.options) assert.ok(codes.has(o), `${e.code}: ${o}`);
      for (const o of e.voters.abroadCollegeChoice ?? []) assert.ok(codes.has(o), `${e.code}: ${o}`);
    }
  });
});

describe('placeResident', () => {
  const place = (code: Parameters<typeof statutoryElection>[0], nis: string): string => {
    const p = placeResident(statutoryElection(code), nis);
    return p.kind === 'none' ? 'none' : p.kind === 'fixed' ? p.constituency : `choice:${p.options.join('|')}`;
  };

  it('Liège (62063) votes in Liège for the Chamber, the French college, Liège for the Walloon Parliament, nothing else', () => {
    assert.deepEqual(
      ELECTION_CODES.map((c) => place(c, '62063')),
      ['liege', 'college-francais', 'none', 'liege', 'none', 'none'],
    );
  });

  it('Eupen (63023) votes in Liège, the German-speaking college, Verviers and the German-speaking Community', () => {
    assert.deepEqual(
      ELECTION_CODES.map((c) => place(c, '63023')),
      ['liege', 'college-germanophone', 'none', 'verviers', 'none', 'communaute-germanophone'],
    );
  });

  it('Brussels (21004) chooses its EP college and its language group; the Flemish Parliament depends on that choice', () => {
    assert.deepEqual(
      ELECTION_CODES.map((c) => place(c, '21004')),
      [
        'bruxelles-capitale',
        'choice:college-francais|college-neerlandais',
        'bruxelles-capitale',
        'none',
        'choice:groupe-francais|groupe-neerlandais',
        'none',
      ],
    );
    const flemish = placeResident(FLEMISH, '21004');
    assert.equal(flemish.kind === 'fixed' ? flemish.placement.condition : undefined, 'not-french-group-in-brussels');
  });

  it('Rhode-Saint-Genèse (23101) chooses its Chamber constituency and its EP college, and votes in Flemish Brabant for the Flemish Parliament', () => {
    assert.deepEqual(
      ELECTION_CODES.map((c) => place(c, '23101')),
      [
        'choice:brabant-flamand|bruxelles-capitale',
        'choice:college-francais|college-neerlandais',
        'brabant-flamand',
        'none',
        'none',
        'none',
      ],
    );
  });

  it('Leuven (24062) has no choice: Flemish Brabant, Dutch college', () => {
    assert.deepEqual(
      ELECTION_CODES.map((c) => place(c, '24062')),
      ['brabant-flamand', 'college-neerlandais', 'brabant-flamand', 'none', 'none', 'none'],
    );
  });
});
