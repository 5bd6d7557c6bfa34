// Officials and their roles in the database: each change in one transaction with its audit entry.
// Roles are given in two steps by two PO administrators (./grants.ts); taking one back takes one.
import { randomBytes } from 'node:crypto';
import { parseNrn } from '@isoloir/electoral';
import { appendAudit, type Schema } from '@isoloir/store';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';

export interface NewOfficial {
  readonly nrn: string;
  readonly givenName: string;
  readonly surname: string;
  /** Fixed ids for the development personas; else generated. */
  readonly id?: string | undefined;
}

export async function createOfficial(
  db: Kysely<Schema>,
  official: NewOfficial,
  actor: string,
  now: Date = new Date(),
): Promise<string> {
  const nrn = parseNrn(official.nrn, { currentYear: now.getUTCFullYear() });
  if (!nrn.ok) throw new AppError('official.nrn-invalid', 'body.nrn');
  const id = official.id ?? `o-${randomBytes(5).toString('hex')}`;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('officials')
      .select('id')
      .where('nrn', '=', nrn.value.digits)
      .executeTakeFirst();
    if (existing !== undefined) throw new AppError('official.exists', 'body.nrn');
    await trx
      .insertInto('officials')
      .values({ id, nrn: nrn.value.digits, given_name: official.givenName, surname: official.surname })
      .execute();
    await appendAudit(
      trx,
      {
        actor,
        action: 'official.created',
        subject: `official:${id}`,
        details: { givenName: official.givenName, surname: official.surname },
      },
      now,
    );
    return id;
  });
}

export async function revokeRole(
  db: Kysely<Schema>,
  officialId: string,
  assignmentId: string,
  actor: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('role_assignments')
      .where('id', '=', assignmentId)
      .where('official_id', '=', officialId)
      .returning(['role', 'scope'])
      .executeTakeFirst();
    if (removed === undefined) throw new AppError('role.not-found', 'params.assignmentId');
    await appendAudit(
      trx,
      {
        actor,
        action: 'role.revoked',
        subject: `official:${officialId}`,
        details: { assignment: assignmentId, role: removed.role, scope: removed.scope },
      },
      now,
    );
  });
}
