// What every browser test needs: a real server on a fresh in-memory database (demo seeded, web app
// built), and Debian's Chromium driven by playwright-core. In CI (CI=true) a missing Chromium or
// a missing web build fails the test; on a developer machine the test is skipped with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildApp, seedDemoIfEmpty } from '@isoloir/server';
import { openStore, type Store } from '@isoloir/store';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WEB_ROOT = new URL('../../apps/web/dist/', import.meta.url).pathname;

/** Why browser tests cannot run here, or undefined when they can. Never skips in CI. */
export function browserSkipReason(): string | undefined {
  const missing = !existsSync(CHROMIUM)
    ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
    : !existsSync(`${WEB_ROOT}index.html`)
      ? 'web app not built (npm run build:web)'
      : undefined;
  if (missing !== undefined && process.env['CI'] === 'true')
    throw new Error(`browser tests must run in CI: ${missing}`);
  return missing;
}

export interface TestServer {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

export async function startTestServer(demo = { voters: 200, abroadPerMille: 100, seed: 11 }): Promise<TestServer> {
  const store = await openStore();
  await seedDemoIfEmpty(store, demo);
  const app = await buildApp({ store, webRoot: WEB_ROOT });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; returns its violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE); // evaluated by the driver, so the page's CSP need not allow it
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
