// The complete election record (format isoloir-record/2, PROTOCOL.md §8) assembled from the
// database for `isoloir verify`: parameters, the election definition, the published voter roll
// (pseudonyms), the key ceremony, every ballot with its proof, sequence and receipt time (voter
// pseudonym, never an identity), the attendance lists, each cancellation with its evidence, each
// group's anonymised input, shuffles, partial decryptions, decryption and legal counts. One record
// per election (several elections share a day). Emitted entry by entry (large elections).
import {
  ballotWidth,
  entryHash,
  merkleRoot,
  RECORD_FORMAT,
  segmentId,
  sortedIds,
  type AttendancePayload,
  type BallotLayout,
  type DefinitionPayload,
  type Json,
  type LegalCounts,
  type RecordEntry,
} from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { toHex, unpackRows } from './blob.ts';
import type { PublishedCeremony } from './ceremony.ts';
import { WITHHELD_REASON } from './anonymity.ts';
import { electionDefinition } from './record-definition.ts';
import { publishRoll } from './roll.ts';
import { loadServerKeys } from '../voting/server-keys.ts';
import { readPeriod } from '../voting/periods.ts';
import { hybridRecordEntries } from '../hybrid/record-entries.ts';

type Sink = (entry: RecordEntry) => void | Promise<void>;

class Chain {
  #seq = 0;
  #parent = '';
  private readonly sink: Sink;
  constructor(sink: Sink) {
    this.sink = sink;
  }
  async append(type: string, payload: Json): Promise<void> {
    const entry = {
      seq: this.#seq,
      type,
      parent: this.#parent,
      hash: entryHash(this.#seq, type, this.#parent, payload),
      payload,
    };
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
  constituency_code: string;
  voter_id: string;
  mode: string;
  category: string;
  sequence: number;
  ciphertexts: unknown;
  proof: unknown;
  status: string;
  cancellation_reason: string | null;
  received_at: Date;
  tracking_code: string;
  board_seq: number | null;
}

const PAGE = 5000;

/** Every ballot of the election in receipt order (keyset pages: large elections). */
async function* ballotsInReceiptOrder(store: Store, electionId: string): AsyncGenerator<BallotRow[]> {
  let after: { at: Date; voter: string; seq: number } | undefined;
  for (;;) {
    let q = store.db
      .selectFrom('ballots')
      .select([
        'id',
        'voter_id',
        'constituency_code',
        'mode',
        'category',
        'sequence',
        'ciphertexts',
        'proof',
        'status',
        'cancellation_reason',
        'received_at',
        'tracking_code',
        'board_seq',
      ])
      .where('election_id', '=', electionId);
    if (after !== undefined) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('received_at', '>', a.at),
          eb.and([
            eb('received_at', '=', a.at),
            eb.or([eb('voter_id', '>', a.voter), eb.and([eb('voter_id', '=', a.voter), eb('sequence', '>', a.seq)])]),
          ]),
        ]),
      );
    }
    const page = await q.orderBy('received_at').orderBy('voter_id').orderBy('sequence').limit(PAGE).execute();
    if (page.length === 0) return;
    yield page;
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return;
    after = { at: last.received_at, voter: last.voter_id, seq: last.sequence };
  }
}

/** Polling-station attendance lists, as the pseudonyms (in this election) of the voters on its remote roll. */
async function attendancePayloads(
  store: Store,
  electionId: string,
  onRoll: ReadonlySet<string>,
): Promise<AttendancePayload[]> {
  const election = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const imports = await store.db
    .selectFrom('polling_station_imports')
    .select(['id', 'station', 'sha256'])
    .where('election_day_id', '=', election.election_day_id)
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
  const keys = await loadServerKeys(store);
  const out: AttendancePayload[] = [];
  for (const imp of imports) {
    const nrns = await store.db
      .selectFrom('polling_station_votes')
      .select('nrn')
      .where('import_id', '=', imp.id)
      .execute();
    const ids = sortedIds(nrns.map((r) => keys.pseudonym(electionId, r.nrn)).filter((id) => onRoll.has(id)));
    out.push({ station: imp.station, sha256: imp.sha256, voters: ids.length, root: merkleRoot(ids), ids });
  }
  return out;
}

async function emitGroup(
  store: Store,
  electionId: string,
  groupId: string,
  members: readonly string[],
  chain: Chain,
  constituency: DefinitionPayload['constituencies'][number] | undefined,
): Promise<void> {
  const g = await store.db
    .selectFrom('counting_groups')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  const input =
    g?.input === undefined || g.input === null ? [] : unpackRows(new Uint8Array(g.input)).map((row) => row.map(toHex));
  await chain.append('group-input', { groupId, members: [...members], ciphertexts: input });
  if (input.length === 0) {
    await chain.append('counts', { groupId, counts: zeroCounts(constituency) as unknown as Json });
    return;
  }
  const shuffles = await store.db
    .selectFrom('counting_shuffles')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .orderBy('mix_node')
    .execute();
  for (const s of shuffles) {
    // Who mixed: the trustee number and its signature by the key registered at the ceremony.
    await chain.append('shuffle', {
      groupId,
      mixNode: s.mix_node,
      trustee: s.trustee,
      signature: s.signature,
      outputs: unpackRows(new Uint8Array(s.outputs)).map((r) => r.map(toHex)),
      proof: s.proof as Json,
    });
  }
  const partials = await store.db
    .selectFrom('counting_partials')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .orderBy('trustee')
    .execute();
  for (const p of partials) {
    await chain.append('partial-decryption', {
      groupId,
      trustee: p.trustee,
      signature: p.signature,
      shares: unpackRows(new Uint8Array(p.shares)).map((r) => r.map(toHex)),
      proof: p.proof as Json,
    });
  }
  const r = await store.db
    .selectFrom('counting_results')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  await chain.append('decryption', {
    groupId,
    trustees: r.trustees,
    plaintexts: unpackRows(new Uint8Array(r.plaintexts)).map((row) => row.map(toHex)),
    ballots: r.ballots as Json,
  });
  await chain.append('counts', { groupId, counts: r.counts as Json });
}

/** A withheld set (`withheld`, PROTOCOL.md §8): its ballots stay encrypted; the verifier checks the claim. */
async function emitWithheld(
  store: Store,
  electionId: string,
  constituency: string,
  groupId: string,
  members: readonly string[],
  recorded: number,
  minimum: number,
  chain: Chain,
): Promise<void> {
  const rows = await store.db
    .selectFrom('ballots')
    .select('id')
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('status', '=', 'received')
    .execute();
  const ballots = rows.map((r) => r.id).sort();
  if (ballots.length !== recorded)
    throw new Error(
      `record: ${constituency} was withheld with ${String(recorded)} ballots, ${String(ballots.length)} now wait`,
    );
  await chain.append('withheld', {
    groupId,
    constituency,
    members: [...members],
    size: ballots.length,
    minimum,
    reason: WITHHELD_REASON,
    ballots,
  });
}

/**
 * The board's signed heads with their batches (apps/server/src/voting/board-heads.ts), emitted in
 * order as soon as every ballot of their batch is in the record.
 */
async function boardHeads(
  store: Store,
  electionId: string,
): Promise<{
  flush(chain: Chain, all?: boolean): Promise<void>;
  covered(seq: number | null, chain: Chain): Promise<void>;
}> {
  const heads = await store.db
    .selectFrom('board_heads')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('seq')
    .execute();
  const codes = await store.db
    .selectFrom('ballots')
    .select(['tracking_code', 'board_seq'])
    .where('election_id', '=', electionId)
    .where('board_seq', 'is not', null)
    .execute();
  const batches = new Map<number, string[]>();
  for (const c of codes) {
    if (c.board_seq === null) continue;
    const batch = batches.get(c.board_seq);
    if (batch === undefined) batches.set(c.board_seq, [c.tracking_code]);
    else batch.push(c.tracking_code);
  }
  const remaining = new Map([...batches].map(([seq, batch]) => [seq, batch.length]));
  const signingKey = heads.length === 0 ? '' : (await loadServerKeys(store)).receiptPublicKey;
  let next = 0;
  const flush = async (chain: Chain, all = false): Promise<void> => {
    for (let h = heads[next]; h !== undefined && (all || (remaining.get(h.seq) ?? 0) === 0); h = heads[next]) {
      next += 1;
      await chain.append('board-head', {
        seq: h.seq,
        kind: h.kind,
        previous: h.previous,
        publishedAt: h.published_at.toISOString(),
        keyFingerprint: h.key_fingerprint,
        total: h.total,
        trackingCodes: [...(batches.get(h.seq) ?? [])].sort(),
        hash: h.hash,
        keyId: h.key_id,
        signingKey,
        signature: h.signature,
      });
    }
  };
  return {
    flush,
    covered: async (seq, chain) => {
      if (seq === null) return;
      remaining.set(seq, (remaining.get(seq) ?? 1) - 1);
      await flush(chain);
    },
  };
}

function zeroCounts(c: DefinitionPayload['constituencies'][number] | undefined): LegalCounts {
  const lists = (c?.lists ?? []).map((l) => ({
    number: l.number,
    B: 0,
    C: 0,
    D: 0,
    E: 0,
    total: 0,
    effectives: l.effectives.map(() => 0),
    substitutes: l.substitutes.map(() => 0),
  }));
  return {
    ballots: 0,
    valid: 0,
    blank: 0,
    invalid: 0,
    invalidByRule: {},
    lists: [...lists].sort((a, b) => a.number - b.number),
  };
}

/**
 * Emits every entry of the record to `sink` (order: PROTOCOL.md §8): parameters, election
 * definition, roll, key ceremony, every ballot in receipt order, attendance lists, cancellations
 * with their evidence, then each counting group. Returns the head hash (the record's fingerprint).
 */
export async function emitRecord(store: Store, electionId: string, sink: Sink): Promise<string> {
  const key = await store.db
    .selectFrom('election_keys')
    .selectAll()
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  const layout = key.layout as BallotLayout;
  const ceremony = key.ceremony as PublishedCeremony;
  const definition = await electionDefinition(store, electionId);
  const roll = await publishRoll(store, electionId, { id: 'system:record' });
  const chain = new Chain(sink);
  await chain.append('parameters', {
    electionId,
    group: key.group_name,
    threshold: key.threshold,
    trustees: key.trustees,
    layout: { ...layout },
    width: ballotWidth(layout),
  });
  await chain.append('election', definition as unknown as Json);
  for (const r of roll) await chain.append('roll', { ...r, ids: [...r.ids] });
  // Each mode's voting period: the setup's window and the PO's acts (the roll must precede the opening).
  for (const mode of [...new Set(roll.map((r) => r.mode))].sort()) {
    const facts = await readPeriod(store.db, electionId, mode);
    const iso = (d: Date | null | undefined): string | null => (d === null || d === undefined ? null : d.toISOString());
    await chain.append('period', {
      mode,
      opensAt: iso(facts.window?.opensAt),
      closesAt: iso(facts.window?.closesAt),
      openedAt: iso(facts.openedAt),
      closedAt: iso(facts.closedAt),
    });
  }
  // The key ceremony's signed transcript (isoloir-ceremony/1), then the entries derived from it
  // (the verifier requires it: a record without it fails).
  if (ceremony.transcript !== undefined) await chain.append('ceremony', ceremony.transcript);
  for (const d of ceremony.dealers) await chain.append('dealer', d);
  for (const c of ceremony.complaints) await chain.append('complaint', c);
  await chain.append('key', ceremony.key);

  // Ballots in receipt order, each board head right after the last ballot it covers (the opening
  // head before the first ballot); what became of each ballot is kept (ids only) for the cancellations.
  const board = await boardHeads(store, electionId);
  const byVoter = new Map<string, { id: string; sequence: number }[]>();
  const notCounted: {
    id: string;
    voter: string;
    sequence: number;
    groupId: string;
    status: string;
    reason: string | null;
  }[] = [];
  await board.flush(chain);
  for await (const page of ballotsInReceiptOrder(store, electionId)) {
    for (const b of page) {
      const groupId = segmentId(b.constituency_code, b.mode, b.category);
      await chain.append('ballot', {
        groupId,
        constituency: b.constituency_code,
        voterId: b.voter_id,
        ballotId: b.id,
        sequence: b.sequence,
        receivedAt: b.received_at.toISOString(),
        ciphertexts: b.ciphertexts as string[],
        proof: b.proof as Json,
      });
      await board.covered(b.board_seq, chain);
      const mine = byVoter.get(b.voter_id) ?? [];
      mine.push({ id: b.id, sequence: b.sequence });
      byVoter.set(b.voter_id, mine);
      if (b.status === 'superseded' || b.status === 'cancelled')
        notCounted.push({
          id: b.id,
          voter: b.voter_id,
          sequence: b.sequence,
          groupId,
          status: b.status,
          reason: b.cancellation_reason,
        });
    }
  }
  await board.flush(chain, true);
  const onRoll = new Set(roll.flatMap((r) => r.ids));
  for (const a of await attendancePayloads(store, electionId, onRoll))
    await chain.append('attendance', { ...a, ids: [...a.ids] });
  const stations = new Map(
    (
      await store.db
        .selectFrom('double_votes')
        .select(['ballot_id', 'station'])
        .where('election_id', '=', electionId)
        .execute()
    ).map((d) => [d.ballot_id, d.station]),
  );
  const unlinkedBy = new Map(
    (
      await store.db
        .selectFrom('ballots as b')
        .innerJoin('ballots as l', 'l.id', 'b.cancelled_by')
        .select(['b.id as cancelled', 'l.id', 'l.election_id', 'l.constituency_code', 'l.received_at'])
        .where('b.election_id', '=', electionId)
        .where('b.cancellation_reason', '=', 'french-language-group')
        .execute()
    ).map((r) => [r.cancelled, r]),
  );
  for (const b of notCounted) {
    if (b.status === 'superseded') {
      const later = byVoter.get(b.voter)?.find((x) => x.sequence > b.sequence);
      if (later === undefined) throw new Error(`record: superseded ballot ${b.id} has no later ballot`);
      await chain.append('cancellation', {
        groupId: b.groupId,
        ballotId: b.id,
        reason: 'superseded',
        evidence: { laterBallotId: later.id },
      });
    } else if (b.reason === 'voted-at-polling-station') {
      const station = stations.get(b.id);
      if (station === undefined) throw new Error(`record: cancelled ballot ${b.id} has no polling-station case`);
      await chain.append('cancellation', {
        groupId: b.groupId,
        ballotId: b.id,
        reason: 'voted-at-polling-station',
        evidence: { station },
      });
    } else if (b.reason === 'french-language-group') {
      // The voter's later ballot of the linked election, in another group (../voting/linked-places.ts).
      const linked = unlinkedBy.get(b.id);
      if (linked === undefined) throw new Error(`record: cancelled ballot ${b.id} names no linked ballot`);
      await chain.append('cancellation', {
        groupId: b.groupId,
        ballotId: b.id,
        reason: 'french-language-group',
        evidence: {
          electionId: linked.election_id,
          ballotId: linked.id,
          constituency: linked.constituency_code,
          receivedAt: linked.received_at.toISOString(),
        },
      });
    } else {
      throw new Error(
        `record: ballot ${b.id} cancelled for ${b.reason ?? 'no reason'}, which has no published evidence`,
      );
    }
  }

  // Counting groups: every roll segment is counted, alone or merged by the minimum-anonymity rule into
  // another of its constituency — or withheld with its whole constituency (below the minimum all together).
  const groups = await store.db
    .selectFrom('counting_groups')
    .select(['group_id', 'merged_into', 'constituency_code'])
    .where('election_id', '=', electionId)
    .execute();
  const withheld = new Map(
    (
      await store.db
        .selectFrom('counting_offices')
        .select(['constituency_code', 'withheld_ballots'])
        .where('election_id', '=', electionId)
        .where('withheld_at', 'is not', null)
        .execute()
    ).map((o) => [o.constituency_code, o.withheld_ballots ?? 0]),
  );
  const mergedInto = new Map(groups.map((g) => [g.group_id, g.merged_into]));
  const inWithheld = new Set(groups.filter((g) => withheld.has(g.constituency_code)).map((g) => g.group_id));
  const targets = new Map<string, string[]>();
  for (const seg of [
    ...new Set([...roll.map((r) => segmentId(r.constituency, r.mode, r.category)), ...groups.map((g) => g.group_id)]),
  ].sort()) {
    const target = mergedInto.get(seg) ?? seg;
    const members = targets.get(target);
    if (members === undefined) targets.set(target, [seg]);
    else members.push(seg);
  }
  const constituencyOf = new Map(definition.constituencies.map((c) => [c.code, c]));
  for (const [groupId, members] of [...targets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const code = groupId.split('/')[0] ?? '';
    if (inWithheld.has(groupId))
      await emitWithheld(
        store,
        electionId,
        code,
        groupId,
        members.sort(),
        withheld.get(code) ?? 0,
        definition.anonymityMinimum,
        chain,
      );
    else await emitGroup(store, electionId, groupId, members.sort(), chain, constituencyOf.get(code));
  }
  // The hybrid boxes whose PVs are final, after every electronic entry (the electronic PVs' head stays an entry).
  for (const e of await hybridRecordEntries(store, electionId)) await chain.append(e.type, e.payload);
  return chain.head;
}

export async function buildRecord(
  store: Store,
  electionId: string,
): Promise<{ format: string; entries: RecordEntry[] }> {
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
