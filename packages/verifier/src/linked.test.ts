// A ballot cancelled because the voter voted for the French language group of the Brussels
// Parliament (special act of 12 January 1989, art. 14 al. 2; reason `french-language-group`,
// PROTOCOL.md §8.1 "Linked places"). The attacker is a forger who re-chains every hash, or a
// server that writes the cancellation: each lie about the evidence is refused with its check named.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineRunner, loadGroup, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { verifyRecord, type VerifyOptions } from './verify-record.ts';
import { definition, election, votes } from './test-election.ts';
import { electronicPvs, linkedEvidence, pvClaiming, withFrenchGroup, LINKED_ELECTION } from './linked-fixture.ts';

const group = await loadGroup('secp256k1');
const runner = inlineRunner(group);
const ELECTION = 'BE-2029-chamber';
const BRUSSELS = 'brussels/online/belgium';
const b = (i: number): string => `${BRUSSELS}/ballot-${String(i)}`;
// Voter 3 re-voted: the first ballot, cancelled for the French group between the two, the second counted.
const FIRST = `${b(3)}-first`;

const p = (e: RecordEntry | undefined): Record<string, Json> => (e?.payload ?? {}) as Record<string, Json>;

const { record } = await election(group, runner);
const honest = withFrenchGroup(record, [FIRST]);

// The linked election: a small Brussels Parliament election, its French group's ballots.
const FRENCH = 'groupe-francais/online/belgium';
const brussels = (
  await election(group, runner, {
    electionId: LINKED_ELECTION,
    groups: [{ groupId: FRENCH, ballots: votes(12, 5) }],
    definition: {
      anonymityMinimum: 10,
      constituencies: definition.constituencies.slice(0, 1).map((c) => ({ ...c, code: 'groupe-francais' })),
    },
  })
).record;
const frenchBallot = p(brussels.entries.find((e) => e.type === 'ballot' && p(e)['ballotId'] === `${FRENCH}/ballot-10`));
/** The evidence naming the French-group ballot 10 of the Brussels record, received after every ballot of voter 7 here. */
const realEvidence = {
  electionId: LINKED_ELECTION,
  ballotId: frenchBallot['ballotId'] as string,
  constituency: 'groupe-francais',
  receivedAt: frenchBallot['receivedAt'] as string,
};
// A server's record: voter 7's only ballot cancelled by that French-group ballot, out of the group input.
const served = (
  await election(group, runner, {
    server: (plan) => {
      const ballot = plan.ballots.find((x) => x.ballotId === b(7));
      assert.ok(ballot !== undefined && Date.parse(ballot.receivedAt) < Date.parse(realEvidence.receivedAt));
      plan.cancellations.push({
        groupId: BRUSSELS,
        ballotId: b(7),
        reason: 'french-language-group',
        evidence: realEvidence,
      });
      const input = plan.groups.find((g) => g.groupId === BRUSSELS);
      assert.ok(input !== undefined);
      input.ballotIds = input.ballotIds.filter((id) => id !== b(7));
    },
  })
).record;
const linkedTo = (rec: unknown) => ({ linked: [{ name: 'brussels.json', record: rec }] });

async function rejected(rec: ElectionRecord, check: string, options: VerifyOptions = {}): Promise<string> {
  const r = await verifyRecord(rec, options);
  assert.ok(!r.ok, `expected the ${check} check to fail, but the record verified`);
  assert.equal(r.check, check, `${r.check} at ${r.location}: ${r.message}`);
  return r.message;
}

async function accepted(rec: ElectionRecord, options: VerifyOptions = {}): Promise<void> {
  const r = await verifyRecord(rec, options);
  assert.ok(r.ok, r.ok ? '' : `${r.check} at ${r.location}: ${r.message}`);
}

describe('french-language-group cancellations', () => {
  test('a re-voter’s first ballot cancelled by a French-group ballot between the two verifies, and its PV', async () => {
    const entry = honest.entries.find((e) => e.type === 'cancellation' && p(e)['ballotId'] === FIRST);
    assert.deepEqual(p(entry)['evidence'], linkedEvidence(record, FIRST));
    const pvs = electronicPvs(honest, definition, ELECTION);
    const brussels = pvs.find((f) => (f.content as Record<string, unknown>)['groupId'] === BRUSSELS);
    assert.deepEqual((brussels?.content as Record<string, unknown>)['cancelled'], {
      'voted-at-polling-station': 2,
      'french-language-group': 1,
    });
    await accepted(honest, { pvs });
  });

  test('a voter’s only ballot cancelled, the French-group ballot after every ballot here, written by the server', async () => {
    const r = await verifyRecord(served, { pvs: electronicPvs(served, definition, ELECTION) });
    assert.ok(r.ok, r.ok ? '' : `${r.check} at ${r.location}: ${r.message}`);
    // Without the Brussels record, the summary says one cancellation rests on a record not read.
    assert.deepEqual(r.summary.linked, { cancellations: 1, checked: 0 });
  });

  test('attacker: the linked ballot before or at the cancelled ballot’s time: cancellation-evidence', async () => {
    const at = (ms: number) =>
      withFrenchGroup(record, [FIRST], (e) => {
        const cast = record.entries.find((x) => x.type === 'ballot' && p(x)['ballotId'] === FIRST);
        const t = Date.parse(p(cast)['receivedAt'] as string);
        return { ...e, receivedAt: new Date(t + ms).toISOString() };
      });
    assert.match(await rejected(at(-1000), 'cancellation-evidence'), /not later than the cancelled ballot/);
    assert.match(await rejected(at(0), 'cancellation-evidence'), /not later than the cancelled ballot/);
    await accepted(at(1));
  });

  test('attacker: the linked ballot after the voter’s next ballot here (that one should have been cancelled): cancellation-evidence', async () => {
    const late = withFrenchGroup(record, [FIRST], (e) => ({ ...e, receivedAt: '2029-06-09T18:00:00.000Z' }));
    assert.match(await rejected(late, 'cancellation-evidence'), /after the voter's next ballot/);
  });

  test('attacker: the evidence names this record’s own election: cancellation-evidence', async () => {
    const own = withFrenchGroup(record, [FIRST], (e) => ({ ...e, electionId: ELECTION }));
    assert.match(await rejected(own, 'cancellation-evidence'), /this record's own election/);
  });

  test('attacker: one French-group ballot given as the evidence of two cancellations: cancellation-evidence', async () => {
    const reused = withFrenchGroup(record, [FIRST, `${b(9)}-first`], (e) => ({
      ...e,
      ballotId: `${LINKED_ELECTION}/one-ballot`,
    }));
    assert.match(await rejected(reused, 'cancellation-evidence'), /already cancelled ballot/);
  });

  test('attacker: a receipt time that is not ISO 8601 UTC: cancellation-evidence', async () => {
    for (const receivedAt of ['2029-06-09 06:00:03', '2029-06-09T06:00:03.500+01:00', 'soon'])
      await rejected(
        withFrenchGroup(record, [FIRST], (e) => ({ ...e, receivedAt })),
        'cancellation-evidence',
      );
  });

  test('attacker: an evidence field more, less or of another type: schema', async () => {
    await rejected(
      withFrenchGroup(record, [FIRST], (e) => ({ ...e, voterId: 'x' })),
      'schema',
    );
    await rejected(
      withFrenchGroup(record, [FIRST], ({ constituency: _, ...e }) => e),
      'schema',
    );
    await rejected(
      withFrenchGroup(record, [FIRST], (e) => ({ ...e, receivedAt: 1 })),
      'schema',
    );
    // The other reasons' evidence under this reason, and this evidence under another reason.
    await rejected(
      withFrenchGroup(record, [FIRST], () => ({ laterBallotId: b(3) })),
      'schema',
    );
  });

  test('attacker: a counted ballot the PV says is cancelled for the French group: pv', async () => {
    const pvs = electronicPvs(honest, definition, ELECTION);
    assert.match(
      await rejected(honest, 'pv', { pvs: pvClaiming(pvs, BRUSSELS, 'french-language-group') }),
      /cancelled/,
    );
    // A PV that counts the French-group cancellation as superseded.
    const asSuperseded = pvs.map((f) => {
      const pv = f.content as Record<string, unknown>;
      if (pv['groupId'] !== BRUSSELS) return f;
      return {
        ...f,
        content: { ...pv, superseded: Number(pv['superseded']) + 1, cancelled: { 'voted-at-polling-station': 2 } },
      };
    });
    await rejected(honest, 'pv', { pvs: asSuperseded });
    const base = electronicPvs(record, definition, ELECTION);
    await rejected(record, 'pv', { pvs: pvClaiming(base, BRUSSELS, 'french-language-group') });
  });
});

describe('--linked: the French-group ballot checked in the Brussels Parliament’s record', () => {
  test('the evidence names a ballot of the linked record, in that constituency, at that time', async () => {
    const r = await verifyRecord(served, linkedTo(brussels));
    assert.ok(r.ok, r.ok ? '' : `${r.check} at ${r.location}: ${r.message}`);
    assert.deepEqual(r.summary.linked, { cancellations: 1, checked: 1 });
    // A record of another election given: the evidence is not checked against it, and said so.
    const other = await verifyRecord(served, linkedTo(record));
    assert.ok(other.ok);
    assert.deepEqual(other.summary.linked, { cancellations: 1, checked: 0 });
  });

  const lie = (change: (e: typeof realEvidence) => Record<string, string>) =>
    withFrenchGroup(served, [b(7)], () => change(realEvidence));
  test('attacker: a ballot the linked record does not hold: cancellation-evidence', async () => {
    const ghost = lie((e) => ({ ...e, ballotId: `${FRENCH}/ballot-99` }));
    await accepted(ghost);
    assert.match(await rejected(ghost, 'cancellation-evidence', linkedTo(brussels)), /holds no ballot/);
  });

  test('attacker: another constituency, or another time, than the linked ballot’s: cancellation-evidence', async () => {
    const dutch = lie((e) => ({ ...e, constituency: 'groupe-neerlandais' }));
    assert.match(await rejected(dutch, 'cancellation-evidence', linkedTo(brussels)), /of constituency groupe-francais/);
    const later = lie((e) => ({ ...e, receivedAt: new Date(Date.parse(e.receivedAt) + 1000).toISOString() }));
    assert.match(await rejected(later, 'cancellation-evidence', linkedTo(brussels)), /was received at/);
  });

  test('isoloir verify RECORD [--linked OTHER]: the OK line says what rests on another record, or that it matches', () => {
    const main = fileURLToPath(new URL('../../../apps/cli/src/main.ts', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'isoloir-linked-'));
    const flemish = join(dir, 'flemish.json');
    const other = join(dir, 'brussels.json');
    writeFileSync(flemish, JSON.stringify(served));
    writeFileSync(other, JSON.stringify(brussels));
    const run = (...args: string[]) => spawnSync(process.execPath, [main, 'verify', ...args], { encoding: 'utf8' });
    const alone = run(flemish);
    assert.equal(alone.status, 0, alone.stdout);
    assert.match(
      alone.stdout,
      /; 1 french-language-group cancellation resting on another election's record, not read \(--linked\)\n$/,
    );
    const both = run(flemish, '--linked', other);
    assert.equal(both.status, 0, both.stdout);
    assert.match(both.stdout, /; 1 french-language-group cancellation checked against the linked record\n$/);
  });
});
