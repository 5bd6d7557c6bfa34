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
const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();

function isoloir(...args: string[]): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
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
  return fixture.ElectionLists.reduce((sum, l) => sum + (typeof l['A_SeatsForList'] === 'number' ? l['A_SeatsForList'] : 0), 0);
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
  test('3 when lots must be drawn, naming the tied lists; --lots settles it', () => {
    const input = { ElectionLists: [tieList(1, 'ALPHA', 500), tieList(2, 'BRAVO', 300), tieList(3, 'CHARLIE', 300)] };
    const file = tempFile('tie.json', input);
    const run = isoloir('allocate', '--seats', '2', '--threshold', '0', file);
    assert.equal(run.status, 3);
    assert.match(run.stderr, /BRAVO \(list 2, Id 2\), CHARLIE \(list 3, Id 3\)/);
    assert.doesNotMatch(run.stderr, /ALPHA/);
    const drawn = isoloir('allocate', '--seats', '2', '--threshold', '0', '--lots', '3,2', file);
    assert.equal(drawn.status, 0, drawn.stderr);
    const seats = (JSON.parse(drawn.stdout) as Fixture).ElectionLists.map((l) => l['A_SeatsForList']);
    assert.deepEqual(seats, [1, 0, 1]);
  });
  test('imperiali and other devolution shares run', () => {
    const run = isoloir('allocate', '--seats', '14', '--method', 'imperiali', '--devolution', '0', liege);
    assert.equal(run.status, 0, run.stderr);
    assert.notDeepEqual(compareOfficialResults(read(liege), JSON.parse(run.stdout)), []);
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
