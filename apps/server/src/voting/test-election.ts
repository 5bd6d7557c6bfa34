// For tests, the benchmark and the browser tests (never the running platform): an election key
// made by an in-process 2-of-3 key ceremony, a second election on the same day (the Brussels
// Parliament), an open period, and the client side of casting (what the booth does).
import { ballotWidth, bytesToHex, dkg, encryptBallot, loadGroup, scalarToHex, type BallotLayout, type Group, type PlainBallot } from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { sql } from 'kysely';
import type { CastBody } from './wire.ts';

export const SECOND_ELECTION_ID = 'demo-2029-brussels';

/** The layout of an election: the largest list number and list sizes over all its constituencies. */
export async function layoutOf(store: Store, electionId: string): Promise<BallotLayout> {
  const lists = await store.db.selectFrom('party_lists').select((eb) => eb.fn.max('list_number').as('m')).where('election_id', '=', electionId).executeTakeFirstOrThrow();
  const sizes = await store.db
    .selectFrom('candidates')
    .select(['kind', sql<string | number | null>`max(position)`.as('m')])
    .where('election_id', '=', electionId)
    .groupBy('kind')
    .execute();
  const max = (kind: string): number => Number(sizes.find((s) => s.kind === kind)?.m ?? 0) || 0;
  return { maxListNumber: lists.m, maxEffectives: max('effective'), maxSubstitutes: max('substitute') };
}

/** Runs a 2-of-3 ceremony in process and publishes the key row, as the trustees' ceremony would. */
export async function publishTestKey(store: Store, electionId: string): Promise<{ readonly group: Group<unknown>; readonly pk: unknown; readonly layout: BallotLayout }> {
  const group = await loadGroup('secp256k1');
  const params = { electionId, threshold: 2, trustees: 3 };
  const dealt = [1, 2, 3].map((i) => dkg.deal(group, params, i));
  const pubs = dealt.map((d) => d.published);
  const qualified = dkg.qualifiedDealers(group, params, pubs, []);
  const pk = dkg.electionPublicKey(group, pubs, qualified);
  const layout = await layoutOf(store, electionId);
  await store.db
    .insertInto('election_keys')
    .values({ election_id: electionId, group_name: 'secp256k1', public_key: bytesToHex(group.encode(pk)), threshold: 2, trustees: 3, ballot_width: ballotWidth(layout), layout: JSON.stringify(layout), ceremony: JSON.stringify({ test: true, qualified }) })
    .execute();
  return { group, pk, layout };
}

/** The Brussels Parliament as a second election of the demo day, in the bruxelles-capitale constituency. */
export async function addSecondElection(store: Store): Promise<void> {
  const election = await store.db.selectFrom('elections').select(['election_day_id']).orderBy('id').executeTakeFirstOrThrow();
  await store.db.transaction().execute(async (trx) => {
    await trx.insertInto('elections').values({
      id: SECOND_ELECTION_ID, election_day_id: election.election_day_id, kind: 'regional',
      label: JSON.stringify({ fr: 'Parlement de la Région de Bruxelles-Capitale (démo)', nl: 'Brussels Hoofdstedelijk Parlement (demo)', de: 'Parlament der Region Brüssel-Hauptstadt (Demo)', en: 'Brussels-Capital Region Parliament (demo)' }),
      seat_method: 'dhondt', threshold_percent: 5, minimum_age: 18,
    }).execute();
    await trx.insertInto('constituencies').values({ election_id: SECOND_ELECTION_ID, code: 'bruxelles-capitale', label: JSON.stringify({ fr: 'Région de Bruxelles-Capitale', nl: 'Brussels Hoofdstedelijk Gewest', de: 'Region Brüssel-Hauptstadt', en: 'Brussels-Capital Region' }), seats: 89, languages: ['fr', 'nl'] }).execute();
    const lists = [{ n: 1, label: 'Bruxelles Demain' }, { n: 2, label: 'Brussel Vooruit' }, { n: 3, label: 'Liste Citoyenne' }];
    await trx.insertInto('party_lists').values(lists.map((l) => ({ election_id: SECOND_ELECTION_ID, constituency_code: 'bruxelles-capitale', list_number: l.n, label: l.label }))).execute();
    const names = ['Dubois Anne', 'Peeters Jan', 'Lambert Sofia', 'Maes Pieter', 'Haddad Leila', 'Janssens Tom'];
    const candidates = lists.flatMap((l) => [
      ...names.map((name, i) => ({ kind: 'effective' as const, position: i + 1, name })),
      ...names.slice(0, 3).map((name, i) => ({ kind: 'substitute' as const, position: i + 1, name: `${name.split(' ')[0] ?? ''}-${String(l.n)} ${name.split(' ')[1] ?? ''}` })),
    ].map((c) => ({ election_id: SECOND_ELECTION_ID, constituency_code: 'bruxelles-capitale', list_number: l.n, kind: c.kind, position: c.position, surname: c.name.split(' ')[0] ?? '', given_name: c.name.split(' ')[1] ?? '', gender: c.position % 2 === 1 ? 'F' as const : 'M' as const })));
    await trx.insertInto('candidates').values(candidates).execute();
    await appendAudit(trx, { actor: 'system', action: 'demo.election-added', subject: SECOND_ELECTION_ID });
  });
}

/** Opens the online period around `now` (one hour before, one day after), X = maxBallots. */
export async function openTestPeriod(store: Store, electionId: string, maxBallots = 3, now = new Date()): Promise<void> {
  await store.db.insertInto('voting_periods').values({ election_id: electionId, mode: 'online', opens_at: new Date(now.getTime() - 3_600_000), closes_at: new Date(now.getTime() + 86_400_000), max_ballots: maxBallots }).execute();
}

/** What the booth sends: the ballot encrypted and proven on the device, in wire form. */
export function encryptForCast<P>(group: Group<P>, pk: P, layout: BallotLayout, context: { electionId: string; voterId: string; ballotId: string; constituency: string }, plain: PlainBallot): { body: CastBody; randomness: readonly bigint[] } {
  const { ballot, randomness } = encryptBallot(group, pk, layout, { electionId: context.electionId, voterId: context.voterId, ballotId: context.ballotId }, plain);
  return {
    body: {
      ballotId: context.ballotId,
      constituency: context.constituency,
      ciphertexts: ballot.ciphertexts.flatMap((c) => [bytesToHex(group.encode(c.a)), bytesToHex(group.encode(c.b))]),
      proof: { challenge: scalarToHex(ballot.proof.challenge), responses: ballot.proof.responses.map(scalarToHex) },
    },
    randomness,
  };
}
