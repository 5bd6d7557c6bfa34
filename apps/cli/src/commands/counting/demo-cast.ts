// Casting for the offline demo: every voter of the demo votes online, some several times (the
// last ballot counts). Ballots are encrypted and proved as the voter's device would, on all cores.
import { randomUUID } from 'node:crypto';
import { trackingCode, type BallotLayout, type PlainBallot, type Runner } from '@isoloir/crypto';
import { voterPseudonyms, toHex, loadConstituency } from '@isoloir/server/counting';
import type { Store } from '@isoloir/store';
import { progress } from '../../progress.ts';

export interface CastLogEntry {
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

/** `votes` (tests): which of the demo's voters cast a ballot, given their rank in their constituency (default all). */
export async function castDemoBallots(
  store: Store,
  runner: Runner,
  electionId: string,
  dayId: string,
  layout: BallotLayout,
  publicKey: string,
  revotePerMille: number,
  votes: (voter: { readonly nrn: string; readonly constituency_code: string }, rank: number) => boolean = () => true,
): Promise<CastLogEntry[]> {
  const voterPseudonym = await voterPseudonyms(store);
  const everyone = await store.db
    .selectFrom('voters')
    .select(['nrn', 'constituency_code', 'category'])
    .where('election_day_id', '=', dayId)
    .orderBy('nrn')
    .execute();
  const rank = new Map<string, number>();
  const voters = everyone.filter((v) => {
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
        nrn: v.nrn,
        constituency: v.constituency_code,
        category: v.category,
        sequence: s,
        plain: randomPlain(shape, layout),
      });
  }
  const pk = Buffer.from(publicKey, 'hex');
  const bar = progress('casting', casts.length);
  const BATCH = 4000;
  const base = Date.now() - 3600_000;
  const lastSeq = new Map<string, number>();
  for (const c of casts) lastSeq.set(c.nrn, Math.max(lastSeq.get(c.nrn) ?? 0, c.sequence));
  for (let lo = 0; lo < casts.length; lo += BATCH) {
    const batch = casts.slice(lo, lo + BATCH);
    const per = Math.ceil(batch.length / runner.parallelism);
    const chunks = Array.from({ length: runner.parallelism }, (_, i) => batch.slice(i * per, (i + 1) * per)).filter(
      (c) => c.length > 0,
    );
    const out = (
      await runner.run(
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
    ).flat();
    const rows = batch.map((b, i) => {
      const e = out[i];
      if (e === undefined) throw new Error('encryption: missing output');
      const ciphertexts = e.ciphertexts.map(toHex);
      const proof = {
        challenge: e.challenge.toString(16).padStart(64, '0'),
        responses: e.responses.map((r) => r.toString(16).padStart(64, '0')),
      };
      return {
        id: b.id,
        election_id: electionId,
        constituency_code: b.constituency,
        mode: 'online' as const,
        category: b.category,
        voter_nrn: b.nrn,
        voter_id: voterPseudonym(electionId, b.nrn),
        sequence: b.sequence,
        ciphertexts: JSON.stringify(ciphertexts),
        proof: JSON.stringify(proof),
        tracking_code: trackingCode({ electionId, constituency: b.constituency, ciphertexts, proof }),
        idempotency_key: b.id,
        received_at: new Date(base + (lo + i) * 10),
        receipt_signature: 'demo',
        cancellation_reason: null,
        status: b.sequence < (lastSeq.get(b.nrn) ?? 0) ? ('superseded' as const) : ('received' as const),
      };
    });
    for (let k = 0; k < rows.length; k += 1000)
      await store.db
        .insertInto('ballots')
        .values(rows.slice(k, k + 1000))
        .execute();
    bar.update(Math.min(casts.length, lo + BATCH));
  }
  bar.finish();
  return casts;
}
