// The booth's linked places (apps/web/src/voting/linked.ts, issue #11): the Brussels members of the
// Flemish Parliament are elected only by the Brussels voters who choose the Dutch language group in
// the Brussels Parliament election, in the same cast (special act of 12 January 1989 art. 14 al. 2).
// The booth offers the Flemish ballot only while that choice holds, right after the Brussels ballot,
// and says in the review when the French group leaves it out (and cancels a current Flemish ballot).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  castable,
  isOffered,
  leftOutByChoice,
  linkedAfterRequired,
  offeredBallots,
  requiresOf,
} from '@isoloir/web/voting/linked';

type Election = Parameters<typeof isOffered>[0];

const labels = (en: string) => ({ fr: en, nl: en, de: en, en });
function election(electionId: string, kind: string, more: Partial<Election> = {}): Election {
  return {
    electionId,
    kind,
    label: labels(electionId),
    constituency: { code: 'bruxelles-capitale', label: labels('Brussels-Capital') },
    choices: [],
    category: 'belgium',
    mode: 7,
    online: true,
    keyPublished: true,
    period: { state: 'open', opensAt: null, closesAt: null, closedAt: null, maxBallots: 3 },
    used: 0,
    ballots: [],
    requires: null,
    ...more,
  };
}

const CHAMBER = election('chamber', 'chamber');
const BRUSSELS = election('brussels', 'regional', {
  constituency: null,
  choices: [
    { code: 'groupe-francais', label: labels('French language group') },
    { code: 'groupe-neerlandais', label: labels('Dutch language group') },
  ],
});
const FLEMISH = election('flemish', 'regional', {
  requires: { electionId: 'brussels', constituency: 'groupe-neerlandais' },
});
// In ballot order (by id): a, brussels, chamber-like, flemish; the linked one moves after Brussels.
const AAA = election('aaa', 'regional');
const ZZZ = election('zzz', 'regional');
const ids = (es: readonly Election[]) => es.map((e) => e.electionId);

test('a linked ballot is offered only while the same booth’s ballot it requires is in the required group', () => {
  const booth = [CHAMBER, BRUSSELS, FLEMISH];
  assert.equal(isOffered(FLEMISH, booth, {}), false, 'no group chosen yet');
  assert.equal(isOffered(FLEMISH, booth, { brussels: 'groupe-francais' }), false);
  assert.equal(isOffered(FLEMISH, booth, { brussels: 'groupe-neerlandais' }), true);
  assert.deepEqual(ids(offeredBallots(booth, { brussels: 'groupe-neerlandais' })), ['chamber', 'brussels', 'flemish']);
  assert.deepEqual(ids(offeredBallots(booth, { brussels: 'groupe-francais' })), ['chamber', 'brussels']);
  // A group chosen for another election does not bring it.
  assert.equal(isOffered(FLEMISH, booth, { chamber: 'groupe-neerlandais' }), false);
  // Without the Brussels ballot in this booth it is never offered, whatever was chosen.
  assert.equal(isOffered(FLEMISH, [CHAMBER, FLEMISH], { brussels: 'groupe-neerlandais' }), false);
  assert.equal(castable(FLEMISH, [CHAMBER, FLEMISH]), false);
  assert.equal(castable(FLEMISH, [BRUSSELS, FLEMISH]), true);
  // An election whose required election has one fixed constituency: that constituency decides.
  const fixed = election('fixed', 'regional', { constituency: { code: 'groupe-neerlandais', label: labels('NL') } });
  const linked = election('linked', 'regional', {
    requires: { electionId: 'fixed', constituency: 'groupe-neerlandais' },
  });
  assert.equal(isOffered(linked, [fixed, linked], {}), true);
});

test('a server that sends no `requires` (before issue #11) is read as an unlinked place', () => {
  const { requires: _, ...old } = FLEMISH;
  assert.equal(requiresOf(old), null);
  assert.equal(isOffered(old, [old], {}), true);
  assert.equal(castable(old, [old]), true);
});

test('the linked ballot comes right after the ballot it depends on, the others keep their order', () => {
  assert.deepEqual(ids(linkedAfterRequired([AAA, FLEMISH, ZZZ, BRUSSELS])), ['aaa', 'zzz', 'brussels', 'flemish']);
  assert.deepEqual(ids(linkedAfterRequired([CHAMBER, BRUSSELS, FLEMISH, ZZZ])), [
    'chamber',
    'brussels',
    'flemish',
    'zzz',
  ]);
  // Its required election not in the booth: it stays in place (and `castable` leaves it out).
  assert.deepEqual(ids(linkedAfterRequired([CHAMBER, FLEMISH])), ['chamber', 'flemish']);
});

test('the review names the linked ballot the French group leaves out, and whether this cast cancels a current one', () => {
  const booth = [CHAMBER, BRUSSELS];
  const voted = election('flemish', 'regional', {
    requires: FLEMISH.requires ?? null,
    ballots: [
      {
        ballotId: 'b1',
        sequence: 1,
        trackingCode: 'x',
        receivedAt: '2029-06-09T08:00:00Z',
        status: 'received',
        cancellationReason: null,
        statusChangedAt: null,
      },
    ],
  });
  assert.deepEqual(leftOutByChoice(booth, [CHAMBER, BRUSSELS, FLEMISH], { brussels: 'groupe-neerlandais' }), []);
  assert.deepEqual(leftOutByChoice(booth, [CHAMBER, BRUSSELS, FLEMISH], {}), [], 'nothing chosen: nothing said');
  const out = leftOutByChoice(booth, [CHAMBER, BRUSSELS, voted], { brussels: 'groupe-francais' });
  assert.deepEqual(
    out.map((o) => [o.election.electionId, o.required.electionId, o.cancels]),
    [['flemish', 'brussels', true]],
  );
  // Not voted yet (or already cancelled): nothing to cancel.
  const cancelled = { ...voted, ballots: voted.ballots.map((b) => ({ ...b, status: 'cancelled' as const })) };
  assert.equal(leftOutByChoice(booth, [BRUSSELS, cancelled], { brussels: 'groupe-francais' })[0]?.cancels, false);
  // The Brussels Parliament not in this cast: its group is not chosen here, nothing is left out by choice.
  assert.deepEqual(leftOutByChoice([CHAMBER], [CHAMBER, BRUSSELS, voted], { brussels: 'groupe-francais' }), []);
});
