import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  legalCount,
  inlineRunner,
  loadGroup,
  rechain,
  type ElectionRecord,
  type Json,
  type RecordEntry,
} from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { brusselsVotes, definition, election } from './test-election.ts';

const group = await loadGroup('secp256k1');
const runner = inlineRunner(group);
const { record } = await election(group, runner);

type Mutable = { [key: string]: Json };

/** Deep-copy the record, apply `edit` to the first entry of `type`, and re-chain (a consistent forger). */
function tamper(type: string, edit: (payload: Mutable) => void, chain = true, nth = 0): ElectionRecord {
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  const entry = copy.entries.filter((e) => e.type === type)[nth];
  assert.ok(entry !== undefined);
  edit(entry.payload as Mutable);
  return chain ? rechain(copy) : copy;
}

function flipHex(h: Json | undefined): string {
  assert.equal(typeof h, 'string');
  const s = h as string;
  // another valid encoding: for points, a different point (generator); for scalars, +1.
  if (s.length === 66)
    return s === '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798'
      ? '02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5'
      : '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
  return (BigInt('0x' + s) + 1n).toString(16).padStart(64, '0');
}

function at(v: Json | undefined, ...path: (string | number)[]): Json[] & Mutable {
  let cur = v;
  for (const p of path) cur = (cur as Record<string | number, Json>)[p];
  return cur as Json[] & Mutable;
}

async function expectFailure(rec: ElectionRecord, check: string): Promise<string> {
  const r = await verifyRecord(rec);
  assert.equal(r.ok, false, `expected failure ${check}`);
  assert.ok(!r.ok);
  assert.equal(r.check, check, `${r.check} at ${r.location}: ${r.message}`);
  return r.location;
}

describe('verifier', () => {
  test('accepts an honest record', async () => {
    const r = await verifyRecord(record);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.summary.groups, 3);
    assert.equal(r.summary.shuffles, 4);
    assert.equal(r.summary.ballots, 33);
  });

  test('the published counts are the legal count of the plaintext votes (voters 5 and 9 voted at a polling station)', () => {
    const brussels = definition.constituencies[0];
    assert.ok(brussels !== undefined);
    const expected = legalCount(
      brussels,
      brusselsVotes().filter((_, i) => i !== 5 && i !== 9),
    );
    assert.deepEqual(expected.invalidByRule, { 'ballot.unknown-list': 1, 'ballot.unknown-candidate': 1 });
    const counts = record.entries.find((e) => e.type === 'counts');
    assert.deepEqual(
      JSON.parse(JSON.stringify((counts?.payload as Mutable | undefined)?.['counts'])),
      JSON.parse(JSON.stringify(expected)),
    );
  });

  test('a raw change anywhere breaks the chain', async () => {
    await expectFailure(
      tamper(
        'ballot',
        (p) => {
          p['voterId'] = 'someone-else';
        },
        false,
      ),
      'chain',
    );
    const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
    const e5 = copy.entries[5];
    assert.ok(e5 !== undefined);
    copy.entries[5] = { ...e5, parent: '00' };
    await expectFailure(copy, 'chain');
  });

  test('changing a cast ciphertext fails its ballot proof', async () => {
    await expectFailure(
      tamper('ballot', (p) => {
        at(p, 'ciphertexts')[1] = flipHex(at(p, 'ciphertexts')[1]);
      }),
      'ballot-proof',
    );
  });

  test('a ballot proof copied onto another voter’s ballot is rejected', async () => {
    await expectFailure(
      tamper('ballot', (p) => {
        p['voterId'] = 'brussels/online/belgium/voter-7';
      }),
      'ballot-proof',
    );
  });

  test('a ballot moved to another constituency’s group is rejected, whether or not its constituency is rewritten', async () => {
    await expectFailure(
      tamper('ballot', (p) => {
        p['groupId'] = 'leuven/online/abroad';
      }),
      'constituency',
    );
    // Rewritten to match the new group, the voter is not on its roll (checked before the proof);
    // that the proof binds the constituency is shown in packages/crypto's encrypt-ballot.test.ts.
    await expectFailure(
      tamper('ballot', (p) => {
        p['groupId'] = 'leuven/online/abroad';
        p['constituency'] = 'leuven';
      }),
      'eligibility',
    );
  });

  test('changing a ballot proof response fails', async () => {
    await expectFailure(
      tamper('ballot', (p) => {
        at(p, 'proof', 'responses')[0] = flipHex(at(p, 'proof', 'responses')[0]);
      }),
      'ballot-proof',
    );
  });

  test('a group input that is not exactly the counted ballots fails', async () => {
    await expectFailure(
      tamper('group-input', (p) => {
        at(p, 'ciphertexts').pop();
      }),
      'group-input',
    );
    await expectFailure(
      tamper('group-input', (p) => {
        at(p, 'ciphertexts').push(at(p, 'ciphertexts')[0] ?? []);
      }),
      'group-input',
    );
  });

  test('changing a shuffled ciphertext, a permutation commitment or a response fails the shuffle proof', async () => {
    await expectFailure(
      tamper('shuffle', (p) => {
        at(p, 'outputs', 2)[0] = flipHex(at(p, 'outputs', 2)[0]);
      }),
      'shuffle-proof',
    );
    await expectFailure(
      tamper('shuffle', (p) => {
        at(p, 'proof', 'commitments')[0] = flipHex(at(p, 'proof', 'commitments')[0]);
      }),
      'shuffle-proof',
    );
    await expectFailure(
      tamper(
        'shuffle',
        (p) => {
          at(p, 'proof', 'chain')[3] = flipHex(at(p, 'proof', 'chain')[3]);
        },
        true,
        1,
      ),
      'shuffle-proof',
    );
    await expectFailure(
      tamper('shuffle', (p) => {
        at(p, 'proof', 'sPrime')[1] = flipHex(at(p, 'proof', 'sPrime')[1]);
      }),
      'shuffle-proof',
    );
    await expectFailure(
      tamper('shuffle', (p) => {
        at(p, 'proof', 'tHat')[4] = flipHex(at(p, 'proof', 'tHat')[4]);
      }),
      'shuffle-proof',
    );
  });

  test('changing a partial decryption names the trustee', async () => {
    const loc = await expectFailure(
      tamper(
        'partial-decryption',
        (p) => {
          at(p, 'shares', 0)[0] = flipHex(at(p, 'shares', 0)[0]);
        },
        true,
        1,
      ),
      'decryption-proof',
    );
    assert.match(loc, /trustee 3/);
  });

  test('changing a plaintext, a decoded ballot or a count fails', async () => {
    await expectFailure(
      tamper('decryption', (p) => {
        at(p, 'plaintexts', 0)[0] = flipHex(at(p, 'plaintexts', 0)[0]);
      }),
      'decryption',
    );
    await expectFailure(
      tamper('decryption', (p) => {
        at(p, 'ballots')[0] = { kind: 'invalid', reason: 'forged' };
      }),
      'decoding',
    );
    await expectFailure(
      tamper('counts', (p) => {
        at(p, 'counts')['blank'] = 99;
      }),
      'counts',
    );
  });

  test('a missing step is incomplete', async () => {
    const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
    await expectFailure(rechain({ format: copy.format, entries: copy.entries.slice(0, -1) }), 'completeness');
  });

  test('a single mixer (one trustee doing both shuffles of a group) is rejected', async () => {
    assert.match(
      await expectFailure(
        tamper('shuffle', (p) => (p['trustee'] = 1), true, 1),
        'shuffle-input',
      ),
      /mix node 2, trustee 1/,
    );
  });

  test('a shuffle by a trustee outside the qualified set is rejected', async () => {
    await expectFailure(
      tamper('shuffle', (p) => (p['trustee'] = 99)),
      'shuffle-input',
    );
  });

  test('a group decrypted after fewer than t shuffles is incomplete', async () => {
    const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
    const second = copy.entries.filter((e) => e.type === 'shuffle')[1];
    const groupId = (second?.payload as Mutable | undefined)?.['groupId'];
    // Drop the group's second shuffle; the partial decryptions then no longer match either, but the
    // verifier stops first at "fewer than t shuffles by distinct qualified trustees".
    const entries = copy.entries.filter(
      (e) =>
        e !== second &&
        !(
          e.type === 'shuffle' &&
          (e.payload as Mutable)['groupId'] === groupId &&
          (e.payload as Mutable)['mixNode'] === 2
        ),
    );
    assert.match(await expectFailure(rechain({ format: copy.format, entries }), 'completeness'), /partial-decryption/);
  });
});
