// The count of one constituency main office once its sets are decrypted: each set with t partial
// decryptions is combined, classified and counted (its ballots become "counted"); when every set of
// the constituency is counted, its PVs are generated (a withheld constituency: its one PV, which
// states the withheld ballots). The election record (and so the hash on every
// PV) exists once no ballot of the election waits to be counted; PVs generated before carry no hash
// and are regenerated with it (approval needs it).
import { appendAudit, type Store } from '@isoloir/store';
import type { CountingActor } from './errors.ts';
import { electionKey, groupsToCount, type CountingCrypto } from './mixing.ts';
import { generatePvs } from './pv.ts';
import { emitRecord } from './record.ts';
import { tallyGroup } from './tally.ts';

export interface ConstituencyResults {
  readonly counted: readonly string[];
  readonly waiting: readonly string[];
  readonly recordHash: string | null;
  readonly pvs: number;
}

/** The constituencies of the election withheld (their ballots below the minimum anonymity set all together). */
export async function withheldConstituencies(store: Store, electionId: string): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom('counting_offices')
    .select('constituency_code')
    .where('election_id', '=', electionId)
    .where('withheld_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.constituency_code));
}

/**
 * True once every ballot of the election that can be counted is counted: no ballot waits in a
 * constituency that is not withheld (a withheld constituency's ballots are never decrypted; the
 * record states it), and every set that was split is counted.
 */
export async function electionCounted(store: Store, electionId: string): Promise<boolean> {
  const withheld = await withheldConstituencies(store, electionId);
  const waiting = await store.db
    .selectFrom('ballots')
    .select('constituency_code')
    .distinct()
    .where('election_id', '=', electionId)
    .where('status', '=', 'received')
    .execute();
  if (waiting.some((w) => !withheld.has(w.constituency_code))) return false;
  const settled = await store.db
    .selectFrom('counting_offices')
    .select('constituency_code')
    .where('election_id', '=', electionId)
    .where((eb) => eb.or([eb('split_at', 'is not', null), eb('withheld_at', 'is not', null)]))
    .execute();
  const groups = await groupsToCount(store, electionId);
  return settled.length > 0 && groups.every((g) => g.ballots === 0 || g.counted);
}

export async function countConstituency(
  store: Store,
  cc: CountingCrypto,
  electionId: string,
  constituency: string,
  actor: CountingActor,
): Promise<ConstituencyResults> {
  const key = await electionKey(store, electionId);
  const counted: string[] = [];
  const waiting: string[] = [];
  const mine = (await groupsToCount(store, electionId)).filter((g) => g.groupId.startsWith(`${constituency}/`));
  // A withheld constituency has nothing to decrypt: its PV states the withheld ballots.
  const withheld = (await withheldConstituencies(store, electionId)).has(constituency);
  for (const g of mine) {
    if (g.ballots === 0 || g.counted) continue;
    if (g.decryptedBy.length < key.threshold) {
      waiting.push(g.groupId);
      continue;
    }
    await tallyGroup(store, cc, electionId, g.groupId, actor);
    counted.push(g.groupId);
  }
  if (waiting.length > 0 || (mine.length === 0 && !withheld)) return { counted, waiting, recordHash: null, pvs: 0 };
  const recordHash = (await electionCounted(store, electionId))
    ? await emitRecord(store, electionId, () => undefined)
    : null;
  const existing = await store.db
    .selectFrom('counting_pvs')
    .select(['constituency_code', 'record_hash', 'final_at'])
    .where('election_id', '=', electionId)
    // The hybrid PVs (paper ballots) are generated on their own (../hybrid/hybrid-pv.ts).
    .where('mode', '<>', 'hybrid')
    .execute();
  const own = existing.filter((p) => p.constituency_code === constituency);
  let pvs = own.length;
  // Nothing new counted and the hash unchanged: the PVs stand (regenerating would reset their approvals).
  if (
    counted.length > 0 ||
    own.length === 0 ||
    (recordHash !== null && own.some((p) => p.record_hash === '' && p.final_at === null))
  ) {
    pvs = (await generatePvs(store, electionId, constituency, recordHash, actor)).length;
  }
  if (recordHash !== null) {
    // The record now exists: the other constituencies' PVs generated without its hash get it.
    for (const other of new Set(
      existing
        .filter((p) => p.constituency_code !== constituency && p.record_hash === '' && p.final_at === null)
        .map((p) => p.constituency_code),
    )) {
      await generatePvs(store, electionId, other, recordHash, actor);
    }
  }
  await store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: actor.id,
      action: 'counting.constituency.results',
      subject: `${electionId}/${constituency}`,
      details: { counted, recordHash },
    }),
  );
  return { counted, waiting, recordHash, pvs };
}
