// Casting for the offline demo: every online voter of the demo votes, some several times (the last
// ballot counts). Ballots are encrypted and proved as the voter's device would, on all cores, and cast
// through the ballot box's own command, as the booth's requests are. Each receipt's Ed25519 signature
// is checked with node:crypto (OpenSSL, 0.13 ms a check on this machine): the booth checks it with
// packages/crypto's own code (2.1 ms), which at 100,000 ballots was most of the demo's casting time.
import { createPublicKey, randomUUID, verify, type KeyObject } from 'node:crypto';
import { receiptMessage, type BallotLayout, type PlainBallot, type Runner } from '@isoloir/crypto';
import { memorySecretFor, voterActor } from '@isoloir/server';
import { voterPseudonyms, toHex, loadConstituency } from '@isoloir/server/counting';
import { castBallots, votingService } from '@isoloir/server/voting';
import type { Store } from '@isoloir/store';
import { progress } from '../../progress.ts';

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
}

interface Shape {
  lists: number;
  effectives: number;
  substitutes: number;
}

function rnd(n: number): number {
  return Math.floor(Math.random() * n);
}

function pickPositions(max: number, count: number): number[] {
  const s = new Set<number>();
  while (s.size < Math.min(count, max)) s.add(1 + rnd(max));
  return [...s].sort((a, b) => a - b);
}

/** A plausible ballot; about 1 % name a list number this constituency does not have (invalid). */
export function randomPlain(shape: Shape, layout: BallotLayout): PlainBallot {
  const r = Math.random();
  if (r < 0.07) return { kind: 'blank' };
  if (r < 0.08 && shape.lists < layout.maxListNumber)
    return { kind: 'list', list: layout.maxListNumber, headBox: true, effectives: [], substitutes: [] };
  const list = 1 + rnd(shape.lists);
  const c = Math.random();
  if (c < 0.3) return { kind: 'list', list, headBox: true, effectives: [], substitutes: [] };
  const eff = c < 0.85 ? pickPositions(shape.effectives, 1 + rnd(3)) : [];
  const sub = c >= 0.7 && shape.substitutes > 0 ? pickPositions(shape.substitutes, 1 + rnd(2)) : [];
  return {
    kind: 'list',
    list,
    headBox: false,
    effectives: eff,
    substitutes: eff.length === 0 && sub.length === 0 ? [1] : sub,
  };
}

/**
 * Casts the demo's ballots through the ballot box itself (`castBallots`: eligibility from the frozen
 * files, the period, the proof check, the re-vote limit, the signed receipt, the audit entry), as the
 * booth's requests would, one voter's request after another; only the encryption and proof, which a
 * voter's device does, run here in bulk on all cores, the next batch while the ballot box takes this
 * one. Each receipt's signature is checked under the ballot box's published key.
 * `votes` (tests): which of the demo's online voters cast a ballot, given their rank in their constituency
 * (default all). `from`: the time of the first ballot (later ones follow 10 ms apart).
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
): Promise<CastLogEntry[]> {
  const voterPseudonym = await voterPseudonyms(store);
  // The server's secret (bound to the store by the server): the audit names voters as a cast would.
  const secret = memorySecretFor(store);
  const service = votingService(store);
  const { receiptPublicKey } = await service.serverKeys();
  // Who may vote online in this election: the frozen mode-7 file (one place each for a Chamber day).
  const everyone = await store.db
    .selectFrom('frozen_voter_places as p')
    .innerJoin('frozen_voters as v', (join) =>
      join
        .onRef('v.election_day_id', '=', 'p.election_day_id')
        .onRef('v.nrn', '=', 'p.nrn')
        .onRef('v.mode', '=', 'p.mode'),
    )
    .select(['p.nrn', 'p.choices', 'v.category'])
    .where('p.election_day_id', '=', dayId)
    .where('p.election_id', '=', electionId)
    .where('p.mode', '=', 7) // mode 7, online
    // A linked place (the Brussels members of the Flemish Parliament) is cast only together with the
    // Brussels Parliament ballot it depends on: one election at a time, the demo leaves it out.
    .where('p.requires_election_id', 'is', null)
    .orderBy('p.nrn')
    .execute();
  const rank = new Map<string, number>();
  const voters = everyone
    .map((v) => ({ nrn: v.nrn, constituency_code: [...v.choices].sort()[0] ?? '', category: v.category }))
    .filter((v) => {
      const r = rank.get(v.constituency_code) ?? 0;
      rank.set(v.constituency_code, r + 1);
      return votes(v, r);
    });
  const shapes = new Map<string, Shape>();
  for (const code of new Set(voters.map((v) => v.constituency_code))) {
    const info = await loadConstituency(store.db, electionId, code);
    const first = info.model.lists[0];
    shapes.set(code, {
      lists: info.model.lists.length,
      effectives: first?.effectives.length ?? 1,
      substitutes: first?.substitutes.length ?? 0,
    });
  }
  const casts: (CastLogEntry & { id: string })[] = [];
  for (const v of voters) {
    const shape = shapes.get(v.constituency_code) ?? { lists: 1, effectives: 1, substitutes: 0 };
    const times = rnd(1000) < revotePerMille ? 2 + rnd(2) : 1;
    for (let s = 1; s <= times; s++)
      casts.push({
        id: randomUUID(),
        electionId,
        nrn: v.nrn,
        constituency: v.constituency_code,
        category: v.category,
        sequence: s,
        plain: randomPlain(shape, layout),
      });
  }
  const pk = Buffer.from(publicKey, 'hex');
  const bar = progress('casting', casts.length);
  const receiptKey = ed25519PublicKey(receiptPublicKey);
  const BATCH = 4000;
  // The voters' devices encrypt the next batch (worker threads) while the ballot box takes this one.
  const encrypt = (lo: number) => {
    const batch = casts.slice(lo, lo + BATCH);
    const per = Math.ceil(batch.length / runner.parallelism);
    const chunks = Array.from({ length: runner.parallelism }, (_, i) => batch.slice(i * per, (i + 1) * per)).filter(
      (c) => c.length > 0,
    );
    return runner
      .run(
        'encryptBallots',
        chunks.map((c) => ({
          pk,
          layout,
          ballots: c.map((b) => ({
            context: {
              electionId,
              constituency: b.constituency,
              voterId: voterPseudonym(electionId, b.nrn),
              ballotId: b.id,
            },
            plain: b.plain,
          })),
        })),
      )
      .then((out) => out.flat());
  };
  let encrypted = casts.length > 0 ? encrypt(0) : Promise.resolve([]);
  for (let lo = 0; lo < casts.length; lo += BATCH) {
    const batch = casts.slice(lo, lo + BATCH);
    const out = await encrypted;
    encrypted = lo + BATCH < casts.length ? encrypt(lo + BATCH) : Promise.resolve([]);
    encrypted.catch(() => undefined); // met (and thrown) by the next turn's await
    for (const [i, b] of batch.entries()) {
      const e = out[i];
      if (e === undefined) throw new Error('encryption: missing output');
      const body = {
        ballotId: b.id,
        constituency: b.constituency,
        ciphertexts: e.ciphertexts.map(toHex),
        proof: {
          challenge: e.challenge.toString(16).padStart(64, '0'),
          responses: e.responses.map((r) => r.toString(16).padStart(64, '0')),
        },
      };
      const result = await castBallots(service, {
        electionDayId: dayId,
        nrn: b.nrn,
        actor: voterActor(secret, dayId, b.nrn),
        mode: 'online',
        ballots: [{ electionId, body }],
        now: new Date(from.getTime() + (lo + i) * 10),
      });
      if (!result.ok) throw new Error(`the ballot box refused demo ballot ${b.id}: ${result.code}`);
      for (const receipt of result.receipts)
        if (!verify(null, receiptMessage(receipt), receiptKey, Buffer.from(receipt.signature, 'hex')))
          throw new Error(`the receipt of demo ballot ${b.id} does not verify under the ballot box's key`);
    }
    bar.update(Math.min(casts.length, lo + BATCH));
  }
  bar.finish();
  return casts;
}
