// `isoloir bench record` at a tiny size: the generated record is valid (isoloir verify exits 0 on
// it, in the child) and the last stdout line reports the figures the benchmark promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

test('bench record: 40 ballots in groups of 20 verify, with time and peak memory reported', () => {
  const r = spawnSync(process.execPath, [main, 'bench', 'record', '--ballots', '40', '--group-size', '20'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  assert.equal(out['exit'], 0);
  assert.equal(out['ballots'], 40);
  assert.match(r.stderr, /OK: \d+ entries, 40 ballots, 2 groups, 4 shuffles/);
  assert.ok(typeof out['verifyMaxRssMB'] === 'number' && out['verifyMaxRssMB'] > 0);
  assert.ok(typeof out['verifySeconds'] === 'number');
  assert.ok(typeof out['bytes'] === 'number' && out['bytes'] > 40 * 1000);
});
