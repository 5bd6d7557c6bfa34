// `isoloir start`: the platform on this machine. PGlite in ./data unless DATABASE_URL is set.
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  authOptionsFromEnv,
  isProduction,
  oidcConfigFromEnv,
  OtherSecretRefused,
  productionStartProblem,
  SECRET_FILE_ENV,
  startServer,
  stopOnSignals,
} from '@isoloir/server';
import { join } from 'node:path';
import { DEMO_SHARES_FOLDER, demoShareFolderOf } from '@isoloir/server/counting';
import { runDemoKeygen } from './ceremony/demo-trustees.ts';
import { verifierChecks } from './counting/server-checks.ts';
import { ensureWebBuilt } from './web-build.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

interface StartOptions {
  readonly port: number;
  readonly host: string;
  readonly data: string;
  readonly demo: boolean;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'Start the platform: API, web app and (in development) the demo election. PostgreSQL when DATABASE_URL is set, else embedded PGlite in --data.',
    )
    .option('--port <port>', 'port to listen on', parsePort, Number(process.env['PORT'] ?? 8080))
    .option('--host <host>', 'address to listen on', process.env['HOST'] ?? '127.0.0.1')
    .option('--data <dir>', 'folder of the embedded database', process.env['ISOLOIR_DATA'] ?? './data')
    .option('--no-demo', 'do not seed the demo election into an empty database (never seeded with NODE_ENV=production)')
    .action(async (options: StartOptions) => {
      // Production never seeds the demo and never runs the development login: refuse before anything starts.
      const seedDemo = options.demo && !isProduction();
      const oidcRefusal = productionStartProblem({
        seedDemo,
        identityProvider: process.env['ISOLOIR_OIDC_ISSUER'] !== undefined && process.env['ISOLOIR_OIDC_ISSUER'] !== '',
        secretFile: (process.env[SECRET_FILE_ENV] ?? '') !== '',
      });
      if (oidcRefusal !== undefined) {
        process.stderr.write(`isoloir start: ${oidcRefusal}\n`);
        process.exitCode = 1;
        return;
      }
      const webProblem = ensureWebBuilt((line) => process.stdout.write(line));
      if (webProblem !== undefined) {
        process.stderr.write(`isoloir start: ${webProblem}\n`);
        process.exitCode = 1;
        return;
      }
      // Whatever the server writes (database files, keys) is readable by its own user only.
      process.umask(0o077);
      const databaseUrl = process.env['DATABASE_URL'];
      // Login: CSAM/FAS when ISOLOIR_OIDC_ISSUER is set, else the development identity provider.
      const oidc = oidcConfigFromEnv();
      const auth = oidc === undefined ? undefined : { ...authOptionsFromEnv(), oidc };
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          port: options.port,
          host: options.host,
          dataDir: resolve(options.data),
          databaseUrl,
          seedDemo,
          auth,
          counting: verifierChecks(),
        });
      } catch (error) {
        // Another node's database with another secret: say which, without a stack trace.
        if (!(error instanceof OtherSecretRefused)) throw error;
        process.stderr.write(`isoloir start: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      const where =
        server.store.kind === 'pglite'
          ? `PGlite in ${server.store.location}`
          : `PostgreSQL at ${server.store.location}`;
      process.stdout.write(
        `\nisoloir is running at ${server.url}/  (database: ${where})\nAPI documentation: ${server.url}/api/docs   Stop with Ctrl+C.\nServer secret: ${server.secret.path ?? 'in memory'} (fingerprint ${server.secret.fingerprint})\n\n`,
      );
      stopOnSignals(server, () => {
        process.stdout.write('isoloir stopped.\n');
      });
      if (server.demoCeremonies.length > 0) {
        // The demo elections' key ceremonies: three trustee processes (this CLI, `trustee keygen`)
        // against the server over HTTP, as real trustees would run them on their own machines; one
        // election after the other (each election has its own key).
        const shareDir = join(resolve(options.data), DEMO_SHARES_FOLDER);
        process.stdout.write(
          `DEMO ONLY: three trustee processes run the key ceremony of each demo election (${String(server.demoCeremonies.length)}); their encrypted shares go to ${shareDir}\n`,
        );
        void (async () => {
          for (const electionId of server.demoCeremonies)
            await runDemoKeygen(server.url, electionId, demoShareFolderOf(shareDir, electionId));
          process.stdout.write(
            `DEMO ONLY: the demo elections' keys are published (ceremonies at ${server.url}/counting/ceremony)\n`,
          );
        })().catch((e: unknown) => process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`));
      }
    });
}
