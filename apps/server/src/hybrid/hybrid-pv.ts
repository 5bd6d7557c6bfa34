// The PV of hybrid votes (mode 6, issue #16), one per election × constituency × abroad/Belgium: the
// seed's "PV of hybrid votes, abroad / Belgium, per constituency", in the format of the electronic
// PVs (`isoloir-pv/1`, `"mode": "hybrid"`, ../counting/pv.ts) and with their approvals (two Team B
// members, ../counting/pv.ts approvePv), kept in the same table so that it reaches the export bundle
// with them. Its figures:
// - reception (Team A): envelopes of the category received, accepted, set aside by reason, accepted
//   then cancelled by a later polling-station list; the office's envelopes with an unknown K-code;
// - the count (Team B): the box's agreed ballots (double entry, ./double-entry.ts) classified by
//   packages/electoral (valid / blank / invalid by the rule of art. 156 §2, categories B/C/D/E of
//   art. 156 §1, list and preference votes), exact integer sums (../counting/tally.ts legalCountsOf);
// - the reconciliation (./reconciliation.ts): expected = accepted − cancelled, encoded, difference and
//   its explanation, printed in the observations; a PV with an unexplained difference is not approved.
// In the electronic PVs' terms: received = Σ cancelled (set aside and cancelled, by reason) + counted
// when the box reconciles (superseded and withheld are 0: a second envelope is set aside on receipt).
import { appendAudit, type Store } from '@isoloir/store';
import { anonymityMinimumOf } from '../counting/anonymity.ts';
import { CountingError, type CountingActor } from '../counting/errors.ts';
import { loadConstituency, type Category } from '../counting/layout.ts';
import { officeInfo } from '../counting/office.ts';
import { pvListsOf } from '../counting/pv-figures.ts';
import { registeredVoters, type PvContent, type PvReception } from '../counting/pv.ts';
import { AppError } from '../errors.ts';
import { boxBallots } from './double-entry-store.ts';
import { countPaperBallots } from './hybrid-count.ts';
import { boxReconciliation } from './reconciliation.ts';

/** A box nothing went into (or everything came out of) and nobody encoded: its PV counts zero ballots. */
function emptyBox(r: { readonly state: string; readonly expected: number }): boolean {
  return r.state === 'not-started' && r.expected === 0;
}

export const HYBRID_CATEGORIES: readonly Category[] = ['belgium', 'abroad'];

export function hybridGroupId(constituency: string, category: Category): string {
  return `${constituency}/hybrid/${category}`;
}

/** Team A's figures for one category of a main office (one query). */
export async function receptionFigures(
  store: Store,
  electionDayId: string,
  office: string,
  category: Category,
): Promise<PvReception> {
  const rows = await store.db
    .selectFrom('hybrid_envelopes as e')
    .leftJoin('hybrid_kcodes as k', 'k.id', 'e.kcode_id')
    .select(['e.category', 'e.outcome', 'e.reason', 'k.state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('e.election_day_id', '=', electionDayId)
    .where('e.office', '=', office)
    .where((eb) => eb.or([eb('e.category', '=', category), eb('e.category', 'is', null)]))
    .groupBy(['e.category', 'e.outcome', 'e.reason', 'k.state'])
    .execute();
  let received = 0;
  let accepted = 0;
  let cancelled = 0;
  let unknownCodesAtOffice = 0;
  const setAside: Record<string, number> = {};
  for (const r of rows) {
    const n = Number(r.n);
    if (r.category === null) {
      unknownCodesAtOffice += n;
      continue;
    }
    received += n;
    if (r.outcome === 'accepted') {
      accepted += n;
      if (r.state === 'cancelled') cancelled += n;
    } else if (r.reason !== null) setAside[r.reason] = (setAside[r.reason] ?? 0) + n;
  }
  return { received, accepted, setAside, cancelled, unknownCodesAtOffice };
}

/**
 * The hybrid PV of one box. Refused (`hybrid.box-not-done`) while its double entry is not done,
 * unless nothing went into it (no inner envelope, no entry: a PV of zeros).
 */
export async function buildHybridPv(
  store: Store,
  electionId: string,
  constituency: string,
  category: Category,
  recordHash: string | null,
  now = new Date(),
): Promise<PvContent> {
  const key = { electionId, office: constituency, box: category };
  const reconciliation = await boxReconciliation(store, key);
  const { ballots } = await boxBallots(store, key);
  if (ballots === undefined && !emptyBox(reconciliation)) throw new AppError('hybrid.box-not-done');
  const agreed = ballots ?? [];
  const info = await loadConstituency(store.db, electionId, constituency);
  const count = countPaperBallots(info.model, agreed);
  const election = await store.db
    .selectFrom('elections as e')
    .innerJoin('election_days as d', 'd.id', 'e.election_day_id')
    .select(['e.label', 'e.election_day_id', 'd.voting_date'])
    .where('e.id', '=', electionId)
    .executeTakeFirstOrThrow();
  const reception = await receptionFigures(store, election.election_day_id, constituency, category);
  const cancelled: Record<string, number> = { ...reception.setAside };
  if (reception.cancelled > 0)
    cancelled['voted-at-polling-station'] = (cancelled['voted-at-polling-station'] ?? 0) + reception.cancelled;
  const office = await officeInfo(store, electionId, constituency);
  const lists = pvListsOf(info.model, count);
  const groupId = hybridGroupId(constituency, category);
  const explanation = reconciliation.explanation;
  const votingDate = election.voting_date as unknown;
  return {
    format: 'isoloir-pv/1',
    electionId,
    election: {
      label: election.label,
      date: votingDate instanceof Date ? votingDate.toISOString().slice(0, 10) : String(votingDate),
    },
    constituency: { code: constituency, label: info.label, languages: info.languages },
    mode: 'hybrid',
    category,
    groupId,
    members: [
      {
        groupId,
        mode: 'hybrid',
        category,
        mergeRule: null,
        received: reception.received,
        superseded: 0,
        cancelled,
        counted: agreed.length,
        withheld: 0,
      },
    ],
    minimumAnonymitySet: await anonymityMinimumOf(store.db, electionId),
    registeredVoters: await registeredVoters(store, electionId, constituency, 'hybrid', category),
    received: reception.received,
    superseded: 0,
    cancelled,
    counted: agreed.length,
    withheld: 0,
    withheldReason: null,
    mergedInto: null,
    mergedFrom: [],
    valid: count.valid,
    blank: count.blank,
    invalid: count.invalid,
    invalidByRule: count.invalidByRule,
    lists,
    office: {
      place: office.place,
      openedAt: office.openedAt?.toISOString() ?? null,
      closedAt: office.closedAt?.toISOString() ?? null,
      members: office.members,
    },
    observations: [
      ...(explanation === null || reconciliation.unexplained
        ? []
        : [
            {
              kind: 'observation' as const,
              author: explanation.author,
              text: `[${category}: ${String(reconciliation.encoded ?? 0)} / ${String(reconciliation.expected)}] ${explanation.text}`,
              recordedAt: explanation.recordedAt,
            },
          ]),
      ...office.observations.map((o) => ({
        kind: o.kind,
        author: o.author,
        text: o.text,
        recordedAt: o.recordedAt.toISOString(),
      })),
    ],
    generatedAt: now.toISOString(),
    recordHash,
    reception,
    reconciliation: {
      expected: reconciliation.expected,
      encoded: agreed.length,
      difference: agreed.length - reconciliation.expected,
      explanation:
        explanation === null || reconciliation.unexplained
          ? null
          : { text: explanation.text, author: explanation.author, recordedAt: explanation.recordedAt },
    },
  };
}

/** The election record's head, once published with the electronic PVs (null before). */
async function publishedRecordHash(store: Store, electionId: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('counting_pvs')
    .select('record_hash')
    .where('election_id', '=', electionId)
    .where('mode', '<>', 'hybrid')
    .where('record_hash', '<>', '')
    .executeTakeFirst();
  return row?.record_hash ?? null;
}

/**
 * Generates (or regenerates, while not final) the hybrid PVs of one constituency: one per category
 * whose box received anything or was encoded. Regenerating resets the approvals. One transaction,
 * one audit entry.
 */
export async function generateHybridPvs(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
  now = new Date(),
): Promise<PvContent[]> {
  const recordHash = await publishedRecordHash(store, electionId);
  const pvs: PvContent[] = [];
  for (const category of HYBRID_CATEGORIES) {
    const pv = await buildHybridPv(store, electionId, constituency, category, recordHash, now);
    if (pv.received > 0 || pv.counted > 0 || (pv.reception?.accepted ?? 0) > 0) pvs.push(pv);
  }
  if (pvs.length === 0) throw new AppError('counting.not-found', 'hybrid-envelopes');
  await store.db.transaction().execute(async (trx) => {
    for (const pv of pvs) {
      const existing = await trx
        .selectFrom('counting_pvs')
        .select('final_at')
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', constituency)
        .where('mode', '=', 'hybrid')
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
          constituency_code: constituency,
          mode: 'hybrid',
          category: pv.category,
          ...row,
        })
        .onConflict((oc) => oc.columns(['election_id', 'constituency_code', 'mode', 'category']).doUpdateSet(row))
        .execute();
    }
    await appendAudit(
      trx,
      {
        actor: actor.id,
        action: 'hybrid.pv.generated',
        subject: `${electionId}/${constituency}`,
        details: {
          pvs: pvs.map((pv) => ({
            category: pv.category,
            counted: pv.counted,
            difference: pv.reconciliation?.difference ?? 0,
          })),
          recordHash,
        },
      },
      now,
    );
  });
  return pvs;
}

/**
 * Why a stored hybrid PV may not be approved now, or undefined: a difference without its explanation,
 * or figures that changed since it was generated (checked against the box as it is now).
 */
/** The same reception figures, whatever the order of their keys (the PV's content comes back from jsonb). */
function sameReception(now: PvReception, stored: PvReception | undefined): boolean {
  if (stored === undefined) return false;
  const canonical = (r: PvReception): string =>
    JSON.stringify([
      r.received,
      r.accepted,
      r.cancelled,
      r.unknownCodesAtOffice,
      Object.entries(r.setAside)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ]);
  return canonical(now) === canonical(stored);
}

export async function hybridApprovalRefusal(
  store: Store,
  electionId: string,
  constituency: string,
  category: Category,
  content: PvContent,
): Promise<'hybrid.difference-unexplained' | 'hybrid.pv-stale' | undefined> {
  const now = await boxReconciliation(store, { electionId, office: constituency, box: category });
  const stored = content.reconciliation;
  if (stored === undefined) return 'hybrid.pv-stale';
  // An envelope received (or cancelled) since the PV was generated: its reception figures are stale.
  const { election_day_id: day } = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  if (!sameReception(await receptionFigures(store, day, constituency, category), content.reception))
    return 'hybrid.pv-stale';
  const encoded = now.encoded ?? (emptyBox(now) ? 0 : null);
  if (encoded !== stored.encoded || now.expected !== stored.expected) return 'hybrid.pv-stale';
  if (stored.difference !== 0 && stored.explanation === null)
    return now.unexplained ? 'hybrid.difference-unexplained' : 'hybrid.pv-stale';
  if (now.unexplained) return 'hybrid.difference-unexplained';
  return undefined;
}
