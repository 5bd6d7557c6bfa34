// The complete election record (format isoloir-record/1, packages/crypto README) assembled from the
// database for `isoloir verify`: parameters, key ceremony, every ballot with its proof (voter
// pseudonym, never an identity), cancellations with their reason, each group's anonymised input,
// shuffles, partial decryptions, decryption and counts. Emitted entry by entry (large elections).
import { ballotWidth, entryHash, RECORD_FORMAT, type BallotLayout, type Json, type RecordEntry } from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { toHex, unpackRows } from './blob.ts';
import type { PublishedCeremony } from './ceremony.ts';

type Sink = (entry: RecordEntry) => void | Promise<void>;

class Chain {
  #seq = 0;
  #parent = '';
  private readonly sink: Sink;
  constructor(sink: Sink) {
    this.sink = sink;
  }
  async append(type: string, payload: Json): Promise<void> {
    const entry = { seq: this.#seq, type, parent: this.#parent, hash: entryHash(this.#seq, type, this.#parent, payload), payload };
    this.#seq += 1;
    this.#parent = entry.hash;
    await this.sink(entry);
  }
  get head(): string {
    return this.#parent;
  }
}

interface BallotRow {
  id: string;
  voter_id: string;
  ciphertexts: unknown;
  proof: unknown;
  status: string;
  cancellation_reason: string | null;
  received_at: Date;
}

const ctKey = (cts: readonly string[]): string => cts.join('|');

async function emitGroup(store: Store, electionId: string, groupId: string, chain: Chain): Promise<void> {
  const g = await store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
  const members = await store.db.selectFrom('counting_groups').selectAll().where('election_id', '=', electionId).where((eb) => eb.or([eb('group_id', '=', groupId), eb('merged_into', '=', groupId)])).execute();
  const ballots: BallotRow[] = [];
  for (const m of members) {
    ballots.push(
      ...(await store.db
        .selectFrom('ballots')
        .select(['id', 'voter_id', 'ciphertexts', 'proof', 'status', 'cancellation_reason', 'received_at'])
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', m.constituency_code)
        .where('mode', '=', m.mode)
        .where('category', '=', m.category)
        .orderBy('received_at')
        .orderBy('id')
        .execute()),
    );
  }
  const input = unpackRows(new Uint8Array(g.input ?? new Uint8Array(0))).map((row) => row.map(toHex));
  const byCt = new Map(ballots.filter((b) => b.status === 'counted').map((b) => [ctKey(b.ciphertexts as string[]), b]));
  const ballotPayload = (b: BallotRow): Json => ({ groupId, voterId: b.voter_id, ballotId: b.id, ciphertexts: b.ciphertexts as string[], proof: b.proof as Json });
  const notCounted = ballots.filter((b) => b.status !== 'counted');
  for (const b of notCounted) await chain.append('ballot', ballotPayload(b));
  // Counted ballots in the order of the anonymised input (random), so that casting order is not published.
  for (const row of input) {
    const b = byCt.get(ctKey(row));
    if (b === undefined) throw new Error(`record: group ${groupId} input holds a ciphertext without a counted ballot`);
    await chain.append('ballot', ballotPayload(b));
  }
  for (const b of notCounted) await chain.append('cancellation', { groupId, ballotId: b.id, reason: b.status === 'superseded' ? 'superseded' : (b.cancellation_reason ?? 'cancelled') });
  await chain.append('group-input', { groupId, ciphertexts: input });
  const shuffles = await store.db.selectFrom('counting_shuffles').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).orderBy('mix_node').execute();
  for (const s of shuffles) {
    await chain.append('shuffle', { groupId, mixNode: s.mix_node, outputs: unpackRows(new Uint8Array(s.outputs)).map((r) => r.map(toHex)), proof: s.proof as Json });
  }
  const partials = await store.db.selectFrom('counting_partials').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).orderBy('trustee').execute();
  for (const p of partials) {
    await chain.append('partial-decryption', { groupId, trustee: p.trustee, shares: unpackRows(new Uint8Array(p.shares)).map((r) => r.map(toHex)), proof: p.proof as Json });
  }
  const r = await store.db.selectFrom('counting_results').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
  await chain.append('decryption', { groupId, trustees: r.trustees, plaintexts: unpackRows(new Uint8Array(r.plaintexts)).map((row) => row.map(toHex)), ballots: r.ballots as Json });
  await chain.append('counts', { groupId, counts: r.counts as Json });
}

/** Emits every entry of the record to `sink`; returns the head hash (the record's fingerprint). */
export async function emitRecord(store: Store, electionId: string, sink: Sink): Promise<string> {
  const key = await store.db.selectFrom('election_keys').selectAll().where('election_id', '=', electionId).executeTakeFirstOrThrow();
  const layout = key.layout as BallotLayout;
  const ceremony = key.ceremony as PublishedCeremony;
  const groups = await store.db.selectFrom('counting_groups').select('group_id').where('election_id', '=', electionId).where('merged_into', 'is', null).where('input', 'is not', null).where('ballots', '>', 0).orderBy('group_id').execute();
  const chain = new Chain(sink);
  await chain.append('parameters', { electionId, group: key.group_name, threshold: key.threshold, trustees: key.trustees, layout: { ...layout }, width: ballotWidth(layout), groups: groups.map((g) => g.group_id) });
  for (const d of ceremony.dealers) await chain.append('dealer', d);
  for (const c of ceremony.complaints) await chain.append('complaint', c);
  await chain.append('key', ceremony.key);
  for (const g of groups) await emitGroup(store, electionId, g.group_id, chain);
  return chain.head;
}

export async function buildRecord(store: Store, electionId: string): Promise<{ format: string; entries: RecordEntry[] }> {
  const entries: RecordEntry[] = [];
  await emitRecord(store, electionId, (e) => {
    entries.push(e);
  });
  return { format: RECORD_FORMAT, entries };
}

/** Writes the record as JSON to `path`, one entry per line; returns the head hash. */
export async function writeRecord(store: Store, electionId: string, path: string): Promise<string> {
  const out = createWriteStream(path);
  out.write(`{"format":${JSON.stringify(RECORD_FORMAT)},"entries":[\n`);
  let first = true;
  const head = await emitRecord(store, electionId, async (e) => {
    const ok = out.write(`${first ? '' : ',\n'}${JSON.stringify(e)}`);
    first = false;
    if (!ok) await once(out, 'drain');
  });
  out.end('\n]}\n');
  await once(out, 'finish');
  return head;
}
