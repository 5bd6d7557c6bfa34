// For tests, the benchmark and the browser tests (never the running platform): an election key
// made by an in-process 2-of-3 key ceremony, a second election on the same day (the Brussels
// Parliament), a setup window around today with the PO's opening, and the client side of casting (what the booth does).
import { publishHead } from './board-heads.ts';
import { votingService } from './service.ts';
import {
  ballotWidth,
  bytesToHex,
  dkg,
  encryptBallot,
  loadGroup,
  scalarToHex,
  type BallotLayout,
  type Group,
  type PlainBallot,
} from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { sql } from 'kysely';
import type { CastBody } from './wire.ts';

export const SECOND_ELECTION_ID = 'demo-2029-brussels';
/** Test data only: the Flemish Parliament's Brussels-Capital constituency (6 seats), a third election of a Brussels voter's day. */
export const THIRD_ELECTION_ID = 'demo-2029-flemish';

/** The layout of an election: the largest list number and list sizes over all its constituencies. */
export async function layoutOf(store: Store, electionId: string): Promise<BallotLayout> {
  const lists = await store.db
    .selectFrom('party_lists')
    .select((eb) => eb.fn.max('list_number').as('m'))
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
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
export async function publishTestKey(
  store: Store,
  electionId: string,
): Promise<{ readonly group: Group<unknown>; readonly pk: unknown; readonly layout: BallotLayout }> {
  const group = await loadGroup('secp256k1');
  const params = { electionId, threshold: 2, trustees: 3 };
  const dealt = [1, 2, 3].map((i) => dkg.deal(group, params, i));
  const pubs = dealt.map((d) => d.published);
  const qualified = dkg.qualifiedDealers(group, params, pubs, []);
  const pk = dkg.electionPublicKey(group, pubs, qualified);
  const layout = await layoutOf(store, electionId);
  await store.db
    .insertInto('election_keys')
    .values({
      election_id: electionId,
      group_name: 'secp256k1',
      public_key: bytesToHex(group.encode(pk)),
      threshold: 2,
      trustees: 3,
      ballot_width: ballotWidth(layout),
      layout: JSON.stringify(layout),
      ceremony: JSON.stringify({ test: true, qualified }),
    })
    .execute();
  // As the board clerk does once a key exists: the opening head publishes its fingerprint.
  await publishHead(votingService(store), electionId, 'opening', new Date());
  return { group, pk, layout };
}

/** The Brussels Parliament as a second election of the demo day, in the bruxelles-capitale constituency. */
export async function addSecondElection(store: Store): Promise<void> {
  await addBrusselsElection(store, {
    id: SECOND_ELECTION_ID,
    seats: 89,
    label: {
      fr: 'Parlement de la Région de Bruxelles-Capitale (démo)',
      nl: 'Brussels Hoofdstedelijk Parlement (demo)',
      de: 'Parlament der Region Brüssel-Hauptstadt (Demo)',
      en: 'Brussels-Capital Region Parliament (demo)',
    },
    lists: [
      { n: 1, label: 'Bruxelles Demain' },
      { n: 2, label: 'Brussel Vooruit' },
      { n: 3, label: 'Liste Citoyenne' },
    ],
  });
}

/** Test data only: the Flemish Parliament in its Brussels-Capital constituency (6 seats), so that a Brussels voter has three elections. */
export async function addThirdElection(store: Store): Promise<void> {
  await addBrusselsElection(store, {
    id: THIRD_ELECTION_ID,
    seats: 6,
    label: {
      fr: 'Parlement flamand (démo)',
      nl: 'Vlaams Parlement (demo)',
      de: 'Flämisches Parlament (Demo)',
      en: 'Flemish Parliament (demo)',
    },
    lists: [
      { n: 1, label: 'Brussel Samen' },
      { n: 2, label: 'Groen Brussel (demo)' },
    ],
  });
}

/**
 * Test data only: a Brussels Parliament with its two language groups (`groupe-francais`,
 * `groupe-neerlandais`, the voter chooses) and a Flemish Parliament whose Brussels place is linked to
 * the Dutch group (special act of 12 January 1989 art. 14 al. 2; ./linked-places.ts), for the
 * residents of commune 21004.
 */
export const LINKED_GROUPS_ID = 'test-brussels-groups';
export const LINKED_FLEMISH_ID = 'test-flemish-linked';

export async function addLinkedElections(store: Store): Promise<void> {
  const lists = [
    { n: 1, label: 'Liste A' },
    { n: 2, label: 'Lijst B' },
  ];
  const label = (name: string): Record<'fr' | 'nl' | 'de' | 'en', string> => ({
    fr: name,
    nl: name,
    de: name,
    en: name,
  });
  await addBrusselsElection(store, {
    id: LINKED_GROUPS_ID,
    seats: 89,
    label: label('Brussels Parliament (test)'),
    lists,
    constituencies: [
      { code: 'groupe-francais', seats: 72, languages: ['fr'] },
      { code: 'groupe-neerlandais', seats: 17, languages: ['nl'] },
    ],
  });
  await addBrusselsElection(store, {
    id: LINKED_FLEMISH_ID,
    seats: 6,
    label: label('Flemish Parliament (test)'),
    lists,
    requires: { electionId: LINKED_GROUPS_ID, constituency: 'groupe-neerlandais' },
  });
}

async function addBrusselsElection(
  store: Store,
  e: {
    id: string;
    seats: number;
    label: Record<'fr' | 'nl' | 'de' | 'en', string>;
    lists: { n: number; label: string }[];
    constituencies?: { code: string; seats: number; languages: ('fr' | 'nl')[] }[];
    requires?: { electionId: string; constituency: string };
  },
): Promise<void> {
  const constituencies = e.constituencies ?? [
    { code: 'bruxelles-capitale', seats: e.seats, languages: ['fr', 'nl'] as ('fr' | 'nl')[] },
  ];
  const election = await store.db
    .selectFrom('elections')
    .select(['election_day_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('elections')
      .values({
        id: e.id,
        election_day_id: election.election_day_id,
        kind: 'regional',
        label: JSON.stringify(e.label),
        seat_method: 'dhondt',
        threshold_percent: 5,
        minimum_age: 18,
      })
      .execute();
    await trx
      .insertInto('constituencies')
      .values(
        constituencies.map((c) => ({
          election_id: e.id,
          code: c.code,
          label: JSON.stringify(
            c.code === 'bruxelles-capitale'
              ? {
                  fr: 'Région de Bruxelles-Capitale',
                  nl: 'Brussels Hoofdstedelijk Gewest',
                  de: 'Region Brüssel-Hauptstadt',
                  en: 'Brussels-Capital Region',
                }
              : { fr: c.code, nl: c.code, de: c.code, en: c.code },
          ),
          seats: c.seats,
          languages: c.languages,
        })),
      )
      .execute();
    const lists = e.lists;
    await trx
      .insertInto('party_lists')
      .values(
        constituencies.flatMap((c) =>
          lists.map((l) => ({
            election_id: e.id,
            constituency_code: c.code,
            list_number: l.n,
            label: l.label,
          })),
        ),
      )
      .execute();
    const names = ['Dubois Anne', 'Peeters Jan', 'Lambert Sofia', 'Maes Pieter', 'Haddad Leila', 'Janssens Tom'];
    const candidates = constituencies.flatMap((constituency) =>
      lists.flatMap((l) =>
        [
          ...names.map((name, i) => ({ kind: 'effective' as const, position: i + 1, name })),
          ...names.slice(0, 3).map((name, i) => ({
            kind: 'substitute' as const,
            position: i + 1,
            name: `${name.split(' ')[0] ?? ''}-${String(l.n)} ${name.split(' ')[1] ?? ''}`,
          })),
        ].map((c) => ({
          election_id: e.id,
          constituency_code: constituency.code,
          list_number: l.n,
          kind: c.kind,
          position: c.position,
          surname: c.name.split(' ')[0] ?? '',
          given_name: c.name.split(' ')[1] ?? '',
          gender: c.position % 2 === 1 ? ('F' as const) : ('M' as const),
        })),
      ),
    );
    await trx.insertInto('candidates').values(candidates).execute();
    // Its voters: the residents of the Brussels commune in the day's frozen files, as a freeze that
    // knew this election would have written them (tests only: a real day is frozen with all its elections).
    const codes = constituencies.map((c) => c.code).sort();
    const requiresElection = e.requires?.electionId ?? null;
    const requiresConstituency = e.requires?.constituency ?? null;
    for (const c of constituencies)
      await sql`insert into commune_constituencies (election_day_id, nis, election_id, language, constituency_code, requires_election_id, requires_constituency)
        select election_day_id, nis, ${e.id}, ${constituencies.length === 1 ? '*' : (c.languages[0] ?? 'fr')}, ${c.code}, ${requiresElection}, ${requiresConstituency}
          from communes where election_day_id = ${election.election_day_id} and nis = '21004'`.execute(trx);
    await sql`insert into frozen_voter_places (election_day_id, nrn, mode, election_id, choices, requires_election_id, requires_constituency)
      select election_day_id, nrn, mode, ${e.id}, ${codes}::text[], ${requiresElection}, ${requiresConstituency} from frozen_voters
       where election_day_id = ${election.election_day_id} and commune_nis = '21004' and category = 'belgium'`.execute(
      trx,
    );
    await appendAudit(trx, { actor: 'system', action: 'demo.election-added', subject: e.id });
  });
}

/** A YYYY-MM-DD date `days` days from `now` (UTC). */
export function dateFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Test data only: sets the setup's window of modes 7 and 8 for the election's day (creating a
 * minimal setup row if the day has none) and X, the online re-vote limit. The box reads nothing else.
 */
export async function setTestWindow(
  store: Store,
  electionId: string,
  window: { opens: string; closes: string },
  revotes?: number,
): Promise<void> {
  const { election_day_id: dayId } = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const current = await store.db
    .selectFrom('election_day_settings')
    .select(['mode_periods', 'online_revote_limit'])
    .where('election_day_id', '=', dayId)
    .executeTakeFirst();
  const periods = { hybrid: current?.mode_periods.hybrid ?? window, online: window, kiosk: window };
  const limit = revotes ?? current?.online_revote_limit ?? 5;
  if (current === undefined) {
    const modes = {
      hybrid: { open: true, optIn: true },
      online: { open: true, optIn: true },
      kiosk: { open: false, optIn: true },
    };
    await store.db
      .insertInto('election_day_settings')
      .values({
        election_day_id: dayId,
        mode_periods: JSON.stringify(periods),
        resident_modes: JSON.stringify(modes),
        abroad_modes: [1, 2, 3, 4, 5, 6, 7, 8],
        registration_deadline: window.opens,
        online_revote_limit: limit,
        setup_hash: '0'.repeat(64),
      })
      .execute();
  } else {
    await store.db
      .updateTable('election_day_settings')
      .set({ mode_periods: JSON.stringify(periods), online_revote_limit: limit })
      .where('election_day_id', '=', dayId)
      .execute();
  }
}

/**
 * Test data only: the setup's windows of modes 7 and 8 from yesterday to tomorrow, X = `revotes`
 * (so X + 1 ballots), and the PO's opening of the online period of `electionId`, audited.
 */
export async function openTestPeriod(store: Store, electionId: string, revotes = 2, now = new Date()): Promise<void> {
  await setTestWindow(store, electionId, { opens: dateFrom(now, -1), closes: dateFrom(now, 1) }, revotes);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('voting_periods')
      .values({ election_id: electionId, mode: 'online', opened_at: now, opened_by: 'test' })
      .onConflict((oc) => oc.columns(['election_id', 'mode']).doUpdateSet({ opened_at: now, opened_by: 'test' }))
      .execute();
    await appendAudit(
      trx,
      { actor: 'test', action: 'voting.period.opened', subject: electionId, details: { mode: 'online' } },
      now,
    );
  });
}

/** What the booth sends: the ballot encrypted and proven on the device, in wire form. */
export function encryptForCast<P>(
  group: Group<P>,
  pk: P,
  layout: BallotLayout,
  context: { electionId: string; voterId: string; ballotId: string; constituency: string },
  plain: PlainBallot,
): { body: CastBody; randomness: readonly bigint[] } {
  const { ballot, randomness } = encryptBallot(
    group,
    pk,
    layout,
    {
      electionId: context.electionId,
      constituency: context.constituency,
      voterId: context.voterId,
      ballotId: context.ballotId,
    },
    plain,
  );
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
