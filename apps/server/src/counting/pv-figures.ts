// The figures of one PV, derived in this one place: for a counting set (a group and the groups
// merged into it), the ballots received, superseded, cancelled by reason and counted per member
// group and in total, and the set's legal count as the record carries it (counting_results.counts,
// the `counts` entry `isoloir verify` re-derives; never a second count): valid, blank and invalid
// ballots (by rule), per list the categories and preference votes. On every PV:
//   received = superseded + Σ cancelled + counted + withheld      counted = valid + blank + invalid
// `withheld`: the ballots of a withheld constituency (all its electronic ballots together below the
// minimum anonymity set), never decrypted; 0 on every other PV.
import type { LegalCounts } from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import { sql } from 'kysely';
import { legalCounts } from './tally.ts';
import type { ConstituencyInfo, Category, Mode } from './layout.ts';
import type { MergeRule } from './anonymity.ts';

export interface PvList {
  readonly number: number;
  readonly name: string;
  readonly categories: { readonly B: number; readonly C: number; readonly D: number; readonly E: number };
  readonly total: number;
  readonly effectives: readonly { readonly position: number; readonly name: string; readonly votes: number }[];
  readonly substitutes: readonly { readonly position: number; readonly name: string; readonly votes: number }[];
}

export interface BallotFlow {
  readonly received: number;
  readonly superseded: number;
  readonly cancelled: Readonly<Record<string, number>>;
  readonly counted: number;
  /** Ballots to count that are withheld (below the minimum anonymity set), never decrypted. */
  readonly withheld: number;
}

export interface PvMember extends BallotFlow {
  readonly groupId: string;
  readonly mode: Mode | 'hybrid';
  readonly category: Category;
  /** null for the group that carries the set; else the rule that merged it in. */
  readonly mergeRule: MergeRule | null;
}

export interface PvFigures extends BallotFlow {
  readonly members: readonly PvMember[];
  readonly valid: number;
  readonly blank: number;
  readonly invalid: number;
  readonly invalidByRule: Readonly<Record<string, number>>;
  readonly lists: readonly PvList[];
}

export interface CountingSetRef {
  readonly electionId: string;
  readonly constituency: string;
  /** The group carrying the set. */
  readonly groupId: string;
}

async function flowOf(
  store: Store,
  electionId: string,
  constituency: string,
  mode: Mode,
  category: Category,
  withheld: boolean,
): Promise<BallotFlow> {
  const statuses = await sql<{ status: string; reason: string | null; n: string }>`
    select status, cancellation_reason as reason, count(*)::text as n from ballots
     where election_id = ${electionId} and constituency_code = ${constituency} and mode = ${mode} and category = ${category}
     group by 1, 2`.execute(store.db);
  const n = (f: (r: { status: string }) => boolean): number =>
    statuses.rows.filter(f).reduce((a, r) => a + Number(r.n), 0);
  const cancelled: Record<string, number> = {};
  for (const r of statuses.rows.filter((x) => x.status === 'cancelled'))
    cancelled[r.reason ?? 'other'] = (cancelled[r.reason ?? 'other'] ?? 0) + Number(r.n);
  return {
    received: n(() => true),
    superseded: n((r) => r.status === 'superseded'),
    cancelled,
    counted: n((r) => r.status === 'counted'),
    withheld: withheld ? n((r) => r.status === 'received') : 0,
  };
}

/** The set's legal count as stored with its decryption (zero counts before). */
async function legalCountOf(store: Store, info: ConstituencyInfo, set: CountingSetRef): Promise<LegalCounts> {
  const result = await store.db
    .selectFrom('counting_results')
    .select('counts')
    .where('election_id', '=', set.electionId)
    .where('group_id', '=', set.groupId)
    .executeTakeFirst();
  return (result?.counts as LegalCounts | undefined) ?? legalCounts(info.model, []);
}

export async function pvFigures(store: Store, info: ConstituencyInfo, set: CountingSetRef): Promise<PvFigures> {
  const groups = await store.db
    .selectFrom('counting_groups')
    .select(['group_id', 'mode', 'category', 'merge_rule'])
    .where('election_id', '=', set.electionId)
    .where((eb) => eb.or([eb('group_id', '=', set.groupId), eb('merged_into', '=', set.groupId)]))
    .orderBy('group_id')
    .execute();
  const office = await store.db
    .selectFrom('counting_offices')
    .select('withheld_at')
    .where('election_id', '=', set.electionId)
    .where('constituency_code', '=', set.constituency)
    .executeTakeFirst();
  const withheld = office?.withheld_at !== null && office?.withheld_at !== undefined;
  const members: PvMember[] = [];
  for (const g of groups)
    members.push({
      groupId: g.group_id,
      mode: g.mode,
      category: g.category,
      mergeRule: g.group_id === set.groupId ? null : g.merge_rule,
      ...(await flowOf(store, set.electionId, set.constituency, g.mode, g.category, withheld)),
    });
  // The carrying group first, then the merged ones.
  members.sort((a, b) => (a.mergeRule === null ? -1 : b.mergeRule === null ? 1 : a.groupId < b.groupId ? -1 : 1));
  const cancelled: Record<string, number> = {};
  for (const m of members)
    for (const [reason, k] of Object.entries(m.cancelled)) cancelled[reason] = (cancelled[reason] ?? 0) + k;
  const sum = (f: (m: PvMember) => number): number => members.reduce((a, m) => a + f(m), 0);
  const count = await legalCountOf(store, info, set);
  const lists = pvListsOf(info.model, count);
  return {
    members,
    received: sum((m) => m.received),
    superseded: sum((m) => m.superseded),
    cancelled,
    counted: sum((m) => m.counted),
    withheld: sum((m) => m.withheld),
    valid: count.valid,
    blank: count.blank,
    invalid: count.invalid,
    invalidByRule: { ...count.invalidByRule },
    lists,
  };
}

/** The two equalities every PV holds; the first that fails, or undefined. */
export function figuresError(
  f: BallotFlow & { readonly valid: number; readonly blank: number; readonly invalid: number },
): string | undefined {
  const cancelled = Object.values(f.cancelled).reduce((a, b) => a + b, 0);
  if (f.received !== f.superseded + cancelled + f.counted + f.withheld)
    return `received ${String(f.received)} ≠ superseded ${String(f.superseded)} + cancelled ${String(cancelled)} + counted ${String(f.counted)} + withheld ${String(f.withheld)}`;
  if (f.counted !== f.valid + f.blank + f.invalid)
    return `counted ${String(f.counted)} ≠ valid ${String(f.valid)} + blank ${String(f.blank)} + invalid ${String(f.invalid)}`;
  return undefined;
}

/** A PV's lists from a legal count: each list's categories and votes, named from the constituency's model. */
export function pvListsOf(model: ConstituencyInfo['model'], count: LegalCounts): PvList[] {
  return count.lists.map((l) => {
    const list = model.lists.find((m) => m.number === l.number);
    return {
      number: l.number,
      name: list?.name ?? String(l.number),
      categories: { B: l.B, C: l.C, D: l.D, E: l.E },
      total: l.total,
      effectives: l.effectives.map((votes, i) => ({ position: i + 1, name: list?.effectives[i]?.name ?? '', votes })),
      substitutes: l.substitutes.map((votes, i) => ({
        position: i + 1,
        name: list?.substitutes[i]?.name ?? '',
        votes,
      })),
    };
  });
}
