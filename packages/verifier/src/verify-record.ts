/** Entry point: checks an election record entry by entry; returns the first failing check. */
import { loadGroup, isGroupName, type Group } from '@isoloir/crypto';
import { CheckFailed, ensure, fail, type VerifyResult } from './failure.ts';
import { field, int, obj, str } from './read-json.ts';
import { readEntry, recordFromValue, scanRecord, type Entry, type RecordSource, type Scan } from './record-source.ts';
import { widthOf, type Layout } from './decode-ballot.ts';
import type { State } from './state.ts';
import { inlineMsm, type MsmService } from './msm-service.ts';
import { checkComplaint, checkDealer, checkKey } from './check-keys.ts';
import { checkBallot, checkGroupInput } from './check-ballots.ts';
import { checkWithheld } from './check-withheld.ts';
import { checkCancellation, checkVoters } from './check-cancellation.ts';
import { checkAttendance, checkDefinition, checkRoll } from './check-roll.ts';
import { checkShape, PAYLOADS } from './schema.ts';
import { checkPvs, type PvFile } from './check-pv.ts';
import { checkLinkedRecords } from './check-linked.ts';
import { checkShuffle } from './check-shuffle.ts';
import { checkCeremony } from './check-ceremony.ts';
import { checkBallotTime, checkBoardComplete, checkBoardHead, checkPeriod, noteBallot } from './check-board.ts';
import { checkHybridCount, checkReceiptLog } from './check-hybrid.ts';
import { checkCounts, checkDecryption, checkPartialDecryption } from './check-decryption.ts';

async function initialState(
  entry: Entry | undefined,
  msm: VerifyOptions['msm'],
  boardKey: string | undefined,
): Promise<State<unknown>> {
  if (entry?.type !== 'parameters') fail('order', 'entry 0', 'the record must start with the parameters');
  const loc = 'entry 0 (parameters)';
  checkShape(entry.payload, PAYLOADS['parameters'] ?? 'string', `${loc} payload`);
  const p = obj(entry.payload, loc);
  const groupName = str(field(p, 'group', loc), loc);
  ensure(isGroupName(groupName), 'parameters', loc, `unknown group ${groupName}`);
  const group: Group<unknown> = await loadGroup(groupName);
  const l = obj(field(p, 'layout', loc), loc);
  const layout: Layout = {
    maxListNumber: int(field(l, 'maxListNumber', loc), loc),
    maxEffectives: int(field(l, 'maxEffectives', loc), loc),
    maxSubstitutes: int(field(l, 'maxSubstitutes', loc), loc),
  };
  const width = int(field(p, 'width', loc), loc);
  ensure(width === widthOf(layout), 'parameters', loc, 'width does not match the layout');
  const threshold = int(field(p, 'threshold', loc), loc);
  const trustees = int(field(p, 'trustees', loc), loc);
  ensure(threshold >= 1 && threshold <= trustees, 'parameters', loc, 'threshold out of range');
  return {
    group,
    electionId: str(field(p, 'electionId', loc), loc),
    threshold,
    trustees,
    layout,
    width,
    anonymityMinimum: 0,
    withheld: new Map(),
    constituencies: new Map(),
    segments: new Map(),
    periods: new Map(),
    board: {
      heads: [],
      signingKey: undefined,
      pinnedKey: boardKey?.toLowerCase(),
      codes: new Map(),
      covered: new Map(),
      modesStarted: new Set(),
      complete: false,
    },
    dealers: new Map(),
    disqualified: new Set(),
    pk: undefined,
    qualified: [],
    dealerEntries: new Map(),
    complaintEntries: [],
    mixers: new Map(),
    vks: new Map(),
    ballots: new Map(),
    byVoter: new Map(),
    seenCiphertexts: new Map(),
    castOrder: new Map(),
    attendance: new Map(),
    cancelled: new Map(),
    linked: new Map(),
    votersChecked: false,
    groupOf: new Map(),
    members: new Map(),
    current: new Map(),
    mixNodes: new Map(),
    validPartials: new Map(),
    decoded: new Map(),
    legal: new Map(),
    counted: new Set(),
    shuffles: 0,
    msm: msm ?? inlineMsm(group),
    hybrid: new Map(),
    hybridCodes: new Map(),
  };
}

const handlers: Record<
  string,
  ((s: State<unknown>, payload: unknown, loc: string) => void | Promise<void>) | undefined
> = {
  election: checkDefinition,
  roll: checkRoll,
  period: checkPeriod,
  attendance: checkAttendance,
  ceremony: checkCeremony,
  dealer: checkDealer,
  complaint: checkComplaint,
  key: checkKey,
  ballot: checkBallot,
  'board-head': checkBoardHead,
  cancellation: checkCancellation,
  'group-input': checkGroupInput,
  withheld: checkWithheld,
  shuffle: checkShuffle,
  'partial-decryption': checkPartialDecryption,
  decryption: checkDecryption,
  counts: checkCounts,
  'hybrid-receipt-log': checkReceiptLog,
  'hybrid-count': checkHybridCount,
};

/**
 * Where each entry type may stand (`order`): the definition, the roll (published before voting
 * opens) and the voting periods, the key ceremony's transcript (required, once, before its dealer,
 * complaint and key entries; complaints before the key), exactly one key, the ballots in receipt
 * order with the board heads that cover them, the attendance lists, the cancellations, then the
 * counting of each group, then the hybrid boxes (appended as their PVs become final).
 */
const PHASE: Readonly<Record<string, number>> = {
  parameters: 0,
  election: 1,
  roll: 2,
  period: 2,
  ceremony: 3,
  dealer: 3,
  complaint: 4,
  key: 5,
  ballot: 6,
  'board-head': 6,
  attendance: 7,
  cancellation: 8,
  'group-input': 9,
  withheld: 9,
  shuffle: 9,
  'partial-decryption': 9,
  decryption: 9,
  counts: 9,
  'hybrid-receipt-log': 10,
  'hybrid-count': 10,
};
const ONCE = new Set(['parameters', 'election', 'ceremony', 'key']);
const ELECTION = 1;
const CEREMONY = 3;
const KEY = 5;
const BALLOTS = 6;
const COUNTING = 9;

function checkOrder(seen: Map<string, number>, phase: { at: number }, e: Entry, loc: string): void {
  const p = PHASE[e.type];
  if (p === undefined) fail('format', loc, `unknown entry type ${e.type}`);
  if (e.type === 'ceremony') ensure(!seen.has('ceremony'), 'ceremony', loc, 'a second key ceremony transcript');
  if (ONCE.has(e.type)) ensure(!seen.has(e.type), 'order', loc, `a second ${e.type} entry`);
  // The key and everything made with it rest on the ceremony's signed transcript (PROTOCOL.md §7a).
  if (p >= CEREMONY && e.type !== 'ceremony')
    ensure(
      seen.has('ceremony'),
      'ceremony',
      loc,
      `${e.type} entry before the key ceremony's transcript (the record has none before it)`,
    );
  const before = Object.entries(PHASE).find(([t, q]) => q > p && seen.has(t));
  ensure(p >= phase.at, 'order', loc, `${e.type} after ${before?.[0] ?? 'a later step'}`);
  if (p > ELECTION && !seen.has('election')) fail('order', loc, `${e.type} before the election definition`);
  if (p > KEY && !seen.has('key')) fail('order', loc, `${e.type} before the election key`);
  seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
  phase.at = p;
}

export interface VerifyOptions {
  /** Called after each entry is checked (progress reporting, second pass). */
  readonly onEntry?: (seq: number, total: number, type: string) => void;
  /** Called after each entry's link in the chain is checked (progress reporting, first pass). */
  readonly onChain?: (seq: number) => void;
  /** Bulk arithmetic for shuffle checks (default inline; ./node/msm-pool.ts uses all cores). */
  readonly msm?: MsmService;
  /** A published head: the hash of the record's last entry, or of one of its signed board heads (published at opening, during or at the close of voting). */
  readonly head?: string;
  /** Procès-verbaux to check against the verified figures and the head (./check-pv.ts). */
  readonly pvs?: readonly PvFile[];
  /** The board's (receipt) key as published outside the record (hex): every board head must be signed by it. */
  readonly boardKey?: string;
  /** Records of linked elections (a value, or a source read entry by entry): the `french-language-group` evidence is checked against them (./check-linked.ts). */
  readonly linked?: readonly { readonly name: string; readonly record: unknown }[];
}

/**
 * A published head is the record's final head, or the hash of one of its board heads (published at
 * opening, during or at the close of voting, signed; the board-head checks then show the record
 * extends it). Any other value is refused here, an earlier entry's hash included: a record that is
 * a prefix of the published one, or that forks from it after that entry, must not pass.
 */
function checkPublishedHead(scan: Scan, published: string): void {
  if (published === scan.head || scan.publishedIsBoardHead) return;
  const at = scan.publishedAt;
  fail(
    'head',
    'record',
    at >= 0
      ? `the published head ${published} is the hash of entry ${String(at)}, not of this record's last entry: this record does not end where the published one did (truncated, or forked after that entry)`
      : `the published head ${published} is neither this record's final head nor one of its signed board heads: another (forked) record`,
  );
}

function isSource(v: unknown): v is RecordSource {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const s = v as Partial<RecordSource>;
  return typeof s.entries === 'function' && typeof s.top === 'function';
}

/** Second pass: every entry in record order, its place, its shape and its checks; returns the state for the final checks. */
async function checkEntries(source: RecordSource, total: number, options: VerifyOptions): Promise<State<unknown>> {
  let s: State<unknown> | undefined;
  const seen = new Map<string, number>([['parameters', 1]]);
  const phase = { at: 0 };
  let i = 0;
  for await (const raw of source.entries()) {
    const e = readEntry(raw, i++);
    if (s === undefined) {
      s = await initialState(e, options.msm, options.boardKey);
      continue;
    }
    const loc = `entry ${String(e.seq)} (${e.type})`;
    checkOrder(seen, phase, e, loc);
    const shape = PAYLOADS[e.type];
    const handler = handlers[e.type];
    if (shape === undefined || handler === undefined) fail('format', loc, `unknown entry type ${e.type}`);
    checkShape(e.payload, shape, `${loc} payload`);
    if (phase.at > BALLOTS && !s.board.complete) checkBoardComplete(s);
    if (phase.at >= COUNTING && !s.votersChecked) checkVoters(s);
    await handler(s, e.payload, loc);
    if (e.type === 'ballot') {
      checkBallotTime(s, e.payload, loc);
      noteBallot(s, e.payload);
    }
    options.onEntry?.(e.seq, total, e.type);
  }
  s ??= await initialState(undefined, options.msm, options.boardKey);
  ensure(
    seen.has('ceremony'),
    'ceremony',
    'record',
    'no key ceremony transcript entry: nothing shows how the election key was made, nor who may shuffle and decrypt',
  );
  ensure(seen.has('key'), 'order', 'record', 'no election key entry');
  return s;
}

/**
 * Verifies a record, given whole (`{ format, entries }`) or as a source read entry by entry
 * (`./node/record-file.ts`). Two passes: the chain and the published head first, then every check
 * in record order. Memory: one entry at a time, plus the state the checks keep (./state.ts).
 */
export async function verifyRecord(record: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  const source = isSource(record) ? record : recordFromValue(record);
  try {
    const scan = await scanRecord(source, options.head?.toLowerCase(), options.onChain);
    const head = scan.head;
    const published = options.head?.toLowerCase();
    if (published !== undefined) checkPublishedHead(scan, published);
    const s = await checkEntries(source, scan.count, options);
    if (!s.votersChecked) checkVoters(s);
    for (const [id, seg] of s.segments) {
      const g = s.groupOf.get(id);
      ensure(
        g !== undefined,
        'group-missing',
        `group ${id}`,
        `roll segment with ${String(seg.voters)} voters is counted in no group`,
      );
      // A withheld set is never decrypted: its claim was checked (check-withheld.ts).
      if (s.withheld.has(g)) continue;
      ensure(
        s.counted.has(g),
        'completeness',
        `group ${g}`,
        'group has no counts (missing shuffle, decryption or counts)',
      );
    }
    if (!s.board.complete) checkBoardComplete(s);
    const linked = await checkLinkedRecords(
      s,
      (options.linked ?? []).map((l) => ({
        name: l.name,
        source: isSource(l.record) ? l.record : recordFromValue(l.record),
      })),
    );
    if (options.pvs !== undefined)
      checkPvs(s, { electronic: scan.electronicHeads, hybridLogs: scan.hybridLogs }, options.pvs);
    const summary = {
      entries: scan.count,
      ballots: s.ballots.size,
      groups: s.members.size,
      shuffles: s.shuffles,
      head,
      pvs: options.pvs?.length ?? 0,
      linked,
    };
    if (published === undefined) return { ok: true, summary };
    const board = s.board.heads.find((h) => h.hash === published);
    const headMatch =
      published === head || board === undefined
        ? { kind: 'record' as const }
        : {
            kind: 'board' as const,
            seq: board.seq,
            boardKind: board.kind,
            publishedAt: board.publishedAt,
            keyId: board.keyId,
          };
    return { ok: true, summary: { ...summary, headMatch } };
  } catch (e) {
    if (e instanceof CheckFailed) return { ok: false, check: e.check, location: e.location, message: e.message };
    throw e;
  }
}
