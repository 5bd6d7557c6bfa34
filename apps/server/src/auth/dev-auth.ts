// Login for development and tests: seeds the development officials, starts the development
// identity provider beside isoloir and points the relying party at it. Refuses NODE_ENV=production.
import type { Store } from '@isoloir/store';
import { allPersonas, type Persona } from '../idp/personas.ts';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, listenDevIdp, refuseInProduction, type DevIdp } from '../idp/dev-idp.ts';
import { DEFAULT_ACR_VALUES, DEFAULT_AUTH_OPTIONS, OFFICIAL_SCOPES, VOTER_SCOPES, type AuthOptions } from './config.ts';
import { seedDevOfficials } from './dev-officials.ts';

export interface DevAuth {
  readonly options: AuthOptions;
  readonly idp: DevIdp;
  readonly personas: readonly Persona[];
  /** Registers isoloir's callback at the provider, once isoloir listens at `url`. */
  afterListen(url: string): void;
  close(): Promise<void>;
}

export interface DevAuthOptions {
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  /** Overrides of the default lifetimes, public URL and so on. */
  readonly auth?: Partial<Omit<AuthOptions, 'oidc'>> | undefined;
  /** Personas added to the demo's (tests: people who exist only through voter files). */
  readonly extraPersonas?: readonly Persona[] | undefined;
}

/** The same address under localhost and 127.0.0.1 (a developer may type either). */
function variants(url: string): string[] {
  const base = url.replace(/\/$/, '');
  return [
    ...new Set([base, base.replace('://127.0.0.1', '://localhost'), base.replace('://localhost', '://127.0.0.1')]),
  ];
}

export async function personasFrom(store: Store): Promise<Persona[]> {
  const voters = await store.db
    .selectFrom('voters as v')
    .innerJoin('election_days as d', 'd.id', 'v.election_day_id')
    .select(['v.nrn', 'v.given_name', 'v.surname', 'v.language', 'v.category', 'v.country', 'v.constituency_code'])
    .orderBy('d.voting_date', 'desc')
    .orderBy('v.nrn')
    .limit(20_000)
    .execute();
  return allPersonas(voters);
}

export async function startDevAuth(store: Store, options: DevAuthOptions): Promise<DevAuth> {
  refuseInProduction();
  await seedDevOfficials(store);
  const personas = [...(await personasFrom(store)), ...(options.extraPersonas ?? [])];
  const listenHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const idp = await listenDevIdp({ host: options.host, port: options.port, publicHost: listenHost });
  const authOptions: AuthOptions = {
    ...DEFAULT_AUTH_OPTIONS,
    ...options.auth,
    oidc: {
      issuer: idp.issuer,
      clientId: DEV_CLIENT_ID,
      clientAuth: { kind: 'client-secret-basic', secret: DEV_CLIENT_SECRET },
      acrValues: DEFAULT_ACR_VALUES,
      voterScopes: VOTER_SCOPES,
      officialScopes: OFFICIAL_SCOPES,
    },
  };
  return {
    options: authOptions,
    idp,
    personas,
    afterListen(url) {
      const bases = [
        ...variants(url),
        ...(authOptions.publicUrl === undefined ? [] : [authOptions.publicUrl.replace(/\/$/, '')]),
      ];
      idp.configure(personas, {
        clientId: DEV_CLIENT_ID,
        clientSecret: DEV_CLIENT_SECRET,
        redirectUris: bases.map((b) => `${b}/api/auth/callback`),
        postLogoutRedirectUris: bases.map((b) => `${b}/`),
      });
    },
    close: () => idp.close(),
  };
}
