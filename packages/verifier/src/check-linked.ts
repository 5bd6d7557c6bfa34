/**
 * `isoloir verify RECORD --linked OTHER`: each `french-language-group` cancellation (special act of
 * 12 January 1989, art. 14 al. 2; PROTOCOL.md §8.1 "Linked places") rests on a ballot of another
 * election's record. Given that record, its evidence is checked against it: the record is of the
 * evidence's election, and holds a ballot of that id, in that constituency, received at that time
 * (`cancellation-evidence`, at the cancellation entry). Evidence naming an election no record was
 * given for is counted in the summary as not read. The linked record is read entry by entry (its
 * parameters and ballots only); it is verified on its own (`isoloir verify OTHER`, with its head):
 * this check does not repeat its chain, proofs or counts.
 */
import { ensure, fail } from './failure.ts';
import type { RecordSource } from './record-source.ts';
import type { State } from './state.ts';

export interface LinkedSummary {
  /** `french-language-group` cancellations in the record. */
  readonly cancellations: number;
  /** Those checked against a linked record given. */
  readonly checked: number;
}

interface Found {
  readonly constituency: unknown;
  readonly receivedAt: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The election id of a linked record and, of its ballots, those the evidence names. */
async function readLinked(
  source: RecordSource,
  where: string,
  wanted: ReadonlySet<string>,
): Promise<{ electionId: string; ballots: Map<string, Found> }> {
  let electionId: string | undefined;
  const ballots = new Map<string, Found>();
  for await (const e of source.entries()) {
    const payload = isObject(e) ? e['payload'] : undefined;
    if (electionId === undefined) {
      const id = isObject(payload) ? payload['electionId'] : undefined;
      if (!isObject(e) || e['type'] !== 'parameters' || typeof id !== 'string')
        fail('cancellation-evidence', where, 'not an election record: its first entry is not its parameters');
      electionId = id;
      continue;
    }
    if (!isObject(e) || e['type'] !== 'ballot' || !isObject(payload)) continue;
    const id = payload['ballotId'];
    if (typeof id === 'string' && wanted.has(id) && !ballots.has(id))
      ballots.set(id, { constituency: payload['constituency'], receivedAt: payload['receivedAt'] });
  }
  if (electionId === undefined) fail('cancellation-evidence', where, 'not an election record: no entries');
  return { electionId, ballots };
}

export async function checkLinkedRecords<P>(
  s: State<P>,
  linked: readonly { readonly name: string; readonly source: RecordSource }[],
): Promise<LinkedSummary> {
  const wanted = new Set([...s.linked.values()].map((e) => e.ballotId));
  const read = new Map<string, Map<string, Found>>();
  for (const l of linked) {
    const r = await readLinked(l.source, `linked record ${l.name}`, wanted);
    const ballots = read.get(r.electionId) ?? new Map<string, Found>();
    for (const [id, f] of r.ballots) if (!ballots.has(id)) ballots.set(id, f);
    read.set(r.electionId, ballots);
  }
  let checked = 0;
  for (const e of s.linked.values()) {
    const ballots = read.get(e.electionId);
    if (ballots === undefined) continue;
    const found = ballots.get(e.ballotId);
    ensure(
      found !== undefined,
      'cancellation-evidence',
      e.where,
      `the record of ${e.electionId} holds no ballot ${e.ballotId}`,
    );
    ensure(
      found.constituency === e.constituency,
      'cancellation-evidence',
      e.where,
      `ballot ${e.ballotId} of ${e.electionId} is of constituency ${String(found.constituency)}, not ${e.constituency}`,
    );
    ensure(
      typeof found.receivedAt === 'string' && Date.parse(found.receivedAt) === Date.parse(e.receivedAt),
      'cancellation-evidence',
      e.where,
      `ballot ${e.ballotId} of ${e.electionId} was received at ${String(found.receivedAt)}, not ${e.receivedAt}`,
    );
    checked += 1;
  }
  return { cancellations: s.linked.size, checked };
}
