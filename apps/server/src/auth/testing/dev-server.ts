// For tests: isoloir on a fresh in-memory database with the small demo, the development officials
// and the development identity provider, both on free ports.
import { openStore, type Store } from '@isoloir/store';
import { buildApp, type AppOptions } from '../../app.ts';
import type { AppInstance } from '../../app-instance.ts';
import { seedDemoIfEmpty } from '../../demo/seed-demo.ts';
import type { Persona } from '../../idp/personas.ts';
import type { AuthOptions } from '../config.ts';
import type { CountingChecks } from '../../counting/mixing.ts';
import { startDevAuth } from '../dev-auth.ts';

export const SMALL_DEMO = { voters: 300, abroadPerMille: 100, seed: 7 } as const;

export interface DevServer {
  readonly url: string;
  readonly app: AppInstance;
  readonly store: Store;
  readonly personas: readonly Persona[];
  persona(id: string): Persona;
  close(): Promise<void>;
}

export async function startDevServer(
  options: {
    readonly store?: Store;
    readonly webRoot?: string;
    readonly demo?: { voters: number; abroadPerMille: number; seed: number };
    readonly prepare?: boolean;
    readonly personas?: readonly Persona[];
    readonly auth?: Partial<Omit<AuthOptions, 'oidc'>>;
    readonly counting?: CountingChecks;
    /** The app's logger (default none); the privacy test passes the server's redacting one. */
    readonly logger?: AppOptions['logger'];
  } = {},
): Promise<DevServer> {
  const store = options.store ?? (await openStore());
  await seedDemoIfEmpty(store, options.demo ?? SMALL_DEMO, { prepare: options.prepare ?? true });
  const devAuth = await startDevAuth(store, {
    host: '127.0.0.1',
    port: 0,
    auth: options.auth,
    extraPersonas: options.personas,
  });
  const app = await buildApp({
    store,
    webRoot: options.webRoot,
    auth: devAuth.options,
    counting: options.counting,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  devAuth.afterListen(url);
  return {
    url,
    app,
    store,
    personas: devAuth.personas,
    persona(id) {
      const found = devAuth.personas.find((p) => p.id === id);
      if (found === undefined) throw new Error(`no persona ${id}`);
      return found;
    },
    close: async () => {
      await app.close();
      await devAuth.close();
      // A store passed in belongs to the caller.
      if (options.store === undefined) await store.close();
    },
  };
}
