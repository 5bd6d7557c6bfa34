// For tests: a session without going through a provider, for `app.inject` tests of any route.
//   const voter = await testSession(store, { kind: 'voter' });
//   await app.inject({ url: '/api/me', headers: voter.headers });
//   const admin = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' }); // after seedDevOfficials
import type { Store } from '@isoloir/store';
import { DEFAULT_AUTH_OPTIONS } from '../config.ts';
import { createSession } from '../session-store.ts';

export type TestCaller =
  | {
      readonly kind: 'voter';
      /** Default: the first voter of the register. */ readonly nrn?: string;
      readonly level?: number;
    }
  | { readonly kind: 'official'; readonly officialId: string; readonly level?: number };

export interface TestSession {
  readonly token: string;
  readonly csrfToken: string;
  /** Cookie and anti-forgery header: enough for any request, GET or POST. */
  readonly headers: { readonly cookie: string; readonly 'x-csrf-token': string };
}

export async function testSession(store: Store, caller: TestCaller): Promise<TestSession> {
  const now = new Date();
  const created = await store.db.transaction().execute(async (trx) => {
    if (caller.kind === 'official') {
      return createSession(
        trx,
        { kind: 'official', officialId: caller.officialId, level: caller.level ?? 450, idToken: null },
        DEFAULT_AUTH_OPTIONS.officialSessions,
        now,
      );
    }
    let query = trx.selectFrom('voters').select(['election_day_id', 'nrn']).orderBy('nrn').limit(1);
    if (caller.nrn !== undefined) query = query.where('nrn', '=', caller.nrn);
    const voter = await query.executeTakeFirstOrThrow();
    return createSession(
      trx,
      {
        kind: 'voter',
        electionDayId: voter.election_day_id,
        nrn: voter.nrn,
        level: caller.level ?? 450,
        idToken: null,
      },
      DEFAULT_AUTH_OPTIONS.voterSessions,
      now,
    );
  });
  const row = await store.db
    .selectFrom('sessions')
    .select('csrf_token')
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  return {
    token: created.token,
    csrfToken: row.csrf_token,
    headers: { cookie: `isoloir-session=${created.token}`, 'x-csrf-token': row.csrf_token },
  };
}
