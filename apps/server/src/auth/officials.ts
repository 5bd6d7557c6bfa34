// Officials and their roles in the database: each change in one transaction with its audit entry.
import { randomBytes } from 'node:crypto';
import { parseNrn } from '@isoloir/electoral';
import { appendAudit, type Schema } from '@isoloir/store';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import { conflictsWith, grantError, type RoleGrant } from './roles.ts';

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

export async function grantRole(
  db: Kysely<Schema>,
  officialId: string,
  grant: RoleGrant,
  actor: string,
  now: Date = new Date(),
): Promise<string> {
  const invalid = grantError(grant);
  if (invalid !== undefined) throw new AppError(invalid, 'body.scope');
  const id = `r-${randomBytes(6).toString('hex')}`;
  return db.transaction().execute(async (trx) => {
    // Lock the official's row: two grants to one person are taken in turn (the four-eyes check).
    const official = await trx
      .selectFrom('officials')
      .select('id')
      .where('id', '=', officialId)
      .forUpdate()
      .executeTakeFirst();
    if (official === undefined) throw new AppError('official.not-found', 'params.officialId');
    const held = await trx
      .selectFrom('role_assignments')
      .select(['role', 'scope'])
      .where('official_id', '=', officialId)
      .execute();
    if (held.some((h) => h.role === grant.role && h.scope === grant.scope))
      throw new AppError('role.exists', 'body.role');
    if (conflictsWith(held, grant)) throw new AppError('role.conflict', 'body.role');
    await trx
      .insertInto('role_assignments')
      .values({ id, official_id: officialId, role: grant.role, scope: grant.scope, granted_by: actor })
      .execute();
    await appendAudit(
      trx,
      {
        actor,
        action: 'role.granted',
        subject: `official:${officialId}`,
        details: { assignment: id, role: grant.role, scope: grant.scope },
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
