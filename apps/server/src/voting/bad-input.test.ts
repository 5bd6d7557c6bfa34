// Every bad input of the issue: a stable error code, nothing stored, an audit entry; the server
// keeps serving other voters.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { hexToBytes, proveEncryption, scalarToHex, type Ciphertext } from '@isoloir/crypto';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { dateFrom, SECOND_ELECTION_ID, setTestWindow } from './test-election.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';
import type { TestSession } from '../auth/testing/sessions.ts';

for (const database of testDatabases()) {
  describe(`bad ballots on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    let voter: { nrn: string; session: TestSession };
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
      voter = await f.voter('hainaut');
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    async function counts(): Promise<{ ballots: number; refusals: number }> {
      const b = await store.db
        .selectFrom('ballots')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const a = await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'ballot.refused')
        .executeTakeFirstOrThrow();
      return { ballots: Number(b.n), refusals: Number(a.n) };
    }

    /** Sends `body` and checks: the code, nothing stored, one more refusal audited with that code. */
    async function refused(
      body: unknown,
      code: string,
      options: { session?: TestSession; electionId?: string; status?: number } = {},
    ): Promise<void> {
      const before = await counts();
      const response = await f.cast(options.session ?? voter.session, options.electionId ?? DEMO_ELECTION_ID, body);
      assert.equal(response.json<{ code: string }>().code, code, response.body);
      if (options.status !== undefined) assert.equal(response.statusCode, options.status);
      const now = await counts();
      assert.equal(now.ballots, before.ballots, 'nothing stored');
      assert.equal(now.refusals, before.refusals + 1, 'one audit entry');
      const last = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'ballot.refused')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.equal((last.details as { code: string }).code, code);
    }

    async function good() {
      const booth = await f.booth(voter.session, DEMO_ELECTION_ID);
      return {
        booth,
        ...f.encrypt(booth, { kind: 'list', list: 3, headBox: false, effectives: [2], substitutes: [1] }),
      };
    }

    test('malformed: not JSON of the form, bad hex, a point off the curve, a scalar ≥ q', async () => {
      const { body } = await good();
      await refused({ hello: 'world' }, 'request.invalid', { status: 400 });
      await refused({ ...body, extra: 1 }, 'request.invalid');
      await refused({ ...body, ciphertexts: ['zz', ...body.ciphertexts.slice(1)] }, 'request.invalid');
      await refused(
        { ...body, ciphertexts: [`02${'ff'.repeat(32)}`, ...body.ciphertexts.slice(1)] },
        'ballot.malformed',
      );
      await refused({ ...body, proof: { ...body.proof, challenge: 'f'.repeat(64) } }, 'ballot.malformed');
    });

    test('oversized', async () => {
      const { body } = await good();
      await refused(
        { ...body, ciphertexts: Array.from({ length: 2000 }, () => body.ciphertexts[0]) },
        'request.too-large',
        { status: 413 },
      );
      await refused(
        { ...body, ciphertexts: Array.from({ length: 200 }, () => body.ciphertexts[0]) },
        'request.invalid',
      );
    });

    test('wrong-width vector', async () => {
      const { body } = await good();
      await refused(
        {
          ...body,
          ciphertexts: [...body.ciphertexts, ...body.ciphertexts],
          proof: { ...body.proof, responses: [...body.proof.responses, ...body.proof.responses] },
        },
        'ballot.width',
      );
    });

    test('a ballot for another election or another constituency', async () => {
      const { body } = await good();
      await refused(body, 'voting.not-eligible', { electionId: SECOND_ELECTION_ID, status: 403 });
      await refused({ ...body, constituency: 'namur' }, 'ballot.wrong-constituency');
      await refused(body, 'request.invalid', { electionId: 'NOT AN ID' });
    });

    test('an invalid proof, a copied proof, a replay of someone else’s ballot, a replay under a new id', async () => {
      const { body, randomness, booth } = await good();
      const other = await good();
      const altered = [...body.proof.responses];
      altered[0] = scalarToHex((BigInt(`0x${altered[0] ?? '0'}`) + 1n) % 2n ** 255n);
      await refused({ ...body, proof: { ...body.proof, responses: altered } }, 'ballot.proof-invalid');
      await refused({ ...body, proof: other.body.proof }, 'ballot.proof-invalid');
      await refused({ ...body, ballotId: randomUUID() }, 'ballot.proof-invalid');
      // Another voter of the same constituency sends this voter's ballot as theirs.
      const thief = await f.voter('hainaut', 1);
      await refused(body, 'ballot.proof-invalid', { session: thief.session });
      // Accepted once…
      assert.equal((await f.cast(voter.session, DEMO_ELECTION_ID, body)).statusCode, 201);
      // …then the same ciphertexts, re-proven under a new ballot id by the voter who knows the randomness.
      const key = f.keys.get(DEMO_ELECTION_ID);
      assert.ok(key !== undefined);
      const { group } = key;
      const element = (hex: string | undefined): unknown =>
        group.decode(hexToBytes(hex ?? '') ?? new Uint8Array()) ?? group.identity;
      const cts: Ciphertext<unknown>[] = [];
      for (let i = 0; i < body.ciphertexts.length; i += 2)
        cts.push({ a: element(body.ciphertexts[i]), b: element(body.ciphertexts[i + 1]) });
      const ballotId = randomUUID();
      const proof = proveEncryption(
        group,
        { electionId: DEMO_ELECTION_ID, constituency: body.constituency, voterId: booth.voterId, ballotId },
        key.pk,
        cts,
        randomness,
      );
      await refused(
        {
          ...body,
          ballotId,
          proof: { challenge: scalarToHex(proof.challenge), responses: proof.responses.map(scalarToHex) },
        },
        'ballot.duplicate',
        { status: 409 },
      );
    });

    test('casting outside the period, beyond X, with an expired session', async () => {
      // X = 2 re-votes: three ballots accepted, the fourth refused.
      const v = await f.voter('limbourg');
      const booth = await f.booth(v.session, DEMO_ELECTION_ID);
      for (let i = 0; i < 3; i += 1)
        assert.equal(
          (await f.cast(v.session, DEMO_ELECTION_ID, f.encrypt(booth, { kind: 'blank' }).body)).statusCode,
          201,
        );
      await refused(f.encrypt(booth, { kind: 'blank' }).body, 'voting.limit-reached', {
        session: v.session,
        status: 409,
      });
      // Expired session.
      const late = await f.voter('limbourg', 1);
      const lateBooth = await f.booth(late.session, DEMO_ELECTION_ID);
      await store.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('voter_nrn', '=', late.nrn)
        .execute();
      await refused(f.encrypt(lateBooth, { kind: 'blank' }).body, 'auth.required', {
        session: late.session,
        status: 401,
      });
      // Before the period and after it.
      const w = await f.voter('anvers');
      const wBooth = await f.booth(w.session, DEMO_ELECTION_ID);
      await setTestWindow(store, DEMO_ELECTION_ID, { opens: dateFrom(new Date(), 2), closes: dateFrom(new Date(), 3) });
      await refused(f.encrypt(wBooth, { kind: 'blank' }).body, 'voting.not-open', { session: w.session, status: 409 });
      await setTestWindow(store, DEMO_ELECTION_ID, {
        opens: dateFrom(new Date(), -3),
        closes: dateFrom(new Date(), -2),
      });
      await refused(f.encrypt(wBooth, { kind: 'blank' }).body, 'voting.closed', { session: w.session, status: 409 });
      // Other voters were never blocked: the server still answers.
      assert.equal((await f.app.inject('/ready')).statusCode, 200);
    });
  });
}
