/**
 * Cancellations and the evidence behind each one, then every voter's ballots taken together:
 * - `superseded`: a later ballot of the same voter (higher sequence) exists;
 * - `voted-at-polling-station`: the voter is on that station's published attendance list;
 * - `one-per-voter`: at most one ballot of a voter is left to count, across all groups;
 * - `last-ballot`: a ballot that is not the voter's last is cancelled (a re-vote cannot be undone).
 */
import { ensure } from './failure.ts';
import type { State } from './state.ts';

type Cancellation = { groupId: string; ballotId: string } & (
  | { reason: 'superseded'; evidence: { laterBallotId: string } }
  | { reason: 'voted-at-polling-station'; evidence: { station: string } }
);

export function checkCancellation<P>(s: State<P>, payload: unknown, loc: string): void {
  const c = payload as Cancellation;
  const where = `${loc} (ballot ${c.ballotId})`;
  const ballot = s.ballots.get(c.ballotId);
  ensure(
    ballot?.groupId === c.groupId,
    'cancellation',
    where,
    `cancels unknown ballot ${c.ballotId} of group ${c.groupId}`,
  );
  ensure(!s.cancelled.has(c.ballotId), 'cancellation', where, 'ballot cancelled twice');
  ensure(!s.votersChecked, 'cancellation', where, 'cancellation after counting started');
  if (c.reason === 'superseded') {
    const later = s.ballots.get(c.evidence.laterBallotId);
    ensure(
      later !== undefined && later.voterId === ballot.voterId && later.sequence > ballot.sequence,
      'cancellation-evidence',
      where,
      `superseded, but ${c.evidence.laterBallotId} is not a later ballot of the same voter`,
    );
  } else {
    const list = s.attendance.get(c.evidence.station);
    ensure(
      list !== undefined,
      'cancellation-evidence',
      where,
      `no published attendance list for station ${c.evidence.station}`,
    );
    ensure(
      list.has(ballot.voterId),
      'cancellation-evidence',
      where,
      `voter ${ballot.voterId} is not on the attendance list of ${c.evidence.station}`,
    );
  }
  s.cancelled.set(c.ballotId, c.reason);
}

/** Run once, when counting starts: every voter's ballots, across all groups. */
export function checkVoters<P>(s: State<P>): void {
  s.votersChecked = true;
  for (const [voterId, ids] of s.byVoter) {
    const live = ids.filter((id) => !s.cancelled.has(id));
    ensure(
      live.length <= 1,
      'one-per-voter',
      `voter ${voterId}`,
      `${String(live.length)} ballots left to count: ${live.join(', ')}`,
    );
    const last = ids.at(-1);
    const counted = live[0];
    ensure(
      counted === undefined || counted === last,
      'last-ballot',
      `voter ${voterId}`,
      `ballot ${counted ?? ''} would be counted but the voter's last ballot is ${last ?? ''}`,
    );
    // A voter on an attendance list keeps no remote ballot (the polling-station vote wins).
    if (counted !== undefined) {
      for (const [station, list] of s.attendance)
        ensure(
          !list.has(voterId),
          'cancellation-missing',
          `voter ${voterId}`,
          `on the attendance list of ${station} but ballot ${counted} is counted`,
        );
    }
  }
}
