import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareOfficialResults } from './official-compare.ts';
import { computeOfficialResults } from './official-results.ts';
import { fraction } from './fraction.ts';
import type { OfficialOptions } from './official-results.ts';

// The official 2024 Chamber results, kept in the package (fixtures/belgium-2024-chamber, with their source).
const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'belgium-2024-chamber');
const files = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

interface Fixture {
  readonly ElectionLists: readonly {
    readonly A_SeatsForList: number;
    readonly NrOfVotes: number;
    readonly Id: number;
  }[];
}

function read(file: string): Fixture {
  return JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Fixture;
}

/** The file's own NrOfSeats is null: the constituency's seats are the sum of the published seats. */
function seatsOf(fixture: Fixture): number {
  return fixture.ElectionLists.reduce((sum, l) => sum + l.A_SeatsForList, 0);
}

const chamber = (seats: number): OfficialOptions => ({
  seats,
  method: 'dhondt',
  threshold: fraction(5, 100),
  devolution: fraction(1, 2),
});

describe('golden: official 2024 Chamber results (CE art. 165bis, 167, 172, 173)', () => {
  test('all 11 constituencies are there', () => {
    assert.equal(files.length, 11);
  });
  for (const file of files) {
    test(`${file}: every A_, G_, I_, II_, III_ and IV_ value`, () => {
      const fixture = read(file);
      const computed = computeOfficialResults(fixture, chamber(seatsOf(fixture)));
      assert.ok(computed.ok, JSON.stringify(computed));
      assert.deepEqual(compareOfficialResults(fixture, computed.value), []);
    });
  }
  test('the output keeps every other field of the input unchanged', () => {
    const fixture = read('liege.json');
    const computed = computeOfficialResults(fixture, chamber(14));
    assert.ok(computed.ok);
    assert.deepEqual(computed.value, fixture);
  });
});

describe('golden: variations', () => {
  test('Hainaut: ECOLO (4.967 %) is below the threshold; without a threshold it takes a seat', () => {
    const fixture = read('hainaut.json');
    const without = computeOfficialResults(fixture, { ...chamber(17), threshold: fraction(0) });
    assert.ok(without.ok);
    assert.notDeepEqual(compareOfficialResults(fixture, without.value), []);
  });
  test('a wrong figure is reported with its field', () => {
    const fixture = read('namur.json');
    const broken = {
      ...fixture,
      ElectionLists: fixture.ElectionLists.map((l, i) => (i === 1 ? { ...l, NrOfVotes: l.NrOfVotes + 1 } : l)),
    };
    const computed = computeOfficialResults(broken, chamber(7));
    assert.ok(!computed.ok);
    assert.equal(computed.error.code, 'input.figure-mismatch');
    assert.ok('field' in computed.error);
    assert.equal(computed.error.field, 'ElectionLists[1].NrOfVotes');
  });
  test('a tie for the last seat asks for a drawing of lots, then accepts its result', () => {
    const lists = [tieList(1, 'A', 500), tieList(2, 'B', 300), tieList(3, 'C', 300)];
    const input = { ElectionLists: lists };
    const tie = computeOfficialResults(input, { ...chamber(2), threshold: fraction(0) });
    assert.ok(!tie.ok);
    assert.equal(tie.error.code, 'seats.drawing-of-lots');
    assert.ok('tied' in tie.error);
    assert.deepEqual(
      tie.error.tied.map((l) => l.name),
      ['B', 'C'],
    );
    const drawn = computeOfficialResults(input, { ...chamber(2), threshold: fraction(0), lots: ['3', '2'] });
    assert.ok(drawn.ok);
    assert.deepEqual(
      compareOfficialResults(
        { ElectionLists: [{ A_SeatsForList: 1 }, { A_SeatsForList: 0 }, { A_SeatsForList: 1 }] },
        drawn.value,
      ).filter((d) => d.includes('A_')),
      [],
    );
  });
});

function tieList(id: number, name: string, votes: number): Readonly<Record<string, unknown>> {
  const candidate = (n: number, successor: boolean): Readonly<Record<string, unknown>> => ({
    Id: id * 100 + n + (successor ? 50 : 0),
    NrOnList: n,
    IsSuccessor: successor,
    NrOfVotes: 0,
  });
  return {
    Id: id,
    ListNumber: id,
    PartyLabel: name,
    NrOfVotes: votes,
    B_BallotsWithListVote: votes,
    C_BallotsWithCandidateVotesOnly: 0,
    D_BallotsWithCandidateAndSuccessorVotes: 0,
    E_BallotsWithSuccessorVotesOnly: 0,
    Candidates: [candidate(1, false), candidate(2, false), candidate(1, true)],
  };
}
