// DEMO-ONLY kiosk voters (mode 8): the demo's Belgians abroad registered for the Paris post's kiosk
// (apps/server/src/demo/demo-kiosk.ts) vote there, through the same functions as the kiosk routes:
// the post's operator issues an enrolment code, a kiosk enrols with its WebCrypto P-256 key, each
// voter's visit is opened (the voter logged in with their eID, Level 500), the ballot is sealed and
// signed by the kiosk and cast. The first voter's request meets a network cut: it is kept, then sent
// twice when the link returns (the kiosk's loop and a retry), and stored once.
import { randomUUID, type webcrypto } from 'node:crypto';
import { kioskMessage, trackingCode, type BallotLayout } from '@isoloir/crypto';
import { memorySecretFor } from '@isoloir/server';
import { loadConstituency } from '@isoloir/server/counting';
import { castAtKiosk, enrolKiosk, issueEnrolmentCode, liveKiosk, openVisit } from '@isoloir/server/kiosk';
import { changePeriod, encryptForCast, votingService } from '@isoloir/server/voting';
import type { Store } from '@isoloir/store';
import { randomPlain, type CastLogEntry } from './demo-cast.ts';

const OPERATOR = 'official:dev-kiosk-paris';

const b64url = (bytes: ArrayBuffer): string => Buffer.from(bytes).toString('base64url');

/** The kiosk period's acts for one election (the PO's, as for the online period). */
export async function kioskPeriodAct(
  store: Store,
  electionId: string,
  command: 'open' | 'close',
  at: Date,
  po: string,
): Promise<void> {
  const result = await changePeriod(store.db, electionId, 'kiosk', command, po, at);
  if (!result.ok)
    throw new Error(`the kiosk period could not be ${command === 'open' ? 'opened' : 'closed'}: ${result.code}`);
}

export interface DemoKioskSummary {
  readonly casts: CastLogEntry[];
  /** Requests answered as a retry (nothing new stored): the network cut's second sending. */
  readonly replayed: number;
}

/**
 * The day's kiosks and visits, kept from one election to the next: a voter votes in every election
 * of the day in one visit to one kiosk (a second visit is refused: `kiosk.already-voted`).
 */
export interface DemoKioskDay {
  readonly kiosks: Map<string, { readonly kioskId: string; readonly pair: webcrypto.CryptoKeyPair }>;
  readonly visits: Map<string, string>;
}

export function demoKioskDay(): DemoKioskDay {
  return { kiosks: new Map(), visits: new Map() };
}

export async function castDemoKioskBallots(
  store: Store,
  day: DemoKioskDay,
  electionId: string,
  dayId: string,
  layout: BallotLayout,
  at: Date,
  /** The demo's seeded choices (./demo-random.ts). */
  random: () => number = Math.random,
): Promise<DemoKioskSummary> {
  const voters = await store.db
    .selectFrom('frozen_voter_places as p')
    .innerJoin('frozen_voters as v', (j) =>
      j
        .onRef('v.election_day_id', '=', 'p.election_day_id')
        .onRef('v.nrn', '=', 'p.nrn')
        .onRef('v.mode', '=', 'p.mode'),
    )
    .select(['p.nrn', 'p.choices', 'v.category', 'v.kiosk_post'])
    .where('p.election_day_id', '=', dayId)
    .where('p.election_id', '=', electionId)
    .where('p.mode', '=', 8)
    .orderBy('p.nrn')
    .execute();
  if (voters.length === 0) return { casts: [], replayed: 0 };
  const service = votingService(store);
  const secret = memorySecretFor(store);
  const key = await service.keys.get(electionId);
  if (key === undefined) throw new Error(`no key for ${electionId}`);
  const keys = await service.serverKeys();
  const casts: CastLogEntry[] = [];
  let replayed = 0;
  for (const post of [...new Set(voters.map((v) => v.kiosk_post ?? ''))]) {
    let enrolled = day.kiosks.get(post);
    if (enrolled === undefined) {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      const { code } = await issueEnrolmentCode(store, { actor: OPERATOR, postCode: post, now: at });
      const publicKey = b64url(await crypto.subtle.exportKey('spki', pair.publicKey));
      const { kioskId } = await enrolKiosk(store, { code, publicKey, label: `DEMO-ONLY kiosk ${post}` }, at);
      enrolled = { kioskId, pair };
      day.kiosks.set(post, enrolled);
    }
    const { kioskId, pair } = enrolled;
    const kiosk = await liveKiosk(store.db, kioskId);
    for (const [i, v] of voters.filter((x) => x.kiosk_post === post).entries()) {
      const session = {
        kind: 'voter',
        electionDayId: dayId,
        nrn: v.nrn,
        loginMethod: 'csam',
        assuranceLevel: 500,
      } as const;
      const token =
        day.visits.get(v.nrn) ??
        (await openVisit(store, secret, kiosk, { ...session, id: '', csrfToken: '', expiresAt: at }, at)).visit;
      day.visits.set(v.nrn, token);
      const visit = { visit: token };
      const constituency = [...v.choices].sort()[0] ?? '';
      const info = await loadConstituency(store.db, electionId, constituency);
      const first = info.model.lists[0];
      const plain = randomPlain(
        {
          lists: info.model.lists.length,
          effectives: first?.effectives.length ?? 1,
          substitutes: first?.substitutes.length ?? 0,
        },
        layout,
        random,
      );
      const ballotId = randomUUID();
      const voterId = keys.pseudonym(electionId, v.nrn);
      const { body } = encryptForCast(
        key.group,
        key.pk,
        layout,
        { electionId, voterId, ballotId, constituency },
        plain,
      );
      const message = kioskMessage({
        electionDayId: dayId,
        kioskId,
        visit: visit.visit,
        ballots: [{ electionId, ballotId, trackingCode: trackingCode({ electionId, ...body }) }],
      });
      const signature = b64url(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, message));
      const request = { kioskId, visit: visit.visit, signature, ballots: [{ electionId, body }] };
      // The first voter validates during a network cut: the request waits on the kiosk, then goes twice.
      const sendings = i === 0 ? 2 : 1;
      for (let s = 0; s < sendings; s += 1) {
        const result = await castAtKiosk(service, store, secret, request, new Date(at.getTime() + i * 100 + s * 1000));
        if (result.replayed) replayed += 1;
      }
      casts.push({ electionId, nrn: v.nrn, constituency, category: v.category, sequence: 1, plain });
    }
  }
  return { casts, replayed };
}
