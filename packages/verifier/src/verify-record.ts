/** Entry point: checks an election record entry by entry; returns the first failing check. */
import { entryHash, loadGroup, isGroupName, RECORD_FORMAT, type Group, type Json } from '@isoloir/crypto';
import { CheckFailed, ensure, fail, type VerifyResult } from './failure.ts';
import { arr, field, int, obj, str } from './read-json.ts';
import { widthOf, type Layout } from './decode-ballot.ts';
import type { State } from './state.ts';
import { inlineMsm, type MsmService } from './msm-service.ts';
import { checkComplaint, checkDealer, checkKey } from './check-keys.ts';
import { checkBallot, checkCancellation, checkGroupInput } from './check-ballots.ts';
import { checkShuffle } from './check-shuffle.ts';
import { checkCounts, checkDecryption, checkPartialDecryption } from './check-decryption.ts';

interface Entry {
  seq: number;
  type: string;
  parent: string;
  hash: string;
  payload: unknown;
}

function readEntries(record: unknown): Entry[] {
  const r = obj(record, 'record');
  ensure(r['format'] === RECORD_FORMAT, 'format', 'record', `unsupported format (expected ${RECORD_FORMAT})`);
  return arr(field(r, 'entries', 'record'), 'record').map((e, i) => {
    const loc = `entry ${String(i)}`;
    const o = obj(e, loc);
    return { seq: int(field(o, 'seq', loc), loc), type: str(field(o, 'type', loc), loc), parent: str(field(o, 'parent', loc), loc), hash: str(field(o, 'hash', loc), loc), payload: field(o, 'payload', loc) };
  });
}

function checkChain(entries: readonly Entry[]): void {
  let parent = '';
  entries.forEach((e, i) => {
    const loc = `entry ${String(i)} (${e.type})`;
    ensure(e.seq === i, 'chain', loc, 'sequence number out of order');
    ensure(e.parent === parent, 'chain', loc, 'parent link does not match the previous entry’s hash');
    ensure(entryHash(e.seq, e.type, e.parent, e.payload as Json) === e.hash, 'chain', loc, 'entry hash does not match its content');
    parent = e.hash;
  });
}

async function initialState(entry: Entry | undefined, msm: VerifyOptions['msm']): Promise<State<unknown>> {
  if (entry?.type !== 'parameters') fail('parameters', 'entry 0', 'the record must start with the parameters');
  const loc = 'entry 0 (parameters)';
  const p = obj(entry.payload, loc);
  const groupName = str(field(p, 'group', loc), loc);
  ensure(isGroupName(groupName), 'parameters', loc, `unknown group ${groupName}`);
  const group: Group<unknown> = await loadGroup(groupName);
  const l = obj(field(p, 'layout', loc), loc);
  const layout: Layout = { maxListNumber: int(field(l, 'maxListNumber', loc), loc), maxEffectives: int(field(l, 'maxEffectives', loc), loc), maxSubstitutes: int(field(l, 'maxSubstitutes', loc), loc) };
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
    groupIds: arr(field(p, 'groups', loc), loc).map((g) => str(g, loc)),
    dealers: new Map(),
    disqualified: new Set(),
    pk: undefined,
    vks: new Map(),
    ballots: new Map(),
    seenCiphertexts: new Map(),
    castOrder: new Map(),
    cancelled: new Set(),
    current: new Map(),
    mixNodes: new Map(),
    validPartials: new Map(),
    decoded: new Map(),
    counted: new Set(),
    shuffles: 0,
    msm: msm ?? inlineMsm(group),
  };
}

const handlers: Record<string, ((s: State<unknown>, payload: unknown, loc: string) => void | Promise<void>) | undefined> = {
  dealer: checkDealer,
  complaint: checkComplaint,
  key: checkKey,
  ballot: checkBallot,
  cancellation: checkCancellation,
  'group-input': checkGroupInput,
  shuffle: checkShuffle,
  'partial-decryption': checkPartialDecryption,
  decryption: checkDecryption,
  counts: checkCounts,
};

export interface VerifyOptions {
  /** Called after each entry (progress reporting). */
  readonly onEntry?: (seq: number, total: number, type: string) => void;
  /** Bulk arithmetic for shuffle checks (default inline; ./node/msm-pool.ts uses all cores). */
  readonly msm?: MsmService;
}

export async function verifyRecord(record: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    const entries = readEntries(record);
    checkChain(entries);
    const s = await initialState(entries[0], options.msm);
    for (const e of entries.slice(1)) {
      const loc = `entry ${String(e.seq)} (${e.type})`;
      const handler = handlers[e.type];
      if (handler === undefined) fail('format', loc, `unknown entry type ${e.type}`);
      if (e.type !== 'dealer' && e.type !== 'complaint' && e.type !== 'key') ensure(s.pk !== undefined, 'completeness', loc, 'entry before the election key');
      await handler(s, e.payload, loc);
      options.onEntry?.(e.seq, entries.length, e.type);
    }
    for (const g of s.groupIds) {
      ensure(s.counted.has(g), 'completeness', `group ${g}`, 'group has no counts (missing input, shuffle, decryption or counts)');
    }
    return { ok: true, summary: { entries: entries.length, ballots: s.ballots.size, groups: s.groupIds.length, shuffles: s.shuffles, head: entries.at(-1)?.hash ?? '' } };
  } catch (e) {
    if (e instanceof CheckFailed) return { ok: false, check: e.check, location: e.location, message: e.message };
    throw e;
  }
}
