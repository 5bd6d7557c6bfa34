// The life of a K-code, as a pure state machine. The voter's reprint voids; the main office (Team A,
// issue #16) receives, cancels with a reason, and sends to the count.
//
// ```mermaid
// stateDiagram-v2
//   [*] --> issued: kit printed (voter)
//   issued --> voided: kit printed again (voter)
//   issued --> received: envelope registered at the main office (Team A)
//   issued --> cancelled: envelope refused (reason)
//   received --> cancelled: envelope set aside (reason)
//   received --> counted: inner envelope counted
//   voided --> [*]
//   cancelled --> [*]
//   counted --> [*]
// ```
export type KcodeState = 'issued' | 'voided' | 'received' | 'cancelled' | 'counted';

/** What the status page says: `unknown` is a well-formed code nobody holds (or a code of another day). */
export type KcodeStatus = 'unknown' | KcodeState;

const NEXT: Readonly<Record<KcodeState, readonly KcodeState[]>> = {
  issued: ['voided', 'received', 'cancelled'],
  received: ['cancelled', 'counted'],
  voided: [],
  cancelled: [],
  counted: [],
};

export function canMove(from: KcodeState, to: KcodeState): boolean {
  return NEXT[from].includes(to);
}

/** Reasons a hybrid envelope is cancelled, said in words by the status page ([U] the list Team A uses, issue #16). */
export const KCODE_CANCELLATION_REASONS = [
  'arrived-late',
  'voted-at-polling-station',
  'voted-online',
  'envelope-open',
  'identity-missing',
  'ineligible',
] as const;
