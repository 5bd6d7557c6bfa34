// A polling-station list that would cancel a hybrid envelope of a box whose PV is final comes too
// late: the box is in the public record (./record-entries.ts) and its receipt log may not change.
// The import is refused whole (`counting.list-after-hybrid-pv`), as a list after the split is.
import type { Kysely } from 'kysely';
import type { Schema } from '@isoloir/store';

/** The boxes (`office/category`) with a final hybrid PV holding an accepted envelope of one of `nrns`. */
export async function finalHybridBoxesTouchedBy(
  db: Kysely<Schema>,
  electionDayId: string,
  nrns: readonly string[],
): Promise<string[]> {
  const touched = new Set<string>();
  for (let i = 0; i < nrns.length; i += 1000) {
    const rows = await db
      .selectFrom('hybrid_kcodes as k')
      .innerJoin('hybrid_envelopes as e', (join) =>
        join.onRef('e.kcode_id', '=', 'k.id').on('e.outcome', '=', 'accepted'),
      )
      .innerJoin('elections as el', 'el.election_day_id', 'k.election_day_id')
      .innerJoin('counting_pvs as p', (join) =>
        join
          .onRef('p.election_id', '=', 'el.id')
          .onRef('p.constituency_code', '=', 'e.office')
          .onRef('p.category', '=', 'e.box')
          .on('p.mode', '=', 'hybrid')
          .on('p.final_at', 'is not', null),
      )
      .select(['e.office', 'e.box'])
      .distinct()
      .where('k.election_day_id', '=', electionDayId)
      .where('k.state', '=', 'received')
      .where('k.nrn', 'in', nrns.slice(i, i + 1000))
      .execute();
    for (const r of rows) touched.add(`${r.office}/${String(r.box)}`);
  }
  return [...touched].sort();
}
