/**
 * A ballot as marked by the voter: a paper ballot read by the counting office (hybrid mode), or a
 * decrypted electronic ballot. An electronic "blank" choice is a ballot without marks.
 */
export interface MarkedBallot {
  /** The physical state of the paper; electronic ballots are always `official`. */
  readonly paper: PaperState;
  readonly marks: readonly Mark[];
}

/**
 * `official`: an authorised ballot in its original form. `unofficial`: any other paper (art. 156 §2 1°).
 * `altered`: form or size altered, or an object inside; `identifiable`: made recognisable by a sign,
 * text or erasure (both art. 156 §2 5°).
 */
export type PaperState = 'official' | 'unofficial' | 'altered' | 'identifiable';

export type Mark = HeadBoxMark | CandidateMark;

/** The box at the head of a list ("case de tête", "stemvak bovenaan de lijst"). */
export interface HeadBoxMark {
  readonly box: 'head';
  readonly listId: string;
}

/** A preference vote for the candidate at `position` (from 1) among the list's effectives or substitutes. */
export interface CandidateMark {
  readonly box: 'effective' | 'substitute';
  readonly listId: string;
  readonly position: number;
}

/** The four sub-categories of valid ballots of a list (art. 156 §1 al. 2). */
export type BallotCategory =
  /** head box only */
  | 'B'
  /** effectives only (a head box beside them is ignored) */
  | 'C'
  /** effectives and substitutes */
  | 'D'
  /** substitutes only */
  | 'E';
