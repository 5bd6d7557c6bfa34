// For the ballot box's tests: an app on a fresh database with the small demo, the Brussels
// Parliament as a second election, both keys published and both periods open; voters; casting.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { BallotLayout, Group, PlainBallot } from '@isoloir/crypto';
import type { TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import {
  addSecondElection,
  encryptForCast,
  openTestPeriod,
  publishTestKey,
  SECOND_ELECTION_ID,
} from './test-election.ts';
import type { CastBody } from './wire.ts';

export interface Booth {
  readonly election: { readonly electionId: string; readonly constituency: { readonly code: string } };
  readonly voterId: string;
}

export interface VotingFixture {
  readonly app: AppInstance;
  readonly logs: string[];
  readonly keys: Map<string, { group: Group<unknown>; pk: unknown; layout: BallotLayout }>;
  /** The `skip`-th resident (in NRN order) of the constituency in the demo population, logged in. */
  voter(constituency: string, skip?: number): Promise<{ nrn: string; session: TestSession }>;
  booth(session: TestSession, electionId: string): Promise<Booth>;
  encrypt(booth: Booth, plain: PlainBallot, ballotId?: string): { body: CastBody; randomness: readonly bigint[] };
  cast(session: TestSession, electionId: string, body: unknown): Promise<Awaited<ReturnType<AppInstance['inject']>>>;
}

export async function votingFixture(store: TestStore): Promise<VotingFixture> {
  await seedDemoIfEmpty(store, { voters: 300, abroadPerMille: 100, seed: 7 });
  await addSecondElection(store);
  const keys = new Map<string, { group: Group<unknown>; pk: unknown; layout: BallotLayout }>();
  for (const id of [DEMO_ELECTION_ID, SECOND_ELECTION_ID]) {
    keys.set(id, await publishTestKey(store, id));
    await openTestPeriod(store, id, 2);
  }
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await buildApp({ store, logger: { level: 'info', stream } });
  return {
    app,
    logs,
    keys,
    async voter(constituency, skip = 0) {
      // A resident: a Belgian abroad may vote for the Chamber only, never a regional parliament (frozen files).
      const row = await store.db
        .selectFrom('voters')
        .select('nrn')
        .where('constituency_code', '=', constituency)
        .where('category', '=', 'belgium')
        .orderBy('nrn')
        .offset(skip)
        .limit(1)
        .executeTakeFirstOrThrow();
      return { nrn: row.nrn, session: await testSession(store, { kind: 'voter', nrn: row.nrn }) };
    },
    async booth(session, electionId) {
      const response = await app.inject({ url: `/api/voting/elections/${electionId}/booth`, headers: session.headers });
      if (response.statusCode !== 200) throw new Error(`booth: ${response.body}`);
      return response.json<Booth>();
    },
    encrypt(booth, plain, ballotId = randomUUID()) {
      const key = keys.get(booth.election.electionId);
      if (key === undefined) throw new Error('no key');
      return encryptForCast(
        key.group,
        key.pk,
        key.layout,
        {
          electionId: booth.election.electionId,
          voterId: booth.voterId,
          ballotId,
          constituency: booth.election.constituency.code,
        },
        plain,
      );
    },
    cast(session, electionId, body) {
      return app.inject({
        method: 'POST',
        url: `/api/voting/elections/${electionId}/ballots`,
        headers: session.headers,
        payload: body as Record<string, unknown>,
      });
    },
  };
}
