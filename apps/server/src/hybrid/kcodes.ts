// K-codes: issued with each kit (a reprint voids the voter's live code, both audited, in one
// transaction), stored only as their keyed hash, and looked up by the status page without login
// (one query whatever the code: nothing tells a code that exists from one that does not, but the
// answer) or by the voter's own session. Team A's reception (issue #16) moves the same rows.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { kcodeFromBytes, KCODE_RANDOM_BYTES, parseKcode, type KcodeError } from '@isoloir/electoral';
import { appendAudits, type AuditEvent, type Schema, type Store } from '@isoloir/store';
import { AppError } from '../errors.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import type { KcodeState, KcodeStatus } from './kcode-state.ts';
import { KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';

export interface KcodeView {
  readonly status: KcodeStatus;
  /** Why the envelope was cancelled (a stable code the page says in words); null otherwise. */
  readonly reason: string | null;
  /** The time of the last change; null for an unknown code. */
  readonly updatedAt: string | null;
  /**
   * The code's election day (null for an unknown code): with it the voter's device computes the
   * code's public hash (./public-kcode.ts) and finds the envelope in the election record.
   */
  readonly electionDayId: string | null;
}

export const UNKNOWN: KcodeView = { status: 'unknown', reason: null, updatedAt: null, electionDayId: null };

/** What issuing a kit's K-code gave one voter: the compact code (never stored), or why not. */
export type IssuedKcode =
  | { readonly nrn: string; readonly code: string; readonly voided: number }
  | { readonly nrn: string; readonly refused: 'hybrid.already-received' };

/**
 * Issues a new K-code to a voter of the day's frozen mode-6 file, voiding their live one. Refused
 * (`hybrid.already-received`) once the main office has their envelope: a new code could not change
 * which envelope counts. Returns the compact code, which is never stored.
 */
export async function issueKcode(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrn: string,
  now: Date,
): Promise<{ readonly code: string; readonly voided: number }> {
  const [issued] = await issueKcodes(store, keyedHash, electionDayId, [nrn], now);
  if (issued === undefined) throw new Error('no K-code issued');
  if ('refused' in issued) throw new AppError(issued.refused);
  return issued;
}

/**
 * Issues K-codes to several voters in one transaction, in order, exactly as one at a time would (a
 * voter named twice gets two codes, the first voided by the second; a voter whose envelope was
 * received is refused and the others go on): the bulk kits' path, each code and each voiding with
 * its own audit entry, all in one chain.
 */
export async function issueKcodes(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrns: readonly string[],
  now: Date,
): Promise<IssuedKcode[]> {
  if (nrns.length === 0) return [];
  const fresh = nrns.map((nrn) => {
    const code = kcodeFromBytes(randomBytes(KCODE_RANDOM_BYTES));
    return {
      nrn,
      code,
      codeHash: keyedHash(KCODE_PURPOSE, electionDayId, code),
      actor: voterActor({ keyedHash }, electionDayId, nrn),
    };
  });
  const voters = [...new Set(nrns)].sort();
  // A voter named twice is served in two rounds, the second voiding the first's code.
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  fresh.forEach((f, i) => {
    const round = seen.get(f.nrn) ?? 0;
    seen.set(f.nrn, round + 1);
    (rounds[round] ??= []).push(i);
  });
  return store.db.transaction().execute(async (trx) => {
    // One reprint at a time per voter (two at once would both void the same code); the locks are
    // taken in one order, so two batches never wait on each other in a circle.
    const keys = voters.map((nrn) => `hybrid-kcode\n${electionDayId}\n${nrn}`);
    await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${keys}::text[]) as k`.execute(trx);
    const results: IssuedKcode[] = [];
    const events: AuditEvent[] = [];
    for (const round of rounds) {
      const live = new Map(
        (
          await trx
            .selectFrom('hybrid_kcodes')
            .select(['id', 'state', 'nrn'])
            .where('election_day_id', '=', electionDayId)
            .where(
              'nrn',
              'in',
              round.map((i) => fresh[i]?.nrn ?? ''),
            )
            .where('state', '<>', 'voided')
            .execute()
        ).map((r) => [r.nrn, { id: String(r.id), state: r.state }]),
      );
      const go = round.flatMap((i) => {
        const f = fresh[i];
        if (f === undefined) return [];
        const previous = live.get(f.nrn);
        if (previous !== undefined && previous.state !== 'issued') {
          results[i] = { nrn: f.nrn, refused: 'hybrid.already-received' };
          return [];
        }
        return [{ ...f, i, previous: previous?.id }];
      });
      const voiding = go.flatMap((g) => (g.previous === undefined ? [] : [sql`(${g.previous}::bigint, ${g.actor})`]));
      if (voiding.length > 0)
        await sql`update hybrid_kcodes as k set state = 'voided', state_changed_at = ${now}, state_changed_by = v.actor
          from (values ${sql.join(voiding)}) as v(id, actor) where k.id = v.id`.execute(trx);
      if (go.length === 0) continue;
      const rows = await trx
        .insertInto('hybrid_kcodes')
        .values(
          go.map((g) => ({
            election_day_id: electionDayId,
            nrn: g.nrn,
            code_hash: g.codeHash,
            issued_at: now,
            state_changed_at: now,
            state_changed_by: g.actor,
          })),
        )
        .returning(['id', 'code_hash'])
        .execute();
      const ids = new Map(rows.map((r) => [r.code_hash, String(r.id)]));
      for (const g of go) {
        const replaces = g.previous === undefined ? null : `kcode:${g.previous}`;
        if (replaces !== null)
          events.push({
            actor: g.actor,
            action: 'hybrid.kcode.voided',
            subject: replaces,
            details: { electionDayId, reason: 'reprint' },
          });
        events.push({
          actor: g.actor,
          action: 'hybrid.kcode.issued',
          subject: `kcode:${ids.get(g.codeHash) ?? ''}`,
          details: { electionDayId, replaces },
        });
        results[g.i] = { nrn: g.nrn, code: g.code, voided: replaces === null ? 0 : 1 };
      }
    }
    await appendAudits(trx, events, now);
    return results;
  });
}

function viewOf(row: {
  state: KcodeState;
  cancellation_reason: string | null;
  state_changed_at: Date;
  election_day_id: string;
}): KcodeView {
  return {
    status: row.state,
    reason: row.cancellation_reason,
    updatedAt: row.state_changed_at.toISOString(),
    electionDayId: row.election_day_id,
  };
}

/** A typed code's fault, found before any lookup: 400 `hybrid.kcode-invalid`, the field says which. */
export function checkTypedKcode(text: string): string {
  const parsed = parseKcode(text);
  if (!parsed.ok) throw new AppError('hybrid.kcode-invalid', kcodeFault(parsed.error));
  return parsed.value;
}

function kcodeFault(error: KcodeError): string {
  return error.replace('kcode.', '');
}

/**
 * The status of a (well-formed) code, for anyone who holds it. The same two queries run whether the
 * code exists or not (the days, then one lookup of its hash under each day's key); a code of another
 * day is hashed under that day's key and found there, or nowhere.
 */
export async function kcodeStatus(db: Kysely<Schema>, keyedHash: KeyedHash, code: string): Promise<KcodeView> {
  const days = await db.selectFrom('election_days').select('id').execute();
  const hashes = days.map((d) => keyedHash(KCODE_PURPOSE, d.id, code));
  const row = await db
    .selectFrom('hybrid_kcodes')
    .select(['state', 'cancellation_reason', 'state_changed_at', 'election_day_id'])
    .where('code_hash', 'in', hashes.length === 0 ? [''] : hashes)
    .executeTakeFirst();
  return row === undefined ? UNKNOWN : viewOf(row);
}

/** The voter's own code on that day: the live one, else the last voided; undefined before any kit. */
export async function voterKcode(
  db: Kysely<Schema>,
  electionDayId: string,
  nrn: string,
): Promise<(KcodeView & { readonly issuedAt: string }) | undefined> {
  const row = await db
    .selectFrom('hybrid_kcodes')
    .select(['state', 'cancellation_reason', 'state_changed_at', 'issued_at', 'election_day_id'])
    .where('election_day_id', '=', electionDayId)
    .where('nrn', '=', nrn)
    .orderBy(sql`state = 'voided'`)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...viewOf(row), issuedAt: row.issued_at.toISOString() };
}
