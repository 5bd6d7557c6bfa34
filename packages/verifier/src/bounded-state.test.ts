// The verifier drops a group's ciphertexts, shares and decoded ballots once its counts are checked
// (memory: one group at a time, check-decryption.ts). Attacker: a step of that group replayed
// after its counts is still refused, by the check that refused it when everything was kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, loadGroup, rechain, type RecordEntry } from '@isoloir/crypto';
import { election } from './test-election.ts';
import { verifyRecord } from './verify-record.ts';

const group = await loadGroup('secp256k1');
const { record } = await election(group, inlineRunner(group), {
  groups: [
    {
      groupId: 'leuven/online/abroad',
      ballots: [{ kind: 'blank' }, { kind: 'list', list: 2, headBox: true, effectives: [], substitutes: [] }],
    },
  ],
});

describe('a counted group, dropped from memory', () => {
  test('the honest record verifies', async () => {
    assert.equal((await verifyRecord(record)).ok, true);
  });

  const replays: [string, string][] = [
    ['shuffle', 'shuffle-input'],
    ['partial-decryption', 'completeness'],
    ['decryption', 'completeness'],
    ['counts', 'completeness'],
  ];
  for (const [type, check] of replays)
    test(`attacker: its ${type} entry replayed after its counts: ${check}`, async () => {
      const entries = JSON.parse(JSON.stringify(record.entries)) as RecordEntry[];
      const step = entries.findLast((e) => e.type === type);
      assert.ok(step !== undefined);
      const r = await verifyRecord(rechain({ format: record.format, entries: [...entries, step] }));
      assert.equal(r.ok ? '' : r.check, check, JSON.stringify(r));
      assert.match(r.ok ? '' : r.location, new RegExp(`^entry ${String(entries.length)} `));
    });
});
