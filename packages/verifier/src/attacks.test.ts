// Issue 12 acceptance: every attack on the record is rejected with its check named. Two kinds of
// attacker: a forger who edits a finished record and re-chains every hash (so the chain alone
// cannot catch it), and a malicious server with honest trustees (the `server` hook changes what
// the server publishes; the trustees then mix and decrypt that input honestly, so every proof
// after it holds).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, loadGroup, rechain, type CastPlan, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
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

function must<T>(x: T | undefined): T {
  assert.ok(x !== undefined);
  return x;
}

async function rejected(rec: ElectionRecord, check: string, options: { head?: string } = {}): Promise<string> {
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
  test('a whole group removed: group-missing', async () => {
    const gone = new Set(['leuven/online/abroad', 'leuven/online/belgium']);
    const rec = forge((es) => es.filter((e) => !gone.has((payload(e)['groupId'] as string | undefined) ?? '')));
    assert.ok(rec.entries.length < record.entries.length - 10);
    await rejected(rec, 'group-missing');
  });

  test('a superseded ballot’s cancellation hidden: one-per-voter', async () => {
    await rejected(forge((es) => es.filter((e) => !(e.type === 'cancellation' && payload(e)['reason'] === 'superseded'))), 'one-per-voter');
  });

  test('a polling-station cancellation hidden (the ballot counted): cancellation-missing', async () => {
    // Voter 5 voted only once, remotely, and at a polling station: hiding the cancellation counts the remote ballot.
    await rejected(forge((es) => es.filter((e) => !(e.type === 'cancellation' && payload(e)['ballotId'] === b(5)))), 'cancellation-missing');
  });

  test('a cancellation reason rewritten: cancellation-evidence', async () => {
    const toStation = forge((es) => es.map((e) => (e.type === 'cancellation' && payload(e)['ballotId'] === `${b(3)}-first` ? { ...e, payload: { ...payload(e), reason: 'voted-at-polling-station', evidence: { station: 'station-1' } } } : e)));
    assert.match(await rejected(toStation, 'cancellation-evidence'), /not on the attendance list/);
    const toSuperseded = forge((es) => es.map((e) => (e.type === 'cancellation' && payload(e)['ballotId'] === b(5) ? { ...e, payload: { ...payload(e), reason: 'superseded', evidence: { laterBallotId: b(5) } } } : e)));
    assert.match(await rejected(toSuperseded, 'cancellation-evidence'), /not a later ballot/);
    const unknownReason = forge((es) => es.map((e) => (e.type === 'cancellation' && payload(e)['ballotId'] === b(5) ? { ...e, payload: { ...payload(e), reason: 'administrative' } } : e)));
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
    await rejected(edit('counts', (p) => { (p['counts'] as Payload)['votes'] = 999999; }), 'schema');
    await rejected(edit('counts', (p) => { must(((p['counts'] as Payload)['lists'] as Payload[])[0])['bonus'] = 1; }), 'schema');
    await rejected(edit('decryption', (p) => { must((p['ballots'] as Payload[])[0])['valid'] = 999999; }), 'schema');
    await rejected(edit('ballot', (p) => { p['note'] = 'x'; }), 'schema');
    await rejected(edit('counts', (p) => { (p['counts'] as Payload)['valid'] = 999999; }), 'counts');
    await rejected(edit('counts', (p) => { (p['counts'] as Payload)['invalid'] = -1; }), 'schema');
  });

  test('a complaint placed after the key entry: order', async () => {
    const rec = forge((es) => {
      const k = es.findIndex((e) => e.type === 'key');
      return [...es.slice(0, k + 1), { ...must(es[k]), type: 'complaint', payload: { by: 1, against: 2, revealed: null } }, ...es.slice(k + 1)];
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
    await rejected(forge((es) => {
      const k = es.findIndex((e) => e.type === 'key');
      const first = es.findIndex((e) => e.type === 'ballot');
      return [...es.slice(0, k), must(es[first]), ...es.slice(k, first), ...es.slice(first + 1)];
    }), 'order');
    await rejected(forge((es) => {
      const r = es.findLastIndex((e) => e.type === 'roll'); // the kiosk segment: no ballot needs it
      const last = es.findLastIndex((e) => e.type === 'ballot');
      return [...es.slice(0, r), ...es.slice(r + 1, last + 1), must(es[r]), ...es.slice(last + 1)];
    }), 'order');
  });

  test('a published head that is not in the record: head', async () => {
    const atOpening = record.entries.find((e) => e.type === 'key')?.hash ?? '';
    const ok = await verifyRecord(record, { head: atOpening });
    assert.ok(ok.ok, JSON.stringify(ok));
    await rejected(forge((es) => es.map((e) => (e.type === 'roll' ? { ...e, payload: { ...payload(e), publishedAt: '2029-06-08T00:00:00.000Z' } } : e))), 'head', { head: atOpening });
  });
});

describe('attacks by a malicious server with honest trustees', () => {
  test('ballots stuffed for voter ids on no roll: eligibility', async () => {
    const rec = await served((plan) => {
      for (const ghost of ['ghost-1', 'ghost-2']) {
        plan.ballots.push({ groupId: BRUSSELS, constituency: 'brussels', voterId: ghost, ballotId: `stuffed-${ghost}`, sequence: 1, receivedAt: '2029-06-09T07:00:00.000Z', plain: { kind: 'list', list: 1, headBox: true, effectives: [], substitutes: [] } });
        inputOf(plan, BRUSSELS).ballotIds.push(`stuffed-${ghost}`);
      }
    });
    assert.match(await rejected(rec, 'eligibility'), /not on the roll/);
  });

  test('ghosts added to the roll after it was published at opening: head', async () => {
    const atOpening = record.entries.find((e) => e.type === 'key')?.hash ?? '';
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
      plan.ballots.push({ groupId: 'brussels/kiosk/belgium', constituency: 'brussels', voterId: v(0), ballotId: 'second-vote', sequence: 2, receivedAt: '2029-06-09T07:00:00.000Z', plain: { kind: 'blank' } });
      plan.groups.push({ groupId: 'brussels/kiosk/belgium', members: ['brussels/kiosk/belgium'], ballotIds: ['second-vote'] });
    });
    await rejected(rec, 'one-per-voter');
  });

  test('a fabricated cancellation (voter on no attendance list): cancellation-evidence', async () => {
    const rec = await served((plan) => {
      plan.cancellations.push({ groupId: BRUSSELS, ballotId: b(7), reason: 'voted-at-polling-station', evidence: { station: 'station-1' } });
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
    await rejected(await served((plan) => {
      move(plan);
      const roll = plan.rolls.find((r) => r.constituency === 'leuven' && r.category === 'abroad');
      assert.ok(roll !== undefined);
      roll.ids = [...roll.ids, v(2)].sort();
    }), 'roll');
    await rejected(await served((plan) => {
      const ballot = plan.ballots.find((x) => x.ballotId === b(2));
      assert.ok(ballot !== undefined);
      ballot.constituency = 'leuven';
    }), 'constituency');
  });

  test('a re-vote undone (the earlier ballot counted): cancellation-evidence, or last-ballot', async () => {
    const undo = (plan: CastPlan, laterCancelled: CastPlan['cancellations'][number]): void => {
      plan.cancellations = plan.cancellations.filter((c) => c.ballotId !== `${b(3)}-first`);
      plan.cancellations.push(laterCancelled);
      const g = inputOf(plan, BRUSSELS);
      g.ballotIds = [...g.ballotIds.filter((id) => id !== b(3)), `${b(3)}-first`];
    };
    await rejected(await served((plan) => { undo(plan, { groupId: BRUSSELS, ballotId: b(3), reason: 'superseded', evidence: { laterBallotId: `${b(3)}-first` } }); }), 'cancellation-evidence');
    await rejected(await served((plan) => {
      undo(plan, { groupId: BRUSSELS, ballotId: b(3), reason: 'voted-at-polling-station', evidence: { station: 'station-1' } });
      const list = plan.attendance[0];
      assert.ok(list !== undefined);
      list.ids = [...list.ids, v(3)].sort();
    }), 'last-ballot');
  });

  test('a hidden later ballot (sequence gap) or a receipt time going back: sequence', async () => {
    await rejected(await served((plan) => {
      plan.ballots = plan.ballots.filter((x) => x.ballotId !== `${b(3)}-first`);
      plan.cancellations = plan.cancellations.filter((c) => c.ballotId !== `${b(3)}-first`);
    }), 'sequence');
    await rejected(await served((plan) => {
      const later = plan.ballots.find((x) => x.ballotId === b(3));
      assert.ok(later !== undefined);
      later.receivedAt = '2029-06-01T00:00:00.000Z';
    }), 'sequence');
  });
});
