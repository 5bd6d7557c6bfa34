// The post's side of its kiosks: the operator asks a single-use enrolment code (shown once, kept as
// a SHA-256 hash: 60 random bits, valid one day); the kiosk's browser presents it with its public
// key and becomes a kiosk of that post; the operator lists the post's kiosks (with the number of
// sealed ballots each said it holds at its last heartbeat) and revokes one. Each command is one
// transaction with its audit entry.
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import { newActivationCode, normalizeCode } from '../passkey/codes.ts';
import { kioskPublicKey } from './signature.ts';

const CODE_HOURS = 24;

export interface OperatorContext {
  /** `official:<id>` */
  readonly actor: string;
  readonly postCode: string;
  readonly now: Date;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export async function issueEnrolmentCode(
  store: Store,
  context: OperatorContext,
): Promise<{ readonly code: string; readonly expiresAt: Date }> {
  const code = newActivationCode();
  const expiresAt = new Date(context.now.getTime() + CODE_HOURS * 3_600_000);
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('kiosk_enrolment_codes')
      .values({
        post_code: context.postCode,
        code_hash: sha256Hex(normalizeCode(code) ?? ''),
        issued_by: context.actor,
        issued_at: context.now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      { actor: context.actor, action: 'kiosk.code.issued', subject: context.postCode, details: { codeId: row.id } },
      context.now,
    );
  });
  return { code, expiresAt };
}

export interface Enrolled {
  readonly kioskId: string;
  readonly post: string;
  readonly label: string;
}

/** The kiosk's browser: the code and its public key. A code serves once. */
export async function enrolKiosk(
  store: Store,
  input: { readonly code: string; readonly publicKey: string; readonly label: string },
  now: Date,
): Promise<Enrolled> {
  const normalized = normalizeCode(input.code);
  if (normalized === undefined) throw new AppError('kiosk.code-invalid');
  if (kioskPublicKey(input.publicKey) === undefined) throw new AppError('kiosk.key-invalid');
  return store.db.transaction().execute(async (trx) => {
    const code = await trx
      .updateTable('kiosk_enrolment_codes')
      .set({ used_at: now })
      .where('code_hash', '=', sha256Hex(normalized))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['id', 'post_code'])
      .executeTakeFirst();
    if (code === undefined) throw new AppError('kiosk.code-invalid');
    const taken = await trx
      .selectFrom('kiosks')
      .select('id')
      .where('public_key', '=', input.publicKey)
      .executeTakeFirst();
    if (taken !== undefined) throw new AppError('kiosk.key-invalid');
    const kioskId = randomBytes(16).toString('hex');
    await trx
      .insertInto('kiosks')
      .values({
        id: kioskId,
        post_code: code.post_code,
        public_key: input.publicKey,
        label: input.label,
        code_id: code.id,
        enrolled_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: `kiosk:${kioskId}`,
        action: 'kiosk.enrolled',
        subject: code.post_code,
        details: { kioskId, codeId: code.id, label: input.label, publicKey: input.publicKey },
      },
      now,
    );
    return { kioskId, post: code.post_code, label: input.label };
  });
}

export interface KioskView {
  readonly id: string;
  readonly label: string;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
  readonly queued: number;
}

export async function listKiosks(db: Kysely<Schema>, postCode: string): Promise<KioskView[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select(['id', 'label', 'enrolled_at', 'revoked_at', 'last_seen_at', 'queued'])
    .where('post_code', '=', postCode)
    .orderBy('enrolled_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    enrolledAt: r.enrolled_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    queued: r.queued,
  }));
}

/** Final: a revoked kiosk sends nothing more (its queued ballots stay on it; see README.md). */
export async function revokeKiosk(store: Store, context: OperatorContext, kioskId: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('kiosks')
      .set({ revoked_at: context.now, revoked_by: context.actor })
      .where('id', '=', kioskId)
      .where('post_code', '=', context.postCode)
      .where('revoked_at', 'is', null)
      .returning('queued')
      .executeTakeFirst();
    if (done === undefined) throw new AppError('kiosk.not-found');
    await appendAudit(
      trx,
      {
        actor: context.actor,
        action: 'kiosk.revoked',
        subject: context.postCode,
        details: { kioskId, queuedAtLastHeartbeat: done.queued },
      },
      context.now,
    );
  });
}
