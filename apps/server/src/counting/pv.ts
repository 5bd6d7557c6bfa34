// The procès-verbal (PV) of electronic votes per constituency × mode × abroad/Belgium: registered
// voters of the mode, ballots received, superseded, cancelled by reason, counted, valid, blank,
// invalid by rule, per list the four categories B/C/D/E and the total, per candidate the preference
// votes, the record's hash. Team B reviews; two different members approve before it is final.
import type { Language } from '@isoloir/electoral';
import type { LegalCounts } from '@isoloir/crypto';
import { appendAudit, type Labels, type Store } from '@isoloir/store';
import { sql } from 'kysely';
import { latestConsolidation } from '../preparation/consolidate.ts';
import { modeCounts } from '../preparation/mode-files.ts';
import { CountingError, type CountingActor } from './errors.ts';
import { legalCounts } from './tally.ts';
import { loadConstituency, type Category, type Mode } from './layout.ts';

export interface PvList {
  readonly number: number;
  readonly name: string;
  readonly categories: { readonly B: number; readonly C: number; readonly D: number; readonly E: number };
  readonly total: number;
  readonly effectives: readonly { readonly position: number; readonly name: string; readonly votes: number }[];
  readonly substitutes: readonly { readonly position: number; readonly name: string; readonly votes: number }[];
}

export interface PvContent {
  readonly format: 'isoloir-pv/1';
  readonly electionId: string;
  readonly constituency: { readonly code: string; readonly label: Labels; readonly languages: readonly Language[] };
  readonly mode: Mode;
  readonly category: Category;
  readonly groupId: string;
  readonly registeredVoters: number;
  readonly received: number;
  readonly superseded: number;
  readonly cancelled: Readonly<Record<string, number>>;
  readonly counted: number;
  /** Set when this group was merged (PO decision) into another: its figures are in that PV. */
  readonly mergedInto: string | null;
  /** Groups merged into this one (PO decision): their ballots are in these figures. */
  readonly mergedFrom: readonly string[];
  readonly valid: number;
  readonly blank: number;
  readonly invalid: number;
  readonly invalidByRule: Readonly<Record<string, number>>;
  readonly lists: readonly PvList[];
  readonly generatedAt: string;
  readonly recordHash: string;
}

async function registeredVoters(store: Store, electionId: string, constituency: string, mode: Mode, category: Category): Promise<number> {
  const election = await store.db.selectFrom('elections').select('election_day_id').where('id', '=', electionId).executeTakeFirstOrThrow();
  const consolidation = await latestConsolidation(store.db, election.election_day_id);
  if (consolidation !== undefined) {
    const counts = await modeCounts(store, election.election_day_id, consolidation.id, mode === 'online' ? 7 : 8);
    return counts.filter((c) => c.electionId === electionId && c.constituency === constituency && c.category === category).reduce((a, c) => a + c.voters, 0);
  }
  // No consolidated voter file (offline demo): every voter of the day is registered for the mode.
  const row = await store.db.selectFrom('voters').select((eb) => eb.fn.countAll<string>().as('n')).where('election_day_id', '=', election.election_day_id).where('constituency_code', '=', constituency).where('category', '=', category).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function buildPv(store: Store, electionId: string, groupId: string, recordHash: string, now = new Date()): Promise<PvContent> {
  const g = await store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
  const info = await loadConstituency(store.db, electionId, g.constituency_code);
  const statuses = await sql<{ status: string; reason: string | null; n: string }>`
    select status, cancellation_reason as reason, count(*)::text as n from ballots
     where election_id = ${electionId} and constituency_code = ${g.constituency_code} and mode = ${g.mode} and category = ${g.category}
     group by 1, 2`.execute(store.db);
  const n = (f: (r: { status: string; reason: string | null }) => boolean): number => statuses.rows.filter(f).reduce((a, r) => a + Number(r.n), 0);
  const cancelled: Record<string, number> = {};
  for (const r of statuses.rows.filter((x) => x.status === 'cancelled')) cancelled[r.reason ?? 'other'] = (cancelled[r.reason ?? 'other'] ?? 0) + Number(r.n);
  const mergedFrom = (await store.db.selectFrom('counting_groups').select('group_id').where('election_id', '=', electionId).where('merged_into', '=', groupId).execute()).map((r) => r.group_id);
  // The figures are the group's legal count as the record carries it (counting_results.counts, the
  // `counts` entry that `isoloir verify` re-derives), never a second count from the database.
  const result = g.merged_into === null ? await store.db.selectFrom('counting_results').select('counts').where('election_id', '=', electionId).where('group_id', '=', groupId).executeTakeFirst() : undefined;
  const count = (result?.counts as LegalCounts | undefined) ?? legalCounts(info.model, []);
  const lists: PvList[] = count.lists.map((l) => {
    const model = info.model.lists.find((m) => m.number === l.number);
    return {
      number: l.number,
      name: model?.name ?? String(l.number),
      categories: { B: l.B, C: l.C, D: l.D, E: l.E },
      total: l.total,
      effectives: l.effectives.map((votes, i) => ({ position: i + 1, name: model?.effectives[i]?.name ?? '', votes })),
      substitutes: l.substitutes.map((votes, i) => ({ position: i + 1, name: model?.substitutes[i]?.name ?? '', votes })),
    };
  });
  return {
    format: 'isoloir-pv/1',
    electionId,
    constituency: { code: g.constituency_code, label: info.label, languages: info.languages },
    mode: g.mode,
    category: g.category,
    groupId,
    registeredVoters: await registeredVoters(store, electionId, g.constituency_code, g.mode, g.category),
    received: n(() => true),
    superseded: n((r) => r.status === 'superseded'),
    cancelled,
    counted: n((r) => r.status === 'counted'),
    mergedInto: g.merged_into,
    mergedFrom,
    valid: count.valid,
    blank: count.blank,
    invalid: count.invalid,
    invalidByRule: { ...count.invalidByRule },
    lists,
    generatedAt: now.toISOString(),
    recordHash,
  };
}

/** Generates (or regenerates, while not final) every PV of the election. */
export async function generatePvs(store: Store, electionId: string, recordHash: string, actor: CountingActor): Promise<PvContent[]> {
  const groups = await store.db.selectFrom('counting_groups').select('group_id').where('election_id', '=', electionId).orderBy('group_id').execute();
  const pvs: PvContent[] = [];
  for (const g of groups) pvs.push(await buildPv(store, electionId, g.group_id, recordHash));
  await store.db.transaction().execute(async (trx) => {
    for (const pv of pvs) {
      const existing = await trx.selectFrom('counting_pvs').select('final_at').where('election_id', '=', electionId).where('constituency_code', '=', pv.constituency.code).where('mode', '=', pv.mode).where('category', '=', pv.category).executeTakeFirst();
      if (existing !== undefined && existing.final_at !== null) throw new CountingError('counting.state', `the PV of ${pv.groupId} is final`);
      await trx
        .insertInto('counting_pvs')
        .values({ election_id: electionId, constituency_code: pv.constituency.code, mode: pv.mode, category: pv.category, content: JSON.stringify(pv), record_hash: recordHash, generated_at: pv.generatedAt })
        .onConflict((oc) => oc.columns(['election_id', 'constituency_code', 'mode', 'category']).doUpdateSet({ content: JSON.stringify(pv), record_hash: recordHash, generated_at: pv.generatedAt, approved_by: [] }))
        .execute();
    }
    await appendAudit(trx, { actor: actor.id, action: 'counting.pv.generated', subject: electionId, details: { pvs: pvs.length, recordHash } });
  });
  return pvs;
}

export interface PvKey {
  readonly electionId: string;
  readonly constituency: string;
  readonly mode: Mode;
  readonly category: Category;
}

/** A Team B member approves the PV; the second approval, by another member, makes it final. */
export async function approvePv(store: Store, key: PvKey, actor: CountingActor): Promise<{ approvals: number; final: boolean }> {
  const row = await store.db.selectFrom('counting_pvs').selectAll().where('election_id', '=', key.electionId).where('constituency_code', '=', key.constituency).where('mode', '=', key.mode).where('category', '=', key.category).executeTakeFirst();
  const subject = `${key.electionId}/${key.constituency}/${key.mode}/${key.category}`;
  const refuse = async (code: 'counting.not-found' | 'counting.four-eyes' | 'counting.state', message: string): Promise<never> => {
    await store.db.transaction().execute((trx) => appendAudit(trx, { actor: actor.id, action: 'counting.pv.approve-refused', subject, details: { refused: code, message } }));
    throw new CountingError(code, message);
  };
  if (row === undefined) return refuse('counting.not-found', 'no PV generated');
  if (row.final_at !== null) return refuse('counting.state', 'the PV is already final');
  if (row.approved_by.includes(actor.id)) return refuse('counting.four-eyes', 'a second approval must come from another member');
  return store.db.transaction().execute(async (trx) => {
    const approved = [...row.approved_by, actor.id];
    const final = approved.length >= 2;
    await trx
      .updateTable('counting_pvs')
      .set({ approved_by: approved, final_at: final ? new Date() : null })
      .where('election_id', '=', key.electionId)
      .where('constituency_code', '=', key.constituency)
      .where('mode', '=', key.mode)
      .where('category', '=', key.category)
      .execute();
    await appendAudit(trx, { actor: actor.id, action: final ? 'counting.pv.final' : 'counting.pv.approved', subject, details: { approvals: approved.length, recordHash: row.record_hash } });
    return { approvals: approved.length, final };
  });
}
