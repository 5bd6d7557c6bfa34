// The procès-verbal (PV) of electronic votes of one counting set of a constituency main office: a
// group (constituency × mode × abroad/Belgium) with the groups merged into it by the minimum-
// anonymity rule (said in words). Registered voters, ballots received, superseded, cancelled by
// reason, counted, valid, blank, invalid by rule, per list the categories B/C/D/E and the total, per
// candidate the preference votes; the office (place, times, members, witnesses), observations,
// claims and contested ballots; the record's hash. Figures come from pv-figures.ts only. Team B
// reviews; two different members approve (names and times kept) before it is final.
import type { Language } from '@isoloir/electoral';
import {
  appendAudit,
  type Labels,
  type ObservationKind,
  type OfficeMemberRole,
  type PvApproval,
  type Store,
} from '@isoloir/store';
import { latestConsolidation } from '../preparation/consolidate.ts';
import { modeCounts } from '../preparation/mode-files.ts';
import { CountingError, type CountingActor } from './errors.ts';
import { loadConstituency, type Category, type Mode } from './layout.ts';
import { anonymityMinimumOf, WITHHELD_REASON } from './anonymity.ts';
import { figuresError, pvFigures, type PvList, type PvMember } from './pv-figures.ts';
import { officeInfo } from './office.ts';
import { hybridApprovalRefusal } from '../hybrid/hybrid-pv.ts';

export type { PvList, PvMember } from './pv-figures.ts';

/** A PV's mode: the electronic ones, and `hybrid` (mode 6's paper ballots, apps/server/src/hybrid/hybrid-pv.ts). */
export type PvMode = Mode | 'hybrid';

/** What Team A did with the hybrid envelopes of the PV's box (hybrid PVs only). */
export interface PvReception {
  /** Outer envelopes of this category scanned at the main office. */
  readonly received: number;
  /** Their inner envelopes put into the box. */
  readonly accepted: number;
  /** Set aside on receipt, by reason. */
  readonly setAside: Readonly<Record<string, number>>;
  /** Accepted, then cancelled by a polling-station list that came in later (taken out of the box). */
  readonly cancelled: number;
  /** Envelopes of the main office whose K-code no kit bears (their category cannot be known). */
  readonly unknownCodesAtOffice: number;
}

/** The box's inner envelopes against the ballots encoded (hybrid PVs only). */
export interface PvReconciliation {
  /** Inner envelopes to find in the box: accepted − cancelled. */
  readonly expected: number;
  /** Ballots Team B encoded (the box's agreed ballots). */
  readonly encoded: number;
  /** encoded − expected; a non-zero difference must be explained before the PV is approved. */
  readonly difference: number;
  readonly explanation: { readonly text: string; readonly author: string; readonly recordedAt: string } | null;
}

export interface PvContent {
  readonly format: 'isoloir-pv/1';
  readonly electionId: string;
  readonly election: { readonly label: Labels; readonly date: string };
  readonly constituency: { readonly code: string; readonly label: Labels; readonly languages: readonly Language[] };
  readonly mode: PvMode;
  readonly category: Category;
  readonly groupId: string;
  /** The groups in this PV: the carrying group first, then those merged into it with the rule. */
  readonly members: readonly PvMember[];
  readonly minimumAnonymitySet: number;
  readonly registeredVoters: number;
  readonly received: number;
  readonly superseded: number;
  readonly cancelled: Readonly<Record<string, number>>;
  readonly counted: number;
  /**
   * Ballots not decrypted because the constituency's electronic ballots, all together, stay below the
   * minimum anonymity set (0 otherwise): received = superseded + Σ cancelled + counted + withheld.
   */
  readonly withheld: number;
  /** Why, when `withheld` > 0: `below-minimum-anonymity-set`. */
  readonly withheldReason: string | null;
  /** Always null: a merged group has no PV of its own (its figures are in the set's PV). Kept for readers of isoloir-pv/1. */
  readonly mergedInto: string | null;
  /** Groups merged into this one by the minimum-anonymity rule: their ballots are in these figures. */
  readonly mergedFrom: readonly string[];
  readonly valid: number;
  readonly blank: number;
  readonly invalid: number;
  readonly invalidByRule: Readonly<Record<string, number>>;
  readonly lists: readonly PvList[];
  readonly office: {
    readonly place: string;
    readonly openedAt: string | null;
    readonly closedAt: string | null;
    readonly members: readonly {
      readonly role: OfficeMemberRole;
      readonly name: string;
      readonly listNumber: number | null;
    }[];
  };
  readonly observations: readonly {
    readonly kind: ObservationKind;
    readonly author: string;
    readonly text: string;
    readonly recordedAt: string;
  }[];
  readonly generatedAt: string;
  /** The election record's head hash; null until every constituency of the election is counted. */
  readonly recordHash: string | null;
  /** Hybrid PVs only: Team A's reception figures and the box's reconciliation. */
  readonly reception?: PvReception;
  readonly reconciliation?: PvReconciliation;
}

export async function registeredVoters(
  store: Store,
  electionId: string,
  constituency: string,
  mode: PvMode,
  category: Category,
): Promise<number> {
  const election = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const consolidation = await latestConsolidation(store.db, election.election_day_id);
  if (consolidation !== undefined) {
    const counts = await modeCounts(
      store,
      election.election_day_id,
      consolidation.id,
      mode === 'hybrid' ? 6 : mode === 'online' ? 7 : 8,
    );
    return (
      counts
        // A voter who chooses in the booth (`a|b`) is registered in each constituency offered, as on the roll.
        .filter(
          (c) =>
            c.electionId === electionId && c.constituency.split('|').includes(constituency) && c.category === category,
        )
        .reduce((a, c) => a + c.voters, 0)
    );
  }
  // No consolidated voter file (offline demo): every voter of the day is registered for the mode.
  const row = await store.db
    .selectFrom('voters')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('election_day_id', '=', election.election_day_id)
    .where('constituency_code', '=', constituency)
    .where('category', '=', category)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function buildPv(
  store: Store,
  electionId: string,
  groupId: string,
  recordHash: string | null,
  now = new Date(),
): Promise<PvContent> {
  const g = await store.db
    .selectFrom('counting_groups')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  if (g.merged_into !== null)
    throw new CountingError(
      'counting.state',
      `group ${groupId} is counted with ${g.merged_into}: it has no PV of its own`,
    );
  const info = await loadConstituency(store.db, electionId, g.constituency_code);
  const figures = await pvFigures(store, info, { electionId, constituency: g.constituency_code, groupId });
  const bad = figuresError(figures);
  if (bad !== undefined) throw new CountingError('counting.state', `PV ${groupId}: the figures do not add up (${bad})`);
  const election = await store.db
    .selectFrom('elections as e')
    .innerJoin('election_days as d', 'd.id', 'e.election_day_id')
    .select(['e.label', 'd.voting_date'])
    .where('e.id', '=', electionId)
    .executeTakeFirstOrThrow();
  const office = await officeInfo(store, electionId, g.constituency_code);
  let registered = 0;
  for (const m of figures.members)
    registered += await registeredVoters(store, electionId, g.constituency_code, m.mode, m.category);
  const votingDate = election.voting_date as unknown;
  return {
    format: 'isoloir-pv/1',
    electionId,
    election: {
      label: election.label,
      date: votingDate instanceof Date ? votingDate.toISOString().slice(0, 10) : String(votingDate),
    },
    constituency: { code: g.constituency_code, label: info.label, languages: info.languages },
    mode: g.mode,
    category: g.category,
    groupId,
    members: figures.members,
    minimumAnonymitySet: await anonymityMinimumOf(store.db, electionId),
    registeredVoters: registered,
    received: figures.received,
    superseded: figures.superseded,
    cancelled: figures.cancelled,
    counted: figures.counted,
    withheld: figures.withheld,
    withheldReason: figures.withheld > 0 ? WITHHELD_REASON : null,
    mergedInto: null,
    mergedFrom: figures.members.filter((m) => m.mergeRule !== null).map((m) => m.groupId),
    valid: figures.valid,
    blank: figures.blank,
    invalid: figures.invalid,
    invalidByRule: figures.invalidByRule,
    lists: figures.lists,
    office: {
      place: office.place,
      openedAt: office.openedAt?.toISOString() ?? null,
      closedAt: office.closedAt?.toISOString() ?? null,
      members: office.members,
    },
    observations: office.observations.map((o) => ({
      kind: o.kind,
      author: o.author,
      text: o.text,
      recordedAt: o.recordedAt.toISOString(),
    })),
    generatedAt: now.toISOString(),
    recordHash,
  };
}

/**
 * Generates (or regenerates, while not final) the PVs of one constituency: one per counting set
 * (merged groups have none of their own). Regenerating resets the approvals.
 */
export async function generatePvs(
  store: Store,
  electionId: string,
  constituency: string,
  recordHash: string | null,
  actor: CountingActor,
): Promise<PvContent[]> {
  const groups = await store.db
    .selectFrom('counting_groups')
    .select('group_id')
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('merged_into', 'is', null)
    .orderBy('group_id')
    .execute();
  const pvs: PvContent[] = [];
  for (const g of groups) pvs.push(await buildPv(store, electionId, g.group_id, recordHash));
  await store.db.transaction().execute(async (trx) => {
    for (const pv of pvs) {
      const existing = await trx
        .selectFrom('counting_pvs')
        .select('final_at')
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', pv.constituency.code)
        .where('mode', '=', pv.mode)
        .where('category', '=', pv.category)
        .executeTakeFirst();
      if (existing !== undefined && existing.final_at !== null)
        throw new CountingError('counting.state', `the PV of ${pv.groupId} is final`);
      const row = {
        content: JSON.stringify(pv),
        record_hash: recordHash ?? '',
        generated_at: pv.generatedAt,
        approved_by: [] as string[],
        approvals: '[]',
      };
      await trx
        .insertInto('counting_pvs')
        .values({
          election_id: electionId,
          constituency_code: pv.constituency.code,
          mode: pv.mode,
          category: pv.category,
          ...row,
        })
        .onConflict((oc) => oc.columns(['election_id', 'constituency_code', 'mode', 'category']).doUpdateSet(row))
        .execute();
    }
    // A PV of a group that is now merged into another (none after the split) is removed.
    if (pvs.length > 0)
      await trx
        .deleteFrom('counting_pvs')
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', constituency)
        .where('final_at', 'is', null)
        .where('mode', '<>', 'hybrid')
        .where((eb) =>
          eb.not(eb.or(pvs.map((pv) => eb.and([eb('mode', '=', pv.mode), eb('category', '=', pv.category)])))),
        )
        .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.pv.generated',
      subject: `${electionId}/${constituency}`,
      details: { pvs: pvs.length, recordHash },
    });
  });
  return pvs;
}

export interface PvKey {
  readonly electionId: string;
  readonly constituency: string;
  readonly mode: PvMode;
  readonly category: Category;
}

/** A Team B member approves the PV; the second approval, by another member, makes it final. */
export async function approvePv(
  store: Store,
  key: PvKey,
  actor: CountingActor,
): Promise<{ approvals: number; final: boolean }> {
  const row = await store.db
    .selectFrom('counting_pvs')
    .selectAll()
    .where('election_id', '=', key.electionId)
    .where('constituency_code', '=', key.constituency)
    .where('mode', '=', key.mode)
    .where('category', '=', key.category)
    .executeTakeFirst();
  const subject = `${key.electionId}/${key.constituency}/${key.mode}/${key.category}`;
  const refuse = async (
    code:
      | 'counting.not-found'
      | 'counting.four-eyes'
      | 'counting.state'
      | 'hybrid.difference-unexplained'
      | 'hybrid.pv-stale',
    message: string,
  ): Promise<never> => {
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: actor.id,
        action: 'counting.pv.approve-refused',
        subject,
        details: { refused: code, message },
      }),
    );
    throw new CountingError(code, message);
  };
  if (row === undefined) return refuse('counting.not-found', 'no PV generated');
  if (row.final_at !== null) return refuse('counting.state', 'the PV is already final');
  // A hybrid PV: its count is Team B's (not the record's); a box whose ballots differ from the inner
  // envelopes accepted is approved only once the difference is explained (./../hybrid/reconciliation.ts).
  if (key.mode === 'hybrid') {
    const refusal = await hybridApprovalRefusal(
      store,
      key.electionId,
      key.constituency,
      key.category,
      row.content as PvContent,
    );
    if (refusal !== undefined)
      return refuse(
        refusal,
        refusal === 'hybrid.pv-stale'
          ? 'the figures changed since the PV was generated: generate it again'
          : 'the ballots encoded differ from the inner envelopes accepted and the difference is not explained',
      );
  } else if (row.record_hash === '')
    return refuse(
      'counting.state',
      'the election record is not published yet: the PV is approved once every constituency is counted',
    );
  if (row.approved_by.includes(actor.id))
    return refuse('counting.four-eyes', 'a second approval must come from another member');
  return store.db.transaction().execute(async (trx) => {
    const now = new Date();
    const approved = [...row.approved_by, actor.id];
    const approvals: PvApproval[] = [
      ...row.approvals,
      { actor: actor.id, name: actor.name ?? actor.id, at: now.toISOString() },
    ];
    const final = approved.length >= 2;
    await trx
      .updateTable('counting_pvs')
      .set({ approved_by: approved, approvals: JSON.stringify(approvals), final_at: final ? now : null })
      .where('election_id', '=', key.electionId)
      .where('constituency_code', '=', key.constituency)
      .where('mode', '=', key.mode)
      .where('category', '=', key.category)
      .execute();
    await appendAudit(
      trx,
      {
        actor: actor.id,
        action: final ? 'counting.pv.final' : 'counting.pv.approved',
        subject,
        details: { approvals: approved.length, recordHash: row.record_hash },
      },
      now,
    );
    return { approvals: approved.length, final };
  });
}
