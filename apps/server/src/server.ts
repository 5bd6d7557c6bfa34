// Starts the platform: opens the database (migrating it), seeds the demo election into an empty
// one, serves the API and the web app, and shuts down gracefully on SIGINT/SIGTERM, finishing the
// requests in flight before closing the database.
import { openStore, type Store } from '@isoloir/store';
import type { FastifyServerOptions } from 'fastify';
import { buildApp, trustProxyFromEnv } from './app.ts';
import type { AppInstance } from './app-instance.ts';
import type { AuthOptions } from './auth/config.ts';
import { startDevAuth } from './auth/dev-auth.ts';
import type { CountingChecks } from './counting/mixing.ts';
import { openDemoCeremonies } from './counting/demo-ceremony.ts';
import { DEFAULT_DEMO_OPTIONS, seedDemoIfEmpty } from './demo/seed-demo.ts';
import { demoSetupAround } from './preparation/demo-preparation.ts';
import { redactingLogger } from './log-redaction.ts';
import { productionStartProblem } from './production-mode.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './rate-limit/index.ts';
import {
  bindSecretTo,
  configuredSecretFile,
  loadServerSecret,
  otherSecretProblem,
  type ServerSecret,
} from './secrets/index.ts';
import { DEFAULT_WEB_ROOT } from './web.ts';
import { headPolicyFromEnv, startBoardClerk, type HeadPolicy } from './voting/board-heads.ts';
import { auditHeadsPolicyFromEnv, startAuditClerk, type AuditHeadsPolicy } from './audit/audit-clerk.ts';
import { votingService } from './voting/service.ts';

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  readonly seedDemo: boolean;
  readonly webRoot?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
  /** Login (CSAM/FAS); absent: the development identity provider, started beside the server. */
  readonly auth?: AuthOptions | undefined;
  /** Port of the development identity provider; default: `port` + 1 (0 with port 0). */
  readonly devIdpPort?: number | undefined;
  /** The count's proof checks on trustees' uploads (`isoloir start` passes @isoloir/verifier's). */
  readonly counting?: CountingChecks | undefined;
  /** Rate limits; default: DEFAULT_RATE_LIMITS (a real start is never without). */
  readonly rateLimits?: RateLimitSettings | undefined;
  /** When the bulletin board publishes a head (default: ISOLOIR_BOARD_EVERY_BALLOTS / _MINUTES, else 1000 ballots or 5 minutes). */
  readonly boardHeads?: HeadPolicy | undefined;
  /** The server secret; default: ISOLOIR_SECRET_FILE, else created beside `dataDir` (never in production). */
  readonly secret?: ServerSecret | undefined;
  /** When the audit heads are published besides start and phase changes (default: ISOLOIR_AUDIT_HEADS_EVERY_MINUTES, else 15 minutes). */
  readonly auditHeads?: AuditHeadsPolicy | undefined;
}

export interface RunningServer {
  readonly app: AppInstance;
  readonly store: Store;
  readonly url: string;
  /** True when the demo election's key ceremony is open and waits for its trustees (the CLI starts them). */
  /** The demo elections whose key ceremony the demo trustees have to run (none: keys exist, or no demo). */
  readonly demoCeremonies: readonly string[];
  /** The server secret in use (its `path` and `fingerprint` may be shown; never its value). */
  readonly secret: ServerSecret;
  stop(): Promise<void>;
}

export const VERSION = '0.1.0';

/** A start that production mode refuses; its message says what to configure. */
export class ProductionStartRefused extends Error {}

/** A start with another server secret than the one the database serves with (another node's). */
export class OtherSecretRefused extends Error {}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const refused = productionStartProblem({
    seedDemo: options.seedDemo,
    identityProvider: options.auth !== undefined,
    secretFile: options.secret !== undefined || configuredSecretFile() !== undefined,
  });
  if (refused !== undefined) throw new ProductionStartRefused(refused);
  // Read (or, in development, created) before the database opens: a bad secret file stops the start.
  const secret = options.secret ?? loadServerSecret({ dataDir: options.dataDir });
  const store = await openStore({ url: options.databaseUrl, dataDir: options.dataDir });
  // Bound before the demo's seeding: its pseudonyms and K-codes are the server's.
  bindSecretTo(store, secret);
  try {
    // Several nodes on one database: one secret for all (deploy/README.md).
    const otherSecret = await otherSecretProblem(store, secret);
    if (otherSecret !== undefined) throw new OtherSecretRefused(otherSecret);
    // The demo day, prepared through the real pipeline to the freeze (its voter files say who may vote).
    // Its dates are placed around today, so that the tour works on whatever day it is started.
    if (options.seedDemo)
      await seedDemoIfEmpty(store, DEFAULT_DEMO_OPTIONS, {
        setup: demoSetupAround(new Date().toISOString().slice(0, 10)),
      });
    // The demo elections' key ceremonies are opened here; the CLI's trustee processes run them.
    const demoCeremonies = options.seedDemo ? await openDemoCeremonies(store) : [];
    const devAuth =
      options.auth === undefined
        ? await startDevAuth(store, {
            host: options.host,
            port: options.devIdpPort ?? (options.port === 0 ? 0 : options.port + 1),
          })
        : undefined;
    const app = await buildApp({
      store,
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      logger: options.logger ?? redactingLogger(),
      version: VERSION,
      auth: options.auth ?? devAuth?.options,
      counting: options.counting,
      rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
      secret,
      // Operators' Prometheus scrape (apps/server/src/metrics): off unless a token is configured.
      metricsToken: process.env['ISOLOIR_METRICS_TOKEN'],
      // Behind a load balancer (deploy/): the client's address from X-Forwarded-For, from the balancer only.
      trustProxy: trustProxyFromEnv(),
    });
    const address = await app.listen({ port: options.port, host: options.host }).catch(async (error: unknown) => {
      await devAuth?.close();
      throw error;
    });
    const url = address.replace('://127.0.0.1', '://localhost').replace('://[::1]', '://localhost');
    devAuth?.afterListen(url);
    // The anchored bulletin board: opening head (key fingerprint) before voting, periodic heads, closing head.
    const clerk = startBoardClerk(
      votingService(store),
      options.boardHeads ?? headPolicyFromEnv(process.env),
      5_000,
      (error) => {
        app.log.error({ err: error }, 'board: publishing a head failed (tried again at the next tick)');
      },
    );
    // The audit log's heads, signed and published: at start, at each phase change, every N minutes.
    const auditClerk = startAuditClerk(
      store,
      options.auditHeads ?? auditHeadsPolicyFromEnv(process.env),
      5_000,
      (error) => {
        app.log.error({ err: error }, 'audit: publishing the heads failed (tried again at the next tick)');
      },
    );
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        await clerk.stop();
        await auditClerk.stop();
        await app.close();
        await devAuth?.close();
        await options.counting?.close?.();
        await store.close();
      })();
      return stopping;
    };
    return { app, store, url, stop, demoCeremonies, secret };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Stops the server on the first SIGINT or SIGTERM; a second one exits at once. */
export function stopOnSignals(server: RunningServer, onStopped: () => void): void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (signalled) process.exit(130);
    signalled = true;
    server.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    server.stop().then(onStopped, (error: unknown) => {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
      onStopped();
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
