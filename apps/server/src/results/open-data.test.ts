// The open-data file of a constituency, fed to `isoloir allocate` with the flags it states, gives back
// the published seats and elected candidates; the PVs of several modes are summed exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PvContent, PvList } from '../counting/pv.ts';
import { openDataFile, type OpenDataMeta } from './open-data.ts';
import { openDataCsv } from './open-data-csv.ts';
import { allocate } from './public-results.ts';

const MAIN_TS = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'cli', 'src', 'main.ts');
const scratch = mkdtempSync(join(tmpdir(), 'isoloir-open-data-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const L = { fr: 'Liège', nl: 'Luik', de: 'Lüttich', en: 'Liège' };
const META: OpenDataMeta = {
  electionId: 'demo-2029-chamber',
  electionLabel: { fr: 'Chambre', nl: 'Kamer', de: 'Kammer', en: 'Chamber' },
  electionDate: '2029-05-27',
  constituency: 'liege',
  constituencyLabel: L,
  rules: { seats: 4, method: 'dhondt', thresholdPercent: 5, devolution: '1/2' },
};

function list(
  number: number,
  B: number,
  C: number,
  eff: number[],
  sub: number[],
  name = `List ${String(number)}`,
): PvList {
  const people = (votes: number[], kind: string): PvList['effectives'] =>
    votes.map((v, i) => ({ position: i + 1, name: `${kind} ${String(number)}.${String(i + 1)}`, votes: v }));
  return {
    number,
    name,
    categories: { B, C, D: 0, E: 0 },
    total: B + C,
    effectives: people(eff, 'Eff'),
    substitutes: people(sub, 'Sub'),
  };
}

function pv(mode: PvContent['mode'], category: PvContent['category'], lists: PvList[]): PvContent {
  const valid = lists.reduce((a, l) => a + l.total, 0);
  return {
    mode,
    category,
    lists,
    valid,
    blank: 2,
    invalid: 1,
    counted: valid + 3,
    withheld: 0,
    recordHash: 'ab',
  } as unknown as PvContent;
}

const PVS = [
  pv('online', 'belgium', [
    list(1, 300, 200, [150, 40, 30, 5], [10, 20]),
    list(2, 200, 100, [90, 10, 5, 1], [3, 4]),
    list(3, 10, 5, [5, 0, 0, 0], [0, 0], '=HYPERLINK("x"), "quoted"'),
  ]),
  pv('hybrid', 'abroad', [
    list(1, 30, 20, [15, 4, 3, 0], [1, 2]),
    list(2, 20, 10, [9, 1, 0, 0], [0, 0]),
    list(3, 1, 0, [0, 0, 0, 0], [0, 0]),
  ]),
];

function isoloirAllocate(file: string, flags: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [MAIN_TS, 'allocate', file, ...flags], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('open data of a constituency', () => {
  const file = openDataFile(PVS, META);
  const result = allocate(file, META.rules);
  assert.ok(result.ok);
  const allocation = result.value;

  test('sums the PVs of every mode: list votes, categories and preference votes', () => {
    const l1 = allocation.lists.find((l) => l.number === 1);
    assert.equal(l1?.votes, 550);
    assert.deepEqual(l1.categories, { B: 330, C: 220, D: 0, E: 0 });
    assert.equal(allocation.valid, 550 + 330 + 16);
    const isoloir = file['Isoloir'] as { blank: number; invalid: number };
    assert.deepEqual([isoloir.blank, isoloir.invalid], [4, 2]);
  });

  test('the threshold line is ⌈5 % of the valid votes⌉ and the list below it gets no seat (CE art. 165bis)', () => {
    assert.equal(allocation.thresholdVotes, Math.ceil((896 * 5) / 100));
    const l3 = allocation.lists.find((l) => l.number === 3);
    assert.equal(l3?.reachesThreshold, false);
    assert.equal(l3.seats, 0);
    assert.deepEqual(
      allocation.lists.map((l) => l.seats),
      [3, 1, 0],
    );
    for (const l of allocation.lists) {
      assert.equal(l.elected.length, l.seats, `list ${String(l.number)} elected`);
      assert.deepEqual(
        l.elected.map((c) => c.order),
        l.elected.map((_, i) => i + 1),
      );
    }
  });

  test('fed to `isoloir allocate` with the flags it states, the file gives back the published seats and elected', () => {
    const rules = (file['Isoloir'] as { rules: typeof META.rules }).rules;
    const flags = [
      '--seats',
      String(rules.seats),
      '--method',
      rules.method,
      '--threshold',
      String(rules.thresholdPercent),
      '--devolution',
      rules.devolution,
    ];
    // The published file (with seats and elected) and the inputs alone both recompute to the published one.
    for (const [name, content] of [
      ['published.json', allocation.computed],
      ['inputs.json', file],
    ] as const) {
      const path = join(scratch, name);
      writeFileSync(path, JSON.stringify(content));
      const run = isoloirAllocate(path, flags);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), allocation.computed, name);
    }
  });

  test('a changed figure changes the seats allocate gives (the comparison above can fail)', () => {
    const lists = file['ElectionLists'] as Record<string, unknown>[];
    const tampered = {
      ...file,
      ElectionLists: lists.map((l) =>
        l['ListNumber'] === 2 ? { ...l, NrOfVotes: 1330, B_BallotsWithListVote: 1220 } : l,
      ),
    };
    const path = join(scratch, 'tampered.json');
    writeFileSync(path, JSON.stringify(tampered));
    const run = isoloirAllocate(path, [
      '--seats',
      '4',
      '--threshold',
      '5',
      '--devolution',
      '1/2',
      '--method',
      'dhondt',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { ElectionLists: { ListNumber: number; A_SeatsForList: number }[] };
    assert.deepEqual(
      out.ElectionLists.map((l) => l.A_SeatsForList),
      [1, 3, 0],
    );
  });

  test('the CSV has one row per candidate, quoted, formulas neutralised', () => {
    const csv = openDataCsv(allocation.computed);
    const rows = csv.trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + 3 * 6);
    assert.match(rows[0] ?? '', /^Constituency,List\.Id,List\.ListNumber,/);
    assert.ok(csv.includes(`"'=HYPERLINK(""x""), ""quoted"""`), csv);
  });
});
