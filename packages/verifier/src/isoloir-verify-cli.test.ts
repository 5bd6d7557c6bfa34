// `isoloir verify RECORD` end to end: exit 0 on an honest record; non-zero naming the check otherwise.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineRunner, loadGroup, rechain, type RecordEntry } from '@isoloir/crypto';
import { election } from './test-election.ts';

const main = fileURLToPath(new URL('../../../apps/cli/src/main.ts', import.meta.url));
const group = await loadGroup('secp256k1');
const { record } = await election(group, inlineRunner(group), {
  groups: [
    {
      groupId: 'leuven/online/abroad',
      ballots: [{ kind: 'blank' }, { kind: 'list', list: 2, headBox: true, effectives: [], substitutes: [] }],
    },
  ],
});
const dir = mkdtempSync(join(tmpdir(), 'isoloir-verify-'));

function run(file: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [main, 'verify', file], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe('isoloir verify', () => {
  test('accepts an honest record with exit 0', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(record));
    const r = run(file);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /^OK: /);
  });

  test('rejects a changed count with a non-zero exit naming the check and location', () => {
    const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
    const counts = copy.entries.find((e) => e.type === 'counts');
    assert.ok(counts !== undefined);
    (counts.payload as { counts: { blank: number } }).counts.blank += 1;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(rechain(copy)));
    const r = run(file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^FAILED counts at entry \d+ \(counts\) \(group leuven\/online\/abroad\)/);
  });
});
