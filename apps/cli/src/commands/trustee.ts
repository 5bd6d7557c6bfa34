// `isoloir trustee --server URL --share FILE`: what a trustee runs on their own machine at
// counting. The key share file never leaves the machine: the command fetches each group's current
// ciphertexts, shuffles them with a proof and uploads; then, once every group is mixed (t shuffles),
// decrypts its part with a proof and uploads. The server checks every proof on upload.
// Resumable: the server's state says what is done, so running it again (after a crash or a lost
// connection) skips what is done; lost connections are retried. Progress bars on stderr.
// Authentication: the session of an official holding the `trustee` role —
//   --cookie / ISOLOIR_SESSION_COOKIE: the `isoloir-session=…` cookie of a browser login
//     (copy it from the browser's developer tools after logging in as an official);
//   --dev-login PERSONA: logs in through the development identity provider (never in production).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadGroup, loadNodeWorkerPool, type GroupName } from '@isoloir/crypto';
import type { TrusteeShareFile } from '@isoloir/server/counting';
import type { ProgressStream } from '../progress.ts';
import { httpCountingService, sessionFromCookie, TrusteeRefusal, type HttpOptions, type ServerSession } from './counting/http-service.ts';
import { decryptAll, mixAll } from './counting/trustee-work.ts';

export interface TrusteeRunOptions {
  readonly server: string;
  readonly share: TrusteeShareFile;
  readonly session: ServerSession;
  readonly step: 'mix' | 'decrypt' | 'all';
  readonly stream?: ProgressStream;
  readonly http?: HttpOptions;
  readonly log?: (line: string) => void;
}

export interface TrusteeRunSummary {
  readonly shuffled: number;
  readonly decrypted: number;
  /** Groups still waiting for other trustees (shuffles or decryptions). */
  readonly waiting: readonly string[];
  /** Groups split so far (0: the PO has not split identities from contents yet). */
  readonly groups: number;
}

export function readShareFile(path: string): TrusteeShareFile {
  const share = JSON.parse(readFileSync(path, 'utf8')) as Partial<TrusteeShareFile>;
  if (share.format !== 'isoloir-trustee-share/1' || typeof share.electionId !== 'string' || typeof share.trustee !== 'number' || typeof share.secret !== 'string' || typeof share.verificationKey !== 'string') {
    throw new Error(`${path} is not a trustee key share file (format isoloir-trustee-share/1)`);
  }
  return share as TrusteeShareFile;
}

export async function serverSession(server: string, o: { cookie?: string | undefined; devLogin?: string | undefined }): Promise<ServerSession> {
  if (o.cookie !== undefined && o.cookie !== '') return sessionFromCookie(server, o.cookie.includes('=') ? o.cookie : `isoloir-session=${o.cookie}`);
  if (o.devLogin !== undefined) {
    // Loaded only when asked: the development login helpers are not needed otherwise.
    const { loginThroughDevIdp } = await import('@isoloir/server/testing');
    const login = await loginThroughDevIdp(server, o.devLogin, 'official');
    if (!login.ok) throw new Error(`development login of ${o.devLogin} refused (${login.code ?? login.landing})`);
    return { cookie: login.cookie, csrfToken: login.csrfToken };
  }
  throw new Error('no session: pass --cookie (or ISOLOIR_SESSION_COOKIE) or, against the development identity provider, --dev-login official-trustee');
}

export async function runTrustee(o: TrusteeRunOptions): Promise<TrusteeRunSummary> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const service = httpCountingService(o.server, o.share.electionId, o.session, { log, ...o.http });
  const key = await service.key();
  const published = key.verificationKeys.find((v) => v.trustee === o.share.trustee);
  if (key.group !== o.share.group || published === undefined || published.verificationKey !== o.share.verificationKey) {
    throw new Error(`this key share (trustee ${String(o.share.trustee)}) does not match the key published for election ${o.share.electionId}: is it the share of another election or ceremony? Nothing was sent.`);
  }
  const group = await loadGroup(key.group as GroupName);
  const runner = (await loadNodeWorkerPool()).createWorkerPool(group.name);
  const ctx = { group, runner, share: o.share, service, ...(o.stream === undefined ? {} : { stream: o.stream }) };
  let shuffled = 0;
  let decrypted = 0;
  try {
    // Another trustee may take the next mix node first, or an upload's answer may have been lost
    // after it was accepted: the server then says "out of turn"; the state is read again.
    for (let round = 0; round < 10; round++) {
      try {
        if (o.step !== 'decrypt') shuffled += await mixAll(ctx);
        if (o.step !== 'mix') decrypted += await decryptAll(ctx);
        break;
      } catch (e) {
        if (!(e instanceof TrusteeRefusal && e.code === 'counting.out-of-turn') || round === 9) throw e;
        log(`${e.message}: reading the server's state again`);
      }
    }
  } finally {
    await runner.close();
  }
  const groups = await service.groups();
  const waiting = groups.filter((g) => g.ballots > 0 && !g.counted && (g.shuffles < key.threshold || g.decryptedBy.length < key.threshold)).map((g) => g.groupId);
  return { shuffled, decrypted, waiting, groups: groups.filter((g) => g.ballots > 0).length };
}

export function registerTrustee(program: Command): void {
  program
    .command('trustee')
    .description('Trustee at counting, on your own machine with your key share: shuffle each group with a proof, then decrypt your part with a proof; resumable')
    .requiredOption('--server <url>', 'the isoloir server, e.g. https://isoloir.example.be')
    .requiredOption('--share <file>', 'your key share file (isoloir-trustee-share/1); it never leaves this machine')
    .option('--step <step>', 'mix, decrypt or all', 'all')
    .option('--cookie <cookie>', 'session cookie of your official login (default: $ISOLOIR_SESSION_COOKIE)')
    .option('--dev-login <persona>', 'log in through the development identity provider as this persona (e.g. official-trustee)')
    .action(async (opts: { server: string; share: string; step: string; cookie?: string; devLogin?: string }) => {
      if (!['mix', 'decrypt', 'all'].includes(opts.step)) {
        process.stderr.write('--step must be mix, decrypt or all\n');
        process.exitCode = 2;
        return;
      }
      try {
        const share = readShareFile(opts.share);
        const session = await serverSession(opts.server, { cookie: opts.cookie ?? process.env['ISOLOIR_SESSION_COOKIE'], devLogin: opts.devLogin });
        const s = await runTrustee({ server: opts.server, share, session, step: opts.step as 'mix' | 'decrypt' | 'all' });
        process.stdout.write(`trustee ${String(share.trustee)} of ${share.electionId}: ${String(s.shuffled)} group(s) shuffled, ${String(s.decrypted)} decrypted${s.groups === 0 ? '; no group to count yet (identities not split yet): run again later' : s.waiting.length > 0 ? `; waiting for other trustees: ${s.waiting.join(', ')} (run again later)` : '; nothing left to do'}\n`);
      } catch (e) {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      }
    });
}
