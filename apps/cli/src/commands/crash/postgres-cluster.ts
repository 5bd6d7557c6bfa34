// A throw-away PostgreSQL cluster of the crash bench's own (scripts/start-postgres.sh on a free port
// and a fresh folder), so that `pg_ctl stop -m immediate` stops nobody else's database.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';

const SCRIPT = new URL('../../../../../scripts/start-postgres.sh', import.meta.url).pathname;

function pgBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const last = versions.at(-1);
  if (last === undefined) throw new Error('no PostgreSQL in /usr/lib/postgresql');
  return `/usr/lib/postgresql/${last}/bin`;
}

/** pg_ctl as the `postgres` user when run as root, as PostgreSQL requires (as the script does). */
function pgCtl(dir: string, ...args: string[]): void {
  const command = [`${pgBin()}/pg_ctl`, '-D', dir, ...args];
  const asRoot = process.getuid?.() === 0;
  const result = spawnSync(
    asRoot ? 'runuser' : (command[0] ?? ''),
    asRoot ? ['-u', 'postgres', '--', ...command] : command.slice(1),
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}: ${result.stderr.trim()}`);
}

export interface PostgresCluster {
  readonly url: string;
  /** `pg_ctl stop -m immediate`: every backend killed, no checkpoint (a crash, for PostgreSQL). */
  stopImmediately(): void;
  /** Starts it again (crash recovery replays the write-ahead log). */
  start(): void;
  /** Stops it for good and removes its folder (and the folder around it, made for it). */
  destroy(): void;
}

export function startPostgresCluster(port: number, dir: string): PostgresCluster {
  const out = execFileSync('bash', [SCRIPT], {
    env: { ...process.env, PGPORT_TEST: String(port), PGDATA_TEST: dir },
    encoding: 'utf8',
  });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  if (url === undefined) throw new Error(`start-postgres.sh printed no DATABASE_URL: ${out}`);
  return {
    url,
    stopImmediately: () => {
      pgCtl(dir, 'stop', '-m', 'immediate', '-w');
    },
    start: () => {
      // The options scripts/start-postgres.sh starts it with (pg_ctl start does not remember them).
      const options = `-c listen_addresses=127.0.0.1 -c port=${String(port)} -c unix_socket_directories=${dir} -c max_connections=200 -c fsync=on`;
      pgCtl(dir, '-l', `${dir}/server.log`, '-w', '-o', options, 'start');
    },
    destroy: () => {
      try {
        pgCtl(dir, 'stop', '-m', 'fast', '-w');
      } catch {
        // already stopped
      }
      spawnSync('rm', ['-rf', dirname(dir)]);
    },
  };
}
