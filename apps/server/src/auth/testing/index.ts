// Test helpers for logging in: direct sessions for `app.inject`, the real flow over HTTP, and a
// server with the development identity provider.
export { testSession, type TestCaller, type TestSession } from './sessions.ts';
export { CookieJar, loginThroughDevIdp, type LoginResult } from './login-flow.ts';
export { startDevServer, SMALL_DEMO, type DevServer } from './dev-server.ts';
export { DEV_OFFICIALS, seedDevOfficials } from '../dev-officials.ts';
export { confirmGrant, requestGrant } from '../grants.ts';
