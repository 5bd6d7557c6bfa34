// The offline demo's hybrid voters (mode 6, issue #16), through the same service functions as the
// HTTP routes (one path, every check on the way): K-codes issued to the day's mode-6 voters; the
// envelopes received by Team A in a generated order (seeded) with the cases of the seed — a reprinted
// kit (the old code voided, scanned before or after the live one), a second envelope with the same
// label, an envelope after the deadline, one scanned at another main office, a code no kit bears, a
// voter on a polling-station list that came in before the envelope and one that came in after it
// (the inner envelope taken out of its box); then Team B encodes each box twice (two members, some
// ballots read differently by the second, decided by the president), one box holds a ballot more
// than its inner envelopes (the president explains the difference); the PVs are generated after the
// record, approved by two members, and written to `DIR/pv-hybrid/` (JSON with `"mode": "hybrid"`,
// CSV, PDF). Their figures are checked against an independent recount of the ballots generated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kcodeFromBytes, KCODE_RANDOM_BYTES, type MarkedBallot } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '@isoloir/server';
import { approvePv, importPollingStationList, pvCsv, pvPdf, type PvContent } from '@isoloir/server/counting';
import {
  decideDifference,
  encodeBallot,
  explainDifference,
  finishEntry,
  generateHybridPvs,
  hybridVoterNrns,
  hybridVoters,
  issueKcodes,
  keyedHashOf,
  receiveEnvelope,
  type BoxKey,
} from '@isoloir/server/hybrid';
import { seededRandom } from './demo-random.ts';

interface Actor {
  readonly id: string;
  readonly name?: string;
}

export interface DemoHybridActors {
  readonly teamA: Actor;
  readonly teamB1: Actor;
  readonly teamB2: Actor;
  readonly president: Actor;
}

/** What a voter meant on their paper ballot: the independent recount tallies these. */
type Meant =
  | { readonly kind: 'blank' }
  | { readonly kind: 'list'; readonly list: number; readonly effectives: readonly number[] }
  | { readonly kind: 'invalid' };

export interface DemoHybridSummary {
  readonly voters: number;
  readonly envelopes: number;
  readonly accepted: number;
  readonly setAside: Readonly<Record<string, number>>;
  readonly cancelledAfterAcceptance: number;
  readonly ballots: number;
  readonly differencesDecided: number;
  readonly pvs: readonly PvContent[];
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function paperOf(meant: Meant): MarkedBallot {
  if (meant.kind === 'blank') return { paper: 'official', marks: [] };
  if (meant.kind === 'invalid')
    // Preference votes on two lists (art. 156 §2 4°).
    return {
      paper: 'official',
      marks: [
        { box: 'effective', listId: '1', position: 1 },
        { box: 'effective', listId: '2', position: 1 },
      ],
    };
  const listId = String(meant.list);
  return meant.effectives.length === 0
    ? { paper: 'official', marks: [{ box: 'head', listId }] }
    : { paper: 'official', marks: meant.effectives.map((position) => ({ box: 'effective', listId, position })) };
}

/**
 * Part one, during the hybrid period (before the electronic count's split, so that the
 * polling-station lists are in): kits, reception, double entry. `printed`: the K-codes of the kits
 * already written to `DIR/kits` (those voters post them; their kits are not printed again).
 */
export async function receiveAndEncodeDemoHybrid(
  store: Store,
  actors: DemoHybridActors,
  seed: number,
  printed: ReadonlyMap<string, string>,
): Promise<{ readonly summary: Omit<DemoHybridSummary, 'pvs'>; readonly meant: Map<string, Meant[]> }> {
  const rnd = seededRandom(seed + 6);
  const keyedHash = keyedHashOf(store);
  const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
  const voters = await hybridVoters(store.db, DEMO_DAY_ID, nrns, new Date());
  const first = voters.values().next().value;
  if (first === undefined)
    return {
      summary: {
        voters: 0,
        envelopes: 0,
        accepted: 0,
        setAside: {},
        cancelledAfterAcceptance: 0,
        ballots: 0,
        differencesDecided: 0,
      },
      meant: new Map(),
    };
  const closesAt = new Date(first.period.closesAt).getTime();
  const offices = [...new Set([...voters.values()].map((v) => v.elections[0]?.constituencyCode ?? ''))].sort();
  // The cases, by the voter's place (seven by seven): 1 posted first to another main office, 2 printed
  // the kit again (the first code voided, its envelope posted too), 3 posted two envelopes with one
  // label, 4 posted too late, 5 voted at a polling station whose list came in before the envelope,
  // 6 one whose list came in after it; the others (0) simply vote.
  const caseOf = (i: number): number => i % 7;
  // Kits: one each (the sample's already printed: those voters post the printed codes).
  const toPrint = nrns.filter((n) => !printed.has(n));
  const issued = await issueKcodes(store, keyedHash, DEMO_DAY_ID, toPrint, new Date());
  const reprinted = nrns.filter((_, i) => caseOf(i) === 2);
  const codeOf = new Map<string, string>(printed);
  for (const k of issued) if ('code' in k) codeOf.set(k.nrn, k.code);
  const voided = new Map<string, string>();
  for (const k of await issueKcodes(store, keyedHash, DEMO_DAY_ID, reprinted, new Date()))
    if ('code' in k) {
      voided.set(k.nrn, codeOf.get(k.nrn) ?? '');
      codeOf.set(k.nrn, k.code);
    }
  const stationBefore = nrns.filter((_, i) => caseOf(i) === 5);
  const stationAfter = nrns.filter((_, i) => caseOf(i) === 6);
  if (stationBefore.length > 0)
    await importPollingStationList(
      store,
      DEMO_DAY_ID,
      'demo-hybrid-station-1',
      `nrn\n${stationBefore.join('\n')}\n`,
      actors.teamA,
    );

  // The envelopes as the post brings them, in a generated order.
  const scans: { readonly office: string; readonly code: string; readonly late: boolean }[] = [];
  nrns.forEach((nrn, i) => {
    const office = voters.get(nrn)?.elections[0]?.constituencyCode ?? '';
    const code = codeOf.get(nrn);
    if (code === undefined) return;
    const old = voided.get(nrn);
    if (old !== undefined && old !== '') scans.push({ office, code: old, late: false });
    scans.push({ office, code, late: caseOf(i) === 4 });
    if (caseOf(i) === 3) scans.push({ office, code, late: false });
    // Posted to the wrong main office first: set aside there and forwarded.
    if (caseOf(i) === 1 && offices.length > 1)
      scans.push({ office: offices.find((o) => o !== office) ?? office, code, late: false });
  });
  // A code no kit bears (well-formed: its check symbol holds).
  scans.push({
    office: offices[0] ?? '',
    code: kcodeFromBytes(new Uint8Array(KCODE_RANDOM_BYTES).fill(7)),
    late: false,
  });
  const order = shuffled(scans, rnd);
  const setAside: Record<string, number> = {};
  let accepted = 0;
  for (const s of order) {
    // Received now (the demo's clock is inside the hybrid period), a late one after the period's end.
    const when = s.late ? new Date(closesAt + 3600_000) : new Date();
    const r = await receiveEnvelope(store, keyedHash, DEMO_DAY_ID, s.office, s.code, actors.teamA.id, when);
    if (r.decision.outcome === 'accepted') accepted += 1;
    else setAside[r.decision.reason] = (setAside[r.decision.reason] ?? 0) + 1;
  }
  const removed =
    stationAfter.length === 0
      ? 0
      : (
          await importPollingStationList(
            store,
            DEMO_DAY_ID,
            'demo-hybrid-station-2',
            `nrn\n${stationAfter.join('\n')}\n`,
            actors.teamA,
          )
        ).hybridEnvelopesToRemove.length;

  // Team B: each box's ballots encoded twice; the president decides the differences.
  const meant = new Map<string, Meant[]>();
  let ballots = 0;
  let decided = 0;
  let extraDone = false;
  for (const office of offices)
    for (const box of ['belgium', 'abroad'] as const) {
      const key: BoxKey = { electionId: DEMO_ELECTION_ID, office, box };
      const expected = await innerEnvelopesIn(store, office, box);
      // One box of the demo held a ballot more than its inner envelopes (two ballots in one envelope).
      const n = expected + (!extraDone && expected >= 1 ? 1 : 0);
      if (n > expected) extraDone = true;
      if (n === 0) continue;
      const mine: Meant[] = Array.from({ length: n }, () => {
        const x = rnd();
        if (x < 0.06) return { kind: 'blank' };
        if (x < 0.1) return { kind: 'invalid' };
        const list = 1 + Math.floor(rnd() * 3);
        return { kind: 'list', list, effectives: rnd() < 0.5 ? [] : [1 + Math.floor(rnd() * 2)] };
      });
      meant.set(`${office}/${box}`, mine);
      ballots += n;
      const papers = mine.map(paperOf);
      for (const b of papers) await encodeBallot(store, key, actors.teamB1.id, b);
      await finishEntry(store, key, actors.teamB1.id, n);
      // The second member misreads the first ballot of every other box as a blank ballot.
      const misread = rnd() < 0.5 && papers[0]?.marks.length !== 0;
      for (const [i, b] of papers.entries())
        await encodeBallot(store, key, actors.teamB2.id, i === 0 && misread ? { paper: 'official', marks: [] } : b);
      const state = await finishEntry(store, key, actors.teamB2.id, n);
      if (state === 'differences') {
        await decideDifference(store, key, actors.president.id, 0, papers[0] ?? null);
        decided += 1;
      }
      if (n !== expected)
        await explainDifference(
          store,
          key,
          {
            author: actors.president.name ?? actors.president.id,
            text: 'DEMO-ONLY: one inner envelope held two ballots of the same election; both were encoded.',
          },
          actors.president.id,
        );
    }
  return {
    summary: {
      voters: nrns.length,
      envelopes: order.length,
      accepted,
      setAside,
      cancelledAfterAcceptance: removed,
      ballots,
      differencesDecided: decided,
    },
    meant,
  };
}

async function innerEnvelopesIn(store: Store, office: string, box: 'belgium' | 'abroad'): Promise<number> {
  const rows = await store.db
    .selectFrom('hybrid_envelopes as e')
    .leftJoin('hybrid_kcodes as k', 'k.id', 'e.kcode_id')
    .select('k.state')
    .where('e.election_day_id', '=', DEMO_DAY_ID)
    .where('e.office', '=', office)
    .where('e.box', '=', box)
    .where('e.outcome', '=', 'accepted')
    .execute();
  return rows.filter((r) => r.state !== 'cancelled').length;
}

/**
 * Part two, after the record: the hybrid PVs of every office generated, approved by two Team B
 * members, written to `DIR/pv-hybrid/`, and checked against the independent recount.
 */
export async function hybridPvsOfDemo(
  store: Store,
  out: string,
  actors: DemoHybridActors,
  meant: ReadonlyMap<string, readonly Meant[]>,
): Promise<PvContent[]> {
  const dir = join(out, 'pv-hybrid');
  mkdirSync(dir, { recursive: true });
  const offices = await store.db
    .selectFrom('hybrid_envelopes')
    .select('office')
    .distinct()
    .where('election_day_id', '=', DEMO_DAY_ID)
    .where('category', 'is not', null)
    .orderBy('office')
    .execute();
  const pvs: PvContent[] = [];
  for (const { office } of offices) {
    for (const pv of await generateHybridPvs(store, DEMO_ELECTION_ID, office, actors.president)) {
      recountCheck(pv, meant.get(`${office}/${pv.category}`) ?? []);
      const k = { electionId: DEMO_ELECTION_ID, constituency: office, mode: 'hybrid' as const, category: pv.category };
      await approvePv(store, k, actors.teamB1);
      await approvePv(store, k, actors.teamB2);
      const base = join(dir, `${pv.electionId}_${pv.groupId.replace(/\//g, '_')}`);
      writeFileSync(`${base}.json`, `${JSON.stringify(pv, null, 2)}\n`);
      writeFileSync(`${base}.csv`, pvCsv(pv));
      writeFileSync(`${base}.pdf`, await pvPdf(pv));
      pvs.push(pv);
    }
  }
  return pvs;
}

/** The PV's figures against the ballots the demo meant, tallied by hand (no packages/electoral). */
function recountCheck(pv: PvContent, meant: readonly Meant[]): void {
  const blank = meant.filter((m) => m.kind === 'blank').length;
  const invalid = meant.filter((m) => m.kind === 'invalid').length;
  const wrong: string[] = [];
  if (pv.counted !== meant.length) wrong.push(`counted ${String(pv.counted)} ≠ ${String(meant.length)}`);
  if (pv.blank !== blank) wrong.push(`blank ${String(pv.blank)} ≠ ${String(blank)}`);
  if (pv.invalid !== invalid) wrong.push(`invalid ${String(pv.invalid)} ≠ ${String(invalid)}`);
  for (const l of pv.lists) {
    const mine = meant.filter((m) => m.kind === 'list' && m.list === l.number);
    const votes = mine.reduce((a, m) => a + (m.kind === 'list' ? m.effectives.length : 0), 0);
    if (l.total !== mine.length) wrong.push(`list ${String(l.number)} ${String(l.total)} ≠ ${String(mine.length)}`);
    if (l.effectives.reduce((a, e) => a + e.votes, 0) !== votes) wrong.push(`list ${String(l.number)} preferences`);
  }
  if (wrong.length > 0) throw new Error(`demo: hybrid PV ${pv.groupId} differs from the recount: ${wrong.join('; ')}`);
}
