// The anchored bulletin board and the constituency binding, played by an attacker: a ballot proven
// for one constituency cast for another; a receipt altered; a board head that leaves out an
// acknowledged ballot; a published head rewritten in the database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  boardHeadHash,
  checkInclusion,
  keyFingerprint,
  verifyHeadSignature,
  verifyReceiptSignature,
  type PublishedHead,
} from '@isoloir/crypto';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { publishDueHeads, publishHead } from './board-heads.ts';
import type { CastReceipt } from './cast.ts';
import { votingService } from './service.ts';
import { encryptForCast, SECOND_ELECTION_ID } from './test-election.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';

interface Head {
  seq: number;
  kind: 'opening' | 'periodic' | 'closing';
  hash: string;
  previous: string;
  publishedAt: string;
  keyFingerprint: string;
  total: number;
  keyId: string;
  signature: string;
  electionId: string;
}

for (const database of testDatabases()) {
  describe(`anchored bulletin board on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    const receiptKey = async (): Promise<string> =>
      (await f.app.inject('/api/voting/receipt-key')).json<{ publicKey: string }>().publicKey;
    const fullHeads = async (electionId: string): Promise<PublishedHead[]> => {
      const { heads } = (await f.app.inject(`/api/voting/board/${electionId}/heads`)).json<{ heads: Head[] }>();
      return Promise.all(
        heads.map(async (h) =>
          (await f.app.inject(`/api/voting/board/${electionId}/heads/${String(h.seq)}`)).json<PublishedHead & Head>(),
        ),
      );
    };

    test('a ballot proven for one constituency is refused in another', async () => {
      const { session } = await f.voter('bruxelles-capitale');
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const key = f.keys.get(DEMO_ELECTION_ID);
      assert.ok(key !== undefined);
      // Proven for Liège, sent as the voter's own constituency: the proof does not hold there.
      const forLiege = encryptForCast(
        key.group,
        key.pk,
        key.layout,
        { electionId: DEMO_ELECTION_ID, voterId: booth.voterId, ballotId: crypto.randomUUID(), constituency: 'liege' },
        { kind: 'blank' },
      );
      const moved = await f.cast(session, DEMO_ELECTION_ID, { ...forLiege.body, constituency: 'bruxelles-capitale' });
      assert.equal(moved.json<{ code: string }>().code, 'ballot.proof-invalid');
      // Sent as Liège by a Brussels voter: not their constituency.
      const wrong = await f.cast(session, DEMO_ELECTION_ID, forLiege.body);
      assert.equal(wrong.json<{ code: string }>().code, 'ballot.wrong-constituency');
      assert.equal(
        await store.db
          .selectFrom('ballots')
          .select('id')
          .where('voter_nrn', '=', (await f.voter('bruxelles-capitale')).nrn)
          .executeTakeFirst(),
        undefined,
      );
    });

    test('opening head with the key fingerprint; the receipt names it, is signed, and the ballot is in a later head', async () => {
      const service = votingService(store);
      const opening = await publishHead(service, DEMO_ELECTION_ID, 'opening', new Date());
      assert.ok(opening !== undefined);
      assert.equal(opening.kind, 'opening');
      const published = (await f.app.inject(`/api/voting/board/${DEMO_ELECTION_ID}/key`)).json<{
        group: string;
        publicKey: string;
        fingerprint: string;
        opening: Head | null;
      }>();
      assert.equal(published.fingerprint, keyFingerprint(published.group, published.publicKey));
      assert.equal(published.opening?.keyFingerprint, published.fingerprint);
      // A second opening is the same head (idempotent).
      assert.equal((await publishHead(service, DEMO_ELECTION_ID, 'opening', new Date()))?.hash, opening.hash);

      const { session } = await f.voter('liege', 3);
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const response = await f.cast(session, DEMO_ELECTION_ID, f.encrypt(booth, { kind: 'blank' }).body);
      assert.equal(response.statusCode, 201, response.body);
      const receipt = response.json<CastReceipt>();
      assert.equal(receipt.constituency, 'liege');
      assert.deepEqual(receipt.boardHead, { seq: opening.seq, hash: opening.hash });
      const pub = await receiptKey();
      assert.ok(verifyReceiptSignature(pub, receipt));
      // Attacker: a receipt whose head, constituency or code was changed no longer verifies.
      assert.equal(verifyReceiptSignature(pub, { ...receipt, boardHead: null }), false);
      assert.equal(verifyReceiptSignature(pub, { ...receipt, constituency: 'namur' }), false);
      assert.equal(
        verifyReceiptSignature(pub, {
          ...receipt,
          signature: receipt.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        }),
        false,
      );

      // Not yet on the board: the device says so until a later head covers it.
      assert.deepEqual(checkInclusion(receipt.boardHead, receipt.trackingCode, await fullHeads(DEMO_ELECTION_ID)), {
        ok: false,
        reason: 'not-included',
      });
      const due = await publishDueHeads(service, { everyBallots: 1, everyMs: 3_600_000 }, new Date());
      assert.ok(due.some((h) => h.electionId === DEMO_ELECTION_ID && h.kind === 'periodic'));
      const heads = await fullHeads(DEMO_ELECTION_ID);
      for (const h of heads) {
        assert.equal(boardHeadHash(h), h.hash);
        assert.ok(verifyHeadSignature(pub, h as PublishedHead & Head));
      }
      const included = checkInclusion(receipt.boardHead, receipt.trackingCode, heads);
      assert.ok(included.ok);

      // Attacker (the server): publishes the periodic head without the acknowledged ballot. Either the
      // chain still starts at the receipt's head and the code is missing, or history was rewritten and
      // the receipt's signed head is no longer on the board: both are detected by the receipt.
      const dropped = heads.map((h) =>
        h.seq === included.seq
          ? { ...h, trackingCodes: h.trackingCodes.filter((c) => c !== receipt.trackingCode), total: h.total - 1 }
          : h,
      );
      const resealed = dropped.map((h) => ({ ...h, hash: boardHeadHash(h) }));
      const relinked = resealed.reduce<PublishedHead[]>(
        (chain, h) => [
          ...chain,
          h.seq === 0
            ? h
            : {
                ...h,
                previous: chain.at(-1)?.hash ?? '',
                hash: boardHeadHash({ ...h, previous: chain.at(-1)?.hash ?? '' }),
              },
        ],
        [],
      );
      assert.deepEqual(checkInclusion(receipt.boardHead, receipt.trackingCode, dropped), {
        ok: false,
        reason: 'broken-chain',
      });
      assert.deepEqual(checkInclusion(receipt.boardHead, receipt.trackingCode, relinked), {
        ok: false,
        reason: 'not-included',
      });
      const rewritten = relinked
        .map((h) => (h.seq === 0 ? { ...h, publishedAt: new Date(0).toISOString() } : h))
        .map((h) => ({ ...h, hash: boardHeadHash(h) }));
      assert.deepEqual(checkInclusion(receipt.boardHead, receipt.trackingCode, rewritten), {
        ok: false,
        reason: 'receipt-head-not-on-board',
      });
    });

    test('a published head never changes; closing is the last head', async () => {
      const service = votingService(store);
      await publishHead(service, SECOND_ELECTION_ID, 'opening', new Date());
      await assert.rejects(
        store.db.updateTable('board_heads').set({ total: 99 }).where('election_id', '=', SECOND_ELECTION_ID).execute(),
      );
      await assert.rejects(store.db.deleteFrom('board_heads').where('election_id', '=', SECOND_ELECTION_ID).execute());
      await store.db
        .updateTable('voting_periods')
        .set({ closed_at: new Date(), closed_by: 'official:test' })
        .where('election_id', '=', SECOND_ELECTION_ID)
        .execute();
      const due = await publishDueHeads(service, { everyBallots: 1000, everyMs: 3_600_000 }, new Date());
      const closing = due.find((h) => h.electionId === SECOND_ELECTION_ID);
      assert.equal(closing?.kind, 'closing');
      assert.equal((await publishHead(service, SECOND_ELECTION_ID, 'periodic', new Date()))?.hash, closing.hash);
      assert.equal(
        (await publishDueHeads(service, { everyBallots: 1, everyMs: 1 }, new Date())).some(
          (h) => h.electionId === SECOND_ELECTION_ID,
        ),
        false,
      );
    });
  });
}
