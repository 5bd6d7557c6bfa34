// When the audit heads are published: once at start (anchoring everything before it), after each
// phase change (AUDIT_PHASE_ACTIONS: setup and files frozen, periods opened and closed, split,
// results, PVs final; found at the next tick, 5 s by default) and at a fixed interval while the log
// moves (ISOLOIR_AUDIT_HEADS_EVERY_MINUTES, default 15). Nothing is published while no chain moves.
import type { Store } from '@isoloir/store';
import { phasesSince, publishAuditCheckpoint, type SignedCheckpoint } from './audit-heads.ts';

export interface AuditHeadsPolicy {
  /** A periodic checkpoint once the last one is this old and some chain moved. */
  readonly everyMs: number;
}

export const DEFAULT_AUDIT_HEADS_POLICY: AuditHeadsPolicy = { everyMs: 15 * 60_000 };

/** From ISOLOIR_AUDIT_HEADS_EVERY_MINUTES (default 15; a positive number, fractions allowed). */
export function auditHeadsPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): AuditHeadsPolicy {
  const value = env['ISOLOIR_AUDIT_HEADS_EVERY_MINUTES'];
  const minutes = Number(value);
  return value !== undefined && Number.isFinite(minutes) && minutes > 0
    ? { everyMs: minutes * 60_000 }
    : DEFAULT_AUDIT_HEADS_POLICY;
}

/** Publishes the checkpoint due now, if any (`starting`: the first tick after start). */
export async function publishDueAuditHeads(
  store: Store,
  policy: AuditHeadsPolicy,
  now: Date,
  starting: boolean,
): Promise<SignedCheckpoint | undefined> {
  const last = await store.db
    .selectFrom('audit_checkpoints')
    .select(['shards', 'published_at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const phases = await phasesSince(store.db, last?.shards ?? []);
  if (phases.length > 0) return publishAuditCheckpoint(store, 'phase', phases, now);
  if (starting) return publishAuditCheckpoint(store, 'start', [], now);
  if (last === undefined || now.getTime() - last.published_at.getTime() >= policy.everyMs)
    return publishAuditCheckpoint(store, 'periodic', [], now);
  return undefined;
}

export interface AuditClerk {
  stop(): Promise<void>;
}

/** Runs publishDueAuditHeads every `tickMs` in the background (one run at a time); errors wait for the next tick. */
export function startAuditClerk(
  store: Store,
  policy: AuditHeadsPolicy,
  tickMs: number,
  onError: (error: unknown) => void,
): AuditClerk {
  let running: Promise<void> | undefined;
  let starting = true;
  const tick = (): void => {
    running ??= publishDueAuditHeads(store, policy, new Date(), starting)
      .then(() => {
        starting = false;
      }, onError)
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
