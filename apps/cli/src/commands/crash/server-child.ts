// The server process `isoloir bench crash` kills and restarts: `startServer`, the function
// `isoloir start` runs (rate limits, board and audit clerks, the development login), on the given
// port and database, without the web app (no build needed) and without the demo seeding (the bench
// prepared the database). Usage: node server-child.ts PORT DATA_DIR; DATABASE_URL for PostgreSQL.
import { resolve } from 'node:path';
import { startServer, stopOnSignals } from '@isoloir/server';

const [port, dataDir] = process.argv.slice(2);
process.umask(0o077);
const server = await startServer({
  port: Number(port),
  host: '127.0.0.1',
  dataDir: resolve(dataDir ?? './data'),
  databaseUrl: process.env['DATABASE_URL'] === '' ? undefined : process.env['DATABASE_URL'],
  seedDemo: false,
  webRoot: resolve(dataDir ?? './data', 'no-web-app'),
  devIdpPort: 0,
});
process.stdout.write(`ready ${server.url}\n`);
stopOnSignals(server, () => {
  process.stdout.write('stopped\n');
});
