// Consolidation: one voter file per election day from the current commune files and the active
// consular registrations, set-based in SQL (no row loops). Conflicts are listed, never silently
// resolved: the same NRN in two communes, in a commune and abroad, twice abroad, deceased or deprived
// of rights. Those voters are held ('conflict') until the organising authority resolves each one;
// every resolution is audited.
import { sql, type Transaction } from 'kysely';
import { appendAudit, type ConflictKind, type Schema, type Store } from '@isoloir/store';
import { redactText } from '../log-redaction.ts';
import { memorySecretFor } from '../secrets/server-secret.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import type { Actor } from './actor.ts';
import { PreparationError } from './errors.ts';
import { assertNotFrozen } from './setup.ts';
import { stepTimer } from './step-timer.ts';

export interface ConsolidationReport {
  readonly consolidationId: string;
  readonly voters: number;
  readonly conflicts: Readonly<Partial<Record<ConflictKind, number>>>;
}

const VOTER_COLUMNS =
  'nrn, category, source, commune_nis, post_code, surname, given_names, birth_date, sex, language, address, mode, kiosk_post';

/** Every source row of the day: current commune files and active consular registrations. */
function sources(dayId: string) {
  return sql`(
    select v.nrn, 'belgium'::text as category, 'commune:' || f.nis as source, f.nis as commune_nis, null::text as post_code,
           v.surname, v.given_names, v.birth_date, v.sex, v.language, v.street || ', ' || v.postcode || ' ' || v.locality as address,
           o.mode::smallint as mode, null::text as kiosk_post, v.deprived, v.deceased
      from commune_voters v
      join commune_files f on f.id = v.file_id and f.current and f.election_day_id = ${dayId}
      left join resident_opt_ins o on o.election_day_id = ${dayId} and o.nrn = v.nrn
    union all
    select r.nrn, 'abroad', 'post:' || r.post_code, r.attachment_nis, r.post_code,
           r.surname, r.given_names, r.birth_date, r.sex, r.language, r.address || ' (' || r.country || ')', r.mode, r.kiosk_post_code, false, false
      from consular_registrations r
     where r.election_day_id = ${dayId} and r.status = 'active')`;
}

/** The numbers found more than once (in two communes, a commune and abroad, two posts). */
async function findMultiples(trx: Transaction<Schema>, dayId: string): Promise<void> {
  await sql`
    create temporary table cons_multi on commit drop as
    select lpad(n::text, 11, '0') as nrn, count(*) filter (where be) as n_be, count(*) filter (where not be) as n_abroad
      from (select v.nrn::bigint as n, true as be from commune_voters v join commune_files f on f.id = v.file_id and f.current and f.election_day_id = ${dayId}
            union all
            select r.nrn::bigint, false from consular_registrations r where r.election_day_id = ${dayId} and r.status = 'active') s
     group by n having count(*) > 1`.execute(trx);
  await sql`create index on cons_multi (nrn)`.execute(trx);
  await sql`analyze cons_multi`.execute(trx);
}

/** Builds a new consolidated voter file (a new version) for the day; one transaction, audited. */
export async function consolidate(store: Store, actor: Actor, dayId: string): Promise<ConsolidationReport> {
  return store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    // An unknown day is a 404, not a foreign-key failure (found by the API fuzzing test).
    if ((await trx.selectFrom('election_days').select('id').where('id', '=', dayId).executeTakeFirst()) === undefined)
      throw new PreparationError('preparation.not-found', 'params.dayId');
    const created = await trx
      .insertInto('consolidations')
      .values({ election_day_id: dayId, actor: actor.id, voters: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = created.id;
    const tick = stepTimer();
    // Enough memory to hash and sort millions of numbers without spilling to disk.
    await sql`set local work_mem = '256MB'`.execute(trx);
    await findMultiples(trx, dayId);
    tick('multiples');
    const src = sources(dayId);
    const columns = sql.raw(VOTER_COLUMNS);
    const sourced = sql.raw(
      VOTER_COLUMNS.split(', ')
        .map((c) => `s.${c}`)
        .join(', '),
    );
    await sql`
      insert into consolidated_voters (consolidation_id, ${columns}, status)
      select ${id}::bigint, ${sourced}, case when s.deceased or s.deprived then 'conflict' else 'ok' end
        from ${src} s where not exists (select 1 from cons_multi m where m.nrn = s.nrn)
       order by s.nrn::bigint`.execute(trx); // in key order (11 digits: numeric order is text order), the key grows at its right edge
    tick('voters');
    await sql`
      insert into consolidated_voters (consolidation_id, ${columns}, status)
      select distinct on (s.nrn) ${id}::bigint, ${sourced}, 'conflict'
        from ${src} s join cons_multi m on m.nrn = s.nrn order by s.nrn, s.source`.execute(trx);
    await sql`
      insert into consolidation_conflicts (consolidation_id, nrn, kind, sources)
      select ${id}::bigint, s.nrn,
             case when m.n_be >= 2 then 'two-communes' when m.n_be = 1 then 'commune-and-abroad' else 'twice-abroad' end,
             jsonb_agg(to_jsonb(s) order by s.source)
        from ${src} s join cons_multi m on m.nrn = s.nrn
       group by s.nrn, m.n_be`.execute(trx);
    await sql`
      insert into consolidation_conflicts (consolidation_id, nrn, kind, sources)
      select ${id}::bigint, s.nrn, case when s.deceased then 'deceased' else 'deprived' end, jsonb_build_array(to_jsonb(s))
        from ${src} s where (s.deceased or s.deprived) and not exists (select 1 from cons_multi m where m.nrn = s.nrn)`.execute(
      trx,
    );
    tick('conflicts');
    const counted = await trx
      .selectFrom('consolidated_voters')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('consolidation_id', '=', id)
      .executeTakeFirstOrThrow();
    const kinds = await trx
      .selectFrom('consolidation_conflicts')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('consolidation_id', '=', id)
      .groupBy('kind')
      .execute();
    const voters = Number(counted.n);
    await trx.updateTable('consolidations').set({ voters }).where('id', '=', id).execute();
    const conflicts = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])) as Partial<
      Record<ConflictKind, number>
    >;
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.consolidated',
      subject: dayId,
      details: { consolidationId: id, voters, conflicts },
    });
    return { consolidationId: id, voters, conflicts };
  });
}

export async function latestConsolidation(
  db: Store['db'] | Transaction<Schema>,
  dayId: string,
): Promise<{ readonly id: string; readonly voters: number; readonly frozen: boolean; readonly at: Date } | undefined> {
  const row = await db
    .selectFrom('consolidations')
    .select(['id', 'voters', 'frozen_at', 'at'])
    .where('election_day_id', '=', dayId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, voters: row.voters, frozen: row.frozen_at !== null, at: row.at };
}

/**
 * How a conflict is settled: keep one of its sources (`commune:NIS` or `post:CODE`), exclude the
 * voter, or include them despite a deceased / deprived flag the organising authority found wrong.
 */
export type Resolution = { readonly keep: string } | { readonly exclude: true } | { readonly include: true };

interface SourceRow {
  readonly source: string;
  readonly category: 'belgium' | 'abroad';
  readonly commune_nis: string;
  readonly post_code: string | null;
  readonly surname: string;
  readonly given_names: string;
  readonly birth_date: string;
  readonly sex: 'F' | 'M';
  readonly language: 'fr' | 'nl' | 'de';
  readonly address: string;
  readonly mode: number | null;
  readonly kiosk_post: string | null;
}

function describe(resolution: Resolution): string {
  if ('keep' in resolution) return `keep:${resolution.keep}`;
  return 'exclude' in resolution ? 'exclude' : 'include';
}

export async function resolveConflict(
  store: Store,
  actor: Actor,
  dayId: string,
  nrn: string,
  resolution: Resolution,
  reason: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const latest = await latestConsolidation(trx, dayId);
    if (latest === undefined) throw new PreparationError('preparation.not-found', 'consolidation');
    const conflict = await trx
      .selectFrom('consolidation_conflicts')
      .selectAll()
      .where('consolidation_id', '=', latest.id)
      .where('nrn', '=', nrn)
      .forUpdate()
      .executeTakeFirst();
    if (conflict === undefined) throw new PreparationError('preparation.not-found', `conflict ${nrn}`);
    const sources = conflict.sources as SourceRow[];
    const single = conflict.kind === 'deceased' || conflict.kind === 'deprived';
    let update: Partial<SourceRow> & { status: 'ok' | 'excluded' };
    if ('exclude' in resolution) update = { status: 'excluded' };
    else if ('include' in resolution) {
      if (!single) throw new PreparationError('preparation.resolution', 'include');
      update = { status: 'ok' };
    } else {
      const chosen = sources.find((s) => s.source === resolution.keep);
      if (single || chosen === undefined) throw new PreparationError('preparation.resolution', resolution.keep);
      const {
        source,
        category,
        commune_nis,
        post_code,
        surname,
        given_names,
        birth_date,
        sex,
        language,
        address,
        mode,
        kiosk_post,
      } = chosen;
      update = {
        source,
        category,
        commune_nis,
        post_code,
        surname,
        given_names,
        birth_date,
        sex,
        language,
        address,
        mode,
        kiosk_post,
        status: 'ok',
      };
    }
    await trx
      .updateTable('consolidated_voters')
      .set(update)
      .where('consolidation_id', '=', latest.id)
      .where('nrn', '=', nrn)
      .execute();
    const text = describe(resolution);
    await trx
      .updateTable('consolidation_conflicts')
      .set({ resolution: text, resolved_by: actor.id, resolved_at: new Date() })
      .where('consolidation_id', '=', latest.id)
      .where('nrn', '=', nrn)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.conflict.resolved',
      subject: `${dayId}/${latest.id}/${voterActor(memorySecretFor(store), dayId, nrn)}`,
      // The reason is the PO's free text: an NRN typed in it is kept as `[nrn]` (the subject names the voter).
      details: { kind: conflict.kind, resolution: text, reason: redactText(reason.slice(0, 500)) },
    });
  });
}

export interface ConflictView {
  readonly nrn: string;
  readonly kind: ConflictKind;
  readonly sources: readonly {
    readonly source: string;
    readonly surname: string;
    readonly givenNames: string;
    readonly mode: number | null;
  }[];
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
}

export async function listConflicts(
  store: Store,
  dayId: string,
  limit = 500,
): Promise<{ readonly consolidationId: string | null; readonly conflicts: readonly ConflictView[] }> {
  const latest = await latestConsolidation(store.db, dayId);
  if (latest === undefined) return { consolidationId: null, conflicts: [] };
  const rows = await store.db
    .selectFrom('consolidation_conflicts')
    .selectAll()
    .where('consolidation_id', '=', latest.id)
    .orderBy('resolution', (ob) => ob.nullsFirst())
    .orderBy('nrn')
    .limit(limit)
    .execute();
  return {
    consolidationId: latest.id,
    conflicts: rows.map((r) => ({
      nrn: r.nrn,
      kind: r.kind,
      sources: (r.sources as SourceRow[]).map((s) => ({
        source: s.source,
        surname: s.surname,
        givenNames: s.given_names,
        mode: s.mode,
      })),
      resolution: r.resolution,
      resolvedBy: r.resolved_by,
    })),
  };
}
