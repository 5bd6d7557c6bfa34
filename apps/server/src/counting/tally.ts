// Decryption by any t trustees, decoding, classification with packages/electoral and sums.
import { combineBulk, countBallots as recordCounts, decodeBallot, extractEncoded, hexToScalar, type BallotLayout, type DecodedBallot, type EncodedPartialDecryption } from '@isoloir/crypto';
import { classifyBallot, countBallots, type BallotClass, type Constituency, type MarkedBallot } from '@isoloir/electoral';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';
import { packRows, unpackRows } from './blob.ts';
import { currentCiphertexts, electionKey, type CountingCrypto } from './mixing.ts';

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

export function electoralCount(constituency: Constituency, ballots: readonly DecodedBallot[]): ReturnType<typeof countBallots> {
  return countBallots(constituency, ballots.map((b) => classifyDecoded(constituency, b)));
}

export function decodedJson(b: DecodedBallot): Record<string, unknown> {
  return b.kind === 'list' ? { ...b, effectives: [...b.effectives], substitutes: [...b.substitutes] } : { ...b };
}

/** Combines the first t valid partial decryptions of a group, decodes and counts; stores the result. */
export async function tallyGroup(store: Store, cc: CountingCrypto, electionId: string, groupId: string, actor: CountingActor): Promise<void> {
  const key = await electionKey(store, electionId);
  const cur = await currentCiphertexts(store, electionId, groupId);
  const partials = await store.db.selectFrom('counting_partials').selectAll().where('election_id', '=', electionId).where('group_id', '=', groupId).orderBy('trustee').execute();
  if (partials.length < key.threshold) throw new CountingError('counting.state', `group ${groupId}: ${String(partials.length)} of ${String(key.threshold)} partial decryptions`);
  const chosen: EncodedPartialDecryption[] = partials.slice(0, key.threshold).map((p) => {
    const proof = p.proof as { challenge: string; response: string };
    return { trustee: p.trustee, shares: unpackRows(new Uint8Array(p.shares)), proof: { challenge: hexToScalar(proof.challenge, cc.group.order) ?? 0n, response: hexToScalar(proof.response, cc.group.order) ?? 0n } };
  });
  const cts = unpackRows(cur.blob);
  const combined = await combineBulk(cc.group, cc.runner, key.threshold, cts, chosen);
  if (!combined.ok) throw new CountingError('counting.state', `group ${groupId}: ${combined.error}`);
  const layoutRow = await store.db.selectFrom('election_keys').select('layout').where('election_id', '=', electionId).executeTakeFirstOrThrow();
  const layout = layoutRow.layout as BallotLayout;
  const decoded = combined.value.map((row) => decodeBallot(layout, row.map((m) => extractEncoded(cc.group.name, m))));
  const counts = recordCounts(layout, decoded);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counting_results')
      .values({ election_id: electionId, group_id: groupId, trustees: chosen.map((p) => p.trustee), plaintexts: packRows(combined.value), ballots: JSON.stringify(decoded.map(decodedJson)), counts: JSON.stringify(counts) })
      .execute();
    await appendAudit(trx, { actor: actor.id, action: 'counting.group.counted', subject: electionId, details: { groupId, ballots: counts.ballots, blank: counts.blank, invalid: counts.invalid, trustees: chosen.map((p) => p.trustee) } });
  });
}
