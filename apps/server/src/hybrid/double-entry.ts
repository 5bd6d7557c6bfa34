// Team B's double data entry of a box of hybrid paper ballots (issue #16), as a pure state machine:
// the practice of Kiesraad's Abacus, per ballot. Two different Team B members each encode every
// ballot of the box independently, in the box's order, as the paper shows it (packages/electoral's
// `MarkedBallot`: the marks and the paper's state; the law classifies, nobody types a category). The
// two entries are compared ballot by ballot; where they differ, the office's president decides what
// the ballot shows. The box is done when both entries are finished and every difference is decided;
// its ballots are then the agreed ones, classified and counted by packages/electoral (art. 156).
//
// ```mermaid
// stateDiagram-v2
//   [*] --> notStarted
//   notStarted --> firstEntry: member 1 encodes
//   firstEntry --> secondEntry: member 1 finishes; member 2 (another member) encodes
//   secondEntry --> differences: member 2 finishes, the entries differ
//   secondEntry --> done: member 2 finishes, the entries agree
//   differences --> done: the president decides every difference
//   done --> [*]
// ```
//
// An entry never sees the other: the second member encodes without the first's ballots (the API
// serves an entry only to its own member, and the differences only to the president).
import type { MarkedBallot } from '@isoloir/electoral';

export type BoxEntryState = 'not-started' | 'first-entry' | 'second-entry' | 'differences' | 'done';

export interface Entry {
  /** The Team B member encoding (an audit actor). */
  readonly by: string;
  readonly ballots: readonly MarkedBallot[];
  readonly finished: boolean;
}

export interface BoxEntries {
  readonly first?: Entry;
  readonly second?: Entry;
  /** The president's decisions: the ballot at each differing position (from 0); null: no ballot there. */
  readonly decisions: ReadonlyMap<number, MarkedBallot | null>;
}

export type EntryRefusal =
  | 'entry.same-member'
  | 'entry.not-yours'
  | 'entry.finished'
  | 'entry.not-finished'
  | 'entry.count-mismatch'
  | 'entry.no-difference'
  | 'entry.wrong-state';

export type EntryResult =
  { readonly ok: true; readonly box: BoxEntries } | { readonly ok: false; readonly code: EntryRefusal };

export const EMPTY_BOX: BoxEntries = { decisions: new Map() };

/** Two encodings of a ballot agree when they hold the same paper state and the same marks, in any order. */
export function sameBallot(a: MarkedBallot, b: MarkedBallot): boolean {
  if (a.paper !== b.paper || a.marks.length !== b.marks.length) return false;
  const key = (m: MarkedBallot['marks'][number]) =>
    m.box === 'head' ? `h|${m.listId}` : `${m.box}|${m.listId}|${String(m.position)}`;
  const left = a.marks.map(key).sort();
  const right = b.marks.map(key).sort();
  return left.every((k, i) => k === right[i]);
}

export interface Difference {
  /** Position in the box, from 0. */
  readonly index: number;
  /** What each member encoded there (absent: the entry has fewer ballots). */
  readonly first: MarkedBallot | undefined;
  readonly second: MarkedBallot | undefined;
}

/** Where two finished entries differ, ballot by ballot; a different number of ballots differs at the end. */
export function differences(first: readonly MarkedBallot[], second: readonly MarkedBallot[]): Difference[] {
  const out: Difference[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const a = first[i];
    const b = second[i];
    if (a === undefined || b === undefined || !sameBallot(a, b)) out.push({ index: i, first: a, second: b });
  }
  return out;
}

export function boxState(box: BoxEntries): BoxEntryState {
  if (box.first === undefined) return 'not-started';
  if (!box.first.finished) return 'first-entry';
  if (box.second?.finished !== true) return 'second-entry';
  const open = differences(box.first.ballots, box.second.ballots).filter((d) => !box.decisions.has(d.index));
  return open.length > 0 ? 'differences' : 'done';
}

/** A member encodes the next ballot of their entry (the first member to encode owns the first entry). */
export function encode(box: BoxEntries, member: string, ballot: MarkedBallot): EntryResult {
  const state = boxState(box);
  if (state === 'not-started')
    return { ok: true, box: { ...box, first: { by: member, ballots: [ballot], finished: false } } };
  if (state === 'first-entry') {
    const first = box.first;
    if (first === undefined || first.by !== member) return { ok: false, code: 'entry.not-yours' };
    return { ok: true, box: { ...box, first: { ...first, ballots: [...first.ballots, ballot] } } };
  }
  if (state === 'second-entry') {
    if (box.first?.by === member) return { ok: false, code: 'entry.same-member' };
    const second = box.second;
    if (second === undefined)
      return { ok: true, box: { ...box, second: { by: member, ballots: [ballot], finished: false } } };
    if (second.by !== member) return { ok: false, code: 'entry.not-yours' };
    return { ok: true, box: { ...box, second: { ...second, ballots: [...second.ballots, ballot] } } };
  }
  return { ok: false, code: 'entry.finished' };
}

/**
 * A member finishes their entry, saying how many ballots the box held: it must be the number they
 * encoded (a ballot skipped or typed twice is caught here, before the comparison).
 */
export function finish(box: BoxEntries, member: string, ballotsInBox: number): EntryResult {
  const entry = boxState(box) === 'first-entry' ? box.first : boxState(box) === 'second-entry' ? box.second : undefined;
  if (entry === undefined) return { ok: false, code: 'entry.wrong-state' };
  if (entry.by !== member) return { ok: false, code: 'entry.not-yours' };
  if (entry.ballots.length !== ballotsInBox) return { ok: false, code: 'entry.count-mismatch' };
  const done = { ...entry, finished: true };
  return { ok: true, box: entry === box.first ? { ...box, first: done } : { ...box, second: done } };
}

/**
 * The president decides what the ballot at `index` shows (one of the two versions, or what the paper
 * shows), or that there is no ballot there (null: one member encoded a ballot too many).
 */
export function decide(box: BoxEntries, index: number, ballot: MarkedBallot | null): EntryResult {
  if (boxState(box) !== 'differences') return { ok: false, code: 'entry.wrong-state' };
  const { first, second } = box;
  if (first === undefined || second === undefined) return { ok: false, code: 'entry.wrong-state' };
  if (!differences(first.ballots, second.ballots).some((d) => d.index === index))
    return { ok: false, code: 'entry.no-difference' };
  return { ok: true, box: { ...box, decisions: new Map([...box.decisions, [index, ballot]]) } };
}

/**
 * The box's ballots once done: where the entries agree, their ballot; where they differ, the
 * president's decision (null: no ballot there). Undefined before the box is done.
 */
export function agreedBallots(box: BoxEntries): MarkedBallot[] | undefined {
  if (boxState(box) !== 'done' || box.first === undefined || box.second === undefined) return undefined;
  const { first, second } = box;
  const out: MarkedBallot[] = [];
  for (let i = 0; i < Math.max(first.ballots.length, second.ballots.length); i++) {
    const decided = box.decisions.get(i);
    const a = first.ballots[i];
    if (decided !== undefined) {
      if (decided !== null) out.push(decided);
    } else if (a !== undefined) out.push(a);
  }
  return out;
}
