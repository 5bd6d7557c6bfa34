// The commitment to an election's per-mode voter roll (record entry `roll`, PROTOCOL.md §8): per
// segment constituency × mode × abroad/Belgium, the sorted keyed pseudonyms of the voters who may
// vote in that mode (the same pseudonym as ballots.voter_id and the ballot proof, never an NRN)
// and their Merkle root. Published once, before voting opens (`publishRoll`), then never changed:
// the record carries exactly the published rows.
import { merkleRoot, sortedIds, type RollPayload } from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { latestConsolidation } from '../preparation/consolidate.ts';
import { modeFileChunks } from '../preparation/mode-files.ts';
import { readCsv } from '../preparation/csv.ts';
import { loadServerKeys } from '../voting/server-keys.ts';
import type { CountingActor } from './errors.ts';
import type { Category, Mode } from './layout.ts';

const MODES: readonly { mode: Mode; file: 7 | 8 }[] = [
  { mode: 'online', file: 7 },
  { mode: 'kiosk', file: 8 },
];

type Segments = Map<string, { constituency: string; mode: Mode; category: Category; nrns: string[] }>;

function add(segments: Segments, constituency: string, mode: Mode, category: Category, nrn: string): void {
  const key = `${constituency}/${mode}/${category}`;
  const seg = segments.get(key) ?? { constituency, mode, category, nrns: [] };
  seg.nrns.push(nrn);
  segments.set(key, seg);
}

/** Who may vote remotely in this election, per segment (from the frozen per-mode files, or every voter of an offline demo day). */
async function rollNrns(store: Store, electionId: string): Promise<Segments> {
  const election = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const dayId = election.election_day_id;
  const consolidation = await latestConsolidation(store.db, dayId);
  const segments: Segments = new Map();
  if (consolidation === undefined) {
    // No consolidated voter file (offline demo): every voter of the day may vote online (as the PV's registered voters).
    const voters = await store.db
      .selectFrom('voters')
      .select(['nrn', 'constituency_code', 'category'])
      .where('election_day_id', '=', dayId)
      .orderBy('nrn')
      .execute();
    for (const v of voters) add(segments, v.constituency_code, 'online', v.category, v.nrn);
    return segments;
  }
  for (const { mode, file } of MODES) {
    let header: string[] | undefined;
    for await (const rows of readCsv(modeFileChunks(store, dayId, consolidation.id, file))) {
      for (const row of rows) {
        if (header === undefined) {
          header = row.cells;
          continue;
        }
        const cell = (name: string): string => row.cells[header?.indexOf(name) ?? -1] ?? '';
        // One code, or the codes the voter chooses among in the booth (`a|b`: EP college, Brussels
        // language group): they may vote in each, so they are on each one's roll (PROTOCOL.md §8).
        // A linked place's cell ends with its condition (`code@election=constituency`, issue #11): the roll names the code.
        for (const constituency of (cell(electionId).split('@')[0] ?? '').split('|'))
          if (constituency !== '')
            add(segments, constituency, mode, cell('category') === 'abroad' ? 'abroad' : 'belgium', cell('nrn'));
      }
    }
  }
  return segments;
}

/**
 * Publishes the roll commitment (idempotent: a published roll is never recomputed), stamped `now`
 * (the caller's clock: opening a period publishes it first, with the same clock as the opening act).
 */
export async function publishRoll(
  store: Store,
  electionId: string,
  actor: CountingActor,
  now: Date = new Date(),
): Promise<RollPayload[]> {
  const existing = await publishedRoll(store, electionId);
  if (existing.length > 0) return existing;
  const keys = await loadServerKeys(store);
  const segments = await rollNrns(store, electionId);
  const rows = [...segments.values()].map((s) => {
    const ids = sortedIds(s.nrns.map((nrn) => keys.pseudonym(electionId, nrn)));
    return {
      election_id: electionId,
      constituency_code: s.constituency,
      mode: s.mode,
      category: s.category,
      voters: ids.length,
      root: merkleRoot(ids),
      ids: JSON.stringify(ids),
      published_at: now,
    };
  });
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 50)
      await trx
        .insertInto('voter_rolls')
        .values(rows.slice(i, i + 50))
        .onConflict((oc) => oc.doNothing())
        .execute();
    await appendAudit(
      trx,
      {
        actor: actor.id,
        action: 'counting.roll.published',
        subject: electionId,
        details: {
          segments: rows.map((r) => ({
            segment: `${r.constituency_code}/${r.mode}/${r.category}`,
            voters: r.voters,
            root: r.root,
          })),
        },
      },
      now,
    );
  });
  return publishedRoll(store, electionId);
}

export async function publishedRoll(store: Store, electionId: string): Promise<RollPayload[]> {
  const rows = await store.db
    .selectFrom('voter_rolls')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('constituency_code')
    .orderBy('mode')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({
    constituency: r.constituency_code,
    mode: r.mode,
    category: r.category,
    voters: r.voters,
    root: r.root,
    ids: r.ids as string[],
    publishedAt: new Date(r.published_at).toISOString(),
  }));
}
