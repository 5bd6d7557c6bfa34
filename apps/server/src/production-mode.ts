// What a production start (NODE_ENV=production) refuses: the demo election (its data and its
// DEMO-ONLY trustee shares), the password-less development login and a server secret it would have to
// create itself (several nodes must share one, made by the operator). A server that would start
// like a demo in production stops at once and says what to configure.

export interface StartIntent {
  readonly seedDemo: boolean;
  /** A real identity provider (CSAM/FAS) is configured. */
  readonly identityProvider: boolean;
  /** The server secret comes from a file the operator made (ISOLOIR_SECRET_FILE, apps/server/src/secrets). */
  readonly secretFile: boolean;
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
  if (!intent.secretFile)
    return 'NODE_ENV=production: set ISOLOIR_SECRET_FILE to the server secret file (isoloir secret new FILE; see the README, "Deployment"); production never creates one';
  return undefined;
}
