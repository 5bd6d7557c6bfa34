// The caller's own data: a voter sees only their own registration; an official their roles, and
// one workspace summary per role (each route open to that role only).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf, scopesOf, voterOf } from '../auth/caller.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { labelsSchema } from './schemas.ts';

const grantSchema = z.object({ role: z.enum(ROLES as [Role, ...Role[]]), scope: z.string().nullable() });

const meSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('voter'),
    givenName: z.string(),
    surname: z.string(),
    language: z.enum(['fr', 'nl', 'de']),
    category: z.enum(['belgium', 'abroad']),
    country: z.string(),
    communeNis: z.string(),
    constituency: z.object({ code: z.string(), label: labelsSchema.nullable() }),
    electionDay: z.object({ id: z.string(), label: labelsSchema, votingDate: z.string() }),
    assuranceLevel: z.number().int(),
  }),
  z.object({ kind: z.literal('official'), id: z.string(), givenName: z.string(), surname: z.string(), roles: z.array(grantSchema), assuranceLevel: z.number().int() }),
]);

const workspaceSchema = z.object({
  role: z.enum(ROLES as [Role, ...Role[]]),
  scopes: z.array(z.object({ scope: z.string().nullable(), label: labelsSchema.nullable(), voters: z.number().int().nullable() })),
});

async function voterProfile(app: AppInstance, electionDayId: string, nrn: string) {
  const { db } = app.context.store;
  const voter = await db
    .selectFrom('voters as v')
    .innerJoin('election_days as d', 'd.id', 'v.election_day_id')
    .select(['v.given_name', 'v.surname', 'v.language', 'v.category', 'v.country', 'v.commune_nis', 'v.constituency_code', 'd.id', 'd.label', 'd.voting_date'])
    .where('v.election_day_id', '=', electionDayId)
    .where('v.nrn', '=', nrn)
    .executeTakeFirstOrThrow();
  const constituency = await db
    .selectFrom('constituencies as c')
    .innerJoin('elections as e', 'e.id', 'c.election_id')
    .select('c.label')
    .where('e.election_day_id', '=', electionDayId)
    .where('c.code', '=', voter.constituency_code)
    .orderBy('e.id')
    .executeTakeFirst();
  return {
    givenName: voter.given_name,
    surname: voter.surname,
    language: voter.language,
    category: voter.category,
    country: voter.country,
    communeNis: voter.commune_nis,
    constituency: { code: voter.constituency_code, label: constituency?.label ?? null },
    electionDay: { id: voter.id, label: voter.label, votingDate: voter.voting_date },
  };
}

async function scopeSummary(app: AppInstance, role: Role, scope: string | null) {
  const { db } = app.context.store;
  if (scope === null) return { scope, label: null, voters: null };
  if (role === 'commune-official') {
    const row = await db.selectFrom('voters').select((eb) => eb.fn.countAll<string>().as('n')).where('commune_nis', '=', scope).executeTakeFirstOrThrow();
    return { scope, label: null, voters: Number(row.n) };
  }
  if (role === 'team-a' || role === 'team-b') {
    const constituency = await db.selectFrom('constituencies').select('label').where('code', '=', scope).orderBy('election_id').executeTakeFirst();
    const row = await db.selectFrom('voters').select((eb) => eb.fn.countAll<string>().as('n')).where('constituency_code', '=', scope).executeTakeFirstOrThrow();
    return { scope, label: constituency?.label ?? null, voters: Number(row.n) };
  }
  return { scope, label: null, voters: null };
}

export function meRoutes(app: AppInstance): void {
  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'Who I am: a voter’s own registration, or an official’s roles', response: { 200: meSchema } }, config: { access: 'authenticated' } },
    async (request) => {
      const session = request.session;
      if (session?.kind === 'voter') {
        const voter = voterOf(request);
        return { kind: 'voter' as const, ...(await voterProfile(app, voter.electionDayId, voter.nrn)), assuranceLevel: voter.assuranceLevel };
      }
      const official = officialOf(request);
      const row = await app.context.store.db.selectFrom('officials').select(['id', 'given_name', 'surname']).where('id', '=', official.officialId).executeTakeFirstOrThrow();
      return { kind: 'official' as const, id: row.id, givenName: row.given_name, surname: row.surname, roles: [...official.roles], assuranceLevel: official.assuranceLevel };
    },
  );

  for (const role of ROLES) {
    app.get(
      `/api/me/workspaces/${role}`,
      { schema: { tags: ['auth'], summary: `The ${role} workspace: my scopes in this role`, response: { 200: workspaceSchema } }, config: { access: { roles: [role] } } },
      async (request) => ({ role, scopes: await Promise.all(scopesOf(request, role).map((scope) => scopeSummary(app, role, scope))) }),
    );
  }
}
