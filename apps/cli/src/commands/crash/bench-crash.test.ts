// The crash drill, small: `isoloir bench crash --kills 2` on PGlite (and, when DATABASE_URL is set,
// on PostgreSQL with one `pg_ctl stop -m immediate` as well, on a cluster of its own). Every
// acknowledged ballot stored, every restart clean, the audit chains and their published heads intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const MAIN = new URL('../../main.ts', import.meta.url).pathname;

function drill(env: Record<string, string>, ...args: string[]): Record<string, unknown> {
  const run = spawnSync(process.execPath, [MAIN, 'bench', 'crash', '--kills', '2', '--voters', '60', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(run.status, 0, run.stderr);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

function holds(result: Record<string, unknown>): void {
  assert.equal(result['kills'], 2);
  assert.equal(typeof result['acknowledged'], 'number');
  assert.ok((result['acknowledged'] as number) > 0, 'ballots were acknowledged');
  assert.equal(result['lost'], 0);
  assert.equal(result['failed_restarts'], 0);
  assert.match(String(result['audit']), /^intact/);
  assert.match(String(result['audit_heads']), /^match/);
}

test('isoloir bench crash --kills 2 on PGlite: no acknowledged ballot lost, no failed restart', () => {
  const result = drill({ DATABASE_URL: '' });
  assert.equal(result['database'], 'pglite');
  holds(result);
});

const postgres = process.env['DATABASE_URL'];
test(
  'isoloir bench crash --kills 2 --pg-immediate 1 on PostgreSQL',
  { skip: postgres === undefined || postgres === '' ? 'DATABASE_URL is not set' : false },
  () => {
    const result = drill({}, '--pg-immediate', '1');
    assert.equal(result['database'], 'postgresql');
    holds(result);
    assert.equal(result['pg_stops'], 1);
    assert.equal(result['failed_recoveries'], 0);
  },
);
