// `isoloir demo`: a complete online election day offline, on PGlite, the server on a local port: the
// demo day's elections (Chamber, European Parliament, regional and community parliaments) and
// voters, and for each election on its own: the trustees' key ceremony (3 trustee processes, threshold 2, over HTTP
// through the ceremony board, shares encrypted in OUT/DEMO-ONLY-trustee-shares), a voting period
// with casting and re-voting, a polling-station list cancelling some remote votes (Team A confirms,
// another Team B member cancels), the identity split, mixing and decryption by trustee processes
// (trustees 1 and 2 mix, then the same two decrypt: a trustee decrypts only what it mixed)
// (`isoloir trustee`: signed uploads, every proof checked on upload, the trustees' own checks
// before decrypting), classification, PVs (PDF, JSON, CSV) approved by two members, the export
// bundles and the election record for `isoloir verify`. This process never holds a key share.
import { mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadGroup, loadNodeWorkerPool, type BallotLayout } from '@isoloir/crypto';
import { loadMsmPool, verifyShuffleProof } from '@isoloir/verifier';
import { openStore, type Store } from '@isoloir/store';
import { DEMO_DAY_ID, DEMO_ELECTION_ID, seedDemoIfEmpty, type AppOptions } from '@isoloir/server';
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import { changePeriod, publishHead, votingService } from '@isoloir/server/voting';
import { demoSetupAround } from '@isoloir/server/preparation';
import { latestAuditHeads, publishDueAuditHeads, DEFAULT_AUDIT_HEADS_POLICY } from '@isoloir/server/audit';
import {
  approvePv,
  cancelDoubleVotes,
  confirmDoubleVotes,
  exportBundle,
  exportEml,
  generatePvs,
  groupsToCount,
  identifyDoubleVotes,
  importPollingStationList,
  listCancellationsForTeamB,
  listDoubleVotesForTeamA,
  openDemoCeremonies,
  demoShareFolderOf,
  publishRoll,
  pvCsv,
  pvPdf,
  splitIdentities,
  writeRecord,
  registerStations,
  waiveStation,
  setOfficeDetails,
  markSession,
  countConstituency,
  CountingError,
  type CountingCrypto,
  type PvContent,
  type OfficeMember,
} from '@isoloir/server/counting';
import { runDemoKeygen, runDemoTrusteeQueuedStep, runDemoTrusteeStep } from '../ceremony/demo-trustees.ts';
import { castDemoBallots, type CastLogEntry } from './demo-cast.ts';
import { castDemoKioskBallots, demoKioskDay, kioskPeriodAct } from './demo-kiosk.ts';
import { seededRandom, streamSeed } from './demo-random.ts';
import { writeDemoKits } from './demo-kits.ts';
import { hybridPvsOfDemo, receiveAndEncodeDemoHybrid, type DemoHybridSummary } from './demo-hybrid.ts';
import { verifierChecks } from './server-checks.ts';

export interface DemoOptions {
  readonly voters: number;
  readonly out: string;
  readonly seed: number;
  /** Test only: where to write the plaintext log of every cast ballot (never in a real election). */
  readonly plaintextLog?: string | undefined;
  readonly log?: (line: string) => void;
  /** Test only: the local server's logger (default none). */
  readonly serverLogger?: AppOptions['logger'];
  /** Test only: called once everything is done, the database and the server still up. */
  readonly inspect?: (store: Store, server: DevServer) => Promise<void>;
  /** Every election of the demo day (default), or the Chamber alone (tests that need one election). */
  readonly fullDay?: boolean;
  /**
   * The trustees' own job queue (a PostgreSQL URL): each trustee step is then queued there and done
   * by two `isoloir trustee worker` processes (counting/trustee-queue.ts) instead of one process.
   */
  readonly trusteeQueue?: string;
}

export interface DemoSummary {
  readonly seconds: Readonly<Record<string, number>>;
  readonly shuffleSeconds: readonly { trustee: number; groupId: string; ciphertexts: number; seconds: number }[];
  readonly ballots: number;
  readonly superseded: number;
  readonly cancelled: number;
  readonly counted: number;
  readonly groups: number;
  /** Print kits of hybrid voters written to `out/kits`. */
  readonly kits: number;
  /** The Chamber's record hash (its record at DIR/record). */
  readonly recordHash: string;
  /** Every election's record hash (records at DIR/records/ELECTION.json). */
  readonly records: Readonly<Record<string, string>>;
  readonly pvs: readonly PvContent[];
  /** `election/constituency` whose electronic ballots stay below the minimum anonymity set (not counted on their own). */
  readonly withheld: readonly string[];
  /** Hybrid voters (mode 6): envelopes received, ballots encoded twice, PVs written to `out/pv-hybrid`. */
  readonly hybrid: DemoHybridSummary;
}

const PO = { id: 'demo:po-admin' };
const TEAM_A = { id: 'demo:team-a-1' };
const TEAM_B1 = { id: 'demo:team-b-1', name: 'DEMO-ONLY Sofie Janssens' };
const TEAM_B2 = { id: 'demo:team-b-2', name: 'DEMO-ONLY Bram Claes' };
const PRESIDENT = { id: 'demo:president', name: 'DEMO-ONLY Hélène Gillet' };
const HYBRID_ACTORS = { teamA: TEAM_A, teamB1: TEAM_B1, teamB2: TEAM_B2, president: PRESIDENT };
/** Voters whose print kits `DIR/kits` holds (their envelopes bear the printed K-codes). */
const KIT_SAMPLE = 12;

/** The PO's act on the online period, through the ballot box's own command (audited). */
async function periodAct(store: Store, electionId: string, command: 'open' | 'close', at: Date): Promise<void> {
  const result = await changePeriod(store.db, electionId, 'online', command, PO.id, at);
  if (!result.ok)
    throw new Error(`the online period could not be ${command === 'open' ? 'opened' : 'closed'}: ${result.code}`);
}
/** DEMO-ONLY office members and witnesses. */
const DEMO_OFFICE: OfficeMember[] = [
  { role: 'president', name: 'DEMO-ONLY Hélène Gillet', listNumber: null },
  { role: 'secretary', name: 'DEMO-ONLY Tom Wouters', listNumber: null },
  { role: 'assessor', name: 'DEMO-ONLY Sofie Janssens', listNumber: null },
  { role: 'assessor', name: 'DEMO-ONLY Marc Renard', listNumber: null },
  { role: 'witness', name: 'DEMO-ONLY Ilse Maes', listNumber: 1 },
];

export async function runDemo(o: DemoOptions): Promise<DemoSummary> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    seconds[name] = Math.round((now - t0) / 100) / 10;
    t0 = now;
    log(`${name}: ${String(seconds[name])} s`);
  };
  mkdirSync(join(o.out, 'pv'), { recursive: true });
  mkdirSync(join(o.out, 'export'), { recursive: true });
  const store = await openStore({});
  const group = await loadGroup('secp256k1');
  const pool = (await loadNodeWorkerPool()).createWorkerPool('secp256k1');
  const msm = (await loadMsmPool()).createMsmPool('secp256k1');
  const checks = verifierChecks();
  const demo = { voters: o.voters, abroadPerMille: 60, seed: o.seed, fullDay: o.fullDay ?? true };
  let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
  try {
    // The demo day's dates placed around today (DEMO-ONLY dates), as `isoloir start` does: the ballot
    // box takes ballots only inside the setup's window, and the verifier checks it.
    await seedDemoIfEmpty(store, demo, { setup: demoSetupAround(new Date().toISOString().slice(0, 10)) });
    // The server on a local port, with the development identity provider for the trustees' logins.
    server = await startDevServer({
      store,
      demo,
      counting: checks,
      ...(o.serverLogger === undefined ? {} : { logger: o.serverLogger }),
    });
    lap('election and voters');
    const { written: kits, codes: kitCodes } = await writeDemoKits(store, o.out, server.url, KIT_SAMPLE);
    lap('hybrid print kits');
    const url = server.url;
    const shareDir = join(o.out, 'DEMO-ONLY-trustee-shares');
    // Every election of the day, the Chamber first; each has its own key, ceremony, period, count and record.
    const elections = (
      await store.db.selectFrom('elections').select('id').where('election_day_id', '=', DEMO_DAY_ID).execute()
    )
      .map((e) => e.id)
      .sort((a, b) => Number(b === DEMO_ELECTION_ID) - Number(a === DEMO_ELECTION_ID) || a.localeCompare(b));
    const folderOf = (electionId: string): string => demoShareFolderOf(shareDir, electionId);
    // The elections' ceremonies and trustee steps are independent of each other: three at a time.
    await inTurns(await openDemoCeremonies(store), (electionId) =>
      runDemoKeygen(url, electionId, folderOf(electionId), log),
    );
    // The demo's voting day, in the order the verifier checks (back-dated: the ballots are received
    // from an hour ago): the roll commitment published, then the period opened, then the board's
    // opening head with the key's fingerprint, then the ballots; the close, then the closing head.
    const opened = new Date(Date.now() - 7200_000);
    for (const electionId of elections) await publishRoll(store, electionId, PO, opened);
    lap(`key ceremonies (${String(elections.length)} elections, 3 trustee processes each) and rolls`);
    const casts: CastLogEntry[] = [];
    const kioskDay = demoKioskDay();
    // Every online period opens first: a linked place (the Brussels members of the Flemish Parliament)
    // is voted in the same request as the ballot it depends on, whichever election is cast first.
    for (const electionId of elections) {
      await periodAct(store, electionId, 'open', opened);
      await publishHead(votingService(store), electionId, 'opening', new Date(opened.getTime() + 1000));
    }
    for (const electionId of elections) {
      const key = await store.db
        .selectFrom('election_keys')
        .selectAll()
        .where('election_id', '=', electionId)
        .executeTakeFirstOrThrow();
      casts.push(
        ...(await castDemoBallots(
          store,
          pool,
          electionId,
          DEMO_DAY_ID,
          key.layout as BallotLayout,
          key.public_key,
          100,
          undefined,
          undefined,
          o.seed,
        )),
      );
      // DEMO-ONLY kiosk voters (mode 8) at the Paris post, one of them through a network cut.
      await kioskPeriodAct(store, electionId, 'open', opened, PO.id);
      const kiosk = await castDemoKioskBallots(
        store,
        kioskDay,
        electionId,
        DEMO_DAY_ID,
        key.layout as BallotLayout,
        // received within the last minute, before the period's close below
        new Date(Date.now() - 60_000),
        seededRandom(streamSeed(o.seed, `kiosk ${electionId}`)),
      );
      casts.push(...kiosk.casts);
      if (kiosk.casts.length > 0)
        log(
          `kiosk: ${String(kiosk.casts.length)} ballots in ${electionId} (${String(kiosk.replayed)} sent again after a network cut, stored once)`,
        );
      await kioskPeriodAct(store, electionId, 'close', new Date(), PO.id);
    }
    for (const electionId of elections) {
      await periodAct(store, electionId, 'close', new Date());
      await publishHead(votingService(store), electionId, 'closing', new Date());
    }
    lap('casting');
    // Hybrid envelopes (mode 6): Team A's reception and Team B's double entry, before the split.
    const hybrid = await receiveAndEncodeDemoHybrid(store, HYBRID_ACTORS, o.seed, kitCodes);
    lap('hybrid envelopes received and ballots encoded twice');

    // Polling-station lists: about 2 % of the voters also voted at a polling station (for every
    // election of the day); one station per Chamber constituency (DEMO-ONLY names), each list imported
    // once for the day. Each main office of each election registers the stations of its voters first.
    const chamberCasts = casts.filter((c) => c.electionId === DEMO_ELECTION_ID);
    const voters = [...new Set(chamberCasts.map((c) => c.nrn))];
    const atStation = voters.filter((_, i) => i % 50 === 7);
    const stationOf = new Map(chamberCasts.map((c) => [c.nrn, `demo-station-${c.constituency}`]));
    const stationsOf = (electionId: string, code: string): string[] =>
      [
        ...new Set(
          casts
            .filter((c) => c.electionId === electionId && c.constituency === code)
            .map((c) => stationOf.get(c.nrn) ?? ''),
        ),
      ]
        .filter((s) => s !== '')
        .sort();
    const constituenciesOf = new Map<string, string[]>();
    for (const electionId of elections)
      constituenciesOf.set(
        electionId,
        (
          await store.db.selectFrom('constituencies').select('code').where('election_id', '=', electionId).execute()
        ).map((c) => c.code),
      );
    for (const electionId of elections)
      for (const code of constituenciesOf.get(electionId) ?? []) {
        const stations = electionId === DEMO_ELECTION_ID ? [`demo-station-${code}`] : stationsOf(electionId, code);
        if (stations.length > 0) await registerStations(store, electionId, code, stations, PRESIDENT);
      }
    const waived: string[] = [];
    for (const code of constituenciesOf.get(DEMO_ELECTION_ID) ?? []) {
      const station = `demo-station-${code}`;
      await importPollingStationList(
        store,
        DEMO_DAY_ID,
        station,
        `nrn\n${atStation.filter((n) => stationOf.get(n) === station).join('\n')}\n`,
        TEAM_A,
      ).catch((e: unknown) => {
        // A station whose list has no voter is refused as empty: each office waives it, with the reason.
        if (!(e instanceof CountingError && e.code === 'counting.file')) throw e;
        waived.push(station);
      });
    }
    for (const electionId of elections)
      for (const code of constituenciesOf.get(electionId) ?? [])
        for (const station of electionId === DEMO_ELECTION_ID ? [`demo-station-${code}`] : stationsOf(electionId, code))
          if (waived.includes(station))
            await waiveStation(
              store,
              electionId,
              code,
              station,
              'DEMO-ONLY: no voter of this station voted remotely',
              PRESIDENT,
            );
    for (const electionId of elections) {
      await identifyDoubleVotes(store, electionId, TEAM_A);
      for (const code of constituenciesOf.get(electionId) ?? []) {
        // Set-based: each team settles its constituency's cases in one transaction.
        await confirmDoubleVotes(
          store,
          (await listDoubleVotesForTeamA(store, electionId, code)).map((c) => c.ballotId),
          code,
          TEAM_A,
        );
        await cancelDoubleVotes(
          store,
          (await listCancellationsForTeamB(store, electionId, code)).map((c) => c.ballotId),
          code,
          TEAM_B1,
        );
      }
    }
    lap('polling-station lists and cancellations');

    // Each main office splits its own constituency; groups below the minimum anonymity set are merged
    // by rule; a constituency whose electronic ballots stay below it all together is withheld.
    const withheld: string[] = [];
    const empty = new Set<string>();
    for (const electionId of elections)
      for (const code of constituenciesOf.get(electionId) ?? []) {
        // No voter of the demo voted there (a college or language group nobody chose): nothing to count.
        if (electionId !== DEMO_ELECTION_ID && stationsOf(electionId, code).length === 0) {
          empty.add(`${electionId}/${code}`);
          continue;
        }
        await setOfficeDetails(
          store,
          electionId,
          code,
          { place: `DEMO-ONLY main office of ${code}`, members: DEMO_OFFICE },
          PRESIDENT,
        );
        await markSession(store, electionId, code, 'open', PRESIDENT);
        try {
          await splitIdentities(store, electionId, code, PRESIDENT);
        } catch (e) {
          if (!(
            e instanceof CountingError &&
            (e.code === 'counting.anonymity-set' ||
              (e.code === 'counting.state' && /no electronic ballot/.test(e.message)))
          ))
            throw e;
          // Withheld (recorded by the split: its ballots stay encrypted in the record, its PV says so), or no ballot at all.
          if (e.code === 'counting.anonymity-set') withheld.push(`${electionId}/${code}`);
          else empty.add(`${electionId}/${code}`);
          log(`${electionId}/${code}: ${e.message}`);
        }
      }
    lap('identity split');

    const cc: CountingCrypto = {
      group,
      runner: pool,
      checkShuffle: (st, inputs, outputs, proof) =>
        verifyShuffleProof(group, st, inputs, outputs, proof, `shuffle ${st.groupId} #${String(st.mixNode)}`, msm),
    };
    const queue = o.trusteeQueue;
    const trusteeStep = (electionId: string, trustee: number, step: 'mix' | 'decrypt'): Promise<string> =>
      queue === undefined
        ? runDemoTrusteeStep(url, folderOf(electionId), trustee, step, log)
        : runDemoTrusteeQueuedStep(url, folderOf(electionId), trustee, step, queue, 2, log);
    const shuffleSeconds: DemoSummary['shuffleSeconds'][number][] = [];
    await inTurns(elections, async (electionId) => {
      const ciphertexts = (await groupsToCount(store, electionId)).reduce((a, g) => a + g.ballots, 0);
      for (const trustee of [1, 2]) {
        const started = performance.now();
        await trusteeStep(electionId, trustee, 'mix');
        shuffleSeconds.push({
          trustee,
          groupId: `all groups of ${electionId}`,
          ciphertexts,
          seconds: (performance.now() - started) / 1000,
        });
      }
    });
    lap('mixing (2 trustee processes, signed, proofs checked on upload)');
    // The same trustees decrypt: each refuses a group whose chain holds no shuffle of its own (own-shuffle-missing).
    // Each main office counts its own constituency once its sets are decrypted (a withheld one: its PV only).
    const counted = (electionId: string): string[] =>
      (constituenciesOf.get(electionId) ?? []).filter((code) => !empty.has(`${electionId}/${code}`));
    await inTurns(elections, async (electionId) => {
      for (const trustee of [1, 2]) await trusteeStep(electionId, trustee, 'decrypt');
    });
    for (const electionId of elections)
      for (const code of counted(electionId)) await countConstituency(store, cc, electionId, code, PRESIDENT);
    lap('decryption (trustee processes 1 and 2, who mixed, after their checks) and counting');

    // Each election's record, PVs and export in its own folder; the Chamber's record also at DIR/record.
    const records: Record<string, string> = {};
    const pvs: PvContent[] = [];
    const bundles: { electionId: string; code: string; pvs: PvContent[] }[] = [];
    mkdirSync(join(o.out, 'records'), { recursive: true });
    for (const electionId of elections) {
      const recordHash = await writeRecord(store, electionId, join(o.out, 'records', `${electionId}.json`));
      records[electionId] = recordHash;
      const pvDir = join(o.out, 'pv', electionId);
      mkdirSync(pvDir, { recursive: true });
      for (const code of counted(electionId)) {
        await markSession(store, electionId, code, 'close', PRESIDENT);
        const mine = await generatePvs(store, electionId, code, recordHash, PRESIDENT);
        for (const pv of mine) {
          const base = join(pvDir, pv.groupId.replace(/\//g, '_'));
          writeFileSync(`${base}.json`, `${JSON.stringify(pv, null, 2)}\n`);
          writeFileSync(`${base}.csv`, pvCsv(pv));
          writeFileSync(`${base}.pdf`, await pvPdf(pv));
          const k = { electionId, constituency: pv.constituency.code, mode: pv.mode, category: pv.category };
          await approvePv(store, k, TEAM_B1);
          await approvePv(store, k, TEAM_B2);
        }
        pvs.push(...mine);
        if (mine.length > 0) bundles.push({ electionId, code, pvs: mine });
      }
    }
    // The Chamber's hybrid PVs (the demo's paper ballots are encoded for the Chamber), in its bundles.
    const hybridPvs = await hybridPvsOfDemo(store, o.out, HYBRID_ACTORS, hybrid.meant);
    // Their boxes are appended to the Chamber's record (its electronic PVs' head stays an entry of it).
    records[DEMO_ELECTION_ID] = await writeRecord(
      store,
      DEMO_ELECTION_ID,
      join(o.out, 'records', `${DEMO_ELECTION_ID}.json`),
    );
    for (const pv of hybridPvs) {
      const bundle = bundles.find((b) => b.electionId === pv.electionId && b.code === pv.constituency.code);
      if (bundle === undefined) bundles.push({ electionId: pv.electionId, code: pv.constituency.code, pvs: [pv] });
      else bundle.pvs.push(pv);
    }
    rmSync(join(o.out, 'record'), { force: true });
    rmSync(join(o.out, 'record.json'), { force: true });
    symlinkSync(join('records', `${DEMO_ELECTION_ID}.json`), join(o.out, 'record'));
    symlinkSync(join('records', `${DEMO_ELECTION_ID}.json`), join(o.out, 'record.json'));
    // The audit heads once every PV is final, as the server's clerk publishes them.
    await publishDueAuditHeads(store, DEFAULT_AUDIT_HEADS_POLICY, new Date(), false);
    const auditHeads = await latestAuditHeads(store);
    for (const b of bundles) {
      const dir = join(o.out, 'export', b.electionId);
      mkdirSync(dir, { recursive: true });
      const bundle = exportBundle(b.pvs, auditHeads);
      writeFileSync(join(dir, `${b.code}.json`), `${JSON.stringify(bundle, null, 2)}\n`);
      writeFileSync(join(dir, `${b.code}.eml.xml`), exportEml(bundle));
    }
    const recordHash = records[DEMO_ELECTION_ID] ?? '';
    lap('records, PVs and export');
    if (o.plaintextLog !== undefined) writePlainLog(o.plaintextLog, casts, new Set(atStation));
    await o.inspect?.(store, server);
    const count = (s: string): Promise<number> =>
      store.db
        .selectFrom('ballots')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', s as 'counted')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    return {
      seconds,
      shuffleSeconds,
      ballots: casts.length,
      superseded: await count('superseded'),
      cancelled: await count('cancelled'),
      counted: await count('counted'),
      groups: pvs.length,
      kits,
      recordHash,
      records,
      pvs,
      withheld,
      hybrid: { ...hybrid.summary, pvs: hybridPvs },
    };
  } finally {
    await server?.close();
    await checks.close?.();
    await msm.close();
    await pool.close();
    await store.close();
  }
}

/** Runs `work` on every item, at most three at a time (trustee processes of different elections). */
async function inTurns<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all([worker(), worker(), worker()]);
}

function writePlainLog(path: string, casts: readonly CastLogEntry[], atStation: ReadonlySet<string>): void {
  writeFileSync(path, `${JSON.stringify({ atStation: [...atStation], casts }, null, 0)}\n`);
}
