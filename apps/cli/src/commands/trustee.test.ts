// The count over HTTP, as the main office and the trustees do it: Team A imports a polling-station
// list (a bad file refused) and confirms double votes; Team B cancels them (the voter's portal says
// "cancelled"); the PO splits; `isoloir trustee` shuffles and decrypts against the server (each
// proof checked on upload; a bad shuffle or decryption refused and named; a share that is not this
// election's refused; a second run finds nothing to do); a malicious server that substitutes a
// trustee's key, the qualified set or the election key is caught against the ceremony pinned in the
// share file (ceremony-mismatch); a trustee that did not mix a group refuses to decrypt it
// (own-shuffle-missing); the PO counts; Team B approves the PV
// (four eyes); the public record verifies and the final PV is published.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineRunner, loadGroup, shuffleAndProve, type BallotLayout, type Group } from '@isoloir/crypto';
import { verifyRecord, verifyShuffleProof } from '@isoloir/verifier';
import { openStore, type Store } from '@isoloir/store';
import { buildApp, DEMO_DAY_ID, DEMO_ELECTION_ID, seedDemoIfEmpty } from '@isoloir/server';
import {
  fromHex,
  openCeremony,
  publishRoll,
  shuffleSigningBody,
  partialSigningBody,
  SIGNING_LABELS,
  unpackRows,
} from '@isoloir/server/counting';
import { changePeriod, publishHead, votingService } from '@isoloir/server/voting';
import { demoSetupAround } from '@isoloir/server/preparation';
import { seedDevOfficials, testSession, type TestSession } from '@isoloir/server/testing';
import { castDemoBallots } from './counting/demo-cast.ts';
import { httpCountingService, TrusteeRefusal, type ServerSession } from './counting/http-service.ts';
import { verifierChecks } from './counting/server-checks.ts';
import { decryptAll, mixAll, pinnedCeremony, shuffleProofJson } from './counting/trustee-work.ts';
import { runGroupJob } from './counting/trustee-queue.ts';
import { runTrustee } from './trustee.ts';
import { runKeygen } from './ceremony/keygen.ts';
import { openShareFile, type TrusteeShare } from './ceremony/share-file.ts';
import { startDemoFingerprintExchange } from './ceremony/demo-trustees.ts';
import { newSigningKey } from './ceremony/trustee-keys.ts';
import { CeremonyMismatch } from './ceremony/pin.ts';
import { TrusteeCheckFailed } from './counting/trustee-checks.ts';

/** The constituency where only 3 voters cast: withheld (below the minimum anonymity set, 10). */
const SMALL = 'luxembourg';

type App = Awaited<ReturnType<typeof buildApp>>;
const E = DEMO_ELECTION_ID;
const quiet = { write: () => true, isTTY: false };

describe('counting over HTTP with isoloir trustee', () => {
  let store: Store;
  let app: App;
  let url: string;
  let dir: string;
  let shares: TrusteeShare[];
  let group: Group<unknown>;
  const checks = verifierChecks();
  const s: Record<'teamA' | 'teamB' | 'teamB2' | 'po' | 'trustee' | 'trustee2' | 'trustee3', TestSession> = {} as never;

  const call = async (
    who: TestSession | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown>; raw: string }> => {
    const r = await app.inject({
      method,
      url: path,
      headers: { ...(who?.headers ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const raw = r.body;
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: r.statusCode, json, raw };
  };
  const session = (t: TestSession): ServerSession => ({ cookie: t.headers.cookie, csrfToken: t.csrfToken });
  const audits = async (action: string): Promise<number> =>
    Number(
      (
        await store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    store = await openStore({});
    // Dates around today, so that the ballot box takes the ballots cast below (from an hour ago).
    const today = new Date().toISOString().slice(0, 10);
    await seedDemoIfEmpty(store, { voters: 160, abroadPerMille: 100, seed: 11 }, { setup: demoSetupAround(today) });
    await seedDevOfficials(store);
    dir = mkdtempSync(join(tmpdir(), 'isoloir-trustee-'));
    group = await loadGroup('secp256k1');
    app = await buildApp({ store, counting: checks });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    s.trustee = await testSession(store, { kind: 'official', officialId: 'dev-trustee' });
    s.trustee2 = await testSession(store, { kind: 'official', officialId: 'dev-trustee-2' });
    s.trustee3 = await testSession(store, { kind: 'official', officialId: 'dev-trustee-3' });
    // The key ceremony through the board: three trustees (here in this test process), t = 2.
    await openCeremony(store, E, { trustees: 3, threshold: 2 }, { id: 'test' });
    const mine = [s.trustee, s.trustee2, s.trustee3];
    const fingerprints = startDemoFingerprintExchange(dir);
    await Promise.all(
      mine.map((t, i) =>
        runKeygen({
          server: url,
          electionId: E,
          trustee: i + 1,
          session: session(t),
          passphrase: `test passphrase ${String(i + 1)}`,
          out: join(dir, `DEMO-ONLY-trustee-${String(i + 1)}-share.json`),
          warning: 'DEMO ONLY (test)',
          pollMs: 50,
          peerFingerprints: fingerprints,
          writeFingerprint: fingerprints,
        }),
      ),
    );
    shares = mine.map((_, i) =>
      openShareFile(join(dir, `DEMO-ONLY-trustee-${String(i + 1)}-share.json`), `test passphrase ${String(i + 1)}`),
    );
    const key = await store.db
      .selectFrom('election_keys')
      .selectAll()
      .where('election_id', '=', E)
      .executeTakeFirstOrThrow();
    // The voting day in the order the verifier checks: roll, opening, the board's opening head, ballots (from an hour ago).
    const opened = new Date(Date.now() - 7200_000);
    await publishRoll(store, E, { id: 'test' }, opened);
    assert.ok((await changePeriod(store.db, E, 'online', 'open', 'test', opened)).ok);
    await publishHead(votingService(store), E, 'opening', new Date(opened.getTime() + 1000));
    // Every demo voter casts, except in Luxembourg where 3 do: a constituency below the minimum anonymity set (10).
    await castDemoBallots(
      store,
      inlineRunner(group),
      E,
      DEMO_DAY_ID,
      key.layout as BallotLayout,
      key.public_key,
      100,
      (v, i) => v.constituency_code !== SMALL || i < 3,
    );
    s.teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    s.teamB = await testSession(store, { kind: 'official', officialId: 'dev-team-b-liege' });
    s.po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
    // A second Team B member of Liège, appointed by the PO (the PV needs two approvals).
    const created = await call(s.po, 'POST', '/api/admin/officials', {
      nrn: '85073003328',
      givenName: 'Second',
      surname: 'Member',
    });
    assert.equal(created.status, 201, created.raw);
    const id = String(created.json['id']);
    // Given by two administrators (separation of duties): one asks, the second confirms.
    const asked = await call(s.po, 'POST', `/api/admin/officials/${id}/roles`, { role: 'team-b', scope: 'liege' });
    assert.equal(asked.status, 202, asked.raw);
    const po2 = await testSession(store, { kind: 'official', officialId: 'dev-po-admin-2' });
    assert.equal((await call(po2, 'POST', `/api/admin/role-requests/${String(asked.json['id'])}/confirm`)).status, 201);
    s.teamB2 = await testSession(store, { kind: 'official', officialId: id });
  });
  after(async () => {
    await app.close();
    await checks.close?.();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('double votes: Team A confirms (identities), Team B cancels (no identity), the portal says cancelled', async () => {
    const liege = await store.db
      .selectFrom('ballots')
      .select(['voter_nrn'])
      .where('constituency_code', '=', 'liege')
      .where('status', '=', 'received')
      .orderBy('voter_nrn')
      .limit(2)
      .execute();
    assert.equal(liege.length, 2);
    const polling = `/api/counting/identities/${DEMO_DAY_ID}/polling-stations`;
    const bad = await call(s.teamA, 'POST', polling, {
      station: 'Liège BV 12',
      csv: `nrn\n${liege[0]?.voter_nrn ?? ''}\n85073003329\n`,
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.json['code'], 'counting.file');
    assert.match(String(bad.json['message']), /line 3/);
    assert.equal(await audits('counting.polling-list.refused'), 1);
    assert.equal(
      Number(
        (
          await store.db
            .selectFrom('polling_station_votes')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );
    const good = await call(s.teamA, 'POST', polling, {
      station: 'Liège BV 12',
      csv: `nrn\n${liege.map((v) => v.voter_nrn).join('\n')}\n`,
    });
    assert.equal(good.status, 200, good.raw);
    assert.equal(good.json['accepted'], 2);
    assert.equal((await call(s.teamB, 'POST', polling, { station: 'x', csv: 'nrn\n' })).status, 403);

    assert.equal((await call(s.teamA, 'POST', `/api/counting/identities/${E}/double-votes/identify`)).json['cases'], 2);
    const listA = await call(s.teamA, 'GET', `/api/counting/identities/${E}/constituencies/liege/double-votes`);
    const cases = listA.json['cases'] as { ballotId: string; nrn: string; status: string }[];
    assert.deepEqual(cases.map((c) => c.nrn).sort(), liege.map((v) => v.voter_nrn).sort());
    assert.doesNotMatch(listA.raw, /ciphertext|proof/);
    assert.equal(
      (await call(s.teamA, 'GET', `/api/counting/identities/${E}/constituencies/namur/double-votes`)).status,
      403,
      'Team A of Liège only',
    );
    assert.equal(
      (await call(s.teamB, 'GET', `/api/counting/identities/${E}/constituencies/liege/double-votes`)).status,
      403,
      'Team B never sees identities',
    );
    const attendance = await call(s.teamA, 'GET', `/api/counting/identities/${E}/constituencies/liege/remote-voters`);
    assert.ok(Number(attendance.json['total']) > 2);

    const first = cases[0]?.ballotId ?? '';
    const cancelPath = (id: string): string =>
      `/api/counting/contents/${E}/constituencies/liege/cancellations/${id}/confirm`;
    const early = await call(s.teamB, 'POST', cancelPath(first));
    assert.equal(early.status, 409, 'Team A confirms first');
    for (const c of cases)
      assert.equal(
        (
          await call(
            s.teamA,
            'POST',
            `/api/counting/identities/${E}/constituencies/liege/double-votes/${c.ballotId}/confirm`,
          )
        ).status,
        200,
      );
    assert.equal(
      (await call(s.teamA, 'POST', `/api/counting/identities/${E}/constituencies/liege/double-votes/${first}/confirm`))
        .json['code'],
      'counting.state',
    );
    const listB = await call(s.teamB, 'GET', `/api/counting/contents/${E}/constituencies/liege/cancellations`);
    assert.equal((listB.json['cases'] as unknown[]).length, 2);
    for (const nrn of liege.map((v) => v.voter_nrn)) assert.ok(!listB.raw.includes(nrn), 'no identity for Team B');
    assert.equal((await call(s.teamA, 'POST', cancelPath(first))).status, 403, 'Team A cannot cancel');
    for (const c of cases) assert.equal((await call(s.teamB, 'POST', cancelPath(c.ballotId))).status, 200);

    const voter = await testSession(store, { kind: 'voter', nrn: liege[0]?.voter_nrn ?? '' });
    const portal = await call(voter, 'GET', '/api/voting/portal');
    const ballots =
      (
        portal.json['elections'] as {
          electionId: string;
          ballots: { status: string; cancellationReason: string | null }[];
        }[]
      ).find((e) => e.electionId === E)?.ballots ?? [];
    assert.equal(ballots.at(-1)?.status, 'cancelled');
    assert.equal(ballots.at(-1)?.cancellationReason, 'voted-at-polling-station');
  });

  test('split, trustees over HTTP with every proof checked, count, PV approvals, public record', async () => {
    const office = (code: string, path: string): string => `/api/counting/process/${E}/constituencies/${code}${path}`;
    assert.equal(
      (await call(s.po, 'POST', office('liege', '/stations'), { stations: ['Liège BV 12', 'Liège BV 13'] })).status,
      200,
    );
    assert.equal(
      (await call(s.po, 'POST', office('liege', '/split'))).json['code'],
      'counting.stations-incomplete',
      'not before every polling station reported or is waived',
    );
    assert.equal(
      (await call(s.po, 'POST', office('liege', '/stations/waive'), { station: 'Liège BV 13', reason: 'no' })).json[
        'code'
      ],
      'counting.reason',
    );
    assert.equal(
      (
        await call(s.po, 'POST', office('liege', '/stations/waive'), {
          station: 'Liège BV 13',
          reason: 'list lost; voters listed on BV 12',
        })
      ).status,
      200,
    );
    assert.equal(
      (await call(s.po, 'POST', office('liege', '/split'))).json['code'],
      'counting.period-open',
      'not before the period is closed',
    );
    await store.db
      .updateTable('voting_periods')
      .set({ closed_at: new Date(), closed_by: 'test' })
      .where('election_id', '=', E)
      .execute();
    await publishHead(votingService(store), E, 'closing', new Date());
    const withBallots = (
      await store.db.selectFrom('ballots').select('constituency_code').distinct().where('election_id', '=', E).execute()
    ).map((r) => r.constituency_code);
    const smallest = { constituency_code: SMALL, n: '3' };
    const withheld: string[] = [];
    for (const code of withBallots) {
      if (code !== 'liege') {
        assert.equal((await call(s.po, 'POST', office(code, '/stations'), { stations: [`${code} BV 1`] })).status, 200);
        assert.equal(
          (
            await call(s.po, 'POST', office(code, '/stations/waive'), {
              station: `${code} BV 1`,
              reason: 'TEST: no voter of this station voted remotely',
            })
          ).status,
          200,
        );
      }
      const split = await call(s.po, 'POST', office(code, '/split'));
      if (split.json['code'] === 'counting.anonymity-set') {
        withheld.push(code);
        continue;
      }
      assert.equal(split.status, 200, split.raw);
      const groups = split.json['groups'] as { ballots: number; mergedInto: string | null; state: string }[];
      // Never a set published below the minimum; the ballots are not "counted" at the split.
      for (const g of groups.filter((x) => x.mergedInto === null))
        assert.ok(
          g.ballots + groups.filter((x) => x.mergedInto !== null).reduce((a, x) => a + x.ballots, 0) >= 10 ||
            g.ballots === 0,
        );
      assert.ok(groups.every((g) => g.state === 'split'));
    }
    assert.ok(!withheld.includes('liege'));
    assert.deepEqual(withheld, [SMALL], `${SMALL} (3 ballots) is withheld, and no other constituency`);
    assert.equal(
      Number(
        (
          await store.db
            .selectFrom('ballots')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', '=', 'counted')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
      'nothing is counted at the split',
    );
    assert.equal((await call(s.po, 'POST', office('liege', '/split'))).json['code'], 'counting.already-split');
    assert.equal((await call(s.teamB, 'POST', office('liege', '/split'))).status, 403);
    // A polling-station list arriving after the split is refused whole, with its code.
    const late = await store.db
      .selectFrom('ballots')
      .select('voter_nrn')
      .where('constituency_code', '=', 'liege')
      .where('status', '=', 'received')
      .limit(1)
      .execute();
    const lateList = await call(s.teamA, 'POST', `/api/counting/identities/${DEMO_DAY_ID}/polling-stations`, {
      station: 'Liège BV 14',
      csv: `nrn\n${late.map((v) => v.voter_nrn).join('\n')}\n`,
    });
    assert.equal(lateList.json['code'], 'counting.list-after-split', lateList.raw);

    // Trustee 1 shuffles every group over HTTP.
    const [one, two, three] = shares;
    assert.ok(one !== undefined && two !== undefined && three !== undefined);
    const r1 = await runTrustee({
      server: url,
      share: one,
      session: session(s.trustee),
      step: 'all',
      stream: quiet,
      log: () => undefined,
    });
    assert.ok(r1.shuffled > 0);
    assert.equal(r1.decrypted, 0);
    assert.ok(r1.waiting.length > 0);

    const service = httpCountingService(url, E, session(s.trustee2));
    const target = (await service.groups()).find((g) => g.ballots > 0);
    assert.ok(target !== undefined);
    const cur = await service.current(target.groupId);
    const pk = fromHex((await service.key()).publicKey);
    const shuffled = await shuffleAndProve(
      group,
      inlineRunner(group),
      { electionId: E, groupId: target.groupId, mixNode: 2 },
      pk,
      unpackRows(cur.blob),
    );
    const proof = shuffleProofJson(shuffled.proof);
    const flip = (h: string): string => (h.startsWith('0') ? `1${h.slice(1)}` : `0${h.slice(1)}`);
    const upload = { electionId: E, groupId: target.groupId, trustee: 2, mixNode: 2, outputs: shuffled.outputs, proof };
    const refusedWith =
      (code: string, text: RegExp) =>
      (e: unknown): boolean => {
        assert.ok(e instanceof TrusteeRefusal, String(e));
        assert.equal(e.code, code);
        assert.match(e.message, text);
        return true;
      };
    // Trustee 2 uploads a shuffle whose proof is wrong (signed): refused, named, nothing stored, audited.
    const badProof = { ...upload, proof: { ...proof, s1: flip(String(proof['s1'])) } };
    await assert.rejects(
      service.uploadShuffle({
        ...badProof,
        signature: two.signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(badProof)),
      }),
      refusedWith('counting.shuffle-proof', new RegExp(`group ${target.groupId}, trustee 2, mix node 2`)),
    );
    // Attack: an unsigned shuffle (a signature that is not one).
    await assert.rejects(
      service.uploadShuffle({ ...upload, signature: '0'.repeat(128) }),
      refusedWith('counting.signature', /not signed by trustee 2/),
    );
    // Attack: a shuffle signed by another trustee's key (trustee 1's), uploaded as trustee 2.
    await assert.rejects(
      service.uploadShuffle({
        ...upload,
        signature: one.signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(upload)),
      }),
      refusedWith('counting.signature', /not signed by trustee 2/),
    );
    // Attack: a single mixer. Trustee 1's official does the second shuffle too, under number 2,
    // even with a valid signature of trustee 2's key: the session is not the official bound to 2.
    const asOne = httpCountingService(url, E, session(s.trustee));
    await assert.rejects(
      asOne.uploadShuffle({
        ...upload,
        signature: two.signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(upload)),
      }),
      refusedWith('counting.trustee-identity', /not the official registered as trustee 2/),
    );
    // …nor under its own number a second time.
    const again1 = { ...upload, trustee: 1 };
    await assert.rejects(
      asOne.uploadShuffle({
        ...again1,
        signature: one.signer.sign(SIGNING_LABELS.shuffle, shuffleSigningBody(again1)),
      }),
      refusedWith('counting.out-of-turn', /already shuffled/),
    );
    // An official with the trustee role who is not a registered trustee cannot upload at all.
    assert.equal((await service.current(target.groupId)).mixNodes, 1);
    assert.equal(await audits('counting.shuffle.refused'), 5);
    // A key share that is not this election's: refused before anything is sent.
    await assert.rejects(
      runTrustee({
        server: url,
        share: { ...three, verificationKey: one.verificationKey },
        session: session(s.trustee3),
        step: 'all',
        stream: quiet,
        log: () => undefined,
      }),
      /does not match the key published/,
    );
    // Team B cannot reach a trustee route; a trustee cannot reach an identity route.
    assert.equal((await call(s.teamB, 'GET', `/api/counting/contents/${E}/trustee/groups`)).status, 403);
    assert.equal(
      (await call(s.trustee, 'GET', `/api/counting/identities/${E}/constituencies/liege/double-votes`)).status,
      403,
    );

    const r2 = await runTrustee({
      server: url,
      share: two,
      session: session(s.trustee2),
      step: 'mix',
      stream: quiet,
      log: () => undefined,
    });
    assert.ok(r2.shuffled > 0);
    // Attack: a server that serves trustee 2 (who mixed) the un-mixed input of a group to decrypt.
    // Trustee 2's tool checks before decrypting, refuses and names the check; nothing is uploaded.
    const honest = httpCountingService(url, E, session(s.trustee2));
    let uploads = 0;
    const lying = {
      ...honest,
      current: async (g: string) => ({
        mixNodes: 2,
        blob:
          (
            await store.db
              .selectFrom('counting_groups')
              .select('input')
              .where('election_id', '=', E)
              .where('group_id', '=', g)
              .executeTakeFirstOrThrow()
          ).input ?? new Uint8Array(0),
      }),
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    };
    const workers = (await import('@isoloir/crypto')).inlineRunner(group);
    const check = (
      st: { electionId: string; groupId: string; mixNode: number; pk: Uint8Array },
      i: Parameters<typeof verifyShuffleProof>[2],
      o: Parameters<typeof verifyShuffleProof>[3],
      p: unknown,
    ) => verifyShuffleProof(group, st, i, o, p, 'shuffle');
    await assert.rejects(
      decryptAll({ group, runner: workers, share: two, service: lying, checkShuffle: check, stream: quiet }),
      (e: unknown) => e instanceof TrusteeCheckFailed && e.check === 'mixed-input',
    );
    // …or an input that is not the published ballots minus the cancellations (a ballot dropped).
    const dropping = {
      ...honest,
      publishedGroup: async (g: string) => {
        const p = await honest.publishedGroup(g);
        return { ...p, input: p.input.slice(1) };
      },
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    };
    await assert.rejects(
      decryptAll({ group, runner: workers, share: two, service: dropping, checkShuffle: check, stream: quiet }),
      (e: unknown) => e instanceof TrusteeCheckFailed && e.check === 'group-input',
    );
    // …or a chain with one shuffle only.
    const short = {
      ...honest,
      shuffleChain: async (g: string) => (await honest.shuffleChain(g)).slice(0, 1),
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    };
    await assert.rejects(
      decryptAll({ group, runner: workers, share: two, service: short, checkShuffle: check, stream: quiet }),
      (e: unknown) => e instanceof TrusteeCheckFailed && e.check === 'mixers',
    );

    // Attack (key substitution): the server serves its own signing key as trustee 1's and re-signs
    // trustee 1's shuffle with it; the keys it serves would make the forged signature verify. The
    // tool compares with the ceremony pinned in trustee 2's share file and refuses, named.
    const fake = newSigningKey();
    const substitute = (t: number, key: string) => async () => {
      const v = await honest.served();
      return {
        ...v,
        transcript: {
          ...v.transcript,
          registrations: v.transcript.registrations.map((r) => (r.trustee === t ? { ...r, signingKey: key } : r)),
        },
      };
    };
    const reSigned = {
      ...honest,
      served: substitute(1, fake.publicHex),
      shuffleChain: async (g: string) =>
        (await honest.shuffleChain(g)).map((l) =>
          l.trustee === 1
            ? {
                ...l,
                signature: fake.sign(
                  SIGNING_LABELS.shuffle,
                  shuffleSigningBody({
                    electionId: E,
                    groupId: g,
                    mixNode: l.mixNode,
                    trustee: 1,
                    outputs: l.outputs,
                    proof: l.proof,
                  }),
                ),
              }
            : l,
        ),
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    };
    const mismatch =
      (what: RegExp) =>
      (e: unknown): boolean =>
        e instanceof CeremonyMismatch && e.check === 'ceremony-mismatch' && what.test(e.what);
    await assert.rejects(
      decryptAll({ group, runner: workers, share: two, service: reSigned, checkShuffle: check, stream: quiet }),
      mismatch(/trustee 1’s signing key/),
    );
    // …or another qualified set, another verification key, another election key, or a transcript
    // changed anywhere else (a post re-ordered): each refused, named.
    const servedWith = (
      edit: (v: Awaited<ReturnType<typeof honest.served>>) => Awaited<ReturnType<typeof honest.served>>,
    ) => ({
      ...honest,
      served: async () => edit(await honest.served()),
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    });
    const attempts: [ReturnType<typeof servedWith>, RegExp][] = [
      [servedWith((v) => ({ ...v, transcript: { ...v.transcript, qualified: [2, 3] } })), /qualified/],
      [
        servedWith((v) => ({
          ...v,
          key: {
            ...v.key,
            verificationKeys: v.key.verificationKeys.map((x) =>
              x.trustee === 3 ? { ...x, verificationKey: v.key.verificationKeys[0]?.verificationKey ?? '' } : x,
            ),
          },
        })),
        /trustee 3’s verification key/,
      ],
      [
        servedWith((v) => ({ ...v, key: { ...v.key, publicKey: v.key.verificationKeys[0]?.verificationKey ?? '' } })),
        /election key/,
      ],
      [
        servedWith((v) => ({ ...v, transcript: { ...v.transcript, posts: [...v.transcript.posts].reverse() } })),
        /transcript/,
      ],
    ];
    for (const [service, what] of attempts)
      await assert.rejects(
        decryptAll({ group, runner: workers, share: two, service, checkShuffle: check, stream: quiet }),
        mismatch(what),
      );
    // The same check runs before mixing.
    await assert.rejects(
      mixAll({
        group,
        runner: workers,
        share: three,
        service: { ...servedWith((v) => v), served: substitute(2, fake.publicHex) },
        checkShuffle: check,
        stream: quiet,
      }),
      mismatch(/trustee 2’s signing key/),
    );

    // Attack (own shuffle missing): the server asks trustee 3, who mixed no group, to decrypt groups
    // whose chains hold two valid shuffles by trustees 1 and 2. Trustee 3 refuses: it decrypts only
    // a group whose chain holds a shuffle signed by itself, whether or not it ran the mixing now.
    const asThree = {
      ...httpCountingService(url, E, session(s.trustee3)),
      uploadPartial: () => {
        uploads++;
        return Promise.resolve();
      },
    };
    await assert.rejects(
      decryptAll({ group, runner: workers, share: three, service: asThree, checkShuffle: check, stream: quiet }),
      (e: unknown) =>
        e instanceof TrusteeCheckFailed && e.check === 'own-shuffle-missing' && /trustee\(s\) 1, 2/.test(e.message),
    );
    assert.equal(uploads, 0);
    // The same through the job queue's worker code: the job is settled as refused, the check named
    // (never retried), and nothing is uploaded.
    const queued = await runGroupJob(
      { group, runner: workers, share: three, service: asThree, checkShuffle: check, stream: quiet },
      await pinnedCeremony(three, asThree),
      'decrypt',
      { groupId: target.groupId },
      'test-worker',
    );
    assert.equal(queued.kind === 'refused' ? queued.check : queued.kind, 'own-shuffle-missing');
    assert.equal(uploads, 0);

    const r2d = await runTrustee({
      server: url,
      share: two,
      session: session(s.trustee2),
      step: 'decrypt',
      stream: quiet,
      log: () => undefined,
    });
    assert.ok(r2d.decrypted > 0);
    // Trustee 3 (who did not mix) uploads a decryption with a wrong proof: refused and named.
    const mixed = await honest.current(target.groupId);
    const rows = unpackRows(mixed.blob);
    const badPartial = {
      electionId: E,
      groupId: target.groupId,
      trustee: 3,
      shares: rows.map((row) => row.slice(0, row.length / 2)),
      proof: { challenge: '01', response: '02' },
    };
    await assert.rejects(
      httpCountingService(url, E, session(s.trustee3)).uploadPartial({
        ...badPartial,
        signature: three.signer.sign(SIGNING_LABELS.partial, partialSigningBody(badPartial)),
      }),
      (e: unknown) =>
        e instanceof TrusteeRefusal &&
        e.code === 'counting.decryption-proof' &&
        e.message.includes(`group ${target.groupId}, trustee 3`),
    );
    // Over HTTP too: trustee 3 is refused (it did not mix); trustee 1, who mixed, decrypts.
    await assert.rejects(
      runTrustee({
        server: url,
        share: three,
        session: session(s.trustee3),
        step: 'decrypt',
        stream: quiet,
        log: () => undefined,
      }),
      /check own-shuffle-missing failed/,
    );
    const r1d = await runTrustee({
      server: url,
      share: one,
      session: session(s.trustee),
      step: 'decrypt',
      stream: quiet,
      log: () => undefined,
    });
    assert.ok(r1d.decrypted > 0);
    assert.deepEqual(r1d.waiting, []);
    // Resumable: running again finds nothing left to do.
    const again = await runTrustee({
      server: url,
      share: two,
      session: session(s.trustee2),
      step: 'all',
      stream: quiet,
      log: () => undefined,
    });
    assert.deepEqual([again.shuffled, again.decrypted], [0, 0]);

    let pvCount = 0;
    // Every office, a withheld one included (its PV states the withheld ballots).
    for (const code of withBallots) {
      const results = await call(s.po, 'POST', office(code, '/results'));
      assert.equal(results.status, 200, results.raw);
      assert.deepEqual(results.json['waiting'], []);
      pvCount += Number(results.json['pvs']);
    }
    assert.ok(pvCount > 0);
    const voterOfLiege = await store.db
      .selectFrom('ballots')
      .select('voter_nrn')
      .where('constituency_code', '=', 'liege')
      .where('status', '=', 'counted')
      .limit(1)
      .executeTakeFirstOrThrow();
    const portalAfter = await call(
      await testSession(store, { kind: 'voter', nrn: voterOfLiege.voter_nrn }),
      'GET',
      '/api/voting/portal',
    );
    assert.match(portalAfter.raw, /"counted"/, 'counted once decrypted and counted');

    // Team B reviews and approves the PV of Liège: two different members.
    const pvs = await call(s.teamB, 'GET', `/api/counting/contents/${E}/constituencies/liege/pvs`);
    const pv = (
      pvs.json['pvs'] as {
        mode: string;
        category: string;
        content: { counted: number; cancelled: Record<string, number> };
      }[]
    ).find((p) => p.category === 'belgium');
    assert.ok(pv !== undefined);
    assert.equal(pv.content.cancelled['voted-at-polling-station'], 2);
    for (const nrn of (await store.db.selectFrom('voters').select('nrn').limit(50).execute()).map((v) => v.nrn))
      assert.ok(!pvs.raw.includes(nrn));
    const approve = `/api/counting/contents/${E}/constituencies/liege/pvs/${pv.mode}/${pv.category}/approve`;
    const pdfPath = `/api/counting/public/${E}/pvs/liege/${pv.mode}/${pv.category}/pdf`;
    assert.deepEqual((await call(s.teamB, 'POST', approve)).json, { approvals: 1, final: false });
    assert.equal((await call(null, 'GET', pdfPath)).status, 404, 'not published before it is final');
    const twice = await call(s.teamB, 'POST', approve);
    assert.equal(twice.json['code'], 'counting.four-eyes');
    assert.equal((await call(s.teamA, 'POST', approve)).status, 403);
    assert.deepEqual((await call(s.teamB2, 'POST', approve)).json, { approvals: 2, final: true });
    const pdf = await app.inject({ url: pdfPath });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

    // The withheld constituency's PV counts nothing and states its ballots, in figures that add up.
    const smallPvs = (
      await store.db
        .selectFrom('counting_pvs')
        .select('content')
        .where('election_id', '=', E)
        .where('constituency_code', '=', smallest.constituency_code)
        .execute()
    ).map(
      (p) =>
        p.content as {
          received: number;
          superseded: number;
          cancelled: Record<string, number>;
          counted: number;
          withheld: number;
          withheldReason: string | null;
        },
    );
    assert.equal(smallPvs.length, 1);
    assert.deepEqual(
      [smallPvs[0]?.counted, smallPvs[0]?.withheld, smallPvs[0]?.withheldReason],
      [0, Number(smallest.n), 'below-minimum-anonymity-set'],
    );

    // The public record verifies with the independent verifier and carries no identity; it states the withheld set.
    const record = await fetch(`${url}/api/counting/public/${E}/record`);
    assert.equal(record.status, 200);
    const text = await record.text();
    const claim = (
      JSON.parse(text) as { entries: { type: string; payload: { constituency?: string; size?: number } }[] }
    ).entries.find((e) => e.type === 'withheld');
    assert.deepEqual(
      [claim?.payload.constituency, claim?.payload.size],
      [smallest.constituency_code, Number(smallest.n)],
    );
    for (const nrn of (await store.db.selectFrom('ballots').select('voter_nrn').limit(50).execute()).map(
      (v) => v.voter_nrn,
    ))
      assert.ok(!text.includes(nrn), 'no NRN in the record');
    const verdict = await verifyRecord(JSON.parse(text) as never);
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    assert.equal(readFileSync(join(dir, `DEMO-ONLY-trustee-1-share.json`), 'utf8').includes('DEMO ONLY'), true);
  });
});
