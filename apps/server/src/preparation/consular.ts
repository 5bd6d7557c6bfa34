// Consular registration: a career consular post registers a Belgian abroad with exactly one voting
// mode among the legal ones (1–8; 8 = kiosk, at a named post), changes or withdraws it before the
// registration deadline, or imports its whole register (same CSV style as the commune files).
// Each command is one transaction with its audit entry.
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { memorySecretFor } from '../secrets/server-secret.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import type { Actor } from './actor.ts';
import type { ByteSource } from './csv.ts';
import { withBulkTransaction, type BulkColumn } from './bulk-load.ts';
import { rowContext, type ImportReport } from './commune-import.ts';
import { PreparationError } from './errors.ts';
import { rejectDuplicates, saveRejections, stageCsv } from './import-pipeline.ts';
import { assertNotFrozen, daySettings } from './setup.ts';
import { checkConsularRow, CONSULAR_COLUMNS, type ConsularContext, type Rejection } from './voter-rows.ts';

export interface Registration {
  readonly nrn: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M';
  readonly address: string;
  readonly country: string;
  readonly email: string;
  readonly attachmentNis: string;
  readonly language: 'fr' | 'nl' | 'de';
  readonly mode: number;
  /** The post whose kiosk the voter will use (mode 8 only). */
  readonly kioskPost?: string | undefined;
}

/** The post a consular official acts for; the organising authority names it. */
export function postScope(actor: Actor, post: string): string {
  if (actor.role === 'consular-official') {
    if (actor.scope !== post) throw new PreparationError('preparation.scope', 'post');
    return post;
  }
  if (actor.role === 'po-admin' || actor.role === 'cli') return post;
  throw new PreparationError('preparation.scope', 'role');
}

async function consularContext(
  store: Store,
  dayId: string,
  post: string,
  now: Date,
): Promise<ConsularContext & { readonly deadline: string }> {
  const base = await rowContext(store, dayId, undefined, now);
  const settings = await daySettings(store.db, dayId);
  const posts = await store.db.selectFrom('consular_posts').select('code').execute();
  if (!posts.some((p) => p.code === post)) throw new PreparationError('preparation.not-found', `post ${post}`);
  return {
    ...base,
    modes: new Set(settings.abroadModes),
    posts: new Set(posts.map((p) => p.code)),
    deadline: settings.registrationDeadline,
  };
}

function assertBeforeDeadline(deadline: string, now: Date): void {
  if (now.toISOString().slice(0, 10) > deadline) throw new PreparationError('preparation.deadline', deadline);
}

function cellsOf(r: Registration): (column: string) => string {
  const values: Record<string, string> = {
    nrn: r.nrn.replace(/[\s.-]/g, ''),
    surname: r.surname.trim(),
    given_names: r.givenNames.trim(),
    birth_date: r.birthDate,
    sex: r.sex,
    address: r.address.trim(),
    country: r.country,
    email: r.email.trim(),
    attachment_nis: r.attachmentNis,
    language: r.language,
    mode: String(r.mode),
    kiosk_post: r.kioskPost ?? '',
  };
  return (column) => values[column] ?? '';
}

function rowOf(dayId: string, post: string, r: Registration) {
  const get = cellsOf(r);
  return {
    election_day_id: dayId,
    post_code: post,
    nrn: get('nrn'),
    surname: get('surname'),
    given_names: get('given_names'),
    birth_date: r.birthDate,
    sex: r.sex,
    address: get('address'),
    country: r.country,
    email: get('email'),
    attachment_nis: r.attachmentNis,
    language: r.language,
    mode: r.mode,
    kiosk_post_code: r.mode === 8 ? (r.kioskPost ?? null) : null,
    status: 'active' as const,
  };
}

/** A registration in the audit log: day, post and the voter's keyed pseudonym, never the NRN. */
function registrationSubject(store: Store, dayId: string, post: string, nrn: string): string {
  return `${dayId}/${post}/${voterActor(memorySecretFor(store), dayId, nrn)}`;
}

/** What registering and changing share: the official's post, the deadline, and the row's rules. */
async function checkRegistration(
  store: Store,
  actor: Actor,
  dayId: string,
  post: string,
  registration: Registration,
  now: Date,
): Promise<void> {
  postScope(actor, post);
  const ctx = await consularContext(store, dayId, post, now);
  assertBeforeDeadline(ctx.deadline, now);
  const rejection = checkConsularRow(1, cellsOf(registration), ctx);
  if (rejection !== null) throw new PreparationError('registration.invalid', `${rejection.column}: ${rejection.code}`);
}

/** Registers a Belgian abroad at a post; refused if the number is already registered there. */
export async function registerAbroad(
  store: Store,
  actor: Actor,
  dayId: string,
  post: string,
  registration: Registration,
  now = new Date(),
): Promise<void> {
  await checkRegistration(store, actor, dayId, post, registration, now);
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const row = rowOf(dayId, post, registration);
    const existing = await trx
      .selectFrom('consular_registrations')
      .select('status')
      .where('election_day_id', '=', dayId)
      .where('post_code', '=', post)
      .where('nrn', '=', row.nrn)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'active') throw new PreparationError('preparation.exists', `nrn ${row.nrn}`);
    await trx
      .insertInto('consular_registrations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['election_day_id', 'post_code', 'nrn']).doUpdateSet({ ...row, updated_at: sql<Date>`now()` }),
      )
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.registration.created',
      subject: registrationSubject(store, dayId, post, row.nrn),
      details: { mode: row.mode, kioskPost: row.kiosk_post_code },
    });
  });
}

/** Changes an active registration (mode, address, …) before the deadline. */
export async function changeRegistration(
  store: Store,
  actor: Actor,
  dayId: string,
  post: string,
  registration: Registration,
  now = new Date(),
): Promise<void> {
  await checkRegistration(store, actor, dayId, post, registration, now);
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const row = rowOf(dayId, post, registration);
    const updated = await trx
      .updateTable('consular_registrations')
      .set({ ...row, updated_at: sql<Date>`now()` })
      .where('election_day_id', '=', dayId)
      .where('post_code', '=', post)
      .where('nrn', '=', row.nrn)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new PreparationError('preparation.not-found', `nrn ${row.nrn}`);
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.registration.changed',
      subject: registrationSubject(store, dayId, post, row.nrn),
      details: { mode: row.mode, kioskPost: row.kiosk_post_code },
    });
  });
}

export async function withdrawRegistration(
  store: Store,
  actor: Actor,
  dayId: string,
  post: string,
  nrn: string,
  now = new Date(),
): Promise<void> {
  postScope(actor, post);
  const settings = await daySettings(store.db, dayId);
  assertBeforeDeadline(settings.registrationDeadline, now);
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const updated = await trx
      .updateTable('consular_registrations')
      .set({ status: 'withdrawn', updated_at: sql<Date>`now()` })
      .where('election_day_id', '=', dayId)
      .where('post_code', '=', post)
      .where('nrn', '=', nrn)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new PreparationError('preparation.not-found', `nrn ${nrn}`);
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.registration.withdrawn',
      subject: registrationSubject(store, dayId, post, nrn),
    });
  });
}

const STAGE_COLUMNS: readonly BulkColumn[] = [
  { name: 'line', type: 'integer' },
  ...['nrn', 'surname', 'given_names'].map((name) => ({ name, type: 'text' as const })),
  { name: 'birth_date', type: 'date' },
  ...['sex', 'address', 'country', 'email', 'attachment_nis', 'language'].map((name) => ({
    name,
    type: 'text' as const,
  })),
  { name: 'mode', type: 'smallint' },
  { name: 'kiosk_post_code', type: 'text' },
];

/** Imports a post's register: every accepted row registers or updates that voter at the post. */
export async function importConsularRegister(
  store: Store,
  actor: Actor,
  dayId: string,
  post: string,
  source: ByteSource,
  now = new Date(),
): Promise<ImportReport> {
  postScope(actor, post);
  const ctx = await consularContext(store, dayId, post, now);
  assertBeforeDeadline(ctx.deadline, now);
  return withBulkTransaction(store, async (trx, open) => {
    await assertNotFrozen(trx, dayId);
    const staged = await stageCsv(trx, open, source, {
      columns: CONSULAR_COLUMNS,
      stage: 'stage_registrations',
      stageColumns: STAGE_COLUMNS,
      check: (row, index) =>
        checkConsularRow(
          row.line,
          (column) => (row.cells[index[column as (typeof CONSULAR_COLUMNS)[number]]] ?? '').trim(),
          ctx,
        ),
      toCells: (row, i) => {
        const g = (k: number): string => (row.cells[k] ?? '').trim();
        return [
          row.line,
          g(i.nrn).replace(/[\s.-]/g, ''),
          g(i.surname),
          g(i.given_names),
          g(i.birth_date),
          g(i.sex),
          g(i.address),
          g(i.country),
          g(i.email),
          g(i.attachment_nis),
          g(i.language),
          Number(g(i.mode)),
          g(i.mode) === '8' ? g(i.kiosk_post) : null,
        ];
      },
    });
    const imported = await trx
      .insertInto('preparation_imports')
      .values({
        election_day_id: dayId,
        kind: 'consular-register',
        scope: post,
        actor: actor.id,
        file_sha256: staged.sha256,
        rows_total: staged.rows,
        rows_accepted: 0,
        rows_rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveRejections(trx, imported.id, staged.rejections);
    const duplicates = await rejectDuplicates(trx, 'stage_registrations', imported.id);
    await sql`
      insert into consular_registrations (election_day_id, post_code, nrn, surname, given_names, birth_date, sex, address, country, email, attachment_nis, language, mode, kiosk_post_code, status)
      select ${dayId}, ${post}, nrn, surname, given_names, birth_date, sex, address, country, email, attachment_nis, language, mode, kiosk_post_code, 'active' from stage_registrations
      on conflict (election_day_id, post_code, nrn) do update set
        surname = excluded.surname, given_names = excluded.given_names, birth_date = excluded.birth_date, sex = excluded.sex, address = excluded.address, country = excluded.country,
        email = excluded.email, attachment_nis = excluded.attachment_nis, language = excluded.language, mode = excluded.mode, kiosk_post_code = excluded.kiosk_post_code,
        status = 'active', updated_at = now()`.execute(trx);
    const accepted = staged.accepted - duplicates;
    const rejected = staged.rejections.length + duplicates;
    await trx
      .updateTable('preparation_imports')
      .set({ rows_accepted: accepted, rows_rejected: rejected })
      .where('id', '=', imported.id)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.consular-register.imported',
      subject: `${dayId}/${post}`,
      details: { importId: imported.id, sha256: staged.sha256, rows: staged.rows, accepted, rejected },
    });
    const first = await trx
      .selectFrom('import_rejections')
      .select(['line', 'col', 'code', 'value'])
      .where('import_id', '=', imported.id)
      .orderBy('line')
      .limit(100)
      .execute();
    return {
      importId: imported.id,
      sha256: staged.sha256,
      rows: staged.rows,
      accepted,
      rejected,
      rejections: first.map((r) => ({
        line: r.line,
        column: r.col,
        code: r.code as Rejection['code'],
        value: r.value,
      })),
      files: [{ scope: post, version: 1, voters: accepted }],
    };
  });
}

/** A resident opts in to mode 6, 7 or 8 through the voter portal, before the deadline. */
export async function optIn(
  store: Store,
  voterNrn: string,
  dayId: string,
  mode: 6 | 7 | 8,
  now = new Date(),
): Promise<void> {
  await recordOptIns(store, dayId, [{ nrn: voterNrn, mode }], now);
}

/**
 * Residents' opt-ins, as received from the voter portal (one) or a batch of them (the demo's
 * generated residents): the same checks — the deadline, the mode open to residents, the day not
 * frozen — in one transaction with its audit entry (one per opt-in from the portal, one for a batch).
 */
export async function recordOptIns(
  store: Store,
  dayId: string,
  optIns: readonly { readonly nrn: string; readonly mode: 6 | 7 | 8 }[],
  now = new Date(),
): Promise<void> {
  const settings = await daySettings(store.db, dayId);
  assertBeforeDeadline(settings.registrationDeadline, now);
  for (const mode of new Set(optIns.map((o) => o.mode))) {
    const name = mode === 6 ? 'hybrid' : mode === 7 ? 'online' : 'kiosk';
    if (!settings.residentModes[name].open) throw new PreparationError('preparation.mode', name);
  }
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    for (let i = 0; i < optIns.length; i += 1000) {
      const batch = optIns.slice(i, i + 1000).map((o) => ({ election_day_id: dayId, nrn: o.nrn, mode: o.mode }));
      await trx
        .insertInto('resident_opt_ins')
        .values(batch)
        .onConflict((oc) =>
          oc
            .columns(['election_day_id', 'nrn'])
            .doUpdateSet({ mode: sql<number>`excluded.mode`, at: sql<Date>`now()` }),
        )
        .execute();
    }
    const single = optIns.length === 1 ? optIns[0] : undefined;
    if (single !== undefined)
      await appendAudit(trx, {
        actor: 'voter',
        action: 'preparation.opt-in',
        subject: dayId,
        details: { mode: single.mode },
      });
    else
      await appendAudit(trx, {
        actor: 'cli',
        action: 'preparation.opt-ins.recorded',
        subject: dayId,
        details: {
          total: optIns.length,
          byMode: Object.fromEntries([6, 7, 8].map((m) => [m, optIns.filter((o) => o.mode === m).length])),
        },
      });
  });
}
