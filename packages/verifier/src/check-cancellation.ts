/**
 * Cancellations and the evidence behind each one, then every voter's ballots taken together:
 * - `superseded`: a later ballot of the same voter (higher sequence) exists;
 * - `voted-at-polling-station`: the voter is on that station's published attendance list;
 * - `french-language-group` (special act of 12 January 1989 on the Brussels institutions, art. 14
 *   al. 2: a Brussels voter who votes for a list of the French language group of the Brussels
 *   Parliament is no elector of the Brussels members of the Flemish Parliament): a ballot of
 *   another election (never this one), received strictly after the cancelled ballot and not after
 *   the voter's next ballot here (it cancels the voter's current ballot), each such ballot cancelling
 *   one ballot only. That ballot is in another record: `linked` keeps the evidence for a check
 *   against it (`isoloir verify --linked`), without it the summary counts what rests on it;
 * - `one-per-voter`: at most one ballot of a voter is left to count, across all groups;
 * - `last-ballot`: a ballot that is not the voter's last is cancelled (a re-vote cannot be undone).
 */
import { ensure } from './failure.ts';
import { isIsoTime } from './check-board.ts';
import type { CastBallot, LinkedBallot, State } from './state.ts';

type Cancellation = { groupId: string; ballotId: string } & (
  | { reason: 'superseded'; evidence: { laterBallotId: string } }
  | { reason: 'voted-at-polling-station'; evidence: { station: string } }
  | { reason: 'french-language-group'; evidence: LinkedBallot }
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
  } else if (c.reason === 'french-language-group') {
    checkLinked(s, ballot, c.ballotId, c.evidence, where);
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

/**
 * A `french-language-group` cancellation: the voter's later act in another election. The linked
 * ballot must come strictly after the cancelled one (a later act of the voter) and not after the
 * voter's next ballot here, if any (the server cancels the voter's current ballot: one received after it is
 * a new cast with the Dutch group, which counts again); it may come after every ballot of this
 * election. One linked ballot cancels one ballot: a French-group ballot reused as the evidence for
 * other voters' cancellations is refused.
 */
function checkLinked<P>(s: State<P>, ballot: CastBallot, ballotId: string, e: LinkedBallot, where: string): void {
  ensure(
    e.electionId !== s.electionId,
    'cancellation-evidence',
    where,
    `french-language-group, but the evidence names this record's own election ${e.electionId}`,
  );
  ensure(
    isIsoTime(e.receivedAt),
    'cancellation-evidence',
    where,
    `the linked ballot's receipt time ${e.receivedAt} is not an ISO 8601 UTC time`,
  );
  const at = Date.parse(e.receivedAt);
  ensure(
    at > Date.parse(ballot.receivedAt),
    'cancellation-evidence',
    where,
    `the linked ballot ${e.ballotId} (${e.receivedAt}) is not later than the cancelled ballot (${ballot.receivedAt})`,
  );
  const nextId = s.byVoter.get(ballot.voterId)?.[ballot.sequence];
  const next = nextId === undefined ? undefined : s.ballots.get(nextId);
  ensure(
    next === undefined || Date.parse(next.receivedAt) >= at,
    'cancellation-evidence',
    where,
    `the linked ballot ${e.ballotId} (${e.receivedAt}) came after the voter's next ballot ${nextId ?? ''} (${next?.receivedAt ?? ''}): it cancels that one, not this`,
  );
  const key = `${e.electionId}\u0000${e.ballotId}`;
  const earlier = s.linked.get(key);
  ensure(
    earlier === undefined,
    'cancellation-evidence',
    where,
    `the linked ballot ${e.ballotId} of ${e.electionId} already cancelled ballot ${earlier?.cancels ?? ''}`,
  );
  s.linked.set(key, { ...e, cancels: ballotId, where });
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
