// A constituency withheld below the minimum anonymity set (record entry `withheld`): the verifier
// accepts a true claim (3 ballots, minimum 10: not decrypted, every ballot still in the record) and
// plays the attacker — a server hiding a constituency's votes by calling it small: a claim for a
// group of 12, a claim that leaves ballots out to look small, a claim under another minimum, a
// claim that leaves a segment of the constituency out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, loadGroup, rechain, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { election, votes } from './test-election.ts';

const group = await loadGroup('secp256k1');
const runner = inlineRunner(group);
// Brussels: 12 ballots to count; Leuven: 3 (online, Belgium) + 1 cast abroad and cancelled at a polling station.
const { record } = await election(group, runner, {
  groups: [
    { groupId: 'brussels/online/belgium', ballots: votes(12, 4) },
    { groupId: 'leuven/online/belgium', ballots: votes(3, 5) },
    { groupId: 'leuven/online/abroad', ballots: votes(1, 6), atStation: [0], mergedInto: 'leuven/online/belgium' },
  ],
});

const COUNTING = new Set(['group-input', 'shuffle', 'partial-decryption', 'decryption', 'counts']);
type Payload = Record<string, Json>;
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

/**
 * The record as a server would write it withholding `constituency`: its counting entries replaced by
 * one `withheld` entry (edited by `lie`), re-chained (a consistent forger).
 */
function withholding(constituency: string, lie: (claim: Payload) => void = () => undefined): ElectionRecord {
  const entries = (JSON.parse(JSON.stringify(record)) as { entries: RecordEntry[] }).entries;
  const mine = (e: RecordEntry): boolean => text((e.payload as Payload)['groupId']).startsWith(`${constituency}/`);
  const cancelled = new Set(
    entries.filter((e) => e.type === 'cancellation').map((e) => text((e.payload as Payload)['ballotId'])),
  );
  const ballots = entries.filter((e) => e.type === 'ballot' && mine(e)).map((e) => e.payload as Payload);
  const members = [...new Set(ballots.map((b) => text(b['groupId'])))].sort();
  const toCount = ballots
    .map((b) => text(b['ballotId']))
    .filter((id) => !cancelled.has(id))
    .sort();
  const claim: Payload = {
    groupId: members[0] ?? '',
    constituency,
    members,
    size: toCount.length,
    minimum: 10,
    reason: 'below-minimum-anonymity-set',
    ballots: toCount,
  };
  lie(claim);
  const first = entries.findIndex((e) => COUNTING.has(e.type) && mine(e));
  assert.ok(first >= 0);
  const kept = entries.filter((e, i) => i < first || !(COUNTING.has(e.type) && mine(e)));
  kept.splice(first, 0, { seq: 0, type: 'withheld', parent: '', hash: '', payload: claim });
  return rechain({ format: record.format, entries: kept });
}

async function refused(rec: ElectionRecord, text: RegExp): Promise<void> {
  const r = await verifyRecord(rec);
  assert.equal(r.ok, false, 'the verifier must refuse this withheld claim');
  assert.ok(!r.ok);
  assert.equal(r.check, 'withheld', `${r.check} at ${r.location}: ${r.message}`);
  assert.match(r.message, text);
}

describe('verifier: a constituency withheld below the minimum anonymity set', () => {
  test('the honest record (every constituency counted) verifies', async () => {
    const r = await verifyRecord(record);
    assert.ok(r.ok, JSON.stringify(r));
  });

  test('a true claim: Leuven, 3 ballots to count (one more cancelled), minimum 10, withheld and still verified', async () => {
    const rec = withholding('leuven');
    const claim = rec.entries.find((e) => e.type === 'withheld')?.payload as Payload | undefined;
    assert.equal(claim?.['size'], 3);
    const r = await verifyRecord(rec);
    assert.ok(r.ok, JSON.stringify(r));
    // Every ballot of Leuven is still in the record, encrypted; none is decrypted.
    assert.equal(
      rec.entries.filter((e) => e.type === 'ballot' && text((e.payload as Payload)['groupId']).startsWith('leuven/'))
        .length,
      4,
    );
    assert.equal(
      rec.entries.filter((e) => COUNTING.has(e.type) && text((e.payload as Payload)['groupId']).startsWith('leuven/'))
        .length,
      0,
    );
  });

  test('attacker: Brussels (12 ballots) called small to hide its votes is refused', async () => {
    await refused(withholding('brussels'), /12 ballots are not below the minimum anonymity set of 10/);
  });

  test('attacker: Brussels made to look small by leaving 3 ballots out of the claim is refused', async () => {
    await refused(
      withholding('brussels', (c) => {
        c['ballots'] = (c['ballots'] as string[]).slice(3);
        c['size'] = 9;
      }),
      /missing from the withheld set/,
    );
  });

  test("attacker: a claim under another minimum than the election definition's is refused", async () => {
    await refused(
      withholding('brussels', (c) => {
        c['minimum'] = 20;
      }),
      /the election's is 10/,
    );
  });

  test('attacker: a segment of the constituency with ballots left out of the withheld set is refused', async () => {
    await refused(
      withholding('leuven', (c) => {
        c['members'] = ['leuven/online/belgium'];
        c['groupId'] = 'leuven/online/belgium';
      }),
      /not in the withheld set/,
    );
  });

  test('attacker: a size that is not the number of ballots listed is refused', async () => {
    await refused(
      withholding('leuven', (c) => {
        c['size'] = 2;
      }),
      /states 2 ballots but lists 3/,
    );
  });
});
