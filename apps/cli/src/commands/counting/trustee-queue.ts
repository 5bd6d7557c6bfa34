// A trustee's counting work spread over several worker machines through a job queue in PostgreSQL
// (pg-boss). The queue is the trustee's own (a PostgreSQL the trustee runs, never the election
// server's): one job per group and step. The coordinator (`isoloir trustee --queue URL`) checks the
// pinned ceremony, queues the groups this trustee may shuffle (or decrypt) now, waits for every job
// and reports; each worker (`isoloir trustee worker --queue URL`, on any machine holding a copy of
// the encrypted share file) takes one group at a time and runs exactly the single-process path's
// code for it (mixGroup, decryptGroup in trustee-work.ts): the same signed uploads, and before any
// decryption the same checks, on the worker's own machine.
//
// A job is settled as: done (with the digest of the shuffle uploaded, which the decryption job of
// the same group then requires in the chain), skipped (the server's state says it is done already:
// a job queued twice, or an answer lost after the upload was accepted), or refused (a check failed,
// named; never retried). Anything else (a lost connection, another trustee's shuffle taken first)
// throws, and the queue retries the job.
import { PgBoss } from 'pg-boss';
import type { CeremonyPin } from '../ceremony/pin.ts';
import { CeremonyMismatch } from '../ceremony/pin.ts';
import { TrusteeRefusal } from './http-service.ts';
import { TrusteeCheckFailed } from './trustee-checks.ts';
import { decryptGroup, mixGroup, toDecrypt, toShuffle, type TrusteeContext } from './trustee-work.ts';

export type QueueStep = 'mix' | 'decrypt';

export interface GroupJob {
  readonly groupId: string;
  /** Decryption only: the digest of this trustee's own shuffle of the group, when the mixing job gave it. */
  readonly ownShuffle?: string;
}

export type GroupOutcome =
  | { readonly kind: 'done'; readonly ciphertexts: number; readonly digest?: string; readonly worker: string }
  | { readonly kind: 'skipped'; readonly why: string; readonly worker: string }
  | { readonly kind: 'refused'; readonly check: string; readonly message: string; readonly worker: string };

/** The schema of the trustee's queue database that pg-boss owns. */
export const QUEUE_SCHEMA = 'isoloir_trustee_queue';

/** One queue per election, trustee and step: a worker only ever takes its own trustee's jobs. */
export function queueName(step: QueueStep, electionId: string, trustee: number): string {
  return `isoloir.${step}.${electionId}.trustee-${String(trustee)}`;
}

/** Opens the trustee's queue (creating pg-boss's schema on first use) and the two queues of this share. */
export async function openTrusteeQueue(
  url: string,
  electionId: string,
  trustee: number,
  log: (line: string) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: `isoloir-trustee-${String(trustee)}`,
    schedule: false,
    max: 4,
  });
  boss.on('error', (e: unknown) => {
    log(`queue: ${e instanceof Error ? e.message : String(e)}`);
  });
  await boss.start();
  for (const step of ['mix', 'decrypt'] as const) {
    const name = queueName(step, electionId, trustee);
    if ((await boss.getQueue(name)) === null)
      await boss.createQueue(name, {
        // A large group's shuffle takes minutes; a worker that dies mid-job gives it back after this.
        expireInSeconds: 4 * 3600,
        retryLimit: 8,
        retryDelay: 1,
        retryBackoff: true,
        retryDelayMax: 60,
      });
  }
  return boss;
}

function refusal(e: unknown): { check: string; message: string } | undefined {
  if (e instanceof TrusteeCheckFailed || e instanceof CeremonyMismatch) return { check: e.check, message: e.message };
  // The server refused the upload for a reason other than turn-taking: retrying would not change it.
  if (e instanceof TrusteeRefusal && e.code !== 'counting.out-of-turn') return { check: e.code, message: e.message };
  return undefined;
}

/** Runs one job: the group's work by the single-process path, or skipped when the server says it is done. */
export async function runGroupJob(
  ctx: TrusteeContext,
  pin: CeremonyPin,
  step: QueueStep,
  job: GroupJob,
  worker: string,
): Promise<GroupOutcome> {
  const me = ctx.share.trustee;
  try {
    const groups = await ctx.service.groups();
    const due = step === 'mix' ? toShuffle(groups, pin.threshold, me) : toDecrypt(groups, pin.threshold, me);
    if (!due.some((g) => g.groupId === job.groupId))
      return { kind: 'skipped', why: `nothing to ${step} in ${job.groupId} for trustee ${String(me)} now`, worker };
    if (step === 'mix') {
      const r = await mixGroup(ctx, pin.publicKey, job.groupId);
      return { kind: 'done', ciphertexts: r.ciphertexts, digest: r.digest, worker };
    }
    if (job.ownShuffle !== undefined) ctx.ownShuffles?.set(job.groupId, job.ownShuffle);
    return { kind: 'done', ciphertexts: await decryptGroup(ctx, pin, job.groupId), worker };
  } catch (e) {
    const r = refusal(e);
    if (r !== undefined) return { kind: 'refused', ...r, worker };
    throw e;
  }
}

export interface WorkerHandle {
  /** Resolves once the worker stopped (after `stop()`, or idle for `untilIdleSeconds`). */
  readonly stopped: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Takes this trustee's jobs (both steps), one group at a time, until stopped, or until both queues
 * have been empty for `untilIdleSeconds` (for scripts: the demo, tests).
 */
export async function startQueueWorker(
  boss: PgBoss,
  ctx: TrusteeContext,
  pin: CeremonyPin,
  o: { worker: string; log: (line: string) => void; untilIdleSeconds?: number },
): Promise<WorkerHandle> {
  const names = (['mix', 'decrypt'] as const).map((step) => ({
    step,
    name: queueName(step, ctx.share.electionId, ctx.share.trustee),
  }));
  // Jobs running in this worker (one per queue at most) and when the last one ended.
  let active = 0;
  let lastBusy = Date.now();
  for (const { step, name } of names)
    await boss.work<GroupJob, GroupOutcome>(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job === undefined) throw new Error('empty batch');
      active++;
      try {
        const r = await runGroupJob(ctx, pin, step, job.data, o.worker);
        o.log(`${o.worker}: ${step} ${job.data.groupId}: ${r.kind === 'refused' ? `refused (${r.check})` : r.kind}`);
        return r;
      } finally {
        active--;
        lastBusy = Date.now();
      }
    });
  let resolveStopped = (): void => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (timer !== undefined) clearInterval(timer);
      for (const { name } of names) await boss.offWork(name);
      resolveStopped();
    })());
  const idle = o.untilIdleSeconds;
  if (idle !== undefined) {
    let checking = false;
    timer = setInterval(() => {
      if (checking || stopping !== undefined) return;
      checking = true;
      void (async () => {
        // Read from the jobs themselves (the queue's counts are refreshed only now and then): a job
        // running here, waiting, or waiting to be retried keeps the worker.
        let queued = 0;
        for (const { name } of names) queued += (await boss.findJobs(name, { queued: true, limit: 1 })).length;
        if (active > 0 || queued > 0) lastBusy = Date.now();
        else if (Date.now() - lastBusy >= idle * 1000) await stop();
      })()
        .catch((e: unknown) => {
          o.log(`${o.worker}: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => {
          checking = false;
        });
    }, 500);
  }
  return { stopped, stop };
}

export interface QueuedRun {
  readonly done: number;
  readonly skipped: number;
  readonly refused: readonly (GroupOutcome & { kind: 'refused' })[];
  /** Which worker did how many groups (several worker machines show up here). */
  readonly byWorker: Readonly<Record<string, number>>;
}

/**
 * The coordinator: queues every group this trustee may `step` now (each decryption job carrying the
 * digest of the shuffle this trustee uploaded in `ownShuffles`), waits until every job is settled,
 * and returns the outcomes. A job the queue gave up on (retries exhausted) fails the run, named.
 */
export async function runQueuedStep(
  boss: PgBoss,
  ctx: TrusteeContext,
  pin: CeremonyPin,
  step: QueueStep,
  log: (line: string) => void,
): Promise<QueuedRun> {
  const me = ctx.share.trustee;
  const name = queueName(step, ctx.share.electionId, me);
  const groups = await ctx.service.groups();
  const due = step === 'mix' ? toShuffle(groups, pin.threshold, me) : toDecrypt(groups, pin.threshold, me);
  const pending = new Map<string, string>();
  for (const g of due) {
    const own = ctx.ownShuffles?.get(g.groupId);
    const data: GroupJob = own === undefined ? { groupId: g.groupId } : { groupId: g.groupId, ownShuffle: own };
    const id = await boss.send(name, data);
    if (id === null) throw new Error(`the queue refused the ${step} job of ${g.groupId}`);
    pending.set(id, g.groupId);
  }
  log(`queued ${String(pending.size)} group(s) to ${step} on ${name}`);
  const run = {
    done: 0,
    skipped: 0,
    refused: [] as (GroupOutcome & { kind: 'refused' })[],
    byWorker: {} as Record<string, number>,
  };
  while (pending.size > 0) {
    for (const [id, groupId] of [...pending]) {
      const [job] = await boss.findJobs<GroupJob>(name, { id });
      if (job === undefined) throw new Error(`the ${step} job of ${groupId} vanished from the queue`);
      if (job.state === 'failed' || job.state === 'cancelled')
        throw new Error(`the ${step} job of ${groupId} ${job.state}: ${JSON.stringify(job.output)}`);
      if (job.state !== 'completed') continue;
      pending.delete(id);
      const out = job.output as GroupOutcome;
      if (out.kind === 'done') {
        run.done++;
        run.byWorker[out.worker] = (run.byWorker[out.worker] ?? 0) + 1;
        if (out.digest !== undefined) ctx.ownShuffles?.set(groupId, out.digest);
      } else if (out.kind === 'skipped') run.skipped++;
      else run.refused.push(out);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 300));
  }
  return run;
}
