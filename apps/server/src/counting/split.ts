// The identity split of one constituency main office: per counting set (a group of constituency ×
// mode × abroad/Belgium, with the groups merged into it by the minimum-anonymity rule) the ciphertexts
// of the ballots to count are copied without identities into the set's anonymised input, in random
// order. Superseded and cancelled ballots are left out. Before it: every electronic period of the
// election closed, every double vote of the constituency settled, every registered polling
// station's list in (or waived). Other constituencies are not waited for. A constituency whose
// electronic ballots all together stay below the election's minimum anonymity set is withheld
// instead: never split nor decrypted, its ballots stay encrypted in the record, which states it.
//   office: open --split (checks hold)--> split --every set decrypted and counted--> counted
//   office: open --split (checks hold, ballots below the minimum)--> withheld
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor, type CountingErrorCode } from './errors.ts';
import { groupIdOf, type Category, type Mode } from './layout.ts';
import { fromHex, packRows } from './blob.ts';
import { anonymityMinimumOf, MINIMUM_ANONYMITY_SET, planMerges, WITHHELD_REASON, type MergeRule } from './anonymity.ts';
import { ensureOffice, stationStatus } from './office.ts';

/** The minimum anonymity set, under its earlier name. */
export const DEFAULT_MINIMUM_GROUP_SIZE = MINIMUM_ANONYMITY_SET;

export type GroupState = 'waiting' | 'split' | 'counted' | 'withheld';

export interface GroupSummary {
  readonly groupId: string;
  readonly constituency: string;
  readonly mode: Mode;
  readonly category: Category;
  /** Ballots to count (received, not superseded or cancelled). */
  readonly ballots: number;
  /** Below the election's minimum anonymity set on its own. */
  readonly small: boolean;
  readonly mergedInto: string | null;
  readonly mergeRule: MergeRule | null;
  readonly state: GroupState;
  /** When the state last changed (split or counted), null while waiting. */
  readonly stateAt: Date | null;
}

async function refuse(
  store: Store,
  actor: CountingActor,
  subject: string,
  code: CountingErrorCode,
  message: string,
): Promise<never> {
  await store.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { actor: actor.id, action: 'counting.refused', subject, details: { refused: code, message } }),
    );
  throw new CountingError(code, message);
}

async function ensureReady(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
): Promise<void> {
  const subject = `${electionId}/${constituency}`;
  const periods = await store.db
    .selectFrom('voting_periods')
    .select(['mode', 'closed_at'])
    .where('election_id', '=', electionId)
    .where('mode', 'in', ['online', 'kiosk'])
    .execute();
  if (periods.length === 0 || periods.some((p) => p.closed_at === null)) {
    await refuse(
      store,
      actor,
      subject,
      'counting.period-open',
      'counting starts only after every electronic voting period is closed',
    );
  }
  const pending = await store.db
    .selectFrom('double_votes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  if (Number(pending?.n ?? 0) > 0)
    await refuse(
      store,
      actor,
      subject,
      'counting.state',
      `${String(pending?.n)} double vote(s) of ${constituency} still to confirm and cancel`,
    );
}

/** Every registered polling station of the constituency has reported or is waived; at least one is registered. */
async function ensureStationsIn(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
): Promise<void> {
  const stations = await stationStatus(store, electionId, constituency);
  const subject = `${electionId}/${constituency}`;
  if (stations.length === 0)
    await refuse(
      store,
      actor,
      subject,
      'counting.stations-incomplete',
      `no polling station is registered for ${constituency}: register them, then import their lists`,
    );
  const missing = stations.filter((s) => !s.done).map((s) => s.station);
  if (missing.length > 0)
    await refuse(
      store,
      actor,
      subject,
      'counting.stations-incomplete',
      `${String(missing.length)} polling station(s) of ${constituency} have not reported and are not waived: ${missing.slice(0, 20).join(', ')}`,
    );
}

async function groupSizes(
  store: Store,
  electionId: string,
  constituency: string,
): Promise<{ constituency_code: string; mode: Mode; category: Category; counted: string }[]> {
  const rows = await sql<{ constituency_code: string; mode: Mode; category: Category; counted: string }>`
    select constituency_code, mode, category, count(*) filter (where status in ('received', 'counted'))::text as counted
      from ballots where election_id = ${electionId} and constituency_code = ${constituency}
     group by 1, 2, 3 order by 1, 2, 3`.execute(store.db);
  return rows.rows;
}

/**
 * Records the constituency's groups with their sizes and merges those below the minimum by rule
 * (audited); idempotent until the split. Refused while a period is open or a double vote is unsettled.
 */
export async function prepareGroups(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
): Promise<GroupSummary[]> {
  await ensureReady(store, electionId, constituency, actor);
  const rows = await groupSizes(store, electionId, constituency);
  const minimum = await anonymityMinimumOf(store.db, electionId);
  const plan = planMerges(
    rows.map((r) => ({
      groupId: groupIdOf(r.constituency_code, r.mode, r.category),
      mode: r.mode,
      category: r.category,
      ballots: Number(r.counted),
    })),
    minimum,
  );
  await store.db.transaction().execute(async (trx) => {
    await ensureOffice(trx, electionId, constituency);
    const office = await trx
      .selectFrom('counting_offices')
      .select(['split_at', 'withheld_at'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (office.split_at !== null || office.withheld_at !== null) return;
    for (const r of rows) {
      const groupId = groupIdOf(r.constituency_code, r.mode, r.category);
      const merge = plan.merges.get(groupId);
      const values = {
        ballots: Number(r.counted),
        merged_into: merge?.into ?? null,
        merge_rule: merge?.rule ?? null,
        merge_decided_by: merge === undefined ? null : 'rule:minimum-anonymity-set',
      };
      await trx
        .insertInto('counting_groups')
        .values({
          election_id: electionId,
          group_id: groupId,
          constituency_code: r.constituency_code,
          mode: r.mode,
          category: r.category,
          ...values,
        })
        .onConflict((oc) => oc.columns(['election_id', 'group_id']).doUpdateSet(values))
        .execute();
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.groups.prepared',
      subject: `${electionId}/${constituency}`,
      details: {
        minimum,
        groups: rows.length,
        merges: [...plan.merges].map(([group, m]) => ({ group, into: m.into, rule: m.rule })),
        withheld: plan.withheld,
      },
    });
  });
  return listGroups(store, electionId, constituency);
}

export async function listGroups(store: Store, electionId: string, constituency?: string): Promise<GroupSummary[]> {
  let q = store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId);
  if (constituency !== undefined) q = q.where('constituency_code', '=', constituency);
  const rows = await q.orderBy('group_id').execute();
  const minimum = await anonymityMinimumOf(store.db, electionId);
  const withheld = new Set(
    (
      await store.db
        .selectFrom('counting_offices')
        .select('constituency_code')
        .where('election_id', '=', electionId)
        .where('withheld_at', 'is not', null)
        .execute()
    ).map((o) => o.constituency_code),
  );
  return rows.map((r) => {
    const carrier = r.merged_into === null ? r : rows.find((x) => x.group_id === r.merged_into);
    const counted = carrier?.counted_at ?? null;
    const split = carrier?.split_at ?? null;
    return {
      groupId: r.group_id,
      constituency: r.constituency_code,
      mode: r.mode,
      category: r.category,
      ballots: r.ballots,
      small: r.ballots > 0 && r.ballots < minimum,
      mergedInto: r.merged_into,
      mergeRule: r.merge_rule,
      state: withheld.has(r.constituency_code)
        ? 'withheld'
        : counted !== null
          ? 'counted'
          : split !== null
            ? 'split'
            : 'waiting',
      stateAt: counted ?? split,
    };
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
 * Splits identities from contents for one constituency: per counting set, the ciphertexts of its
 * ballots in random order, without any identity. The ballots stay "received" until their set is
 * decrypted and counted. Refused (audited, with a code) unless every check holds. A constituency
 * whose electronic ballots together stay below the minimum anonymity set is never split: it is
 * withheld (recorded with its size, audited), and the answer is `counting.anonymity-set`.
 */
export async function splitIdentities(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
): Promise<GroupSummary[]> {
  const subject = `${electionId}/${constituency}`;
  await ensureStationsIn(store, electionId, constituency, actor);
  const groups = await prepareGroups(store, electionId, constituency, actor);
  if (groups.length === 0)
    return refuse(store, actor, subject, 'counting.state', `no electronic ballot in ${constituency}`);
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const minimum = await anonymityMinimumOf(store.db, electionId);
  if (total > 0 && total < minimum) {
    await withhold(store, electionId, constituency, total, minimum, actor);
    throw new CountingError(
      'counting.anonymity-set',
      `the ${String(total)} electronic ballot(s) of ${constituency} are fewer than the minimum anonymity set (${String(minimum)}) even all together: the constituency is withheld, its ballots stay encrypted in the record`,
    );
  }
  await store.db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom('counting_offices')
      .select(['split_at', 'withheld_at'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (office.split_at !== null || office.withheld_at !== null)
      throw new CountingError(
        'counting.already-split',
        `the identities of ${constituency} are already split (or the constituency is withheld)`,
      );
    const now = new Date();
    for (const target of groups.filter((g) => g.mergedInto === null)) {
      const members = groups.filter((g) => g.groupId === target.groupId || g.mergedInto === target.groupId);
      const cts: Uint8Array[][] = [];
      for (const m of members) {
        const part = await trx
          .selectFrom('ballots')
          .select('ciphertexts')
          .where('election_id', '=', electionId)
          .where('constituency_code', '=', constituency)
          .where('mode', '=', m.mode)
          .where('category', '=', m.category)
          .where('status', '=', 'received')
          .execute();
        for (const r of part) cts.push((r.ciphertexts as string[]).map(fromHex));
      }
      shuffleInPlace(cts);
      await trx
        .updateTable('counting_groups')
        .set({ input: packRows(cts), split_at: now })
        .where('election_id', '=', electionId)
        .where('group_id', '=', target.groupId)
        .execute();
    }
    await trx
      .updateTable('counting_offices')
      .set({ split_at: now, split_by: actor.id })
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.identities.split',
      subject,
      details: {
        groups: groups.map((g) => ({
          groupId: g.groupId,
          ballots: g.ballots,
          mergedInto: g.mergedInto,
          rule: g.mergeRule,
        })),
      },
    });
  });
  return listGroups(store, electionId, constituency);
}

/**
 * Withholds a constituency whose electronic ballots all together stay below the minimum: recorded
 * once with its size and the minimum (the record states it, the PV says it), audited in the same
 * transaction. Its ballots stay "received" and encrypted; nothing of it is split or decrypted.
 */
async function withhold(
  store: Store,
  electionId: string,
  constituency: string,
  ballots: number,
  minimum: number,
  actor: CountingActor,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom('counting_offices')
      .select(['split_at', 'withheld_at'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (office.split_at !== null || office.withheld_at !== null) return;
    await trx
      .updateTable('counting_offices')
      .set({ withheld_at: new Date(), withheld_ballots: ballots })
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.constituency.withheld',
      subject: `${electionId}/${constituency}`,
      details: { ballots, minimum, reason: WITHHELD_REASON },
    });
  });
}
