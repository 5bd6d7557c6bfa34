// What a production start (NODE_ENV=production) refuses: the demo election (its data and its
// DEMO-ONLY trustee shares) and the password-less development login. A server that would start
// like a demo in production stops at once and says what to configure.

export interface StartIntent {
  readonly seedDemo: boolean;
  /** A real identity provider (CSAM/FAS) is configured. */
  readonly identityProvider: boolean;
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NODE_ENV'] === 'production';
}

/** Why this start is refused in production, in words; `undefined` when it may start. */
export function productionStartProblem(intent: StartIntent, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!isProduction(env)) return undefined;
  if (intent.seedDemo)
    return 'NODE_ENV=production: the demo election is never seeded in production (start with --no-demo)';
  if (!intent.identityProvider)
    return 'NODE_ENV=production: configure the identity provider (ISOLOIR_OIDC_ISSUER, ISOLOIR_OIDC_CLIENT_ID and a client secret or key; see the README, "Deployment"); the development login never runs in production';
  return undefined;
}
