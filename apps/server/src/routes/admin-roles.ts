// The organising authority's administrators manage officials and their roles. Every change is
// audited in its own transaction; a revoked role stops working at the holder's next request. A role
// is given in two steps by two administrators (../auth/grants.ts): one requests it (202, pending),
// another confirms it (then it takes effect) or rejects it; nobody gives a role to themselves.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf } from '../auth/caller.ts';
import { officialActor } from '../auth/login-service.ts';
import { confirmGrant, pendingGrants, rejectGrant, requestGrant } from '../auth/grants.ts';
import { createOfficial, revokeRole } from '../auth/officials.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { errorSchema } from './schemas.ts';

const ADMIN = { access: { roles: ['po-admin'] as const } };
const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
const idParam = z.string().regex(/^[a-z0-9-]{1,64}$/);

const officialSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  surname: z.string(),
  roles: z.array(
    z.object({
      id: z.string(),
      role: roleSchema,
      scope: z.string().nullable(),
      grantedBy: z.string(),
      confirmedBy: z.string().nullable(),
    }),
  ),
});

const requestSchema = z.object({
  id: z.string(),
  officialId: z.string(),
  role: roleSchema,
  scope: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  state: z.enum(['pending', 'confirmed', 'rejected']),
  decidedBy: z.string().nullable(),
});

export function adminRoleRoutes(app: AppInstance): void {
  app.get(
    '/api/admin/officials',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every official with their roles',
        response: { 200: z.array(officialSchema) },
      },
      config: ADMIN,
    },
    async () => {
      const { db } = app.context.store;
      const officials = await db
        .selectFrom('officials')
        .select(['id', 'given_name', 'surname'])
        .orderBy('surname')
        .orderBy('given_name')
        .orderBy('id')
        .execute();
      const roles = await db
        .selectFrom('role_assignments')
        .select(['id', 'official_id', 'role', 'scope', 'granted_by', 'confirmed_by'])
        .orderBy('role')
        .orderBy('scope')
        .execute();
      return officials.map((o) => ({
        id: o.id,
        givenName: o.given_name,
        surname: o.surname,
        roles: roles
          .filter((r) => r.official_id === o.id)
          .map((r) => ({
            id: r.id,
            role: r.role,
            scope: r.scope,
            grantedBy: r.granted_by,
            confirmedBy: r.confirmed_by,
          })),
      }));
    },
  );

  app.post(
    '/api/admin/officials',
    {
      schema: {
        tags: ['admin'],
        summary: 'Register an official (by national register number)',
        body: z.strictObject({
          nrn: z.string().max(20),
          givenName: z.string().trim().min(1).max(100),
          surname: z.string().trim().min(1).max(100),
        }),
        response: { 201: z.object({ id: z.string() }), 400: errorSchema, 409: errorSchema },
      },
      config: ADMIN,
    },
    async (request, reply) => {
      const id = await createOfficial(
        app.context.store.db,
        request.body,
        officialActor(officialOf(request).officialId),
        app.auth.now(),
      );
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/admin/officials/:officialId/roles',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Ask for a role for an official (with its scope: commune NIS, consular post or constituency); it takes effect when a second administrator confirms it',
        params: z.object({ officialId: idParam }),
        body: z.strictObject({ role: roleSchema, scope: z.string().max(64).nullable().default(null) }),
        response: {
          202: z.object({ id: z.string(), state: z.literal('pending') }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: ADMIN,
    },
    async (request, reply) => {
      const id = await requestGrant(
        app.context.store.db,
        { officialId: officialOf(request).officialId },
        request.params.officialId,
        { role: request.body.role, scope: request.body.scope },
        app.auth.now(),
      );
      return reply.status(202).send({ id, state: 'pending' as const });
    },
  );

  app.get(
    '/api/admin/role-requests',
    {
      schema: {
        tags: ['admin'],
        summary: 'The role grants waiting for a second administrator',
        response: { 200: z.array(requestSchema) },
      },
      config: ADMIN,
    },
    async () => pendingGrants(app.context.store.db),
  );

  app.post(
    '/api/admin/role-requests/:requestId/confirm',
    {
      schema: {
        tags: ['admin'],
        summary: 'Confirm a role grant another administrator asked for: the role takes effect',
        params: z.object({ requestId: idParam }),
        response: { 201: z.object({ id: z.string() }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: ADMIN,
    },
    async (request, reply) => {
      const id = await confirmGrant(
        app.context.store.db,
        { officialId: officialOf(request).officialId },
        request.params.requestId,
        app.auth.now(),
      );
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/admin/role-requests/:requestId/reject',
    {
      schema: {
        tags: ['admin'],
        summary: 'Reject (or, for the administrator who asked, withdraw) a pending role grant',
        params: z.object({ requestId: idParam }),
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: ADMIN,
    },
    async (request, reply) => {
      await rejectGrant(
        app.context.store.db,
        { officialId: officialOf(request).officialId },
        request.params.requestId,
        app.auth.now(),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/admin/officials/:officialId/roles/:assignmentId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take a role back',
        params: z.object({ officialId: idParam, assignmentId: idParam }),
        response: { 204: z.null(), 404: errorSchema },
      },
      config: ADMIN,
    },
    async (request, reply) => {
      await revokeRole(
        app.context.store.db,
        request.params.officialId,
        request.params.assignmentId,
        officialActor(officialOf(request).officialId),
        app.auth.now(),
      );
      return reply.status(204).send(null);
    },
  );
}
