/**
 * `withheld`: the server's claim that a constituency's ballots, all its groups together, stay below
 * the election's minimum anonymity set, so that they are not decrypted (they stay encrypted in the
 * record). The claim is checked, not believed — a server could otherwise hide a constituency's votes
 * by calling it small:
 * - the minimum is the one of the election definition;
 * - the members are exactly the roll segments of that constituency that hold a ballot (nothing of
 *   the constituency is counted apart, nothing of another constituency is in it), none counted
 *   elsewhere, and the carrying segment is one of them;
 * - `ballots` is exactly the members' ballots neither superseded nor cancelled, each present in the
 *   record as a cast ballot, and `size` is their number;
 * - the size is below the minimum (after all merges: it is the whole constituency).
 */
import { ensure } from './failure.ts';
import { arr, field, int, obj, str } from './read-json.ts';
import type { State } from './state.ts';

export function checkWithheld<P>(s: State<P>, payload: unknown, loc: string): void {
  const o = obj(payload, loc);
  const groupId = str(field(o, 'groupId', loc), loc);
  const constituency = str(field(o, 'constituency', loc), loc);
  const where = `${loc} (withheld ${constituency})`;
  ensure(
    s.constituencies.has(constituency),
    'withheld',
    where,
    `constituency ${constituency} is not in the election definition`,
  );
  const minimum = int(field(o, 'minimum', loc), loc);
  ensure(
    minimum === s.anonymityMinimum,
    'withheld',
    where,
    `states a minimum of ${String(minimum)}; the election's is ${String(s.anonymityMinimum)}`,
  );
  const members = [...new Set(arr(field(o, 'members', loc), loc).map((m) => str(m, loc)))].sort();
  ensure(members.length === arr(field(o, 'members', loc), loc).length, 'withheld', where, 'a member is named twice');
  ensure(members.includes(groupId), 'withheld', where, 'the carrying group is not one of the members');
  for (const m of members) {
    const seg = s.segments.get(m);
    ensure(seg !== undefined, 'withheld', where, `member ${m} is not a roll segment`);
    ensure(seg.constituency === constituency, 'withheld', where, `member ${m} is in another constituency`);
    const other = s.groupOf.get(m);
    ensure(other === undefined, 'withheld', where, `member ${m} is already counted in ${other ?? ''}`);
  }
  const withBallots = [...s.segments]
    .filter(([id, seg]) => seg.constituency === constituency && (s.castOrder.get(id)?.length ?? 0) > 0)
    .map(([id]) => id);
  const left = withBallots.filter((id) => !members.includes(id));
  ensure(
    left.length === 0,
    'withheld',
    where,
    `segment(s) ${left.join(', ')} of the constituency hold ballots but are not in the withheld set`,
  );
  const expected = new Set(members.flatMap((m) => (s.castOrder.get(m) ?? []).filter((id) => !s.cancelled.has(id))));
  const claimed = arr(field(o, 'ballots', loc), loc).map((b) => str(b, loc));
  for (const id of claimed) {
    ensure(
      expected.has(id),
      'withheld',
      where,
      `ballot ${id} is not a ballot to count of this constituency (or is named twice)`,
    );
    expected.delete(id);
  }
  ensure(
    expected.size === 0,
    'withheld',
    where,
    `ballots to count missing from the withheld set: ${[...expected].slice(0, 3).join(', ')}`,
  );
  const size = int(field(o, 'size', loc), loc);
  ensure(
    size === claimed.length,
    'withheld',
    where,
    `states ${String(size)} ballots but lists ${String(claimed.length)}`,
  );
  ensure(
    size < minimum,
    'withheld',
    where,
    `${String(size)} ballots are not below the minimum anonymity set of ${String(minimum)}: they must be counted, not withheld`,
  );
  for (const m of members) s.groupOf.set(m, groupId);
  s.members.set(groupId, members);
  s.withheld.set(groupId, size);
}
