// Issue 12 acceptance: every attack on the record is rejected with its check named. Two kinds of
// attacker: a forger who edits a finished record and re-chains every hash (so the chain alone
// cannot catch it), and a malicious server with honest trustees (the `server` hook changes what
// the server publishes; the trustees then mix and decrypt that input honestly, so every proof
// after it holds).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inlineRunner,
  loadGroup,
  rechain,
  type CastPlan,
  type ElectionRecord,
  type Json,
  type RecordEntry,
} from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { election } from './test-election.ts';

const group = await loadGroup('secp256k1');
const runner = inlineRunner(group);
const { record } = await election(group, runner);

type Payload = Record<string, Json>;
type Editable = { format: string; entries: RecordEntry[] };

function copy(): Editable {
  return JSON.parse(JSON.stringify(record)) as Editable;
}

/** The forger: edits the entries, then recomputes every hash and link. */
function forge(edit: (entries: RecordEntry[]) => RecordEntry[]): ElectionRecord {
  const c = copy();
  return rechain({ format: c.format, entries: edit(c.entries) });
}

const payload = (e: RecordEntry): Payload => e.payload as Payload;
const text = (v: Json | undefined): string =>
  typeof v === 'string' ? v : assert.fail(`expected a string, found ${JSON.stringify(v)}`);

function must<T>(x: T | undefined): T {
  assert.ok(x !== undefined);
  return x;
}

async function rejected(
  rec: ElectionRecord,
  check: string,
  options: { head?: string; boardKey?: string } = {},
): Promise<string> {
  const r = await verifyRecord(rec, options);
  assert.ok(!r.ok, `expected the ${check} check to fail, but the record verified`);
  assert.equal(r.check, check, `${r.check} at ${r.location}: ${r.message}`);
  return r.message;
}

/** A malicious server, honest trustees. */
async function served(server: (plan: CastPlan) => void): Promise<ElectionRecord> {
  return (await election(group, runner, { server })).record;
}

const BRUSSELS = 'brussels/online/belgium';
const v = (i: number): string => `${BRUSSELS}/voter-${String(i)}`;
const b = (i: number): string => `${BRUSSELS}/ballot-${String(i)}`;

function inputOf(plan: CastPlan, groupId: string): CastPlan['groups'][number] {
  const g = plan.groups.find((x) => x.groupId === groupId);
  assert.ok(g !== undefined);
  return g;
}

describe('attacks on the record (forger re-chains the hashes)', () => {
  test('a whole group removed: group-missing (its ballots removed too: board)', async () => {
    const gone = new Set(['leuven/online/abroad', 'leuven/online/belgium']);
    const counting = forge((es) =>
      es.filter((e) => e.type === 'ballot' || !gone.has((payload(e)['groupId'] as string | undefined) ?? '')),
    );
    assert.ok(counting.entries.length < record.entries.length - 5);
    await rejected(counting, 'group-missing');
    // With its ballots: the board heads published during voting still cover them.
    const rec = forge((es) => es.filter((e) => !gone.has((payload(e)['groupId'] as string | undefined) ?? '')));
    assert.ok(rec.entries.length < record.entries.length - 10);
    await rejected(rec, 'board');
  });

  test('a superseded ballot’s cancellation hidden: one-per-voter', async () => {
    await rejected(
      forge((es) => es.filter((e) => !(e.type === 'cancellation' && payload(e)['reason'] === 'superseded'))),
      'one-per-voter',
    );
  });

  test('a polling-station cancellation hidden (the ballot counted): cancellation-missing', async () => {
    // Voter 5 voted only once, remotely, and at a polling station: hiding the cancellation counts the remote ballot.
    await rejected(
      forge((es) => es.filter((e) => !(e.type === 'cancellation' && payload(e)['ballotId'] === b(5)))),
      'cancellation-missing',
    );
  });

  test('a cancellation reason rewritten: cancellation-evidence', async () => {
    const toStation = forge((es) =>
      es.map((e) =>
        e.type === 'cancellation' && payload(e)['ballotId'] === `${b(3)}-first`
          ? { ...e, payload: { ...payload(e), reason: 'voted-at-polling-station', evidence: { station: 'station-1' } } }
          : e,
      ),
    );
    assert.match(await rejected(toStation, 'cancellation-evidence'), /not on the attendance list/);
    const toSuperseded = forge((es) =>
      es.map((e) =>
        e.type === 'cancellation' && payload(e)['ballotId'] === b(5)
          ? { ...e, payload: { ...payload(e), reason: 'superseded', evidence: { laterBallotId: b(5) } } }
          : e,
      ),
    );
    assert.match(await rejected(toSuperseded, 'cancellation-evidence'), /not a later ballot/);
    const unknownReason = forge((es) =>
      es.map((e) =>
        e.type === 'cancellation' && payload(e)['ballotId'] === b(5)
          ? { ...e, payload: { ...payload(e), reason: 'administrative' } }
          : e,
      ),
    );
    await rejected(unknownReason, 'schema');
  });

  test('unknown fields in counts, list counts or decoded ballots: schema', async () => {
    const edit = (type: string, f: (p: Payload) => void): ElectionRecord =>
      forge((es) => {
        const e = es.find((x) => x.type === type);
        assert.ok(e !== undefined);
        f(payload(e));
        return es;
      });
    await rejected(
      edit('counts', (p) => {
        (p['counts'] as Payload)['votes'] = 999999;
      }),
      'schema',
    );
    await rejected(
      edit('counts', (p) => {
        must(((p['counts'] as Payload)['lists'] as Payload[])[0])['bonus'] = 1;
      }),
      'schema',
    );
    await rejected(
      edit('decryption', (p) => {
        must((p['ballots'] as Payload[])[0])['valid'] = 999999;
      }),
      'schema',
    );
    await rejected(
      edit('ballot', (p) => {
        p['note'] = 'x';
      }),
      'schema',
    );
    await rejected(
      edit('counts', (p) => {
        (p['counts'] as Payload)['valid'] = 999999;
      }),
      'counts',
    );
    await rejected(
      edit('counts', (p) => {
        (p['counts'] as Payload)['invalid'] = -1;
      }),
      'schema',
    );
  });

  test('a complaint placed after the key entry: order', async () => {
    const rec = forge((es) => {
      const k = es.findIndex((e) => e.type === 'key');
      return [
        ...es.slice(0, k + 1),
        { ...must(es[k]), type: 'complaint', payload: { by: 1, against: 2, revealed: null } },
        ...es.slice(k + 1),
      ];
    });
    assert.match(await rejected(rec, 'order'), /complaint after key/);
  });

  test('a second key entry: order', async () => {
    const rec = forge((es) => {
      const k = es.findIndex((e) => e.type === 'key');
      return [...es.slice(0, k + 1), must(es[k]), ...es.slice(k + 1)];
    });
    assert.match(await rejected(rec, 'order'), /second key/);
  });

  test('a ballot before the key, or a roll after the ballots: order', async () => {
    await rejected(
      forge((es) => {
        const k = es.findIndex((e) => e.type === 'key');
        const first = es.findIndex((e) => e.type === 'ballot');
        return [...es.slice(0, k), must(es[first]), ...es.slice(k, first), ...es.slice(first + 1)];
      }),
      'order',
    );
    await rejected(
      forge((es) => {
        const r = es.findLastIndex((e) => e.type === 'roll'); // the kiosk segment: no ballot needs it
        const last = es.findLastIndex((e) => e.type === 'ballot');
        return [...es.slice(0, r), ...es.slice(r + 1, last + 1), must(es[r]), ...es.slice(last + 1)];
      }),
      'order',
    );
  });

  test('a published head is the record’s final head or one of its signed board heads; a truncated or forked record is refused: head', async () => {
    const final = record.entries.at(-1)?.hash ?? '';
    const heads = record.entries.filter((e) => e.type === 'board-head').map((e) => payload(e));
    const periodic = heads.find((h) => h['kind'] === 'periodic');
    assert.ok(periodic !== undefined && heads.length >= 3);
    const atFinal = await verifyRecord(record, { head: final });
    assert.ok(atFinal.ok && atFinal.summary.headMatch?.kind === 'record', JSON.stringify(atFinal));
    const atBoard = await verifyRecord(record, { head: text(periodic['hash']) });
    assert.ok(atBoard.ok, JSON.stringify(atBoard));
    assert.deepEqual(atBoard.summary.headMatch, {
      kind: 'board',
      seq: periodic['seq'],
      boardKind: 'periodic',
      publishedAt: periodic['publishedAt'],
      keyId: periodic['keyId'],
    });
    // Before the fix, the hash of ANY entry passed: an entry published early, with anything after it.
    const keyEntry = record.entries.find((e) => e.type === 'key')?.hash ?? '';
    assert.match(await rejected(record, 'head', { head: keyEntry }), /not of this record's last entry/);
    // Truncated: the published record's prefix (its counting cut off), with the published final head.
    const c = copy();
    const cut = {
      format: c.format,
      entries: c.entries.slice(
        0,
        c.entries.findIndex((e) => e.type === 'group-input'),
      ),
    };
    assert.match(
      await rejected(cut, 'head', { head: final }),
      /neither this record's final head nor one of its signed board heads/,
    );
    // Forked: the same up to the counting, then another count, re-chained: not the published head.
    const forked = forge((es) =>
      es.map((e) => (e.type === 'attendance' ? { ...e, payload: { ...payload(e), sha256: 'ff'.repeat(32) } } : e)),
    );
    await rejected(forked, 'head', { head: final });
    await rejected(forked, 'head', { head: 'ab'.repeat(64) });
  });

  test('a record that drops or changes a ballot a signed board head covered does not extend that head: board', async () => {
    // The forger drops the ballot of voter 1 (and what hangs on it), re-chains; the heads stay as published and signed.
    const dropped = b(1);
    const message = await rejected(
      forge((es) => es.filter((e) => !(e.type === 'ballot' && payload(e)['ballotId'] === dropped))),
      'board',
    );
    assert.match(message, /covers tracking code [0-9a-f]+, which is no ballot of this record/);
    // Or rewrites the head's batch to match, re-hashing it: its signature no longer holds.
    await rejected(
      forge((es) =>
        es.map((e) =>
          e.type === 'board-head' && payload(e)['kind'] === 'closing'
            ? { ...e, payload: { ...payload(e), total: Number(payload(e)['total']) + 1 } }
            : e,
        ),
      ),
      'board',
    );
  });

  test('board heads: another key fingerprint, another signing key, no closing head, a ballot on no head: board', async () => {
    const opening = (es: RecordEntry[]): number => es.findIndex((e) => e.type === 'board-head');
    assert.match(
      await rejected(
        forge((es) =>
          es.map((e, i) =>
            i === opening(es) ? { ...e, payload: { ...payload(e), keyFingerprint: '00'.repeat(16) } } : e,
          ),
        ),
        'board',
      ),
      /not the election key’s/,
    );
    assert.match(
      await rejected(
        forge((es) => es.filter((e) => !(e.type === 'board-head' && payload(e)['kind'] === 'closing'))),
        'board',
      ),
      /no closing head/,
    );
    // Pinned: the board key published outside the record (what receipts name) must sign every head.
    const key = text(payload(must(record.entries.find((e) => e.type === 'board-head')))['signingKey']);
    assert.ok((await verifyRecord(record, { boardKey: key })).ok);
    assert.match(
      await rejected(record, 'board', { boardKey: 'cd'.repeat(32) }),
      /not by the board key published outside the record/,
    );
  });

  test('the key fingerprint was not on the board before the first ballot: board', async () => {
    // The opening head moved after the first ballot (what a server that opened the box before publishing the key's fingerprint would show).
    const message = await rejected(
      forge((es) => {
        const h = es.findIndex((e) => e.type === 'board-head');
        const first = es.findIndex((e) => e.type === 'ballot');
        return [...es.slice(0, h), ...es.slice(h + 1, first + 1), must(es[h]), ...es.slice(first + 1)];
      }),
      'board',
    );
    assert.match(message, /before the board’s opening head published the election key’s fingerprint/);
  });

  test('the roll commitment published after the period opened, or no period stated: roll-timing, period', async () => {
    const late = (at: string): ElectionRecord =>
      forge((es) =>
        es.map((e) =>
          e.type === 'roll' && payload(e)['constituency'] === 'brussels'
            ? { ...e, payload: { ...payload(e), publishedAt: at } }
            : e,
        ),
      );
    // After the online period was opened (05:30) and before the first ballot (06:00).
    assert.match(
      await rejected(late('2029-06-09T05:45:00.000Z'), 'roll-timing'),
      /after the online voting period opened/,
    );
    // After the first ballots: a roll drawn up once the server knew who had voted.
    assert.match(
      await rejected(late('2029-06-09T07:00:00.000Z'), 'roll-timing'),
      /after the online voting period opened/,
    );
    await rejected(
      forge((es) => es.filter((e) => !(e.type === 'period' && payload(e)['mode'] === 'online'))),
      'period',
    );
    // A ballot received before the period was opened.
    await rejected(
      forge((es) =>
        es.map((e) =>
          e.type === 'period' && payload(e)['mode'] === 'online'
            ? { ...e, payload: { ...payload(e), openedAt: '2029-06-09T06:00:30.000Z' } }
            : e,
        ),
      ),
      'period',
    );
    // Ballots taken outside the setup's window (the dates on the letters), whatever the PO's acts.
    const window = (change: Record<string, string>): ElectionRecord =>
      forge((es) =>
        es.map((e) =>
          e.type === 'period' && payload(e)['mode'] === 'online' ? { ...e, payload: { ...payload(e), ...change } } : e,
        ),
      );
    assert.match(
      await rejected(window({ closesAt: '2029-06-09T06:00:00.000Z' }), 'period'),
      /once the setup's online window had closed/,
    );
    assert.match(
      await rejected(window({ opensAt: '2029-06-09T09:00:00.000Z', closesAt: '2029-06-09T22:00:00.000Z' }), 'period'),
      /before the setup's online window opened/,
    );
  });

  test('the key ceremony transcript is required, once, before its dealer, key and ballots: ceremony', async () => {
    assert.match(
      await rejected(
        forge((es) => es.filter((e) => e.type !== 'ceremony')),
        'ceremony',
      ),
      /before the key ceremony's transcript/,
    );
    await rejected(
      forge((es) => {
        const c = es.findIndex((e) => e.type === 'ceremony');
        return [...es.slice(0, c + 1), must(es[c]), ...es.slice(c + 1)];
      }),
      'ceremony',
    );
    await rejected(
      forge((es) => {
        const c = es.findIndex((e) => e.type === 'ceremony');
        const k = es.findIndex((e) => e.type === 'key');
        return [...es.slice(0, c), ...es.slice(c + 1, k + 1), must(es[c]), ...es.slice(k + 1)];
      }),
      'ceremony',
    );
  });
});

describe('attacks by a malicious server with honest trustees', () => {
  test('ballots stuffed for voter ids on no roll: eligibility', async () => {
    const rec = await served((plan) => {
      for (const ghost of ['ghost-1', 'ghost-2']) {
        plan.ballots.push({
          groupId: BRUSSELS,
          constituency: 'brussels',
          voterId: ghost,
          ballotId: `stuffed-${ghost}`,
          sequence: 1,
          receivedAt: '2029-06-09T07:00:00.000Z',
          plain: { kind: 'list', list: 1, headBox: true, effectives: [], substitutes: [] },
        });
        inputOf(plan, BRUSSELS).ballotIds.push(`stuffed-${ghost}`);
      }
    });
    assert.match(await rejected(rec, 'eligibility'), /not on the roll/);
  });

  test('ghosts added to the roll after it was published at opening: head', async () => {
    // What was published at opening: the board's opening head.
    const atOpening = text(payload(must(record.entries.find((e) => e.type === 'board-head')))['hash']);
    const rec = await served((plan) => {
      const roll = plan.rolls.find((r) => r.constituency === 'brussels');
      assert.ok(roll !== undefined);
      roll.ids = [...roll.ids, 'ghost-1'].sort();
    });
    await rejected(rec, 'head', { head: atOpening });
  });

  test('one voter counted in two groups: one-per-voter', async () => {
    const rec = await served((plan) => {
      plan.rolls.push({ constituency: 'brussels', mode: 'kiosk', category: 'belgium', ids: [v(0)] });
      plan.ballots.push({
        groupId: 'brussels/kiosk/belgium',
        constituency: 'brussels',
        voterId: v(0),
        ballotId: 'second-vote',
        sequence: 2,
        receivedAt: '2029-06-09T07:00:00.000Z',
        plain: { kind: 'blank' },
      });
      plan.groups.push({
        groupId: 'brussels/kiosk/belgium',
        members: ['brussels/kiosk/belgium'],
        ballotIds: ['second-vote'],
      });
    });
    await rejected(rec, 'one-per-voter');
  });

  test('a voter on two constituencies’ rolls: a choice in one mode and category is accepted; across categories, roll; two counted ballots, last-ballot', async () => {
    // The law's choice in the booth (EP college, Brussels language group): on each offered roll.
    const onBoth = (plan: CastPlan, category: 'belgium' | 'abroad'): void => {
      const roll = plan.rolls.find(
        (r) => r.constituency === 'leuven' && r.mode === 'online' && r.category === category,
      );
      assert.ok(roll !== undefined);
      roll.ids = [...roll.ids, v(0)].sort();
    };
    const accepted = await verifyRecord(
      await served((plan) => {
        onBoth(plan, 'belgium');
      }),
    );
    assert.equal(accepted.ok, true, JSON.stringify(accepted));
    assert.match(
      await rejected(
        await served((plan) => {
          onBoth(plan, 'abroad');
        }),
        'roll',
      ),
      /also on the roll of/,
    );
    // Having chosen Brussels, the voter's second ballot counted in Leuven as well.
    const twice = await served((plan) => {
      onBoth(plan, 'belgium');
      plan.ballots.push({
        groupId: 'leuven/online/belgium',
        constituency: 'leuven',
        voterId: v(0),
        ballotId: 'chosen-twice',
        sequence: 2,
        receivedAt: '2029-06-09T07:00:00.000Z',
        plain: { kind: 'blank' },
      });
      inputOf(plan, 'leuven/online/abroad').ballotIds.push('chosen-twice');
    });
    const r = await verifyRecord(twice);
    assert.equal(r.ok, false);
    assert.ok(['last-ballot', 'one-per-voter', 'cancellation-evidence'].includes(r.check), JSON.stringify(r));
  });

  test('a fabricated cancellation (voter on no attendance list): cancellation-evidence', async () => {
    const rec = await served((plan) => {
      plan.cancellations.push({
        groupId: BRUSSELS,
        ballotId: b(7),
        reason: 'voted-at-polling-station',
        evidence: { station: 'station-1' },
      });
      const g = inputOf(plan, BRUSSELS);
      g.ballotIds = g.ballotIds.filter((id) => id !== b(7));
    });
    assert.match(await rejected(rec, 'cancellation-evidence'), /not on the attendance list/);
  });

  test('a ballot moved to another constituency’s group: eligibility, or roll if the voter is added there', async () => {
    const move = (plan: CastPlan): void => {
      const ballot = plan.ballots.find((x) => x.ballotId === b(2));
      assert.ok(ballot !== undefined);
      ballot.groupId = 'leuven/online/abroad';
      ballot.constituency = 'leuven';
      inputOf(plan, BRUSSELS).ballotIds = inputOf(plan, BRUSSELS).ballotIds.filter((id) => id !== b(2));
      inputOf(plan, 'leuven/online/abroad').ballotIds.push(b(2));
    };
    await rejected(await served(move), 'eligibility');
    await rejected(
      await served((plan) => {
        move(plan);
        const roll = plan.rolls.find((r) => r.constituency === 'leuven' && r.category === 'abroad');
        assert.ok(roll !== undefined);
        roll.ids = [...roll.ids, v(2)].sort();
      }),
      'roll',
    );
    await rejected(
      await served((plan) => {
        const ballot = plan.ballots.find((x) => x.ballotId === b(2));
        assert.ok(ballot !== undefined);
        ballot.constituency = 'leuven';
      }),
      'constituency',
    );
  });

  test('a re-vote undone (the earlier ballot counted): cancellation-evidence, or last-ballot', async () => {
    const undo = (plan: CastPlan, laterCancelled: CastPlan['cancellations'][number]): void => {
      plan.cancellations = plan.cancellations.filter((c) => c.ballotId !== `${b(3)}-first`);
      plan.cancellations.push(laterCancelled);
      const g = inputOf(plan, BRUSSELS);
      g.ballotIds = [...g.ballotIds.filter((id) => id !== b(3)), `${b(3)}-first`];
    };
    await rejected(
      await served((plan) => {
        undo(plan, {
          groupId: BRUSSELS,
          ballotId: b(3),
          reason: 'superseded',
          evidence: { laterBallotId: `${b(3)}-first` },
        });
      }),
      'cancellation-evidence',
    );
    await rejected(
      await served((plan) => {
        undo(plan, {
          groupId: BRUSSELS,
          ballotId: b(3),
          reason: 'voted-at-polling-station',
          evidence: { station: 'station-1' },
        });
        const list = plan.attendance[0];
        assert.ok(list !== undefined);
        list.ids = [...list.ids, v(3)].sort();
      }),
      'last-ballot',
    );
  });

  test('a hidden later ballot (sequence gap) or a receipt time going back: sequence', async () => {
    await rejected(
      await served((plan) => {
        plan.ballots = plan.ballots.filter((x) => x.ballotId !== `${b(3)}-first`);
        plan.cancellations = plan.cancellations.filter((c) => c.ballotId !== `${b(3)}-first`);
      }),
      'sequence',
    );
    await rejected(
      await served((plan) => {
        const later = plan.ballots.find((x) => x.ballotId === b(3));
        assert.ok(later !== undefined);
        later.receivedAt = '2029-06-01T00:00:00.000Z';
      }),
      'sequence',
    );
  });
});
