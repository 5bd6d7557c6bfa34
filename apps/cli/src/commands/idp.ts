// `isoloir idp`: the development identity provider on its own, playing CSAM/FAS for an isoloir
// started elsewhere (`isoloir start` runs one in-process already). Its personas are the default
// demo's voters and the development officials. Refuses NODE_ENV=production.
import type { Command } from 'commander';
import {
  allPersonas,
  DEFAULT_DEMO_OPTIONS,
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
  generateDemoElection,
  listenDevIdp,
  refuseInProduction,
} from '@isoloir/server';
import { parsePort } from './start.ts';

interface IdpOptions {
  readonly port: number;
  readonly host: string;
  readonly client: string[];
}

export function registerIdp(program: Command): void {
  program
    .command('idp')
    .description(
      'Run the development identity provider (plays CSAM/FAS with test personas) on its own. Never in production.',
    )
    .option('--port <port>', 'port to listen on', parsePort, 8081)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--client <url...>', 'base URL(s) of the isoloir that logs in through it', [
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ])
    .action(async (options: IdpOptions) => {
      refuseInProduction();
      const voters = generateDemoElection(DEFAULT_DEMO_OPTIONS).voters;
      const personas = allPersonas(voters);
      const idp = await listenDevIdp({ host: options.host, port: options.port });
      const bases = options.client.map((url) => url.replace(/\/$/, ''));
      idp.configure(personas, {
        clientId: DEV_CLIENT_ID,
        clientSecret: DEV_CLIENT_SECRET,
        redirectUris: bases.map((b) => `${b}/api/auth/callback`),
        postLogoutRedirectUris: bases.map((b) => `${b}/`),
      });
      process.stdout.write(
        `\nDevelopment identity provider at ${idp.issuer}  (${String(personas.length)} personas)\nStart isoloir against it with:\n` +
          `  ISOLOIR_OIDC_ISSUER=${idp.issuer} ISOLOIR_OIDC_CLIENT_ID=${DEV_CLIENT_ID} ISOLOIR_OIDC_CLIENT_SECRET=${DEV_CLIENT_SECRET} npm start\nStop with Ctrl+C.\n\n`,
      );
      const stop = (): void => {
        void idp.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
