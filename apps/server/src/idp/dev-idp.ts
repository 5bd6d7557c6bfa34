// The development identity provider: oidc-provider configured like CSAM/FAS (its endpoint paths,
// claim names, `urn:be:fedict:iam:fas:LevelNNN` acr values, RS256 ID tokens, PKCE), with a persona
// picker instead of a password. It listens first and is configured once isoloir knows its own
// address (the client's redirect URIs). It refuses to start with NODE_ENV=production.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { LEVELS, levelUrn } from '../auth/login-policy.ts';
import { logoutPage, pickerPage } from './picker-page.ts';
import type { Persona } from './personas.ts';

export interface DevIdpClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
}

export interface DevIdp {
  readonly issuer: string;
  /** Sets (or replaces) the personas and the one client; until then the provider answers 503. */
  configure(personas: readonly Persona[], client: DevIdpClient): void;
  close(): Promise<void>;
}

export const DEV_CLIENT_ID = 'isoloir-dev';
export const DEV_CLIENT_SECRET = 'isoloir-dev-secret-not-for-production';

export function refuseInProduction(env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (env['NODE_ENV'] === 'production')
    throw new Error(
      'the development identity provider does not run with NODE_ENV=production: configure ISOLOIR_OIDC_ISSUER (CSAM/FAS)',
    );
}

function providerConfiguration(personas: readonly Persona[], client: DevIdpClient): Configuration {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    alg: 'RS256',
    use: 'sig',
  };
  const byId = new Map(personas.map((p) => [p.id, p]));
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [...client.redirectUris],
        post_logout_redirect_uris: [...client.postLogoutRedirectUris],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'egovnrn', 'roles', 'certificateInfo', 'citizen'],
    claims: {
      acr: null,
      auth_time: null,
      amr: null,
      profile: ['givenName', 'surname', 'prefLanguage', 'mail'],
      egovnrn: ['egovNRN'],
      roles: ['roles'],
    },
    acrValues: LEVELS.map(levelUrn),
    routes: {
      authorization: '/authorize',
      token: '/access_token',
      userinfo: '/userinfo',
      jwks: '/connect/jwk_uri',
      end_session: '/connect/endSession',
      introspection: '/introspect',
    },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = logoutPage(form);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const persona = byId.get(id);
      if (persona === undefined) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          ...persona.claims,
          roles: persona.claims.roles === undefined ? [] : [...persona.claims.roles],
        }),
      };
    },
    // isoloir is a first-party client: consent is given by choosing a persona.
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const accountId = ctx.oidc.session?.accountId;
      if (accountId === undefined || ctx.oidc.client === undefined) return undefined;
      const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile egovnrn roles');
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function interaction(
  provider: Provider,
  personas: ReadonlyMap<string, Persona>,
  clientId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    send(
      res,
      200,
      pickerPage(
        details.uid,
        [...personas.values()],
        clientId,
        typeof details.params['acr_values'] === 'string' ? details.params['acr_values'] : '',
      ),
      'text/html; charset=utf-8',
    );
    return;
  }
  const form = await readForm(req);
  const persona = personas.get(form.get('persona') ?? '');
  if (persona === undefined) {
    send(res, 400, 'unknown persona');
    return;
  }
  const acr = levelUrn(persona.level);
  await provider.interactionFinished(
    req,
    res,
    {
      login: {
        accountId: persona.id,
        acr,
        amr: [persona.level >= 500 ? 'eid' : persona.level >= 450 ? 'bmid' : 'pwd', acr],
      },
    },
    { mergeWithLastSubmission: false },
  );
}

export async function listenDevIdp(options: {
  readonly host: string;
  readonly port: number;
  readonly publicHost?: string;
}): Promise<DevIdp> {
  refuseInProduction();
  let state: { provider: Provider; personas: Map<string, Persona>; clientId: string } | undefined;
  const server = createServer((req, res) => {
    if (state === undefined) {
      send(res, 503, 'development identity provider not configured yet');
      return;
    }
    const { provider, personas, clientId } = state;
    if (req.url?.startsWith('/interaction/') === true) {
      interaction(provider, personas, clientId, req, res).catch((error: unknown) => {
        send(res, 400, `interaction failed: ${error instanceof Error ? error.message : 'error'}`);
      });
      return;
    }
    void provider.callback()(req, res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.publicHost ?? options.host}:${String(port)}`;
  return {
    issuer,
    configure(personas, client) {
      const provider = new Provider(issuer, providerConfiguration(personas, client));
      provider.on('server_error', () => undefined);
      state = { provider, personas: new Map(personas.map((p) => [p.id, p])), clientId: client.clientId };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
