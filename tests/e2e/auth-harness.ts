// What browser tests of logged-in screens need: isoloir with the development identity provider
// (both on free ports, fresh in-memory database), and a login as any persona through the real
// pages: isoloir → provider's persona picker → callback.
//   const server = await startAuthTestServer();
//   await loginInBrowser(page, server.url, 'voter-be-fr-500');          // lands on /me
//   await loginInBrowser(page, server.url, 'official-team-a', 'official'); // lands on /official
// Persona ids: apps/server/src/idp/personas.ts (voter-be-fr-500, voter-be-nl-450, voter-be-bxl-450,
// voter-be-de-500, voter-abroad-450, voter-abroad-500, voter-level-200, case-unknown-voter,
// case-nrn-invalid, case-nrn-missing, official-<role> for each role).
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import type { Page } from 'playwright-core';

const WEB_ROOT = new URL('../../apps/web/dist/', import.meta.url).pathname;

/** `prepare: false` leaves the demo day unfrozen, for tests of the preparation screens. */
export function startAuthTestServer(options: { readonly prepare?: boolean } = {}): Promise<DevServer> {
  return startDevServer({ webRoot: WEB_ROOT, prepare: options.prepare ?? true });
}

/** Logs in through the provider's persona picker; resolves once back on isoloir. */
export async function loginInBrowser(
  page: Page,
  baseUrl: string,
  personaId: string,
  audience: 'voter' | 'official' = 'voter',
): Promise<void> {
  await page.goto(`${baseUrl}/api/auth/login?as=${audience}`);
  await page.locator(`button[data-persona="${personaId}"]`).click();
  await page.waitForURL((url) => url.href.startsWith(baseUrl) && !url.pathname.startsWith('/api/'));
}
