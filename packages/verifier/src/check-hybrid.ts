/**
 * The hybrid boxes (mode 6, paper ballots counted at the main office; PROTOCOL.md §8), appended after
 * every electronic entry (`order`). Per box (constituency × Belgium/abroad), its `hybrid-receipt-log`
 * then its `hybrid-count`:
 * - the log is well formed (`hybrid-log`): a constituency of the definition, one log per box, times
 *   that do not go back, an accepted or cancelled envelope in this box under an order number used
 *   once, a set-aside one with a reason and no box;
 * - no K-code public hash is accepted into a box twice in the whole record (`hybrid-duplicate`): a
 *   second envelope is set aside, the first kept (the seed's rule);
 * - the count is the legal count of the published ballots, by the same code as the electronic
 *   count (`hybrid-count`, ./legal-count.ts), and a ballot published as valid is valid;
 * - the ballots counted are the envelopes accepted and not cancelled, or the difference is
 *   explained (`hybrid-reconciliation`).
 */
import { ensure, fail } from './failure.ts';
import { firstDifference } from './check-decryption.ts';
import { isIsoTime } from './check-board.ts';
import { classify, countLegally, type ConstituencyDef, type Countable } from './legal-count.ts';
import type { HybridBox, State } from './state.ts';

const REASONS = new Set([
  'kcode-unknown',
  'kcode-voided',
  'wrong-main-office',
  'second-envelope',
  'arrived-late',
  'voted-at-polling-station',
]);

interface Line {
  kcodeHash: string | null;
  receivedAt: string;
  decision: 'accepted' | 'set-aside' | 'cancelled';
  reason: string | null;
  box: string | null;
  order: number | null;
}

interface PaperBallot {
  class: 'valid' | 'blank' | 'invalid';
  rule: string | null;
  list: number | null;
  effectives: number[];
  substitutes: number[];
}

function boxOf<P>(s: State<P>, p: { constituency: string; category: string }, loc: string): ConstituencyDef {
  const c = s.constituencies.get(p.constituency);
  if (c === undefined) fail('hybrid-log', loc, `constituency ${p.constituency} is not in the election definition`);
  return c;
}

function checkLine(
  s: State<unknown>,
  l: Line,
  category: string,
  orders: Set<number>,
  where: string,
  previous: string | undefined,
): void {
  ensure(isIsoTime(l.receivedAt), 'hybrid-log', where, `receivedAt ${l.receivedAt} is not a time`);
  ensure(
    previous === undefined || Date.parse(previous) <= Date.parse(l.receivedAt),
    'hybrid-log',
    where,
    'received before the envelope listed before it (the log is in order of receipt)',
  );
  if (l.decision === 'set-aside') {
    ensure(l.reason !== null && REASONS.has(l.reason), 'hybrid-log', where, 'set aside without a known reason');
    ensure(l.box === null && l.order === null, 'hybrid-log', where, 'set aside, yet in a box');
    return;
  }
  ensure(
    l.decision === 'accepted' ? l.reason === null : l.reason === 'voted-at-polling-station',
    'hybrid-log',
    where,
    `${l.decision} with reason ${String(l.reason)}`,
  );
  ensure(l.box === category && l.order !== null && l.order >= 1, 'hybrid-log', where, `not in box ${category}`);
  ensure(!orders.has(l.order), 'hybrid-log', where, `order number ${String(l.order)} given twice in the box`);
  orders.add(l.order);
  if (l.kcodeHash === null) return;
  const first = s.hybridCodes.get(l.kcodeHash);
  ensure(
    first === undefined,
    'hybrid-duplicate',
    where,
    `K-code ${l.kcodeHash} already accepted at ${first ?? ''}: a second envelope must be set aside`,
  );
  s.hybridCodes.set(l.kcodeHash, where);
}

export function checkReceiptLog<P>(s: State<P>, payload: unknown, loc: string): void {
  const p = payload as { constituency: string; category: string; envelopes: Line[] };
  boxOf(s, p, loc);
  const id = `${p.constituency}/${p.category}`;
  ensure(!s.hybrid.has(id), 'hybrid-log', loc, `a second receipt log for the box ${id}`);
  const orders = new Set<number>();
  const setAside: Record<string, number> = {};
  let previous: string | undefined;
  let accepted = 0;
  let cancelled = 0;
  let unknownCodes = 0;
  p.envelopes.forEach((l, i) => {
    checkLine(s, l, p.category, orders, `${loc} envelope ${String(i)}`, previous);
    previous = l.receivedAt;
    if (l.reason === 'kcode-unknown') unknownCodes += 1;
    else if (l.decision === 'set-aside' && l.reason !== null) setAside[l.reason] = (setAside[l.reason] ?? 0) + 1;
    if (l.decision !== 'set-aside') accepted += 1;
    if (l.decision === 'cancelled') cancelled += 1;
  });
  const box: HybridBox = {
    constituency: p.constituency,
    category: p.category,
    received: p.envelopes.length - unknownCodes,
    accepted,
    cancelled,
    setAside,
    unknownCodes,
  };
  s.hybrid.set(id, box);
}

function countable(b: PaperBallot, where: string): Countable {
  const marks = b.effectives.length + b.substitutes.length;
  if (b.class === 'invalid') {
    ensure(b.rule !== null && b.list === null && marks === 0, 'hybrid-count', where, 'invalid: a rule and no marks');
    return { kind: 'ruled', rule: b.rule };
  }
  ensure(b.rule === null, 'hybrid-count', where, `${b.class} with a rule`);
  if (b.class === 'blank') {
    ensure(b.list === null && marks === 0, 'hybrid-count', where, 'blank with marks');
    return { kind: 'blank' };
  }
  if (b.list === null) fail('hybrid-count', where, 'valid without a list');
  return { kind: 'list', list: b.list, headBox: marks === 0, effectives: b.effectives, substitutes: b.substitutes };
}

export function checkHybridCount<P>(s: State<P>, payload: unknown, loc: string): void {
  const p = payload as {
    constituency: string;
    category: string;
    ballots: PaperBallot[];
    counts: unknown;
    explanation: string | null;
  };
  const c = boxOf(s, p, loc);
  const id = `${p.constituency}/${p.category}`;
  const box = s.hybrid.get(id);
  if (box === undefined) fail('hybrid-count', loc, `no receipt log before the count of the box ${id}`);
  ensure(box.count === undefined, 'hybrid-count', loc, `a second count of the box ${id}`);
  const ballots = p.ballots.map((b, i) => {
    const where = `${loc} ballot ${String(i)}`;
    const d = countable(b, where);
    ensure(b.class !== 'valid' || 'list' in classify(c, d), 'hybrid-count', where, 'published as valid, it is not');
    return d;
  });
  const legal = countLegally(c, ballots);
  const diff = firstDifference(legal, p.counts, 'counts');
  ensure(
    diff === undefined,
    'hybrid-count',
    loc,
    `the counts differ from the legal count of its ballots at ${diff ?? ''}`,
  );
  const expected = box.accepted - box.cancelled;
  ensure(
    ballots.length === expected || (p.explanation !== null && p.explanation.trim() !== ''),
    'hybrid-reconciliation',
    loc,
    `${String(ballots.length)} ballots counted for ${String(expected)} inner envelopes accepted (and not cancelled), and no explanation`,
  );
  box.count = { legal, ballots: ballots.length, explanation: p.explanation };
}
