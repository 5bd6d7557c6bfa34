// The identity split: per group (constituency × mode × abroad/Belgium) the counted ciphertexts are
// copied without identities into the group's anonymised input, in random order. Superseded and
// cancelled ballots are left out. A group below the minimum size must first be merged, by a PO
// decision, into another group of the same constituency (the PV says so).
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';
import { groupIdOf, type Category, type Mode } from './layout.ts';
import { fromHex, packRows } from './blob.ts';

export const DEFAULT_MINIMUM_GROUP_SIZE = 10;

export interface GroupSummary {
  readonly groupId: string;
  readonly constituency: string;
  readonly mode: Mode;
  readonly category: Category;
  /** Ballots to count (received, not superseded or cancelled). */
  readonly ballots: number;
  readonly small: boolean;
  readonly mergedInto: string | null;
}

async function refuse(store: Store, actor: CountingActor, electionId: string, code: 'counting.period-open' | 'counting.state' | 'counting.small-group' | 'counting.merge' | 'counting.already-split', message: string): Promise<never> {
  await store.db.transaction().execute((trx) => appendAudit(trx, { actor: actor.id, action: 'counting.refused', subject: electionId, details: { refused: code, message } }));
  throw new CountingError(code, message);
}

async function ensureClosed(store: Store, electionId: string, actor: CountingActor): Promise<void> {
  const periods = await store.db.selectFrom('voting_periods').select(['mode', 'closed_at']).where('election_id', '=', electionId).where('mode', 'in', ['online', 'kiosk']).execute();
  if (periods.length === 0 || periods.some((p) => p.closed_at === null)) {
    await refuse(store, actor, electionId, 'counting.period-open', 'counting starts only after every electronic voting period is closed');
  }
  const pending = await store.db.selectFrom('double_votes').select((eb) => eb.fn.countAll<string>().as('n')).where('election_id', '=', electionId).where('status', '!=', 'cancelled').executeTakeFirst();
  if (Number(pending?.n ?? 0) > 0) await refuse(store, actor, electionId, 'counting.state', `${String(pending?.n)} double vote(s) still to confirm and cancel`);
}

/** Lists the groups with their sizes; records them (idempotent before the split). */
export async function prepareGroups(store: Store, electionId: string, actor: CountingActor, minimum = DEFAULT_MINIMUM_GROUP_SIZE): Promise<GroupSummary[]> {
  await ensureClosed(store, electionId, actor);
  const rows = await sql<{ constituency_code: string; mode: Mode; category: Category; counted: string }>`
    select constituency_code, mode, category, count(*) filter (where status = 'received')::text as counted
      from ballots where election_id = ${electionId}
     group by 1, 2, 3 order by 1, 2, 3`.execute(store.db);
  await store.db.transaction().execute(async (trx) => {
    for (const r of rows.rows) {
      await trx
        .insertInto('counting_groups')
        .values({ election_id: electionId, group_id: groupIdOf(r.constituency_code, r.mode, r.category), constituency_code: r.constituency_code, mode: r.mode, category: r.category, ballots: Number(r.counted) })
        .onConflict((oc) => oc.columns(['election_id', 'group_id']).doUpdateSet({ ballots: Number(r.counted) }).where('counting_groups.input', 'is', null))
        .execute();
    }
    await appendAudit(trx, { actor: actor.id, action: 'counting.groups.prepared', subject: electionId, details: { groups: rows.rows.length, minimum } });
  });
  return listGroups(store, electionId, minimum);
}

export async function listGroups(store: Store, electionId: string, minimum = DEFAULT_MINIMUM_GROUP_SIZE): Promise<GroupSummary[]> {
  const rows = await store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId).orderBy('group_id').execute();
  return rows.map((r) => ({ groupId: r.group_id, constituency: r.constituency_code, mode: r.mode, category: r.category, ballots: r.ballots, small: r.ballots < minimum, mergedInto: r.merged_into }));
}

/** The PO's decision: count a small group together with another group of the same constituency. */
export async function mergeGroup(store: Store, electionId: string, groupId: string, intoGroupId: string, actor: CountingActor): Promise<void> {
  const groups = await store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId).execute();
  const from = groups.find((g) => g.group_id === groupId);
  const into = groups.find((g) => g.group_id === intoGroupId);
  if (from === undefined || into === undefined || groupId === intoGroupId) return refuse(store, actor, electionId, 'counting.merge', 'unknown group');
  if (from.constituency_code !== into.constituency_code) return refuse(store, actor, electionId, 'counting.merge', 'groups of different constituencies cannot be merged');
  if (into.merged_into !== null || groups.some((g) => g.merged_into === groupId)) return refuse(store, actor, electionId, 'counting.merge', 'merge into a group that is itself counted');
  if (from.input !== null || into.input !== null) return refuse(store, actor, electionId, 'counting.already-split', 'the identities are already split');
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('counting_groups').set({ merged_into: intoGroupId, merge_decided_by: actor.id }).where('election_id', '=', electionId).where('group_id', '=', groupId).execute();
    await appendAudit(trx, { actor: actor.id, action: 'counting.group.merged', subject: electionId, details: { groupId, intoGroupId } });
  });
}

function shuffleInPlace(items: Uint8Array[][]): void {
  const buf = new Uint32Array(1);
  for (let i = items.length - 1; i > 0; i--) {
    crypto.getRandomValues(buf);
    const j = (buf[0] ?? 0) % (i + 1);
    const t = items[i] ?? [];
    items[i] = items[j] ?? [];
    items[j] = t;
  }
}

/**
 * Splits identities from contents: per counted group, the ciphertexts of its ballots (and of the
 * groups merged into it) in random order, without any identity. The ballots become "counted".
 */
export async function splitIdentities(store: Store, electionId: string, actor: CountingActor, minimum = DEFAULT_MINIMUM_GROUP_SIZE): Promise<GroupSummary[]> {
  await ensureClosed(store, electionId, actor);
  const groups = await listGroups(store, electionId, minimum);
  if (groups.length === 0) return refuse(store, actor, electionId, 'counting.state', 'no group: prepare the groups first');
  const small = groups.filter((g) => g.small && g.mergedInto === null && !groups.some((o) => o.mergedInto === g.groupId));
  const mergedTargets = new Set(groups.map((g) => g.mergedInto).filter((g): g is string => g !== null));
  // A small group that is the only one left in its constituency has nothing to merge with.
  const alone = (g: GroupSummary): boolean => !groups.some((o) => o.groupId !== g.groupId && o.constituency === g.constituency && o.mergedInto === null);
  const stillSmall = small.filter((g) => !mergedTargets.has(g.groupId) && g.ballots > 0 && !alone(g));
  if (stillSmall.length > 0) return refuse(store, actor, electionId, 'counting.small-group', `groups below ${String(minimum)} ballots need a PO merge decision: ${stillSmall.map((g) => g.groupId).join(', ')}`);
  return store.db.transaction().execute(async (trx) => {
    const done = await trx.selectFrom('counting_groups').select('group_id').where('election_id', '=', electionId).where('input', 'is not', null).executeTakeFirst();
    if (done !== undefined) throw new CountingError('counting.already-split', 'the identities are already split');
    const now = new Date();
    for (const target of groups.filter((g) => g.mergedInto === null)) {
      const members = groups.filter((g) => g.groupId === target.groupId || g.mergedInto === target.groupId);
      const rows = [];
      for (const m of members) {
        const part = await trx
          .selectFrom('ballots')
          .select(['id', 'ciphertexts'])
          .where('election_id', '=', electionId)
          .where('constituency_code', '=', m.constituency)
          .where('mode', '=', m.mode)
          .where('category', '=', m.category)
          .where('status', '=', 'received')
          .execute();
        rows.push(...part);
      }
      const cts = rows.map((r) => (r.ciphertexts as string[]).map(fromHex));
      shuffleInPlace(cts);
      await trx.updateTable('counting_groups').set({ input: packRows(cts) }).where('election_id', '=', electionId).where('group_id', '=', target.groupId).execute();
      for (const m of members) {
        await trx
          .updateTable('ballots')
          .set({ status: 'counted', status_changed_at: now })
          .where('election_id', '=', electionId)
          .where('constituency_code', '=', m.constituency)
          .where('mode', '=', m.mode)
          .where('category', '=', m.category)
          .where('status', '=', 'received')
          .execute();
      }
    }
    await appendAudit(trx, { actor: actor.id, action: 'counting.identities.split', subject: electionId, details: { groups: groups.map((g) => ({ groupId: g.groupId, ballots: g.ballots, mergedInto: g.mergedInto })) } });
    return groups;
  });
}
