import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fraction } from './fraction.ts';
import { computeOfficialResults } from './official-results.ts';
import type { OfficialOptions } from './official-results.ts';

// Two lists with equal figures compete for the only seat. Each head of list gets half the 100
// head-box ballots up to the eligibility figure ⌈100 / 2⌉ = 50: 10 + 40 = 50 votes each. The
// statute then looks at the age of the candidates at stake.
function file(birthA?: string, birthB?: string): unknown {
  const list = (id: number, number: number, candidateId: number, birthDate?: string) => ({
    Id: id,
    ListNumber: number,
    PartyLabel: `Party ${number.toString()}`,
    NrOfVotes: 100,
    B_BallotsWithListVote: 90,
    C_BallotsWithCandidateVotesOnly: 10,
    D_BallotsWithCandidateAndSuccessorVotes: 0,
    E_BallotsWithSuccessorVotesOnly: 0,
    Candidates: [
      {
        Id: candidateId,
        NrOnList: 1,
        IsSuccessor: false,
        NrOfVotes: 10,
        ...(birthDate === undefined ? {} : { BirthDate: birthDate }),
      },
    ],
  });
  return { ElectionLists: [list(1, 1, 11, birthA), list(2, 2, 22, birthB)] };
}
const options: OfficialOptions = {
  seats: 1,
  method: 'dhondt',
  threshold: fraction(5, 100),
  devolution: fraction(1, 2),
  tieBreak: ['higher-figure', 'candidate-votes', 'candidate-age'],
};
const seatsOf = (r: ReturnType<typeof computeOfficialResults>): unknown =>
  r.ok ? (r.value['ElectionLists'] as { A_SeatsForList: number }[]).map((l) => l.A_SeatsForList) : r.error.code;

describe('official files: the statutory tie-break', () => {
  it('without birth dates the file lacks what the statute needs, and the message says so', () => {
    const r = computeOfficialResults(file(), options);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'seats.tie-needs-data');
    assert.match(r.error.message, /BirthDate/);
  });

  it('with birth dates the oldest candidate’s list takes the seat', () => {
    assert.deepEqual(seatsOf(computeOfficialResults(file('1980-05-01', '1975-05-01'), options)), [0, 1]);
    assert.deepEqual(seatsOf(computeOfficialResults(file('1975-05-01', '1980-05-01'), options)), [1, 0]);
  });

  it('a birth date that is not a date is malformed input naming the field', () => {
    const r = computeOfficialResults(file('1975-02-30', '1980-05-01'), options);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'input.malformed');
    assert.ok('field' in r.error && r.error.field === 'ElectionLists[0].Candidates[0].BirthDate');
  });
});
