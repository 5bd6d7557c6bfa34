// The relying party: OpenID Connect authorization code flow with PKCE, state and nonce, on
// openid-client. The provider's metadata is discovered at the first login (and again after a
// failure), so isoloir starts even when the provider is briefly unreachable.
import { createPrivateKey } from 'node:crypto';
import * as oidc from 'openid-client';
import type { ClientAuth, OidcConfig } from './config.ts';

export interface LoginStart {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface LoginChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface VerifiedLogin {
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
  readonly userinfo: Readonly<Record<string, unknown>>;
  readonly idToken: string | undefined;
}

export type LoginFailure = 'auth.provider-error' | 'auth.callback-invalid' | 'auth.token-invalid' | 'auth.unavailable';

export class LoginError extends Error {
  readonly code: LoginFailure;
  constructor(code: LoginFailure, cause: unknown) {
    super(code, { cause });
    this.code = code;
  }
}

export interface RelyingParty {
  /** `fresh`: ask the provider to authenticate again (OIDC `prompt=login`), e.g. after a refused login. */
  begin(redirectUri: string, scopes: string, fresh?: boolean): Promise<LoginStart>;
  finish(callbackUrl: URL, checks: LoginChecks): Promise<VerifiedLogin>;
  endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<string | null>;
}

function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function clientAuthentication(auth: ClientAuth): { metadata: Partial<oidc.ClientMetadata>; method: oidc.ClientAuth } {
  switch (auth.kind) {
    case 'client-secret-basic':
      return { metadata: { client_secret: auth.secret }, method: oidc.ClientSecretBasic(auth.secret) };
    case 'client-secret-post':
      return { metadata: { client_secret: auth.secret }, method: oidc.ClientSecretPost(auth.secret) };
    case 'private-key-jwt': {
      // Node's and the DOM's CryptoKey types differ by a key usage or two; the object is the same.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed where the DOM library is loaded (tests/tsconfig.json)
      const key = createPrivateKey(auth.privateKeyPem).toCryptoKey(
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['sign'],
      ) as unknown as oidc.CryptoKey;
      return { metadata: {}, method: oidc.PrivateKeyJwt(auth.keyId === undefined ? key : { key, kid: auth.keyId }) };
    }
  }
}

export function createRelyingParty(config: OidcConfig): RelyingParty {
  const issuer = new URL(config.issuer);
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = (): Promise<oidc.Configuration> => {
    if (discovered === undefined) {
      const { metadata, method } = clientAuthentication(config.clientAuth);
      // Plain HTTP only for a provider on this machine (the development identity provider).
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, for a provider on this machine only
      const execute = isLocal(issuer) ? [oidc.allowInsecureRequests] : [];
      // Non-repudiation: the ID token's signature is checked against the provider's keys even
      // though it came over TLS from the token endpoint (openid-client skips that by default).
      discovered = oidc.discovery(
        issuer,
        config.clientId,
        { ...metadata, id_token_signed_response_alg: 'RS256' },
        method,
        { execute: [...execute, oidc.enableNonRepudiationChecks], timeout: 10 },
      );
      discovered.catch(() => {
        discovered = undefined;
      });
    }
    return discovered;
  };
  const discover = async (): Promise<oidc.Configuration> => {
    try {
      return await configuration();
    } catch (error) {
      throw new LoginError('auth.unavailable', error);
    }
  };

  return {
    async begin(redirectUri, scopes, fresh = false) {
      const server = await discover();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: scopes,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        acr_values: config.acrValues,
        ...(fresh ? { prompt: 'login' } : {}),
      });
      return { url, state, nonce, codeVerifier };
    },

    async finish(callbackUrl, checks) {
      const server = await discover();
      let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
      try {
        tokens = await oidc.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof oidc.AuthorizationResponseError) throw new LoginError('auth.provider-error', error);
        if (error instanceof oidc.ResponseBodyError) throw new LoginError('auth.callback-invalid', error);
        throw new LoginError('auth.token-invalid', error);
      }
      const claims = tokens.claims();
      if (claims === undefined) throw new LoginError('auth.token-invalid', new Error('no ID token'));
      let userinfo: Readonly<Record<string, unknown>>;
      try {
        userinfo = await oidc.fetchUserInfo(server, tokens.access_token, claims.sub);
      } catch (error) {
        throw new LoginError('auth.token-invalid', error);
      }
      return { idTokenClaims: claims, userinfo, idToken: tokens.id_token };
    },

    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const server = await configuration().catch(() => undefined);
      if (server?.serverMetadata().end_session_endpoint === undefined) return null;
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: config.clientId,
      };
      if (idToken !== null) parameters['id_token_hint'] = idToken;
      return oidc.buildEndSessionUrl(server, parameters).href;
    },
  };
}
