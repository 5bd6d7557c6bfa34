// Decryption by any t trustees, decoding, classification with packages/electoral and sums: the
// legal count stored here is the one the record carries and the PV prints (issue 12, point 6).
import {
  combineBulk,
  decodeBallot,
  extractEncoded,
  hexToScalar,
  type BallotLayout,
  type DecodedBallot,
  type EncodedPartialDecryption,
  type LegalCounts,
} from '@isoloir/crypto';
import {
  classifyBallot,
  countBallots,
  invalidBallots,
  INVALID_BALLOT_RULE_CODES,
  listFigure,
  validBallots,
  type BallotClass,
  type Constituency,
  type MarkedBallot,
} from '@isoloir/electoral';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';
import { packRows, unpackRows } from './blob.ts';
import { currentCiphertexts, electionKey, type CountingCrypto } from './mixing.ts';
import { loadConstituency } from './layout.ts';

/** A decrypted electronic ballot as the electoral code sees it (always official paper). */
export function markedBallot(d: DecodedBallot): MarkedBallot | undefined {
  if (d.kind === 'invalid') return undefined;
  if (d.kind === 'blank') return { paper: 'official', marks: [] };
  const listId = String(d.list);
  return {
    paper: 'official',
    marks: [
      ...(d.headBox ? [{ box: 'head' as const, listId }] : []),
      ...d.effectives.map((position) => ({ box: 'effective' as const, listId, position })),
      ...d.substitutes.map((position) => ({ box: 'substitute' as const, listId, position })),
    ],
  };
}

/** Classification (art. 156): a ballot that does not decode is malformed. */
export function classifyDecoded(constituency: Constituency, d: DecodedBallot): BallotClass {
  const marked = markedBallot(d);
  return marked === undefined ? { kind: 'invalid', rule: 'ballot.malformed' } : classifyBallot(constituency, marked);
}

export function electoralCount(
  constituency: Constituency,
  ballots: readonly DecodedBallot[],
): ReturnType<typeof countBallots> {
  return countBallots(
    constituency,
    ballots.map((b) => classifyDecoded(constituency, b)),
  );
}

/**
 * The legal count of a group (art. 156 classification by @isoloir/electoral) in the form the record
 * carries in its `counts` entry and the verifier re-derives on its own: the PV's figures are these.
 */
export function legalCounts(constituency: Constituency, ballots: readonly DecodedBallot[]): LegalCounts {
  return legalCountsOf(
    constituency,
    ballots.map((b) => classifyDecoded(constituency, b)),
  );
}

/** The legal count of classified ballots (electronic, or the paper ballots of a hybrid box). */
export function legalCountsOf(constituency: Constituency, classes: readonly BallotClass[]): LegalCounts {
  const count = countBallots(constituency, classes);
  const invalidByRule: Record<string, number> = {};
  for (const rule of INVALID_BALLOT_RULE_CODES) if (count.invalid[rule] > 0) invalidByRule[rule] = count.invalid[rule];
  const numberOf = new Map(constituency.lists.map((l) => [l.id, l.number]));
  const lists = count.lists.map((l) => ({
    number: numberOf.get(l.listId) ?? Number(l.listId),
    ...l.categories,
    total: listFigure(l),
    effectives: [...l.effectives],
    substitutes: [...l.substitutes],
  }));
  return {
    ballots: classes.length,
    valid: validBallots(count),
    blank: count.blank,
    invalid: invalidBallots(count),
    invalidByRule,
    lists: lists.sort((a, b) => a.number - b.number),
  };
}

export function decodedJson(b: DecodedBallot): Record<string, unknown> {
  return b.kind === 'list' ? { ...b, effectives: [...b.effectives], substitutes: [...b.substitutes] } : { ...b };
}

/** Combines the first t valid partial decryptions of a group, decodes and counts; stores the result. */
export async function tallyGroup(
  store: Store,
  cc: CountingCrypto,
  electionId: string,
  groupId: string,
  actor: CountingActor,
): Promise<void> {
  const key = await electionKey(store, electionId);
  const cur = await currentCiphertexts(store, electionId, groupId);
  const partials = await store.db
    .selectFrom('counting_partials')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .orderBy('trustee')
    .execute();
  if (partials.length < key.threshold)
    throw new CountingError(
      'counting.state',
      `group ${groupId}: ${String(partials.length)} of ${String(key.threshold)} partial decryptions`,
    );
  const chosen: EncodedPartialDecryption[] = partials.slice(0, key.threshold).map((p) => {
    const proof = p.proof as { challenge: string; response: string };
    return {
      trustee: p.trustee,
      shares: unpackRows(new Uint8Array(p.shares)),
      proof: {
        challenge: hexToScalar(proof.challenge, cc.group.order) ?? 0n,
        response: hexToScalar(proof.response, cc.group.order) ?? 0n,
      },
    };
  });
  const cts = unpackRows(cur.blob);
  const combined = await combineBulk(cc.group, cc.runner, key.threshold, cts, chosen);
  if (!combined.ok) throw new CountingError('counting.state', `group ${groupId}: ${combined.error}`);
  const layoutRow = await store.db
    .selectFrom('election_keys')
    .select('layout')
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  const layout = layoutRow.layout as BallotLayout;
  const decoded = combined.value.map((row) =>
    decodeBallot(
      layout,
      row.map((m) => extractEncoded(cc.group.name, m)),
    ),
  );
  const group = await store.db
    .selectFrom('counting_groups')
    .select('constituency_code')
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  const counts = legalCounts((await loadConstituency(store.db, electionId, group.constituency_code)).model, decoded);
  await store.db.transaction().execute(async (trx) => {
    // Only now, decrypted and counted, do the set's ballots become "counted" (the voter's portal shows it).
    const now = new Date();
    const members = await trx
      .selectFrom('counting_groups')
      .select(['group_id', 'constituency_code', 'mode', 'category'])
      .where('election_id', '=', electionId)
      .where((eb) => eb.or([eb('group_id', '=', groupId), eb('merged_into', '=', groupId)]))
      .execute();
    let marked = 0;
    for (const m of members) {
      const res = await trx
        .updateTable('ballots')
        .set({ status: 'counted', status_changed_at: now })
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', m.constituency_code)
        .where('mode', '=', m.mode)
        .where('category', '=', m.category)
        .where('status', '=', 'received')
        .executeTakeFirst();
      marked += Number(res.numUpdatedRows);
    }
    if (marked !== decoded.length)
      throw new CountingError(
        'counting.state',
        `group ${groupId}: ${String(decoded.length)} ballots decrypted but ${String(marked)} waiting to be counted`,
      );
    await trx
      .updateTable('counting_groups')
      .set({ counted_at: now })
      .where('election_id', '=', electionId)
      .where((eb) => eb.or([eb('group_id', '=', groupId), eb('merged_into', '=', groupId)]))
      .execute();
    await trx
      .insertInto('counting_results')
      .values({
        election_id: electionId,
        group_id: groupId,
        trustees: chosen.map((p) => p.trustee),
        plaintexts: packRows(combined.value),
        ballots: JSON.stringify(decoded.map(decodedJson)),
        counts: JSON.stringify(counts),
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.group.counted',
      subject: electionId,
      details: {
        groupId,
        ballots: counts.ballots,
        blank: counts.blank,
        invalid: counts.invalid,
        trustees: chosen.map((p) => p.trustee),
      },
    });
  });
}
