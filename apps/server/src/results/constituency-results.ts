// The public results of the constituencies of an election, read from the store. A constituency's
// results are public once its PVs are final: at least one PV, every PV of the constituency final (two
// Team B approvals, ../counting/pv.ts approvePv), every counting set of the electronic count has its
// PV, and every hybrid box of the main office that received an envelope has its hybrid PV (a PV not
// generated yet keeps the constituency pending). Never a figure before that.
import { defaultRules, formatFraction, type ElectionKind } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import type { PvContent } from '../counting/pv.ts';
import { electionCounted } from '../counting/results.ts';
import { AppError } from '../errors.ts';
import { openDataFile, type AllocationRules, type OpenDataMeta } from './open-data.ts';
import { allocate, type Allocation } from './public-results.ts';

export interface ConstituencyState {
  readonly code: string;
  readonly label: Record<string, string>;
  readonly final: boolean;
}

const KIND: Readonly<Record<string, ElectionKind>> = {
  chamber: 'chamber',
  european: 'european-parliament',
  regional: 'regional',
  communal: 'communal',
};

/** The constituencies of the election and whether their results are public. */
export async function constituencyStates(store: Store, electionId: string): Promise<ConstituencyState[]> {
  const rows = await store.db
    .selectFrom('constituencies')
    .select(['code', 'label'])
    .where('election_id', '=', electionId)
    .orderBy('code')
    .execute();
  const out: ConstituencyState[] = [];
  for (const r of rows)
    out.push({ code: r.code, label: { ...r.label }, final: (await finalPvsOf(store, electionId, r.code)) !== null });
  return out;
}

/** The final PVs of the constituency, or null while any is missing or not final. */
async function finalPvsOf(store: Store, electionId: string, code: string): Promise<PvContent[] | null> {
  const pvs = await store.db
    .selectFrom('counting_pvs')
    .select(['mode', 'category', 'content', 'final_at'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', code)
    .orderBy('mode')
    .orderBy('category')
    .execute();
  if (pvs.length === 0 || pvs.some((p) => p.final_at === null)) return null;
  const sets = await store.db
    .selectFrom('counting_groups')
    .select(['mode', 'category'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', code)
    .where('merged_into', 'is', null)
    .execute();
  if (sets.some((s) => !pvs.some((p) => p.mode === s.mode && p.category === s.category))) return null;
  // A box of the main office that received envelopes waits for its hybrid PV, even before one is generated.
  const boxes = await store.db
    .selectFrom('hybrid_envelopes as h')
    .innerJoin('elections as e', 'e.election_day_id', 'h.election_day_id')
    .select('h.category')
    .distinct()
    .where('e.id', '=', electionId)
    .where('h.office', '=', code)
    .where('h.category', 'is not', null)
    .execute();
  if (boxes.some((b) => !pvs.some((p) => p.mode === 'hybrid' && p.category === b.category))) return null;
  return pvs.map((p) => p.content as PvContent);
}

async function birthDatesOf(
  store: Store,
  electionId: string,
  code: string,
  lists: readonly number[],
): Promise<Map<number, Map<string, string>>> {
  const rows = await store.db
    .selectFrom('candidates')
    .select(['list_number', 'kind', 'position', 'birth_date'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', code)
    .where('list_number', 'in', lists)
    .execute();
  const out = new Map<number, Map<string, string>>(lists.map((n) => [n, new Map()]));
  for (const r of rows)
    if (r.birth_date !== null)
      out
        .get(r.list_number)
        ?.set(`${String(r.list_number)}/${r.kind === 'effective' ? 'e' : 's'}${String(r.position)}`, r.birth_date);
  return out;
}

export interface ConstituencyResults {
  readonly meta: OpenDataMeta;
  readonly pvs: readonly PvContent[];
  /** The open-data file, before allocation (what `isoloir allocate` reads). */
  readonly file: Record<string, unknown>;
  /** The allocation, or why there is none (`withheld`: ballots below the minimum anonymity set; a tie). */
  readonly allocation: Allocation | { readonly none: string };
  readonly recordAvailable: boolean;
}

export async function constituencyResults(
  store: Store,
  electionId: string,
  code: string,
): Promise<ConstituencyResults> {
  const election = await store.db
    .selectFrom('elections as e')
    .innerJoin('election_days as d', 'd.id', 'e.election_day_id')
    .select(['e.label', 'e.kind', 'e.seat_method', 'e.threshold_percent', 'd.voting_date'])
    .where('e.id', '=', electionId)
    .executeTakeFirst();
  if (election === undefined) throw new AppError('election.not-found', 'params.electionId');
  const c = await store.db
    .selectFrom('constituencies')
    .select(['label', 'seats'])
    .where('election_id', '=', electionId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (c === undefined) throw new AppError('counting.not-found', 'params.constituency');
  const pvs = await finalPvsOf(store, electionId, code);
  if (pvs === null) throw new AppError('results.not-final', 'params.constituency');
  const rules: AllocationRules = {
    seats: c.seats,
    method: election.seat_method,
    thresholdPercent: election.threshold_percent,
    devolution: formatFraction(defaultRules(KIND[election.kind] ?? 'chamber').devolution),
  };
  const date = election.voting_date as unknown;
  const meta: OpenDataMeta = {
    electionId,
    electionLabel: election.label,
    electionDate: date instanceof Date ? date.toISOString().slice(0, 10) : String(date),
    constituency: code,
    constituencyLabel: c.label,
    rules,
  };
  let file = openDataFile(pvs, meta);
  const withheld = pvs.some((pv) => pv.withheld > 0);
  let allocated = withheld ? null : allocate(file, rules);
  // A seat due with equal right that only the candidates' ages settle (act of 16 July 1993 art.
  // 29quater): the birth dates of the tied lists' candidates join the file, and the allocation is redone.
  const dated = new Map<number, ReadonlyMap<string, string>>();
  while (allocated !== null && !allocated.ok && allocated.error.code === 'seats.tie-needs-data') {
    const { error } = allocated;
    const lists = error.tied.map((l) => l.number).filter((n) => !dated.has(n));
    if (error.missing !== 'birth-date' || lists.length === 0) break;
    for (const [n, dates] of await birthDatesOf(store, electionId, code, lists)) dated.set(n, dates);
    file = openDataFile(pvs, { ...meta, birthDates: dated });
    allocated = allocate(file, rules);
  }
  return {
    meta,
    pvs,
    file,
    allocation:
      allocated === null ? { none: 'withheld' } : allocated.ok ? allocated.value : { none: allocated.error.code },
    recordAvailable: await electionCounted(store, electionId),
  };
}
