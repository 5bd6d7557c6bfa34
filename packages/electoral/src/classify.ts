import type { BallotCategory, CandidateMark, HeadBoxMark, Mark, MarkedBallot } from './ballot.ts';
import type { InvalidBallotRule } from './ballot-rules.ts';
import type { CandidateList, Constituency } from './model.ts';

/** Exactly one class per ballot. */
export type BallotClass =
  ValidBallot | { readonly kind: 'blank' } | { readonly kind: 'invalid'; readonly rule: InvalidBallotRule };

/** A valid ballot, normalised: a head box beside candidate votes is dropped (it counts as the candidates). */
export interface ValidBallot {
  readonly kind: 'valid';
  readonly listId: string;
  readonly category: BallotCategory;
  /** Positions (from 1) of the marked effectives, ascending. */
  readonly effectives: readonly number[];
  /** Positions (from 1) of the marked substitutes, ascending. */
  readonly substitutes: readonly number[];
}

/** Classifies a marked ballot as valid (B/C/D/E), blank or invalid with the rule it breaks (art. 156). */
export function classifyBallot(constituency: Constituency, ballot: MarkedBallot): BallotClass {
  const structural = structuralDefect(constituency, ballot);
  if (structural !== null) return invalid(structural);
  if (ballot.marks.length === 0) return { kind: 'blank' };
  const heads = ballot.marks.filter((m): m is HeadBoxMark => m.box === 'head');
  const candidates = ballot.marks.filter((m): m is CandidateMark => m.box !== 'head');
  if (heads.length > 1) return invalid('ballot.several-head-boxes');
  const candidateLists = new Set(candidates.map((m) => m.listId));
  if (candidateLists.size > 1) return invalid('ballot.several-lists');
  const head = heads[0];
  if (head !== undefined && candidates.length > 0 && !candidateLists.has(head.listId)) {
    return invalid('ballot.head-box-and-other-list');
  }
  return valid(head, candidates);
}

function invalid(rule: InvalidBallotRule): BallotClass {
  return { kind: 'invalid', rule };
}

function valid(head: HeadBoxMark | undefined, candidates: readonly CandidateMark[]): ValidBallot {
  const effectives = positions(candidates, 'effective');
  const substitutes = positions(candidates, 'substitute');
  const listId = candidates[0]?.listId ?? head?.listId;
  if (listId === undefined) throw new Error('classifyBallot: a non-blank ballot without a list');
  return { kind: 'valid', listId, category: category(effectives.length, substitutes.length), effectives, substitutes };
}

function category(effectives: number, substitutes: number): BallotCategory {
  if (effectives === 0) return substitutes === 0 ? 'B' : 'E';
  return substitutes === 0 ? 'C' : 'D';
}

function positions(marks: readonly CandidateMark[], box: CandidateMark['box']): readonly number[] {
  return marks
    .filter((m) => m.box === box)
    .map((m) => m.position)
    .sort((a, b) => a - b);
}

/**
 * Paper defects and marks that do not fit the ballot: they make the ballot invalid whatever else it
 * holds. When several apply, the first in this order is reported, whatever the order of the marks.
 */
function structuralDefect(constituency: Constituency, ballot: MarkedBallot): InvalidBallotRule | null {
  if (ballot.paper === 'unofficial') return 'ballot.unofficial-paper';
  if (ballot.paper !== 'official') return 'ballot.altered-or-identifiable';
  const defects = new Set(ballot.marks.map((m) => markDefect(constituency, m)));
  const first = MARK_DEFECTS.find((d) => defects.has(d));
  if (first !== undefined) return first;
  return new Set(ballot.marks.map(markKey)).size === ballot.marks.length ? null : 'ballot.malformed';
}

const MARK_DEFECTS: readonly InvalidBallotRule[] = [
  'ballot.unknown-list',
  'ballot.malformed',
  'ballot.unknown-candidate',
];

function markDefect(constituency: Constituency, mark: Mark): InvalidBallotRule | null {
  const list = constituency.lists.find((l) => l.id === mark.listId);
  if (list === undefined) return 'ballot.unknown-list';
  if (mark.box === 'head') return null;
  if (!Number.isSafeInteger(mark.position)) return 'ballot.malformed';
  return hasCandidate(list, mark) ? null : 'ballot.unknown-candidate';
}

function hasCandidate(list: CandidateList, mark: CandidateMark): boolean {
  const candidates = mark.box === 'effective' ? list.effectives : list.substitutes;
  return candidates.some((c) => c.position === mark.position);
}

function markKey(mark: Mark): string {
  return mark.box === 'head' ? `${mark.listId}/head` : `${mark.listId}/${mark.box}/${mark.position.toString()}`;
}
