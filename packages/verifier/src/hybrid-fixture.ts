// Test helper: a hybrid box (PROTOCOL.md §8 `hybrid-receipt-log`, `hybrid-count`) appended to a
// test election's record, for the verifiers' tests (./hybrid-attacks.test.ts, and
// verifiers/python/agreement.test.ts which runs both verifiers on the same records). The box is
// brussels/belgium: five envelopes accepted (one later cancelled), a second envelope set aside, an
// unknown code; four ballots (blank, invalid by art. 156 §2 4°, list 2 with two preference votes,
// list 3's head box). The counts are the legal count of those ballots.
import { rechain, type DefinitionPayload, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { countLegally, type ConstituencyDef, type Countable } from './legal-count.ts';
import { pvLists } from './check-pv-hybrid.ts';

export const hash = (i: number): string => i.toString(16).padStart(64, '0');
const at = (m: number): string =>
  `2029-06-0${String(1 + Math.floor(m / 60))}T10:${String(m % 60).padStart(2, '0')}:00.000Z`;
export const line = (i: number, t: number, decision: string, order: number | null, reason: string | null = null) => ({
  kcodeHash: hash(i),
  receivedAt: at(t),
  decision,
  reason,
  box: order === null ? null : 'belgium',
  order,
});

export function log(): Record<string, Json> {
  return {
    constituency: 'brussels',
    category: 'belgium',
    envelopes: [
      line(1, 1, 'accepted', 1),
      line(2, 2, 'accepted', 2),
      line(3, 3, 'accepted', 3),
      line(1, 4, 'set-aside', null, 'second-envelope'),
      line(4, 5, 'accepted', 4),
      line(5, 6, 'cancelled', 5, 'voted-at-polling-station'),
      line(99, 7, 'set-aside', null, 'kcode-unknown'),
    ],
  };
}

export const BALLOTS = [
  { class: 'blank', rule: null, list: null, effectives: [], substitutes: [] },
  { class: 'invalid', rule: 'ballot.several-lists', list: null, effectives: [], substitutes: [] },
  { class: 'valid', rule: null, list: 2, effectives: [1, 3], substitutes: [] },
  { class: 'valid', rule: null, list: 3, effectives: [], substitutes: [] },
] as const;

export type PaperBallot = (typeof BALLOTS)[number];

export function brusselsOf(definition: DefinitionPayload): ConstituencyDef {
  const brussels = definition.constituencies.find((c) => c.code === 'brussels');
  if (brussels === undefined) throw new Error('hybrid fixture: no brussels in the definition');
  return { code: brussels.code, seats: brussels.seats, lists: new Map(brussels.lists.map((l) => [l.number, l])) };
}

function counted(def: ConstituencyDef, ballots: readonly PaperBallot[]): Json {
  return countLegally(def, countables(ballots)) as unknown as Json;
}

function countables(ballots: readonly PaperBallot[]): Countable[] {
  return ballots.map((b) =>
    b.class === 'blank'
      ? { kind: 'blank' }
      : b.class === 'invalid'
        ? { kind: 'ruled', rule: b.rule }
        : { kind: 'list', list: b.list, headBox: b.effectives.length === 0, effectives: b.effectives, substitutes: [] },
  );
}

export function count(
  def: ConstituencyDef,
  ballots: readonly PaperBallot[] = BALLOTS,
  explanation: string | null = null,
): Record<string, Json> {
  return {
    constituency: 'brussels',
    category: 'belgium',
    ballots: ballots,
    counts: counted(def, ballots),
    explanation,
  };
}

export const entry = (type: string, payload: Json): RecordEntry => ({ seq: 0, type, parent: '', hash: '', payload });

export function withHybrid(record: ElectionRecord, l: Json, c: Json): ElectionRecord {
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  return rechain({
    format: copy.format,
    entries: [...copy.entries, entry('hybrid-receipt-log', l), entry('hybrid-count', c)],
  });
}

/** The box's hybrid PV (the fields the verifiers compare), pinned to the electronic head. */
export function hybridPv(rec: ElectionRecord, def: ConstituencyDef, electionId: string): Record<string, unknown> {
  const legal = countLegally(def, countables(BALLOTS));
  return {
    format: 'isoloir-pv/1',
    electionId,
    groupId: 'brussels/hybrid/belgium',
    constituency: { code: 'brussels', label: 'Brussels', languages: ['fr', 'nl'] },
    mode: 'hybrid',
    category: 'belgium',
    recordHash: rec.entries.at(-3)?.hash ?? '',
    received: 6,
    superseded: 0,
    cancelled: { 'second-envelope': 1, 'voted-at-polling-station': 1 },
    counted: 4,
    withheld: 0,
    valid: legal.valid,
    blank: legal.blank,
    invalid: legal.invalid,
    invalidByRule: legal.invalidByRule,
    lists: pvLists(def, legal),
    reception: { received: 6, accepted: 5, setAside: { 'second-envelope': 1 }, cancelled: 1, unknownCodesAtOffice: 1 },
    reconciliation: { expected: 4, encoded: 4, difference: 0, explanation: null },
  };
}
