// The caller's own data: a voter sees only their own registration; an official their roles, and
// one workspace summary per role (each route open to that role only).
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf, scopesOf, voterOf } from '../auth/caller.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { eligibilityOf } from '../voting/eligibility.ts';
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
    /** CSAM, or a passkey from the consular post (issue #18); shown to the voter only. */
    loginMethod: z.enum(['csam', 'passkey']),
  }),
  z.object({
    kind: z.literal('official'),
    id: z.string(),
    givenName: z.string(),
    surname: z.string(),
    roles: z.array(grantSchema),
    assuranceLevel: z.number().int(),
  }),
]);

const workspaceSchema = z.object({
  role: z.enum(ROLES as [Role, ...Role[]]),
  scopes: z.array(
    z.object({ scope: z.string().nullable(), label: labelsSchema.nullable(), voters: z.number().int().nullable() }),
  ),
});

/** The voter's registration as the frozen voter files hold it (names from the frozen consolidation). */
async function voterProfile(app: AppInstance, electionDayId: string, nrn: string) {
  const { db } = app.context.store;
  const voter = await db
    .selectFrom('frozen_voters as v')
    .innerJoin('consolidated_voters as c', (join) =>
      join.onRef('c.consolidation_id', '=', 'v.consolidation_id').onRef('c.nrn', '=', 'v.nrn'),
    )
    .innerJoin('election_days as d', 'd.id', 'v.election_day_id')
    .leftJoin('consular_registrations as r', (join) =>
      join
        .onRef('r.election_day_id', '=', 'v.election_day_id')
        .onRef('r.post_code', '=', 'v.post_code')
        .onRef('r.nrn', '=', 'v.nrn'),
    )
    .select([
      'c.given_names',
      'c.surname',
      'v.language',
      'v.category',
      'r.country',
      'v.commune_nis',
      'd.id',
      'd.label',
      'd.voting_date',
    ])
    .where('v.election_day_id', '=', electionDayId)
    .where('v.nrn', '=', nrn)
    .orderBy('v.mode')
    .executeTakeFirstOrThrow();
  // The constituency shown is the voter's place in the Chamber election (else their first election).
  const places = await eligibilityOf(db, electionDayId, nrn);
  const kinds = await db
    .selectFrom('elections')
    .select(['id', 'kind'])
    .where('election_day_id', '=', electionDayId)
    .execute();
  const place = places.find((p) => kinds.some((k) => k.id === p.electionId && k.kind === 'chamber')) ?? places[0];
  const code = place === undefined ? '' : (place.constituencyCode ?? place.choices.join('|'));
  const constituency =
    place === undefined || place.constituencyCode === null
      ? undefined
      : await db
          .selectFrom('constituencies')
          .select('label')
          .where('election_id', '=', place.electionId)
          .where('code', '=', place.constituencyCode)
          .executeTakeFirst();
  return {
    givenName: voter.given_names,
    surname: voter.surname,
    language: voter.language,
    category: voter.category,
    country: voter.category === 'belgium' ? 'BE' : (voter.country ?? ''),
    communeNis: voter.commune_nis,
    constituency: { code, label: constituency?.label ?? null },
    electionDay: { id: voter.id, label: voter.label, votingDate: voter.voting_date },
  };
}

async function scopeSummary(app: AppInstance, role: Role, scope: string | null) {
  const { db } = app.context.store;
  if (scope === null) return { scope, label: null, voters: null };
  if (role === 'commune-official') {
    const row = await db
      .selectFrom('commune_files')
      .select((eb) => eb.fn.sum<string | null>('voters').as('n'))
      .where('nis', '=', scope)
      .where('current', '=', true)
      .executeTakeFirstOrThrow();
    return { scope, label: null, voters: Number(row.n ?? 0) };
  }
  if (role === 'team-a' || role === 'team-b') {
    const constituency = await db
      .selectFrom('constituencies')
      .select('label')
      .where('code', '=', scope)
      .orderBy('election_id')
      .executeTakeFirst();
    // Remote voters of the constituency, from the frozen voter files (any election of the day).
    const row = await db
      .selectFrom('frozen_voter_places')
      .select((eb) => eb.fn.count<string>(sql<string>`distinct nrn`).as('n'))
      .where(sql<boolean>`${scope} = any(choices)`)
      .executeTakeFirstOrThrow();
    return { scope, label: constituency?.label ?? null, voters: Number(row.n) };
  }
  return { scope, label: null, voters: null };
}

export function meRoutes(app: AppInstance): void {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who I am: a voter’s own registration, or an official’s roles',
        response: { 200: meSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const session = request.session;
      if (session?.kind === 'voter') {
        const voter = voterOf(request);
        return {
          kind: 'voter' as const,
          ...(await voterProfile(app, voter.electionDayId, voter.nrn)),
          assuranceLevel: voter.assuranceLevel,
          loginMethod: voter.loginMethod,
        };
      }
      const official = officialOf(request);
      const row = await app.context.store.db
        .selectFrom('officials')
        .select(['id', 'given_name', 'surname'])
        .where('id', '=', official.officialId)
        .executeTakeFirstOrThrow();
      return {
        kind: 'official' as const,
        id: row.id,
        givenName: row.given_name,
        surname: row.surname,
        roles: [...official.roles],
        assuranceLevel: official.assuranceLevel,
      };
    },
  );

  for (const role of ROLES) {
    app.get(
      `/api/me/workspaces/${role}`,
      {
        schema: {
          tags: ['auth'],
          summary: `The ${role} workspace: my scopes in this role`,
          response: { 200: workspaceSchema },
        },
        config: { access: { roles: [role] } },
      },
      async (request) => ({
        role,
        scopes: await Promise.all(scopesOf(request, role).map((scope) => scopeSummary(app, role, scope))),
      }),
    );
  }
}
