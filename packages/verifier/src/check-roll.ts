/** The election definition, the voter roll segments and the polling-station attendance lists. */
import { bytesToHex, hashInputs } from '@isoloir/crypto';
import { ensure } from './failure.ts';
import { isIsoTime } from './check-board.ts';
import type { ConstituencyDef } from './legal-count.ts';
import type { State } from './state.ts';

/** The verifier's own Merkle root (PROTOCOL.md §8): sorted unique ids, odd node carried up. */
export function merkleRootOf(ids: readonly string[]): string {
  if (ids.length === 0) return bytesToHex(hashInputs('isoloir/v1/merkle-empty', []));
  let level: Uint8Array[] = ids.map((id) => hashInputs('isoloir/v1/merkle-leaf', [id]));
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      up.push(hashInputs('isoloir/v1/merkle-node', [level[i] ?? new Uint8Array(0), level[i + 1] ?? new Uint8Array(0)]));
    if (level.length % 2 === 1) up.push(level[level.length - 1] ?? new Uint8Array(0));
    level = up;
  }
  return bytesToHex(level[0] ?? new Uint8Array(0));
}

function sortedUnique(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] ?? '') < (ids[i] ?? ''))) return false;
  return true;
}

interface ListJson {
  number: number;
  name: string;
  effectives: string[];
  substitutes: string[];
}

export function checkDefinition<P>(s: State<P>, payload: unknown, loc: string): void {
  const { anonymityMinimum, constituencies: cs } = payload as {
    anonymityMinimum: number;
    constituencies: { code: string; seats: number; lists: ListJson[] }[];
  };
  ensure(
    anonymityMinimum >= 2,
    'definition',
    `${loc} anonymityMinimum`,
    `a minimum anonymity set of ${String(anonymityMinimum)} would publish single votes`,
  );
  s.anonymityMinimum = anonymityMinimum;
  for (const c of cs) {
    const where = `${loc} constituency ${c.code}`;
    ensure(!s.constituencies.has(c.code), 'definition', where, 'constituency defined twice');
    const lists = new Map<number, ListJson>();
    for (const l of c.lists) {
      ensure(!lists.has(l.number), 'definition', where, `list ${String(l.number)} defined twice`);
      ensure(
        l.number >= 1 && l.number <= s.layout.maxListNumber,
        'definition',
        where,
        `list ${String(l.number)} does not fit the ballot layout`,
      );
      ensure(
        l.effectives.length <= s.layout.maxEffectives && l.substitutes.length <= s.layout.maxSubstitutes,
        'definition',
        where,
        `list ${String(l.number)} has more candidates than the ballot layout`,
      );
      lists.set(l.number, l);
    }
    const def: ConstituencyDef = { code: c.code, seats: c.seats, lists };
    s.constituencies.set(c.code, def);
  }
}

export function checkRoll<P>(s: State<P>, payload: unknown, loc: string): void {
  const r = payload as {
    constituency: string;
    mode: string;
    category: string;
    voters: number;
    root: string;
    ids: string[];
    publishedAt: string;
  };
  const id = `${r.constituency}/${r.mode}/${r.category}`;
  const where = `${loc} (segment ${id})`;
  ensure(
    s.constituencies.has(r.constituency),
    'definition',
    where,
    `constituency ${r.constituency} is not in the election definition`,
  );
  ensure(!s.segments.has(id), 'roll', where, 'segment published twice');
  ensure(sortedUnique(r.ids), 'roll', where, 'voter ids are not sorted and unique');
  ensure(r.voters === r.ids.length, 'roll', where, `says ${String(r.voters)} voters but lists ${String(r.ids.length)}`);
  ensure(merkleRootOf(r.ids) === r.root, 'roll', where, 'root is not the Merkle root of the voter ids');
  ensure(isIsoTime(r.publishedAt), 'roll-timing', where, 'publication time is not an ISO 8601 UTC time');
  // A voter has one place on each mode's roll of a constituency. On the rolls of several
  // constituencies of the election only where the law lets them choose in the booth (EP college,
  // Brussels language group): then in the same mode and category; the last-ballot rule keeps one
  // counted ballot per voter and election, whatever they choose.
  for (const [other, seg] of s.segments) {
    if (seg.constituency === r.constituency ? seg.mode !== r.mode : seg.mode === r.mode && seg.category === r.category)
      continue;
    const dup = r.ids.find((v) => seg.ids.has(v));
    ensure(dup === undefined, 'roll', where, `voter ${dup ?? ''} is also on the roll of ${other}`);
  }
  s.segments.set(id, {
    constituency: r.constituency,
    mode: r.mode,
    category: r.category,
    ids: new Set(r.ids),
    voters: r.voters,
    publishedAt: r.publishedAt,
  });
}

export function checkAttendance<P>(s: State<P>, payload: unknown, loc: string): void {
  const a = payload as { station: string; voters: number; root: string; ids: string[] };
  const where = `${loc} (station ${a.station})`;
  ensure(sortedUnique(a.ids), 'attendance', where, 'voter ids are not sorted and unique');
  ensure(
    a.voters === a.ids.length,
    'attendance',
    where,
    `says ${String(a.voters)} voters but lists ${String(a.ids.length)}`,
  );
  ensure(merkleRootOf(a.ids) === a.root, 'attendance', where, 'root is not the Merkle root of the voter ids');
  const set = s.attendance.get(a.station) ?? new Set<string>();
  for (const v of a.ids) set.add(v);
  s.attendance.set(a.station, set);
}
