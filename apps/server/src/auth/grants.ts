// Role grants under separation of duties (issue #19; migration 0023). A grant takes two PO
// administrators: the first requests it (a pending request, audited `role.requested`), a SECOND one
// confirms it (the role assignment is written then, audited `role.granted` with both names) or
// rejects it (`role.rejected`). The rules, checked again at confirmation inside its transaction:
// - nobody requests or confirms a role for themselves (`role.self-grant`, 403);
// - the administrator who requested a grant cannot confirm it (`role.second-admin`, 403);
// - Team A and Team B of one constituency are never the same person for a whole election day: the
//   day's team history (team_memberships) is kept when a role is revoked, so someone who held one
//   that day never gets the other (`role.conflict`, 409).
// The first two administrators of an empty database are the only roles written without a request
// (`bootstrapAdmins`, used by the demo's seeding; audited `role.bootstrapped`).
import { randomBytes } from 'node:crypto';
import { appendAudit, type Schema } from '@isoloir/store';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../errors.ts';
import { officialActor } from './login-service.ts';
import { conflictsWith, grantError, teamOpposite, type Role, type RoleGrant } from './roles.ts';

/** A team role's history is kept for the election days this far around it (the count, the PVs). */
export const TEAM_DAY_MARGIN_DAYS = 60;
/** The team history of a constituency no election day holds yet. */
export const ANY_DAY = '*';

export interface GrantRequestView {
  readonly id: string;
  readonly officialId: string;
  readonly role: Role;
  readonly scope: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly state: 'pending' | 'confirmed' | 'rejected';
  readonly decidedBy: string | null;
}

/** The administrator acting: their official id (their audit actor is `official:<id>`). */
export interface Administrator {
  readonly officialId: string;
}

const actorOf = (admin: Administrator): string => officialActor(admin.officialId);

/**
 * The election days a team role of `constituency` belongs to: those with an election holding that
 * constituency whose voting date is at most TEAM_DAY_MARGIN_DAYS before `now` (a day stays current
 * through its count), or ANY_DAY when there is none.
 */
async function teamDays(trx: Transaction<Schema>, constituency: string, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - TEAM_DAY_MARGIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  const { rows } = await sql<{ id: string }>`
    select distinct d.id from election_days d
      join elections e on e.election_day_id = d.id
      join constituencies c on c.election_id = e.id and c.code = ${constituency}
     where d.voting_date >= ${since}::date
     order by d.id`.execute(trx);
  return rows.length === 0 ? [ANY_DAY] : rows.map((r) => r.id);
}

/** Everything that stops `grant` for `officialId`, checked in the transaction that writes it. */
async function checkGrant(trx: Transaction<Schema>, officialId: string, grant: RoleGrant, now: Date): Promise<void> {
  const invalid = grantError(grant);
  if (invalid !== undefined) throw new AppError(invalid, 'body.scope');
  // Lock the official's row: two grants to one person are taken in turn.
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
  const other = teamOpposite(grant.role);
  if (other !== undefined && grant.scope !== null) {
    const days = [...(await teamDays(trx, grant.scope, now)), ANY_DAY];
    const before = await trx
      .selectFrom('team_memberships')
      .select('election_day_id')
      .where('official_id', '=', officialId)
      .where('team', '=', other)
      .where('constituency_code', '=', grant.scope)
      .where('election_day_id', 'in', days)
      .executeTakeFirst();
    if (before !== undefined) throw new AppError('role.conflict', 'body.role');
  }
}

/** Writes the assignment (and the team history) of a grant that takes effect. */
async function writeAssignment(
  trx: Transaction<Schema>,
  officialId: string,
  grant: RoleGrant,
  grantedBy: string,
  confirmedBy: string | null,
  now: Date,
): Promise<string> {
  const id = `r-${randomBytes(6).toString('hex')}`;
  await trx
    .insertInto('role_assignments')
    .values({
      id,
      official_id: officialId,
      role: grant.role,
      scope: grant.scope,
      granted_by: grantedBy,
      confirmed_by: confirmedBy,
    })
    .execute();
  const team = grant.role === 'team-a' || grant.role === 'team-b' ? grant.role : undefined;
  const constituency = grant.scope;
  if (team !== undefined && constituency !== null) {
    const days = await teamDays(trx, constituency, now);
    await trx
      .insertInto('team_memberships')
      .values(
        days.map((day) => ({
          election_day_id: day,
          official_id: officialId,
          team,
          constituency_code: constituency,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return id;
}

/** The first step: a PO administrator asks for a grant; nothing takes effect yet. */
export async function requestGrant(
  db: Kysely<Schema>,
  admin: Administrator,
  officialId: string,
  grant: RoleGrant,
  now: Date = new Date(),
): Promise<string> {
  if (officialId === admin.officialId) throw new AppError('role.self-grant', 'params.officialId');
  const id = `g-${randomBytes(6).toString('hex')}`;
  return db.transaction().execute(async (trx) => {
    await checkGrant(trx, officialId, grant, now);
    const pending = await trx
      .selectFrom('role_grant_requests')
      .select('id')
      .where('official_id', '=', officialId)
      .where('role', '=', grant.role)
      .where(sql<boolean>`coalesce(scope, '') = ${grant.scope ?? ''}`)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (pending !== undefined) throw new AppError('role.request-pending', 'body.role');
    await trx
      .insertInto('role_grant_requests')
      .values({
        id,
        official_id: officialId,
        role: grant.role,
        scope: grant.scope,
        requested_by: actorOf(admin),
        requested_at: now,
        decided_by: null,
        decided_at: null,
        assignment_id: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'role.requested',
        subject: `official:${officialId}`,
        details: { request: id, role: grant.role, scope: grant.scope },
      },
      now,
    );
    return id;
  });
}

/** Takes a pending request, locked, for its decision. */
async function pendingRequest(trx: Transaction<Schema>, requestId: string) {
  const request = await trx
    .selectFrom('role_grant_requests')
    .selectAll()
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (request === undefined) throw new AppError('role.request-not-found', 'params.requestId');
  if (request.state !== 'pending') throw new AppError('role.request-decided', 'params.requestId');
  return request;
}

/** The second step: ANOTHER PO administrator confirms; the role takes effect. Returns the assignment id. */
export async function confirmGrant(
  db: Kysely<Schema>,
  admin: Administrator,
  requestId: string,
  now: Date = new Date(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, requestId);
    if (request.official_id === admin.officialId) throw new AppError('role.self-grant', 'params.requestId');
    if (request.requested_by === actorOf(admin)) throw new AppError('role.second-admin', 'params.requestId');
    const grant: RoleGrant = { role: request.role, scope: request.scope };
    await checkGrant(trx, request.official_id, grant, now);
    const assignment = await writeAssignment(
      trx,
      request.official_id,
      grant,
      request.requested_by,
      actorOf(admin),
      now,
    );
    await trx
      .updateTable('role_grant_requests')
      .set({ state: 'confirmed', decided_by: actorOf(admin), decided_at: now, assignment_id: assignment })
      .where('id', '=', requestId)
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'role.granted',
        subject: `official:${request.official_id}`,
        details: {
          assignment,
          request: requestId,
          role: grant.role,
          scope: grant.scope,
          requestedBy: request.requested_by,
          confirmedBy: actorOf(admin),
        },
      },
      now,
    );
    return assignment;
  });
}

/** A PO administrator (the one who asked included, withdrawing it) rejects a pending request. */
export async function rejectGrant(
  db: Kysely<Schema>,
  admin: Administrator,
  requestId: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, requestId);
    if (request.official_id === admin.officialId) throw new AppError('role.self-grant', 'params.requestId');
    await trx
      .updateTable('role_grant_requests')
      .set({ state: 'rejected', decided_by: actorOf(admin), decided_at: now })
      .where('id', '=', requestId)
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'role.rejected',
        subject: `official:${request.official_id}`,
        details: { request: requestId, role: request.role, scope: request.scope, requestedBy: request.requested_by },
      },
      now,
    );
  });
}

/** The pending requests, oldest first. */
export async function pendingGrants(db: Kysely<Schema>): Promise<GrantRequestView[]> {
  const rows = await db
    .selectFrom('role_grant_requests')
    .selectAll()
    .where('state', '=', 'pending')
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    officialId: r.official_id,
    role: r.role,
    scope: r.scope,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at).toISOString(),
    state: r.state,
    decidedBy: r.decided_by,
  }));
}

/**
 * The first two PO administrators of a database that has none: the one grant without a second
 * administrator to confirm it, since there is none yet. Two different officials, both existing;
 * refused (`role.bootstrap-closed`) as soon as any PO administrator exists.
 */
export async function bootstrapAdmins(
  db: Kysely<Schema>,
  officialIds: readonly [string, string],
  actor: string,
  now: Date = new Date(),
): Promise<void> {
  const [first, second] = officialIds;
  if (first === second) throw new AppError('role.second-admin', 'body.officials');
  await db.transaction().execute(async (trx) => {
    await sql`lock table role_assignments in exclusive mode`.execute(trx);
    const any = await trx
      .selectFrom('role_assignments')
      .select('id')
      .where('role', '=', 'po-admin')
      .limit(1)
      .executeTakeFirst();
    if (any !== undefined) throw new AppError('role.bootstrap-closed');
    for (const officialId of officialIds) {
      await checkGrant(trx, officialId, { role: 'po-admin', scope: null }, now);
      const assignment = await writeAssignment(trx, officialId, { role: 'po-admin', scope: null }, actor, null, now);
      await appendAudit(
        trx,
        {
          actor,
          action: 'role.bootstrapped',
          subject: `official:${officialId}`,
          details: { assignment, role: 'po-admin', scope: null, admins: [first, second] },
        },
        now,
      );
    }
  });
}
