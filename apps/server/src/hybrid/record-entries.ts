// The hybrid boxes in the public election record (issue #16, PROTOCOL.md §8): appended after the
// electronic entries, box by box in the order their PVs became final (so the chain only grows: the
// head the electronic PVs carry, and each earlier head, stays an entry of it), two entries a box:
// - `hybrid-receipt-log`: every outer envelope of the main office and category as Team A received it,
//   by the K-code's public hash (./public-kcode.ts), time, decision and box order number, never the
//   voter; an envelope whose code no kit bears has no category and is listed in both logs of its
//   office, as both PVs count it;
// - `hybrid-count`: each agreed paper ballot of the box as classified (art. 156), sorted so that no
//   order links a ballot to an envelope, the legal counts (../counting/tally.ts, as the electronic
//   count's) and the president's explanation of a difference with the envelopes accepted.
import type { Json, LegalCounts } from '@isoloir/crypto';
import { classifyBallot, type BallotClass, type Constituency } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import { loadConstituency, type Category } from '../counting/layout.ts';
import { boxBallots } from './double-entry-store.ts';
import { countPaperBallots } from './hybrid-count.ts';
import { boxReconciliation } from './reconciliation.ts';

export interface HybridRecordEntry {
  readonly type: 'hybrid-receipt-log' | 'hybrid-count';
  readonly payload: Json;
}

/** One envelope of a receipt log (PROTOCOL.md §8). */
export interface ReceiptLine {
  readonly kcodeHash: string | null;
  readonly receivedAt: string;
  readonly decision: 'accepted' | 'set-aside' | 'cancelled';
  readonly reason: string | null;
  readonly box: Category | null;
  readonly order: number | null;
}

/** One paper ballot as classified (PROTOCOL.md §8). */
export interface RecordedPaperBallot {
  readonly class: 'valid' | 'blank' | 'invalid';
  readonly rule: string | null;
  readonly list: number | null;
  readonly effectives: number[];
  readonly substitutes: number[];
}

export async function receiptLog(
  store: Store,
  electionDayId: string,
  office: string,
  category: Category,
): Promise<ReceiptLine[]> {
  const rows = await store.db
    .selectFrom('hybrid_envelopes as e')
    .leftJoin('hybrid_kcodes as k', 'k.id', 'e.kcode_id')
    .select(['e.public_hash', 'e.received_at', 'e.outcome', 'e.reason', 'e.box', 'e.box_order', 'k.state'])
    .where('e.election_day_id', '=', electionDayId)
    .where('e.office', '=', office)
    .where((eb) => eb.or([eb('e.category', '=', category), eb('e.category', 'is', null)]))
    .orderBy('e.received_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => {
    const cancelled = r.outcome === 'accepted' && r.state === 'cancelled';
    return {
      kcodeHash: r.public_hash,
      receivedAt: r.received_at.toISOString(),
      decision: cancelled ? 'cancelled' : r.outcome,
      reason: cancelled ? 'voted-at-polling-station' : r.reason,
      box: r.box,
      order: r.box_order,
    };
  });
}

export function recordedBallot(model: Constituency, c: BallotClass): RecordedPaperBallot {
  if (c.kind === 'blank') return { class: 'blank', rule: null, list: null, effectives: [], substitutes: [] };
  if (c.kind === 'invalid') return { class: 'invalid', rule: c.rule, list: null, effectives: [], substitutes: [] };
  const list = model.lists.find((l) => l.id === c.listId);
  return {
    class: 'valid',
    rule: null,
    list: list?.number ?? Number(c.listId),
    effectives: [...c.effectives],
    substitutes: [...c.substitutes],
  };
}

/** The two entries of one box (its PV is final: its figures no longer move). */
export async function hybridBoxEntries(
  store: Store,
  electionId: string,
  electionDayId: string,
  constituency: string,
  category: Category,
): Promise<HybridRecordEntry[]> {
  const key = { electionId, office: constituency, box: category };
  const info = await loadConstituency(store.db, electionId, constituency);
  const agreed = (await boxBallots(store, key)).ballots ?? [];
  const counts: LegalCounts = countPaperBallots(info.model, agreed);
  const ballots = agreed
    .map((b) => recordedBallot(info.model, classifyBallot(info.model, b)))
    .map((b) => ({ b, k: JSON.stringify(b) }))
    .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
    .map((x) => x.b);
  const r = await boxReconciliation(store, key);
  const explanation = r.explanation === null || r.unexplained ? null : r.explanation.text;
  return [
    {
      type: 'hybrid-receipt-log',
      payload: {
        constituency,
        category,
        envelopes: (await receiptLog(store, electionDayId, constituency, category)) as unknown as Json,
      },
    },
    {
      type: 'hybrid-count',
      payload: {
        constituency,
        category,
        ballots: ballots as unknown as Json,
        counts: counts as unknown as Json,
        explanation,
      },
    },
  ];
}

/** Every final hybrid PV's box, in the order the PVs became final. */
export async function hybridRecordEntries(store: Store, electionId: string): Promise<HybridRecordEntry[]> {
  const election = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const finals = await store.db
    .selectFrom('counting_pvs')
    .select(['constituency_code', 'category'])
    .where('election_id', '=', electionId)
    .where('mode', '=', 'hybrid')
    .where('final_at', 'is not', null)
    .orderBy('final_at')
    .orderBy('constituency_code')
    .orderBy('category')
    .execute();
  const out: HybridRecordEntry[] = [];
  for (const pv of finals)
    out.push(
      ...(await hybridBoxEntries(store, electionId, election.election_day_id, pv.constituency_code, pv.category)),
    );
  return out;
}
