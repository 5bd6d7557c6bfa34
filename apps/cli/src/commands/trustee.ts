// `isoloir trustee`: what a trustee runs on their own machine.
//   isoloir trustee keygen --server URL --election E --trustee J --out FILE [--peer-fingerprints F]
//     the key ceremony (ceremony/keygen.ts): keys (their fingerprint printed, for the other trustees),
//     the others' fingerprints compared with the ones obtained out of band (file or terminal) before
//     dealing, dealing, checks, complaints, answers; the key share is written to FILE encrypted under
//     the passphrase, never sent anywhere, with the finished ceremony pinned (ceremony/pin.ts);
//   isoloir trustee --server URL --share FILE [--step mix|decrypt|all] [--queue URL [--workers N]]
//     the count: first compares the ceremony the server serves with the one pinned in FILE
//     (ceremony-mismatch), then takes every key from the pin; shuffles each group with a proof and uploads it, signed; then, once every group is
//     mixed, checks each group (trustee-checks.ts: input = published ballots minus cancellations,
//     t shuffles by distinct qualified trustees, every signature and shuffle proof, the input to
//     decrypt is the chain's output) and only then decrypts its part with a proof, signed.
//     With --queue (the trustee's own PostgreSQL), the groups are queued there and done by
//   isoloir trustee worker --server URL --share FILE --queue URL
//     on each of the trustee's worker machines (counting/trustee-queue.ts), by the same code.
// Resumable (the server's state says what is done); lost connections are retried.
// Passphrase: --passphrase-file FILE, or ISOLOIR_TRUSTEE_PASSPHRASE.
// Authentication: the session of the official holding the `trustee` role and registered under the
// trustee number — --cookie / ISOLOIR_SESSION_COOKIE (the `isoloir-session=…` cookie of a browser
// login), or --dev-login PERSONA through the development identity provider (never in production).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { loadGroup, loadNodeWorkerPool, type GroupName } from '@isoloir/crypto';
import { loadMsmPool, verifyShuffleProof } from '@isoloir/verifier';
import type { ProgressStream } from '../progress.ts';
import { checkPassphrase, openShareFile, type TrusteeShare } from './ceremony/share-file.ts';
import { runKeygen } from './ceremony/keygen.ts';
import { formatFingerprint } from './ceremony/fingerprint.ts';
import {
  httpCountingService,
  sessionFromCookie,
  TrusteeRefusal,
  type HttpOptions,
  type ServerSession,
} from './counting/http-service.ts';
import {
  decryptAll,
  mixAll,
  pinnedCeremony,
  type CountingService,
  type TrusteeContext,
} from './counting/trustee-work.ts';
import { openTrusteeQueue, runQueuedStep, startQueueWorker, type WorkerHandle } from './counting/trustee-queue.ts';
import type { CeremonyPin } from './ceremony/pin.ts';

export interface TrusteeRunOptions {
  readonly server: string;
  readonly share: TrusteeShare;
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

export function passphraseFrom(file: string | undefined): string {
  return checkPassphrase(
    file !== undefined ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : process.env['ISOLOIR_TRUSTEE_PASSPHRASE'],
  );
}

export async function serverSession(
  server: string,
  o: { cookie?: string | undefined; devLogin?: string | undefined },
): Promise<ServerSession> {
  if (o.cookie !== undefined && o.cookie !== '')
    return sessionFromCookie(server, o.cookie.includes('=') ? o.cookie : `isoloir-session=${o.cookie}`);
  if (o.devLogin !== undefined) {
    // Loaded only when asked: the development login helpers are not needed otherwise.
    const { loginThroughDevIdp } = await import('@isoloir/server/testing');
    const login = await loginThroughDevIdp(server, o.devLogin, 'official');
    if (!login.ok) throw new Error(`development login of ${o.devLogin} refused (${login.code ?? login.landing})`);
    return { cookie: login.cookie, csrfToken: login.csrfToken };
  }
  throw new Error(
    'no session: pass --cookie (or ISOLOIR_SESSION_COOKIE) or, against the development identity provider, --dev-login official-trustee',
  );
}

/** What a trustee's run works with: the checked context, the pinned ceremony, and how to release the workers. */
export interface TrusteeWork {
  readonly ctx: TrusteeContext;
  readonly pin: CeremonyPin;
  readonly service: CountingService;
  close(): Promise<void>;
}

/**
 * Opens a trustee's work against the server: the share must match the published key, and the server
 * must serve exactly the ceremony pinned in the share file (check ceremony-mismatch), before anything is sent.
 */
export async function openTrusteeWork(
  o: Pick<TrusteeRunOptions, 'server' | 'share' | 'session' | 'stream' | 'http'>,
  log: (line: string) => void,
): Promise<TrusteeWork> {
  const service = httpCountingService(o.server, o.share.electionId, o.session, { log, ...o.http });
  const key = await service.key();
  const published = key.verificationKeys.find((v) => v.trustee === o.share.trustee);
  if (key.group !== o.share.group || published === undefined || published.verificationKey !== o.share.verificationKey) {
    throw new Error(
      `this key share (trustee ${String(o.share.trustee)}) does not match the key published for election ${o.share.electionId}: is it the share of another election or ceremony? Nothing was sent.`,
    );
  }
  const pin = await pinnedCeremony(o.share, service);
  const group = await loadGroup(pin.group as GroupName);
  const runner = (await loadNodeWorkerPool()).createWorkerPool(group.name);
  const msm = (await loadMsmPool()).createMsmPool(group.name);
  const checkShuffle = (
    st: { electionId: string; groupId: string; mixNode: number; pk: Uint8Array },
    inputs: Parameters<typeof verifyShuffleProof>[2],
    outputs: Parameters<typeof verifyShuffleProof>[3],
    proof: unknown,
  ) => verifyShuffleProof(group, st, inputs, outputs, proof, `shuffle ${st.groupId} #${String(st.mixNode)}`, msm);
  const ctx: TrusteeContext = {
    group,
    runner,
    share: o.share,
    service,
    checkShuffle,
    ownShuffles: new Map<string, string>(),
    ...(o.stream === undefined ? {} : { stream: o.stream }),
  };
  return {
    ctx,
    pin,
    service,
    close: async () => {
      await runner.close();
      await msm.close();
    },
  };
}

async function summary(
  service: CountingService,
  pin: CeremonyPin,
  shuffled: number,
  decrypted: number,
): Promise<TrusteeRunSummary> {
  const groups = await service.groups();
  const waiting = groups
    .filter((g) => g.ballots > 0 && !g.counted && (g.shuffles < pin.threshold || g.decryptedBy.length < pin.threshold))
    .map((g) => g.groupId);
  return { shuffled, decrypted, waiting, groups: groups.filter((g) => g.ballots > 0).length };
}

export async function runTrustee(o: TrusteeRunOptions): Promise<TrusteeRunSummary> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const work = await openTrusteeWork(o, log);
  let shuffled = 0;
  let decrypted = 0;
  try {
    // Another trustee may take the next mix node first, or an upload's answer may have been lost
    // after it was accepted: the server then says "out of turn"; the state is read again.
    for (let round = 0; round < 10; round++) {
      try {
        if (o.step !== 'decrypt') shuffled += await mixAll(work.ctx);
        if (o.step !== 'mix') decrypted += await decryptAll(work.ctx);
        break;
      } catch (e) {
        if (!(e instanceof TrusteeRefusal && e.code === 'counting.out-of-turn') || round === 9) throw e;
        log(`${e.message}: reading the server's state again`);
      }
    }
  } finally {
    await work.close();
  }
  return summary(work.service, work.pin, shuffled, decrypted);
}

/**
 * The same count with the groups spread over worker machines through the trustee's own job queue
 * (counting/trustee-queue.ts): queues each step's groups, runs `localWorkers` workers in this process
 * (0: only the workers started elsewhere with `isoloir trustee worker`), waits for every group.
 * A refused group (a check failed) stops the run after its step, named.
 */
export async function runTrusteeQueued(
  o: TrusteeRunOptions & { readonly queue: string; readonly localWorkers: number },
): Promise<TrusteeRunSummary & { readonly byWorker: Readonly<Record<string, number>> }> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const work = await openTrusteeWork(o, log);
  const boss = await openTrusteeQueue(o.queue, o.share.electionId, o.share.trustee, log);
  const byWorker: Record<string, number> = {};
  const counts = { mix: 0, decrypt: 0 };
  const local: WorkerHandle[] = [];
  try {
    for (let i = 0; i < o.localWorkers; i++)
      local.push(
        await startQueueWorker(boss, work.ctx, work.pin, {
          worker: `${hostname()}/${String(process.pid)}#${String(i + 1)}`,
          log,
        }),
      );
    for (const step of ['mix', 'decrypt'] as const) {
      if ((step === 'mix' && o.step === 'decrypt') || (step === 'decrypt' && o.step === 'mix')) continue;
      const r = await runQueuedStep(boss, work.ctx, work.pin, step, log);
      counts[step] = r.done;
      for (const [w, n] of Object.entries(r.byWorker)) byWorker[w] = (byWorker[w] ?? 0) + n;
      const first = r.refused[0];
      if (first !== undefined)
        throw new Error(
          `${String(r.refused.length)} group(s) refused at ${step}; first: ${first.message} (check ${first.check}, worker ${first.worker})`,
        );
    }
  } finally {
    for (const w of local) await w.stop();
    await boss.stop({ graceful: true });
    await work.close();
  }
  return { ...(await summary(work.service, work.pin, counts.mix, counts.decrypt)), byWorker };
}

/** A worker machine: takes this trustee's groups from the queue until stopped (or idle, for scripts). */
export async function runTrusteeWorker(
  o: Pick<TrusteeRunOptions, 'server' | 'share' | 'session' | 'stream' | 'http' | 'log'> & {
    readonly queue: string;
    readonly untilIdleSeconds?: number;
  },
): Promise<void> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const work = await openTrusteeWork(o, log);
  const boss = await openTrusteeQueue(o.queue, o.share.electionId, o.share.trustee, log);
  try {
    const w = await startQueueWorker(boss, work.ctx, work.pin, {
      worker: `${hostname()}/${String(process.pid)}`,
      log,
      ...(o.untilIdleSeconds === undefined ? {} : { untilIdleSeconds: o.untilIdleSeconds }),
    });
    const onSignal = (): void => {
      void w.stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    log(
      `worker ${hostname()}/${String(process.pid)} of trustee ${String(o.share.trustee)} waiting for groups of ${o.share.electionId}`,
    );
    await w.stopped;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  } finally {
    await boss.stop({ graceful: true });
    await work.close();
  }
}

const COUNT_HELP = `
Before anything is sent, the ceremony the server serves (transcript, qualified trustees, every
trustee's signing and verification key, the election key and its fingerprint) is compared with the
one pinned in your share file at the key ceremony (check ceremony-mismatch); every key used after
that comes from the pin. Before decrypting a group: group-input, one-ballot-per-voter, mixers,
shuffle-signature, own-shuffle-missing (you decrypt only a group whose chain holds a shuffle signed
by you: mix first, --step mix, while mixing is open), shuffle-proof, mixed-input.
`;

const KEYGEN_HELP = `
Fingerprints (out-of-band confirmation): once registered, the tool prints YOUR FINGERPRINT (eight
groups of four hex digits). Read it to every other trustee by a channel the server does not carry
(phone call, a sheet of paper handed over), and write down theirs. Before dealing, the tool compares
the fingerprint of each other trustee's keys as the server serves them with the ones you wrote down,
from --peer-fingerprints FILE (one line per trustee, e.g. "2 1a2b 3c4d 5e6f 7081 92a3 b4c5 d6e7 f809";
the tool waits until every other trustee is listed, so you may fill it in while it runs) or, on a
terminal, typed in at the prompt. Any difference stops it (check peer-fingerprint) before a share
is encrypted to anybody: someone substituted a trustee's keys.
`;

function fail(e: unknown): void {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}

export function registerTrustee(program: Command): void {
  // `trustee keygen` reuses option names (--server…): each command's options come before its
  // subcommand (commander needs this on the program and on `trustee`).
  program.enablePositionalOptions();
  const trustee = program
    .command('trustee')
    .enablePositionalOptions()
    .description(
      'Trustee, on your own machine: `trustee keygen` at the key ceremony; `trustee --share FILE` at counting (shuffle with proof, check, decrypt your part with proof); resumable',
    )
    .option('--server <url>', 'the isoloir server, e.g. https://isoloir.example.be')
    .option(
      '--share <file>',
      'your key share file (isoloir-trustee-share/3, encrypted, the ceremony pinned); it never leaves this machine',
    )
    .option('--step <step>', 'mix, decrypt or all', 'all')
    .addHelpText('after', COUNT_HELP)
    .option(
      '--passphrase-file <file>',
      'file holding the passphrase of your share file (default: $ISOLOIR_TRUSTEE_PASSPHRASE)',
    )
    .option('--cookie <cookie>', 'session cookie of your official login (default: $ISOLOIR_SESSION_COOKIE)')
    .option(
      '--dev-login <persona>',
      'log in through the development identity provider as this persona (e.g. official-trustee)',
    )
    .option(
      '--queue <url>',
      'your own PostgreSQL job queue (postgresql://…): the groups are queued there and done by `isoloir trustee worker` processes on your machines',
    )
    .option(
      '--workers <n>',
      'with --queue: how many workers this process runs itself (0: only the workers started elsewhere)',
      (v) => Number.parseInt(v, 10),
      1,
    )
    .action(
      async (opts: {
        server?: string;
        share?: string;
        step: string;
        passphraseFile?: string;
        cookie?: string;
        devLogin?: string;
        queue?: string;
        workers: number;
      }) => {
        if (opts.server === undefined || opts.share === undefined || !['mix', 'decrypt', 'all'].includes(opts.step)) {
          process.stderr.write(
            'usage: isoloir trustee --server URL --share FILE [--step mix|decrypt|all]  (or: isoloir trustee keygen --help)\n',
          );
          process.exitCode = 2;
          return;
        }
        try {
          const share = openShareFile(opts.share, passphraseFrom(opts.passphraseFile));
          const session = await serverSession(opts.server, {
            cookie: opts.cookie ?? process.env['ISOLOIR_SESSION_COOKIE'],
            devLogin: opts.devLogin,
          });
          const run = {
            server: opts.server,
            share,
            session,
            step: opts.step as 'mix' | 'decrypt' | 'all',
          };
          let s: TrusteeRunSummary;
          if (opts.queue === undefined) s = await runTrustee(run);
          else {
            const q = await runTrusteeQueued({ ...run, queue: opts.queue, localWorkers: Math.max(0, opts.workers) });
            for (const [w, n] of Object.entries(q.byWorker))
              process.stderr.write(`worker ${w}: ${String(n)} group(s)\n`);
            s = q;
          }
          process.stdout.write(
            `trustee ${String(share.trustee)} of ${share.electionId}: ${String(s.shuffled)} group(s) shuffled, ${String(s.decrypted)} decrypted${s.groups === 0 ? '; no group to count yet (identities not split yet): run again later' : s.waiting.length > 0 ? `; waiting for other trustees: ${s.waiting.join(', ')} (run again later)` : '; nothing left to do'}\n`,
          );
        } catch (e) {
          fail(e);
        }
      },
    );
  trustee
    .command('worker')
    .description(
      'A worker machine of your count: takes your groups from your job queue (see --queue) one at a time and shuffles or checks and decrypts them, exactly as `isoloir trustee` does',
    )
    .requiredOption('--server <url>', 'the isoloir server')
    .requiredOption('--share <file>', 'a copy of your key share file (encrypted)')
    .requiredOption('--queue <url>', 'your PostgreSQL job queue, the same as the coordinator’s --queue')
    .option(
      '--until-idle <seconds>',
      'stop once the queue has been empty this long (scripts); by default run until Ctrl-C',
      (v) => Number.parseInt(v, 10),
    )
    .option(
      '--passphrase-file <file>',
      'file holding the passphrase of your share file (default: $ISOLOIR_TRUSTEE_PASSPHRASE)',
    )
    .option('--cookie <cookie>', 'session cookie of your official login (default: $ISOLOIR_SESSION_COOKIE)')
    .option('--dev-login <persona>', 'log in through the development identity provider as this persona')
    .action(
      async (opts: {
        server: string;
        share: string;
        queue: string;
        untilIdle?: number;
        passphraseFile?: string;
        cookie?: string;
        devLogin?: string;
      }) => {
        try {
          const share = openShareFile(opts.share, passphraseFrom(opts.passphraseFile));
          const session = await serverSession(opts.server, {
            cookie: opts.cookie ?? process.env['ISOLOIR_SESSION_COOKIE'],
            devLogin: opts.devLogin,
          });
          await runTrusteeWorker({
            server: opts.server,
            share,
            session,
            queue: opts.queue,
            ...(opts.untilIdle === undefined ? {} : { untilIdleSeconds: opts.untilIdle }),
          });
        } catch (e) {
          fail(e);
        }
      },
    );
  trustee
    .command('keygen')
    .description(
      'The key ceremony, on your own machine: register your keys, deal, check the shares you receive, complain or answer, and keep your key share encrypted under your passphrase',
    )
    .requiredOption('--server <url>', 'the isoloir server (its key ceremony board)')
    .requiredOption('--election <id>', 'the election whose ceremony the PO opened')
    .requiredOption('--trustee <n>', 'your trustee number (1…n)', (v) => Number.parseInt(v, 10))
    .requiredOption('--out <file>', 'where to write your key share file (encrypted)')
    .option(
      '--passphrase-file <file>',
      'file holding the passphrase that protects the share file (default: $ISOLOIR_TRUSTEE_PASSPHRASE)',
    )
    .option(
      '--peer-fingerprints <file>',
      'the other trustees’ fingerprints as they read them to you by phone or on paper, one line each: "2 1a2b 3c4d …"; checked against what the server serves before dealing (without it, on a terminal, you type them in)',
    )
    .option(
      '--write-fingerprint <file>',
      'also append your own fingerprint line to this file (the demo’s DEMO-ONLY exchange file; a real trustee reads it aloud)',
    )
    .option('--label <text>', 'a warning label written into the share file (the demo writes DEMO ONLY)')
    .option(
      '--poll <ms>',
      'how often to read the board while waiting for the others',
      (v) => Number.parseInt(v, 10),
      1000,
    )
    .option(
      '--timeout <minutes>',
      'give up waiting for the others after this long',
      (v) => Number.parseInt(v, 10),
      24 * 60,
    )
    .option('--cookie <cookie>', 'session cookie of your official login (default: $ISOLOIR_SESSION_COOKIE)')
    .option('--dev-login <persona>', 'log in through the development identity provider as this persona')
    .addHelpText('after', KEYGEN_HELP)
    .action(
      async (opts: {
        server: string;
        election: string;
        trustee: number;
        out: string;
        passphraseFile?: string;
        peerFingerprints?: string;
        writeFingerprint?: string;
        label?: string;
        poll: number;
        timeout: number;
        cookie?: string;
        devLogin?: string;
      }) => {
        const terminal =
          opts.peerFingerprints === undefined && process.stdin.isTTY && process.stderr.isTTY
            ? createInterface({ input: process.stdin, output: process.stderr })
            : undefined;
        try {
          const passphrase = passphraseFrom(opts.passphraseFile);
          const session = await serverSession(opts.server, {
            cookie: opts.cookie ?? process.env['ISOLOIR_SESSION_COOKIE'],
            devLogin: opts.devLogin,
          });
          const r = await runKeygen({
            server: opts.server,
            electionId: opts.election,
            trustee: opts.trustee,
            session,
            passphrase,
            out: opts.out,
            pollMs: opts.poll,
            timeoutMs: opts.timeout * 60_000,
            log: (l) => process.stderr.write(`${l}\n`),
            ...(opts.label === undefined ? {} : { warning: opts.label }),
            ...(opts.peerFingerprints === undefined ? {} : { peerFingerprints: opts.peerFingerprints }),
            ...(opts.writeFingerprint === undefined ? {} : { writeFingerprint: opts.writeFingerprint }),
            ...(terminal === undefined ? {} : { ask: (q: string) => terminal.question(q) }),
          });
          process.stdout.write(
            `trustee ${String(opts.trustee)} of ${opts.election}: election key ${r.publicKey} (fingerprint ${formatFingerprint(r.keyFingerprint)}); qualified dealers ${r.qualified.join(', ')}; your share is in ${r.shareFile} (encrypted, the ceremony pinned)\n`,
          );
        } catch (e) {
          fail(e);
        } finally {
          terminal?.close();
        }
      },
    );
}
