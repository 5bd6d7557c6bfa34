// Opening the voting period freezes the preparation: the election setup, the consolidated voter
// file (no conflict may remain open), the per-mode voter files 6, 7, 8 with their counts per
// constituency and category, and the candidate lists, each with a published SHA-256. The files'
// rows are written once (./frozen-files.ts): login and eligibility read nothing else.
import { sql, type Transaction } from 'kysely';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import type { Actor } from './actor.ts';
import { latestConsolidation } from './consolidate.ts';
import { writeFrozenFiles } from './frozen-files.ts';
import { PreparationError } from './errors.ts';
import { listsHash } from './lists.ts';
import { modeCounts, modeFileHash, REMOTE_MODES, type ModeCount, type RemoteMode } from './mode-files.ts';
import { assertNotFrozen, daySettings } from './setup.ts';

export interface FrozenModeFile {
  readonly mode: RemoteMode;
  readonly sha256: string;
  readonly voters: number;
  readonly counts: readonly ModeCount[];
}

export interface FreezeReport {
  readonly consolidationId: string;
  readonly listsHash: string;
  readonly modeFiles: readonly FrozenModeFile[];
}

/** Changes whenever a conflict of the consolidation is resolved. */
async function resolutionsMark(db: Store['db'] | Transaction<Schema>, consolidationId: string): Promise<string> {
  const row = await db
    .selectFrom('consolidation_conflicts')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('resolved_at').as('last')])
    .where('consolidation_id', '=', consolidationId)
    .where('resolution', 'is not', null)
    .executeTakeFirstOrThrow();
  return `${row.n}|${row.last === null ? '' : new Date(row.last).toISOString()}`;
}

export async function freezeDay(store: Store, actor: Actor, dayId: string): Promise<FreezeReport> {
  const latest = await latestConsolidation(store.db, dayId);
  if (latest === undefined) throw new PreparationError('preparation.not-found', 'consolidation');
  const open = await store.db
    .selectFrom('consolidation_conflicts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consolidation_id', '=', latest.id)
    .where('resolution', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0) throw new PreparationError('preparation.unresolved', `${open.n} conflicts`);
  // Hashes are computed from the data as it stands; the transaction below re-checks that nothing moved.
  const before = await resolutionsMark(store.db, latest.id);
  const modeFiles: FrozenModeFile[] = [];
  for (const mode of REMOTE_MODES) {
    const { sha256, voters } = await modeFileHash(store, dayId, latest.id, mode);
    modeFiles.push({ mode, sha256, voters, counts: await modeCounts(store, dayId, latest.id, mode) });
  }
  const lists = await listsHash(store.db, dayId);
  await store.db.transaction().execute(async (trx) => {
    await assertNotFrozen(trx, dayId);
    const still = await latestConsolidation(trx, dayId);
    if (still?.id !== latest.id) throw new PreparationError('preparation.exists', 'a newer consolidation');
    if ((await resolutionsMark(trx, latest.id)) !== before)
      throw new PreparationError('preparation.exists', 'a resolution made while freezing; freeze again');
    await writeFrozenFiles(trx, await daySettings(trx, dayId), latest.id);
    await trx
      .insertInto('mode_files')
      .values(
        modeFiles.map((f) => ({
          consolidation_id: latest.id,
          mode: f.mode,
          sha256: f.sha256,
          voters: f.voters,
          counts: JSON.stringify(f.counts),
        })),
      )
      .execute();
    await trx
      .updateTable('consolidations')
      .set({ frozen_at: sql<Date>`now()` })
      .where('id', '=', latest.id)
      .execute();
    await trx
      .updateTable('election_day_settings')
      .set({ frozen_at: sql<Date>`now()`, lists_hash: lists })
      .where('election_day_id', '=', dayId)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'preparation.frozen',
      subject: dayId,
      details: {
        consolidationId: latest.id,
        listsHash: lists,
        modeFiles: modeFiles.map((f) => ({ mode: f.mode, sha256: f.sha256, voters: f.voters })),
      },
    });
  });
  return { consolidationId: latest.id, listsHash: lists, modeFiles };
}
