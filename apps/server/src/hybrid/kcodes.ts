// K-codes: issued with each kit (a reprint voids the voter's live code, both audited, in one
// transaction), stored only as their keyed hash, and looked up by the status page without login
// (one query whatever the code: nothing tells a code that exists from one that does not, but the
// answer) or by the voter's own session. Team A's reception (issue #16) moves the same rows.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { kcodeFromBytes, KCODE_RANDOM_BYTES, parseKcode, type KcodeError } from '@isoloir/electoral';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import { voterActor } from '../auth/login-service.ts';
import { AppError } from '../errors.ts';
import type { KcodeState, KcodeStatus } from './kcode-state.ts';
import { KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';

export interface KcodeView {
  readonly status: KcodeStatus;
  /** Why the envelope was cancelled (a stable code the page says in words); null otherwise. */
  readonly reason: string | null;
  /** The time of the last change; null for an unknown code. */
  readonly updatedAt: string | null;
}

export const UNKNOWN: KcodeView = { status: 'unknown', reason: null, updatedAt: null };

/**
 * Issues a new K-code to a voter of the day's frozen mode-6 file, voiding their live one. Refused
 * (`hybrid.already-received`) once the main office has their envelope: a new code could not change
 * which envelope counts. Returns the compact code, which is never stored.
 */
export async function issueKcode(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrn: string,
  now: Date,
): Promise<{ readonly code: string; readonly voided: number }> {
  const code = kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES));
  const codeHash = keyedHash(KCODE_PURPOSE, electionDayId, code);
  const actor = voterActor(nrn);
  return store.db.transaction().execute(async (trx) => {
    // One reprint at a time per voter: two at once would both void the same code.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`hybrid-kcode\n${electionDayId}\n${nrn}`}, 0))`.execute(
      trx,
    );
    const live = await trx
      .selectFrom('hybrid_kcodes')
      .select(['id', 'state'])
      .where('election_day_id', '=', electionDayId)
      .where('nrn', '=', nrn)
      .where('state', '<>', 'voided')
      .executeTakeFirst();
    let voided = 0;
    if (live !== undefined) {
      if (live.state !== 'issued') throw new AppError('hybrid.already-received');
      await trx
        .updateTable('hybrid_kcodes')
        .set({ state: 'voided', state_changed_at: now, state_changed_by: actor })
        .where('id', '=', String(live.id))
        .execute();
      await appendAudit(trx, {
        actor,
        action: 'hybrid.kcode.voided',
        subject: `kcode:${String(live.id)}`,
        details: { electionDayId, reason: 'reprint' },
      });
      voided = 1;
    }
    const row = await trx
      .insertInto('hybrid_kcodes')
      .values({
        election_day_id: electionDayId,
        nrn,
        code_hash: codeHash,
        issued_at: now,
        state_changed_at: now,
        state_changed_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'hybrid.kcode.issued',
      subject: `kcode:${String(row.id)}`,
      details: { electionDayId, replaces: live === undefined ? null : `kcode:${String(live.id)}` },
    });
    return { code, voided };
  });
}

function viewOf(row: { state: KcodeState; cancellation_reason: string | null; state_changed_at: Date }): KcodeView {
  return { status: row.state, reason: row.cancellation_reason, updatedAt: row.state_changed_at.toISOString() };
}

/** A typed code's fault, found before any lookup: 400 `hybrid.kcode-invalid`, the field says which. */
export function checkTypedKcode(text: string): string {
  const parsed = parseKcode(text);
  if (!parsed.ok) throw new AppError('hybrid.kcode-invalid', kcodeFault(parsed.error));
  return parsed.value;
}

function kcodeFault(error: KcodeError): string {
  return error.replace('kcode.', '');
}

/**
 * The status of a (well-formed) code, for anyone who holds it. The same two queries run whether the
 * code exists or not (the days, then one lookup of its hash under each day's key); a code of another
 * day is hashed under that day's key and found there, or nowhere.
 */
export async function kcodeStatus(db: Kysely<Schema>, keyedHash: KeyedHash, code: string): Promise<KcodeView> {
  const days = await db.selectFrom('election_days').select('id').execute();
  const hashes = days.map((d) => keyedHash(KCODE_PURPOSE, d.id, code));
  const row = await db
    .selectFrom('hybrid_kcodes')
    .select(['state', 'cancellation_reason', 'state_changed_at'])
    .where('code_hash', 'in', hashes.length === 0 ? [''] : hashes)
    .executeTakeFirst();
  return row === undefined ? UNKNOWN : viewOf(row);
}

/** The voter's own code on that day: the live one, else the last voided; undefined before any kit. */
export async function voterKcode(
  db: Kysely<Schema>,
  electionDayId: string,
  nrn: string,
): Promise<(KcodeView & { readonly issuedAt: string }) | undefined> {
  const row = await db
    .selectFrom('hybrid_kcodes')
    .select(['state', 'cancellation_reason', 'state_changed_at', 'issued_at'])
    .where('election_day_id', '=', electionDayId)
    .where('nrn', '=', nrn)
    .orderBy(sql`state = 'voided'`)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...viewOf(row), issuedAt: row.issued_at.toISOString() };
}
