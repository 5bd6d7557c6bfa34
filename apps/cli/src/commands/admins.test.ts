// `isoloir admins bootstrap`: the first two administrators of an empty platform, then never again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { makeNrn } from '@isoloir/electoral';

const MAIN = new URL('../main.ts', import.meta.url).pathname;
const data = mkdtempSync(join(tmpdir(), 'isoloir-admins-'));
after(() => {
  rmSync(data, { recursive: true, force: true });
});

function nrn(sequence: number): string {
  const made = makeNrn({ year: 1970, month: 3, day: 4, sequence });
  assert.ok(made.ok);
  return made.value;
}

function bootstrap(first: string, second: string) {
  return spawnSync(
    process.execPath,
    [MAIN, 'admins', 'bootstrap', '--data', data, '--first', first, '--second', second],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
}

test('two administrators on an empty platform; refused once one exists, and for one person twice', () => {
  const same = bootstrap(`${nrn(11)}:Ann:One`, `${nrn(11)}:Ann:One`);
  assert.equal(same.status, 1, same.stdout);
  assert.match(same.stderr, /role\.second-admin/);
  const made = bootstrap(`${nrn(13)}:Ann:One`, `${nrn(15)}:Bert:Two`);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /administrators created: .*Ann One, Bert Two/);
  const again = bootstrap(`${nrn(17)}:Cleo:Three`, `${nrn(19)}:Dirk:Four`);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /role\.bootstrap-closed/);
  assert.doesNotMatch(made.stdout + again.stderr, /[0-9]{11}/, 'no national register number printed');
});
