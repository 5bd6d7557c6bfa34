// The online voting period of one election: a pure state from its row and the clock.
//
// ```mermaid
// stateDiagram-v2
//   [*] --> unscheduled
//   unscheduled --> scheduled: PO schedules (opens later)
//   unscheduled --> open: PO opens now
//   scheduled --> open: opens_at reached / PO opens now
//   open --> ended: closes_at reached (no more ballots)
//   open --> closed: PO closes (final)
//   scheduled --> closed: PO closes (final)
//   ended --> closed: PO closes (final)
//   closed --> [*]
// ```
export type PeriodState = 'unscheduled' | 'scheduled' | 'open' | 'ended' | 'closed';

export interface PeriodRow {
  readonly opens_at: Date;
  readonly closes_at: Date;
  readonly max_ballots: number;
  readonly closed_at: Date | null;
  readonly closed_by: string | null;
}

export function periodState(row: PeriodRow | undefined, now: Date): PeriodState {
  if (row === undefined) return 'unscheduled';
  if (row.closed_at !== null) return 'closed';
  if (now.getTime() < row.opens_at.getTime()) return 'scheduled';
  if (now.getTime() >= row.closes_at.getTime()) return 'ended';
  return 'open';
}

/** Why a ballot cannot be cast now, by period state. */
export function periodRefusal(state: PeriodState): 'voting.not-open' | 'voting.closed' | undefined {
  if (state === 'open') return undefined;
  return state === 'ended' || state === 'closed' ? 'voting.closed' : 'voting.not-open';
}
