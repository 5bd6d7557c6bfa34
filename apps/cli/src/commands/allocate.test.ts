import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareOfficialResults } from '@isoloir/electoral';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..', '..');
const mainTs = join(repoRoot, 'apps', 'cli', 'src', 'main.ts');
const fixturesDir = join(repoRoot, 'packages', 'electoral', 'fixtures', 'belgium-2024-chamber');
const files = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function isoloir(...args: string[]): {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
} {
  const run = spawnSync(process.execPath, [mainTs, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Fixture {
  readonly ElectionLists: readonly Readonly<Record<string, unknown>>[];
}

function read(file: string): Fixture {
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}

function seatsOf(fixture: Fixture): number {
  return fixture.ElectionLists.reduce(
    (sum, l) => sum + (typeof l['A_SeatsForList'] === 'number' ? l['A_SeatsForList'] : 0),
    0,
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'isoloir-allocate-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function tempFile(name: string, content: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('isoloir allocate: official 2024 Chamber results', () => {
  test('all 11 constituency files are there', () => {
    assert.equal(files.length, 11);
  });
  for (const name of files) {
    test(`${name}: prints every A_, G_, I_, II_, III_ and IV_ value of the official file`, () => {
      const file = join(fixturesDir, name);
      const fixture = read(file);
      const run = isoloir('allocate', '--seats', String(seatsOf(fixture)), file);
      assert.equal(run.status, 0, run.stderr);
      const printed: unknown = JSON.parse(run.stdout);
      assert.deepEqual(compareOfficialResults(fixture, printed), []);
      assert.deepEqual(printed, fixture);
    });
  }
});

describe('isoloir allocate: exit codes', () => {
  const liege = join(fixturesDir, 'liege.json');

  test('2 for a malformed field, naming it', () => {
    const fixture = read(liege);
    const lists = fixture.ElectionLists.map((l, i) => (i === 3 ? { ...l, B_BallotsWithListVote: 'many' } : l));
    const run = isoloir('allocate', '--seats', '14', tempFile('bad.json', { ...fixture, ElectionLists: lists }));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /ElectionLists\[3\]\.B_BallotsWithListVote/);
    assert.equal(run.stdout, '');
  });
  test('2 for a file that is not JSON, and for bad flags', () => {
    assert.equal(isoloir('allocate', '--seats', '14', tempFile('not-json.json', '{ not json')).status, 2);
    const seats = isoloir('allocate', '--seats', 'fourteen', liege);
    assert.equal(seats.status, 2);
    assert.match(seats.stderr, /--seats/);
    assert.match(isoloir('allocate', '--seats', '14', '--method', 'sainte-lague', liege).stderr, /--method/);
    assert.match(isoloir('allocate', '--seats', '14', '--devolution', '3/2', liege).stderr, /--devolution/);
    assert.equal(isoloir('allocate', '--seats', '14', '--threshold', '101', liege).status, 2);
  });
  test('3 when a seat due with equal right needs the candidates’ birth dates, naming the lists and the field; with them it decides', () => {
    // BRAVO and CHARLIE tie for the 2nd seat with equal figures; each head of list gets 150 votes by
    // devolution: the statute (Chamber by default) then looks at their age.
    const input = { ElectionLists: [tieList(1, 'ALPHA', 500), tieList(2, 'BRAVO', 300), tieList(3, 'CHARLIE', 300)] };
    const run = isoloir('allocate', '--seats', '2', '--threshold', '0', tempFile('tie.json', input));
    assert.equal(run.status, 3);
    assert.match(run.stderr, /BRAVO \(list 2, Id 2\), CHARLIE \(list 3, Id 3\)/);
    assert.match(run.stderr, /BirthDate/);
    assert.doesNotMatch(run.stderr, /ALPHA/);
    const dated = {
      ElectionLists: [
        tieList(1, 'ALPHA', 500),
        tieList(2, 'BRAVO', 300, '1971-04-02'),
        tieList(3, 'CHARLIE', 300, '1969-11-30'),
      ],
    };
    const decided = isoloir('allocate', '--seats', '2', '--threshold', '0', tempFile('tie-dated.json', dated));
    assert.equal(decided.status, 0, decided.stderr);
    assert.deepEqual(
      (JSON.parse(decided.stdout) as Fixture).ElectionLists.map((l) => l['A_SeatsForList']),
      [1, 0, 1],
    );
  });
  test('0 without any birth date when the statute settles the tie before the age step: higher figure, then the candidate at stake with the most votes', () => {
    // BRAVO and CHARLIE have equal figures (300); BRAVO's head has 200 preference votes (above the
    // eligibility figure 150, so no devolution), CHARLIE's head 150 after devolution: BRAVO takes the seat.
    const bravo = {
      ...tieList(2, 'BRAVO', 300),
      B_BallotsWithListVote: 100,
      C_BallotsWithCandidateVotesOnly: 200,
      Candidates: (tieList(2, 'BRAVO', 300)['Candidates'] as Record<string, unknown>[]).map((c, i) =>
        i === 0 ? { ...c, NrOfVotes: 200 } : c,
      ),
    };
    const byVotes = isoloir(
      'allocate',
      '--election',
      'flemish',
      '--seats',
      '2',
      '--threshold',
      '0',
      tempFile('tie-votes.json', { ElectionLists: [tieList(1, 'ALPHA', 500), bravo, tieList(3, 'CHARLIE', 300)] }),
    );
    assert.equal(byVotes.status, 0, byVotes.stderr);
    assert.deepEqual(
      (JSON.parse(byVotes.stdout) as Fixture).ElectionLists.map((l) => l['A_SeatsForList']),
      [1, 1, 0],
    );
    // Quotients equal (ALPHA 600 ÷ 2 = BRAVO 300 ÷ 1) for the 2nd seat: the higher figure takes it.
    const byFigure = isoloir(
      'allocate',
      '--seats',
      '2',
      '--threshold',
      '0',
      tempFile('tie-figure.json', { ElectionLists: [tieList(1, 'ALPHA', 600), tieList(2, 'BRAVO', 300)] }),
    );
    assert.equal(byFigure.status, 0, byFigure.stderr);
    assert.deepEqual(
      (JSON.parse(byFigure.stdout) as Fixture).ElectionLists.map((l) => l['A_SeatsForList']),
      [2, 0],
    );
  });
  test('3 when the statute is exhausted (the same birth date), naming the lists', () => {
    const input = {
      ElectionLists: [
        tieList(1, 'ALPHA', 500),
        tieList(2, 'BRAVO', 300, '1970-01-01'),
        tieList(3, 'CHARLIE', 300, '1970-01-01'),
      ],
    };
    const run = isoloir('allocate', '--seats', '2', '--threshold', '0', tempFile('tie-same-age.json', input));
    assert.equal(run.status, 3);
    assert.match(run.stderr, /BRAVO \(list 2, Id 2\), CHARLIE \(list 3, Id 3\)/);
    assert.equal(run.stdout, '');
  });
  test('--election european applies no threshold; chamber 5 %', () => {
    // 20 seats: SMALL has 4.8 % of the votes, under the Chamber threshold; its 480 beats BIG's 9,550 / 20 = 477.5 for the 20th seat.
    const input = { ElectionLists: [tieList(1, 'BIG', 9550), tieList(2, 'SMALL', 480)] };
    const file = tempFile('threshold.json', input);
    const seats = (args: string[]): unknown =>
      (JSON.parse(isoloir('allocate', ...args, file).stdout) as Fixture).ElectionLists.map((l) => l['A_SeatsForList']);
    assert.deepEqual(seats(['--election', 'european', '--seats', '20']), [19, 1]);
    assert.deepEqual(seats(['--election', 'chamber', '--seats', '20']), [20, 0]);
  });
  test('--constituency gives the seats of the election’s constituency; an unknown election or constituency is refused', () => {
    const fixture = read(liege);
    const run = isoloir('allocate', '--election', 'chamber', '--constituency', 'liege', liege);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), fixture);
    assert.match(isoloir('allocate', '--election', 'senate', '--seats', '14', liege).stderr, /--election/);
    assert.match(
      isoloir('allocate', '--election', 'european', '--constituency', 'liege', liege).stderr,
      /--constituency/,
    );
  });
  test('--help lists every election with its method, threshold and tie-break', () => {
    const help = isoloir('allocate', '--help').stdout;
    for (const code of [
      'chamber',
      'european',
      'flemish',
      'walloon',
      'brussels',
      'german-speaking',
      'local-flanders',
      'local-wallonia',
      'local-brussels',
    ])
      assert.match(help, new RegExp(`^  ${code} `, 'm'));
    assert.match(help, /european +dhondt, threshold 0 %/);
  });
  test('imperiali and other devolution shares run', () => {
    const run = isoloir('allocate', '--seats', '14', '--method', 'imperiali', '--devolution', '0', liege);
    assert.equal(run.status, 0, run.stderr);
    assert.notDeepEqual(compareOfficialResults(read(liege), JSON.parse(run.stdout)), []);
  });
});

function tieList(id: number, name: string, votes: number, headBirthDate?: string): Readonly<Record<string, unknown>> {
  const candidate = (n: number, successor: boolean): Readonly<Record<string, unknown>> => ({
    Id: id * 100 + n + (successor ? 50 : 0),
    NrOnList: n,
    IsSuccessor: successor,
    NrOfVotes: 0,
    ...(headBirthDate !== undefined && n === 1 && !successor ? { BirthDate: headBirthDate } : {}),
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
    Candidates: [...Array.from({ length: 20 }, (_, i) => candidate(i + 1, false)), candidate(1, true)],
  };
}
