// Casting for the offline demo: every online voter of the demo votes, some several times (the last
// ballot counts). Ballots are encrypted and proved as the voter's device would, on all cores, and cast
// through the ballot box's own command, as the booth's requests are. The choices (college or language
// group, list, candidates, re-votes) are seeded by the demo's `--seed`. A linked place (issue #11:
// the Brussels members of the Flemish Parliament, special act of 12 January 1989 art. 14 al. 2) is
// voted in the same request as the ballot it depends on, and only when that ballot is in the required
// group; a few DEMO-ONLY voters re-vote in the other group (see DEMO_GROUP_SWITCHERS). Each receipt's
// Ed25519 signature is checked with node:crypto (OpenSSL, 0.13 ms a check on this machine): the booth
// checks it with packages/crypto's own code (2.1 ms), which at 100,000 ballots was most of the demo's
// casting time.
import { createPublicKey, randomUUID, verify, type KeyObject } from 'node:crypto';
import { receiptMessage, type BallotLayout, type PlainBallot, type Runner } from '@isoloir/crypto';
import { memorySecretFor, voterActor } from '@isoloir/server';
import { voterPseudonyms, toHex, loadConstituency } from '@isoloir/server/counting';
import { castBallots, votingService } from '@isoloir/server/voting';
import type { Store } from '@isoloir/store';
import { progress } from '../../progress.ts';
import { seededRandom, streamSeed } from './demo-random.ts';

/** The ballot box's receipt key (raw Ed25519, hex) for node:crypto. */
function ed25519PublicKey(rawHex: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export interface CastLogEntry {
  readonly electionId: string;
  readonly nrn: string;
  readonly constituency: string;
  readonly category: 'belgium' | 'abroad';
  readonly sequence: number;
  readonly plain: PlainBallot;
  /** Set when a later cast of the voter cancels this ballot: `french-language-group` (a linked place, issue #11). */
  readonly cancellation?: string;
}

interface Shape {
  lists: number;
  effectives: number;
  substitutes: number;
}

function pickPositions(max: number, count: number, random: () => number): number[] {
  const s = new Set<number>();
  while (s.size < Math.min(count, max)) s.add(1 + Math.floor(random() * max));
  return [...s].sort((a, b) => a - b);
}

/** A plausible ballot; about 1 % name a list number this constituency does not have (invalid). */
export function randomPlain(shape: Shape, layout: BallotLayout, random: () => number = Math.random): PlainBallot {
  const rnd = (n: number): number => Math.floor(random() * n);
  const r = random();
  if (r < 0.07) return { kind: 'blank' };
  if (r < 0.08 && shape.lists < layout.maxListNumber)
    return { kind: 'list', list: layout.maxListNumber, headBox: true, effectives: [], substitutes: [] };
  const list = 1 + rnd(shape.lists);
  const c = random();
  if (c < 0.3) return { kind: 'list', list, headBox: true, effectives: [], substitutes: [] };
  const eff = c < 0.85 ? pickPositions(shape.effectives, 1 + rnd(3), random) : [];
  const sub = c >= 0.7 && shape.substitutes > 0 ? pickPositions(shape.substitutes, 1 + rnd(2), random) : [];
  return {
    kind: 'list',
    list,
    headBox: false,
    effectives: eff,
    substitutes: eff.length === 0 && sub.length === 0 ? [1] : sub,
  };
}

/**
 * DEMO-ONLY: how many voters with a linked place re-vote in the other group, once each, after one
 * first vote: `away` first vote in the required group (with the linked ballot), then in another one,
 * which cancels that linked ballot (`french-language-group`); `back` the other way round (their
 * second cast carries the linked ballot, which counts). The first voters by number of each kind.
 */
export const DEMO_GROUP_SWITCHERS = { away: 2, back: 1 } as const;

/**
 * DEMO-ONLY: the college or language group a demo voter chooses where the law offers a choice: the
 * one in the voter's language (a Dutch-speaking Brussels voter, the Dutch language group), else the
 * first by code.
 */
export function demoChoice(
  choices: readonly string[],
  language: string,
  languagesOf: ReadonlyMap<string, readonly string[]>,
): string {
  const sorted = [...choices].sort();
  return sorted.find((code) => languagesOf.get(code)?.includes(language) === true) ?? sorted[0] ?? '';
}

/** A place of another election whose ballot goes with this election's (its `requires` names this election). */
interface LinkedPlace {
  readonly electionId: string;
  readonly constituency: string;
  /** The constituency this election's ballot must be in. */
  readonly requires: string;
}

/** One request of the booth: the voter's ballot of this election and those of the places linked to it. */
interface PlannedCast {
  readonly nrn: string;
  readonly ballots: (CastLogEntry & { id: string; cancellation?: string })[];
}

/** A ballot as the voter's device encrypts and proves it (the runner's `encryptBallots`). */
interface Sealed {
  readonly ciphertexts: readonly Uint8Array[];
  readonly challenge: bigint;
  readonly responses: readonly bigint[];
}

/** The election's ballot key and layout, for the voters' devices. */
interface ElectionKey {
  readonly pk: Buffer;
  readonly layout: BallotLayout;
}

/** Every online voter's place in other elections that requires a ballot of `electionId` (the frozen mode-7 file). */
async function linkedPlaces(store: Store, dayId: string, electionId: string): Promise<Map<string, LinkedPlace[]>> {
  const rows = await store.db
    .selectFrom('frozen_voter_places as p')
    .select(['p.nrn', 'p.election_id', 'p.choices', 'p.requires_constituency'])
    .where('p.election_day_id', '=', dayId)
    .where('p.mode', '=', 7)
    .where('p.requires_election_id', '=', electionId)
    .orderBy('p.nrn')
    .execute();
  const byVoter = new Map<string, LinkedPlace[]>();
  for (const r of rows) {
    const place = {
      electionId: r.election_id,
      constituency: [...r.choices].sort()[0] ?? '',
      requires: r.requires_constituency ?? '',
    };
    byVoter.set(r.nrn, [...(byVoter.get(r.nrn) ?? []), place]);
  }
  return byVoter;
}

/**
 * Casts the demo's ballots through the ballot box itself (`castBallots`: eligibility from the frozen
 * files, the period, the proof check, the re-vote limit, the linked places, the signed receipt, the
 * audit entry), as the booth's requests would, one voter's request after another; only the
 * encryption and proof, which a voter's device does, run here in bulk on all cores, the next batch
 * while the ballot box takes this one. Each receipt's signature is checked under the ballot box's
 * published key. A voter's place linked to this election (another election's `requires` naming it)
 * is voted in the same request, when this ballot is in the required group; that other election's
 * own casting leaves it out. Its online period must be open too.
 * `votes` (tests): which of the demo's online voters cast a ballot, given their rank in their constituency
 * (default all). `from`: the time of the first ballot (later ones follow 10 ms apart). `seed`: the
 * demo's seed (the choices, the same on every run).
 */
export async function castDemoBallots(
  store: Store,
  runner: Runner,
  electionId: string,
  dayId: string,
  layout: BallotLayout,
  publicKey: string,
  revotePerMille: number,
  votes: (voter: { readonly nrn: string; readonly constituency_code: string }, rank: number) => boolean = () => true,
  from: Date = new Date(Date.now() - 3600_000),
  seed = 2029,
): Promise<CastLogEntry[]> {
  const random = seededRandom(streamSeed(seed, electionId));
  const rnd = (n: number): number => Math.floor(random() * n);
  const voterPseudonym = await voterPseudonyms(store);
  // The server's secret (bound to the store by the server): the audit names voters as a cast would.
  const secret = memorySecretFor(store);
  const service = votingService(store);
  const { receiptPublicKey } = await service.serverKeys();
  // Who may vote online in this election: the frozen mode-7 file (one place each for a Chamber day),
  // but for the linked places, voted with the ballot they depend on.
  const everyone = await store.db
    .selectFrom('frozen_voter_places as p')
    .innerJoin('frozen_voters as v', (join) =>
      join
        .onRef('v.election_day_id', '=', 'p.election_day_id')
        .onRef('v.nrn', '=', 'p.nrn')
        .onRef('v.mode', '=', 'p.mode'),
    )
    .select(['p.nrn', 'p.choices', 'v.category', 'v.language'])
    .where('p.election_day_id', '=', dayId)
    .where('p.election_id', '=', electionId)
    .where('p.mode', '=', 7) // mode 7, online
    // A linked place (the Brussels members of the Flemish Parliament) is cast with the ballot it depends on.
    .where('p.requires_election_id', 'is', null)
    .orderBy('p.nrn')
    .execute();
  const languagesOf = new Map(
    (
      await store.db
        .selectFrom('constituencies')
        .select(['code', 'languages'])
        .where('election_id', '=', electionId)
        .execute()
    ).map((c) => [c.code, c.languages]),
  );
  const rank = new Map<string, number>();
  const voters = everyone
    .map((v) => ({
      nrn: v.nrn,
      constituency_code: demoChoice(v.choices, v.language, languagesOf),
      category: v.category,
      choices: [...v.choices].sort(),
    }))
    .filter((v) => {
      const r = rank.get(v.constituency_code) ?? 0;
      rank.set(v.constituency_code, r + 1);
      return votes(v, r);
    });
  const linked = await linkedPlaces(store, dayId, electionId);
  const keys = new Map<string, ElectionKey>([[electionId, { pk: Buffer.from(publicKey, 'hex'), layout }]]);
  for (const id of new Set([...linked.values()].flat().map((p) => p.electionId))) {
    const key = await store.db
      .selectFrom('election_keys')
      .select(['public_key', 'layout'])
      .where('election_id', '=', id)
      .executeTakeFirstOrThrow();
    keys.set(id, { pk: Buffer.from(key.public_key, 'hex'), layout: key.layout as BallotLayout });
  }
  const shapes = new Map<string, Shape>();
  const shapeOf = async (election: string, code: string): Promise<Shape> => {
    const where = `${election}/${code}`;
    const known = shapes.get(where);
    if (known !== undefined) return known;
    const info = await loadConstituency(store.db, election, code);
    const first = info.model.lists[0];
    const shape = {
      lists: info.model.lists.length,
      effectives: first?.effectives.length ?? 1,
      substitutes: first?.substitutes.length ?? 0,
    };
    shapes.set(where, shape);
    return shape;
  };
  // DEMO-ONLY group switchers (DEMO_GROUP_SWITCHERS): the first voters by number with a linked place.
  const switchTo = new Map<string, string>();
  const withLinked = voters.filter((v) => (linked.get(v.nrn) ?? []).length > 0 && v.choices.length > 1);
  for (const [kind, count] of Object.entries(DEMO_GROUP_SWITCHERS))
    for (const v of withLinked
      .filter((w) => !switchTo.has(w.nrn))
      .filter((w) => (linked.get(w.nrn)?.[0]?.requires === w.constituency_code) === (kind === 'away'))
      .slice(0, count)) {
      const required = linked.get(v.nrn)?.[0]?.requires ?? '';
      const other = kind === 'away' ? v.choices.find((c) => c !== required) : required;
      if (other !== undefined) switchTo.set(v.nrn, other);
    }
  const casts: PlannedCast[] = [];
  const sequences = new Map<string, number>();
  const planned = async (election: string, nrn: string, code: string, category: 'belgium' | 'abroad') => {
    const key = `${election} ${nrn}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const plain = randomPlain(await shapeOf(election, code), keys.get(election)?.layout ?? layout, random);
    return { id: randomUUID(), electionId: election, nrn, constituency: code, category, sequence, plain };
  };
  for (const v of voters) {
    const places = linked.get(v.nrn) ?? [];
    const switched = switchTo.get(v.nrn);
    const times = switched !== undefined ? 1 : rnd(1000) < revotePerMille ? 2 + rnd(2) : 1;
    const groups = [
      ...Array.from({ length: times }, () => v.constituency_code),
      ...(switched === undefined ? [] : [switched]),
    ];
    for (const code of groups) {
      const ballots: PlannedCast['ballots'] = [await planned(electionId, v.nrn, code, v.category)];
      for (const place of places) {
        if (place.requires === code) {
          ballots.push(await planned(place.electionId, v.nrn, place.constituency, v.category));
          continue;
        }
        // Another group: the ballot box cancels the voter's current ballot of the linked place, if any.
        const current = casts
          .flatMap((c) => (c.nrn === v.nrn ? c.ballots : []))
          .findLast((b) => b.electionId === place.electionId);
        if (current !== undefined) current.cancellation = 'french-language-group';
      }
      casts.push({ nrn: v.nrn, ballots });
    }
  }
  const bar = progress('casting', casts.length);
  const receiptKey = ed25519PublicKey(receiptPublicKey);
  const BATCH = 4000;
  // The voters' devices encrypt the next batch (worker threads) while the ballot box takes this one:
  // the ballots of each election with its key, spread over the workers.
  const encrypt = async (lo: number): Promise<Map<string, Sealed>> => {
    const batch = casts.slice(lo, lo + BATCH).flatMap((c) => c.ballots);
    const out = new Map<string, Sealed>();
    for (const [id, key] of keys) {
      const mine = batch.filter((b) => b.electionId === id);
      const sealed = await encryptOne(key, mine);
      for (const [i, b] of mine.entries()) {
        const e = sealed[i];
        if (e === undefined) throw new Error('encryption: missing output');
        out.set(b.id, e);
      }
    }
    return out;
  };
  const encryptOne = (key: ElectionKey, ballots: PlannedCast['ballots']): Promise<Sealed[]> => {
    if (ballots.length === 0) return Promise.resolve([]);
    const per = Math.ceil(ballots.length / runner.parallelism);
    const chunks = Array.from({ length: runner.parallelism }, (_, i) => ballots.slice(i * per, (i + 1) * per)).filter(
      (c) => c.length > 0,
    );
    return runner
      .run(
        'encryptBallots',
        chunks.map((c) => ({
          pk: key.pk,
          layout: key.layout,
          ballots: c.map((b) => ({
            context: {
              electionId: b.electionId,
              constituency: b.constituency,
              voterId: voterPseudonym(b.electionId, b.nrn),
              ballotId: b.id,
            },
            plain: b.plain,
          })),
        })),
      )
      .then((out) => out.flat());
  };
  let encrypted = casts.length > 0 ? encrypt(0) : Promise.resolve(new Map<string, Sealed>());
  for (let lo = 0; lo < casts.length; lo += BATCH) {
    const batch = casts.slice(lo, lo + BATCH);
    const out = await encrypted;
    encrypted = lo + BATCH < casts.length ? encrypt(lo + BATCH) : Promise.resolve(new Map<string, Sealed>());
    encrypted.catch(() => undefined); // met (and thrown) by the next turn's await
    for (const [i, c] of batch.entries()) {
      const ballots = c.ballots.map((b) => {
        const e = out.get(b.id);
        if (e === undefined) throw new Error('encryption: missing output');
        return {
          electionId: b.electionId,
          body: {
            ballotId: b.id,
            constituency: b.constituency,
            ciphertexts: e.ciphertexts.map(toHex),
            proof: {
              challenge: e.challenge.toString(16).padStart(64, '0'),
              responses: e.responses.map((r) => r.toString(16).padStart(64, '0')),
            },
          },
        };
      });
      const result = await castBallots(service, {
        electionDayId: dayId,
        nrn: c.nrn,
        actor: voterActor(secret, dayId, c.nrn),
        mode: 'online',
        ballots,
        now: new Date(from.getTime() + (lo + i) * 10),
      });
      const ids = c.ballots.map((b) => b.id).join(', ');
      if (!result.ok) throw new Error(`the ballot box refused demo ballots ${ids}: ${result.code}`);
      for (const receipt of result.receipts)
        if (!verify(null, receiptMessage(receipt), receiptKey, Buffer.from(receipt.signature, 'hex')))
          throw new Error(`the receipt of demo ballot ${receipt.ballotId} does not verify under the ballot box's key`);
    }
    bar.update(Math.min(casts.length, lo + BATCH));
  }
  bar.finish();
  return casts.flatMap((c) => c.ballots);
}
