// Double votes, set-based: a batch is confirmed or cancelled whole or not at all (a case of another
// constituency or not waiting refuses it, audited, nothing changed); four eyes between Team A's
// confirmation and Team B's cancellation; cancelled ballots leave the count.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { publishTestKey } from './test-election-key.ts';
import { cancelDoubleVotes, confirmDoubleVotes, identifyDoubleVotes, listDoubleVotesForTeamA } from './double-votes.ts';
import { CountingError } from './errors.ts';
import { importPollingStationList } from './polling-stations.ts';

let store: Store;
let dir: string;
const A = { id: 'official:a' };
const B = { id: 'official:b' };

before(async () => {
  store = await openStore({});
  dir = mkdtempSync(join(tmpdir(), 'isoloir-dv-'));
  await seedDemoIfEmpty(store, { voters: 120, abroadPerMille: 100, seed: 4 });
  await publishTestKey(store, DEMO_ELECTION_ID);
  const voters = await store.db
    .selectFrom('voters')
    .select(['nrn', 'constituency_code', 'category'])
    .where('constituency_code', 'in', ['liege', 'namur'])
    .orderBy('nrn')
    .execute();
  let k = 0;
  const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0');
  await store.db
    .insertInto('ballots')
    .values(
      voters.map((v) => {
        k += 1;
        return {
          id: randomUUID(),
          election_id: DEMO_ELECTION_ID,
          constituency_code: v.constituency_code,
          mode: 'online' as const,
          category: v.category,
          voter_nrn: v.nrn,
          voter_id: hex(k, 32),
          sequence: 1,
          ciphertexts: JSON.stringify([hex(k, 66)]),
          proof: JSON.stringify({}),
          tracking_code: hex(k, 64),
          idempotency_key: `k${String(k)}`,
          received_at: new Date(),
          receipt_signature: 'test',
        };
      }),
    )
    .execute();
  const liege = voters
    .filter((v) => v.constituency_code === 'liege')
    .slice(0, 3)
    .map((v) => v.nrn);
  const namur = voters
    .filter((v) => v.constituency_code === 'namur')
    .slice(0, 1)
    .map((v) => v.nrn);
  await importPollingStationList(store, DEMO_DAY_ID, 'BV 1', `nrn\n${[...liege, ...namur].join('\n')}\n`, A);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof CountingError ? e.code : String(e)),
  );

test('batches are all or nothing, four eyes, cancelled ballots leave the count', async () => {
  assert.equal(await identifyDoubleVotes(store, DEMO_ELECTION_ID, A), 4);
  const liege = (await listDoubleVotesForTeamA(store, DEMO_ELECTION_ID, 'liege')).map((c) => c.ballotId);
  const namur = (await listDoubleVotesForTeamA(store, DEMO_ELECTION_ID, 'namur')).map((c) => c.ballotId);
  assert.equal(liege.length, 3);
  // One case of another constituency refuses the whole batch; nothing confirmed.
  assert.equal(await code(confirmDoubleVotes(store, [...liege, ...namur], 'liege', A)), 'counting.scope');
  assert.equal(
    (await listDoubleVotesForTeamA(store, DEMO_ELECTION_ID, 'liege')).filter((c) => c.status !== 'identified').length,
    0,
  );
  assert.equal(await code(cancelDoubleVotes(store, liege, 'liege', B)), 'counting.state', 'Team A first');
  assert.equal(await confirmDoubleVotes(store, liege, 'liege', A), 3);
  assert.equal(await code(confirmDoubleVotes(store, liege.slice(0, 1), 'liege', A)), 'counting.state');
  assert.equal(await code(cancelDoubleVotes(store, liege, 'liege', A)), 'counting.four-eyes');
  assert.equal(await cancelDoubleVotes(store, liege, 'liege', B), 3);
  const statuses = await store.db
    .selectFrom('ballots')
    .select(['status', 'cancellation_reason'])
    .where('id', 'in', liege)
    .execute();
  assert.deepEqual(
    statuses.map((s) => [s.status, s.cancellation_reason]),
    liege.map(() => ['cancelled', 'voted-at-polling-station']),
  );
  const refused = await store.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'counting.double-vote.%-refused')
    .execute();
  assert.equal(refused.length, 4);
  const done = await store.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['counting.double-vote.confirmed', 'counting.double-vote.cancelled'])
    .execute();
  assert.equal(done.length, 2, 'one audit entry per batch');
});
