export { buildApp, type AppOptions } from './app.ts';
export { DEFAULT_RATE_LIMITS } from './rate-limit/index.ts';
export {
  ProductionStartRefused,
  OtherSecretRefused,
  startServer,
  stopOnSignals,
  VERSION,
  type RunningServer,
  type ServerOptions,
} from './server.ts';
export { isProduction, productionStartProblem } from './production-mode.ts';
export { redactingLogger, redactText } from './log-redaction.ts';
export { DEFAULT_WEB_ROOT } from './web.ts';
export {
  bindSecretTo,
  createSecretFile,
  loadServerSecret,
  memorySecret,
  memorySecretFor,
  readSecretFile,
  SECRET_FILE_ENV,
  SecretError,
  voterActor,
  type ServerSecret,
} from './secrets/index.ts';
export { seedDemoIfEmpty, DEFAULT_DEMO_OPTIONS } from './demo/seed-demo.ts';
export { generateDemoElection, DEMO_ELECTION_ID, DEMO_DAY_ID } from './demo/generate-demo.ts';
export { ERROR_CODES, type ErrorCode } from './errors.ts';
export { USER_VISIBLE_CODES, userVisibleMessageKeys, type UserCodeKind } from './user-codes.ts';
export { listenDevIdp, refuseInProduction, DEV_CLIENT_ID, DEV_CLIENT_SECRET, type DevIdp } from './idp/dev-idp.ts';
export { allPersonas, type Persona } from './idp/personas.ts';
export { oidcConfigFromEnv, authOptionsFromEnv, type AuthOptions } from './auth/config.ts';
export { AppError } from './errors.ts';
export { createOfficial } from './auth/officials.ts';
export { bootstrapAdmins } from './auth/grants.ts';
