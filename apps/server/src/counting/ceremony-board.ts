// The key ceremony's bulletin board: the server stores and serves what trustees post, checks what
// anybody could check (signatures by the registered key, the phase, the shape, the public proofs),
// and publishes the election key once every trustee has posted a verification key that matches the
// qualified dealers' commitments. It holds no secret: shares travel encrypted to their recipient.
// Every accepted or refused post is audited. The phases: ceremony-state.ts.
import { dkg, hexToScalar, loadGroup, type Group, type GroupName, type Json } from '@isoloir/crypto';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { fromHex } from './blob.ts';
import { publishKey, type PublishedCeremony } from './ceremony.ts';
import {
  ceremonyState,
  complaintsOf,
  dealerPublic,
  dealerPublics,
  postsOf,
  type Board,
  type BoardPost,
  type CeremonyPhase,
  type DealingPayload,
  type VerificationKeyPayload,
} from './ceremony-state.ts';
import { CountingError, type CountingActor } from './errors.ts';
import { signatureValid, SIGNING_LABELS } from './trustee-signature.ts';

export const CEREMONY_FORMAT = 'isoloir-ceremony/1';

const hex = (bytes: number): z.ZodString => z.string().regex(new RegExp(`^[0-9a-f]{${String(bytes * 2)}}$`));
const proofSchema = z.strictObject({ challenge: hex(32), response: hex(32) });
const trusteeNo = z.number().int().min(1).max(100);
export const PAYLOAD_SCHEMAS = {
  dealing: z.strictObject({
    commitments: z
      .array(z.string().regex(/^[0-9a-f]{2,256}$/))
      .min(1)
      .max(100),
    proof: proofSchema,
    shares: z
      .array(z.strictObject({ to: trusteeNo, ephemeralKey: hex(32), iv: hex(12), ciphertext: hex(48) }))
      .max(100),
  }),
  checked: z.strictObject({ complaints: z.array(trusteeNo).max(100) }),
  answer: z.strictObject({
    revealed: z
      .array(z.strictObject({ to: trusteeNo, share: hex(32) }))
      .min(1)
      .max(100),
  }),
  'verification-key': z.strictObject({ verificationKey: z.string().regex(/^[0-9a-f]{2,256}$/), proof: proofSchema }),
} as const;
export type PostKind = keyof typeof PAYLOAD_SCHEMAS;

export interface Registration {
  readonly trustee: number;
  readonly signingKey: string;
  readonly encryptionKey: string;
  readonly signature: string;
}

export interface Post {
  readonly kind: PostKind;
  readonly payload: unknown;
  readonly signature: string;
}

type Db = Kysely<Schema> | Transaction<Schema>;

export async function readBoard(db: Db, electionId: string): Promise<Board | undefined> {
  const c = await db.selectFrom('key_ceremonies').selectAll().where('election_id', '=', electionId).executeTakeFirst();
  if (c === undefined) return undefined;
  const regs = await db
    .selectFrom('ceremony_trustees')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('trustee')
    .execute();
  const posts = await db
    .selectFrom('ceremony_posts')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('seq')
    .execute();
  const key = await db
    .selectFrom('election_keys')
    .select('election_id')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return {
    electionId,
    group: c.group_name,
    threshold: c.threshold,
    trustees: c.trustees,
    answersClosed: c.answers_closed_at !== null,
    keyPublished: key !== undefined,
    registrations: regs.map((r) => ({
      trustee: r.trustee,
      officialId: r.official_id,
      signingKey: r.signing_key,
      encryptionKey: r.encryption_key,
      signature: r.signature,
    })),
    posts: posts.map((p): BoardPost => ({
      seq: p.seq,
      trustee: p.trustee,
      kind: p.kind,
      payload: p.payload,
      signature: p.signature,
    })),
  };
}

async function groupOf(board: Board): Promise<Group<unknown>> {
  return loadGroup(board.group as GroupName);
}

export async function openCeremony(
  store: Store,
  electionId: string,
  o: { trustees: number; threshold: number; group?: GroupName },
  actor: CountingActor,
): Promise<void> {
  if (o.threshold < 1 || o.trustees < o.threshold || o.trustees > 100)
    throw new CountingError(
      'ceremony.invalid',
      `a ceremony needs 1 ≤ t ≤ n ≤ 100 (t = ${String(o.threshold)}, n = ${String(o.trustees)})`,
    );
  await store.db.transaction().execute(async (trx) => {
    const election = await trx.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
    if (election === undefined) throw new CountingError('counting.not-found', `no election ${electionId}`);
    const existing = await trx
      .selectFrom('key_ceremonies')
      .select('election_id')
      .where('election_id', '=', electionId)
      .executeTakeFirst();
    const key = await trx
      .selectFrom('election_keys')
      .select('election_id')
      .where('election_id', '=', electionId)
      .executeTakeFirst();
    if (existing !== undefined || key !== undefined)
      throw new CountingError('ceremony.state', `election ${electionId} already has a key ceremony`);
    await trx
      .insertInto('key_ceremonies')
      .values({
        election_id: electionId,
        group_name: o.group ?? 'secp256k1',
        threshold: o.threshold,
        trustees: o.trustees,
        opened_by: actor.id,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'ceremony.opened',
      subject: electionId,
      details: { trustees: o.trustees, threshold: o.threshold, group: o.group ?? 'secp256k1' },
    });
  });
}

async function refuse(
  store: Store,
  actor: CountingActor,
  electionId: string,
  code: 'ceremony.state' | 'ceremony.identity' | 'ceremony.signature' | 'ceremony.invalid',
  message: string,
): Promise<never> {
  await store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: actor.id,
      action: 'ceremony.post.refused',
      subject: electionId,
      details: { refused: code, message },
    }),
  );
  throw new CountingError(code, message);
}

/** Locks the ceremony row for the transaction (posts are numbered one after the other). */
async function lockedBoard(trx: Transaction<Schema>, electionId: string): Promise<Board> {
  const locked = await trx
    .selectFrom('key_ceremonies')
    .select('election_id')
    .where('election_id', '=', electionId)
    .forUpdate()
    .executeTakeFirst();
  const board = locked === undefined ? undefined : await readBoard(trx, electionId);
  if (board === undefined) throw new CountingError('counting.not-found', `no key ceremony for election ${electionId}`);
  return board;
}

export function registrationBody(electionId: string, r: Omit<Registration, 'signature'>): Json {
  return { electionId, trustee: r.trustee, signingKey: r.signingKey, encryptionKey: r.encryptionKey };
}

export function postBody(electionId: string, trustee: number, kind: PostKind, payload: unknown): Json {
  return { electionId, trustee, kind, payload: payload as Json };
}

/** A trustee (an official with the trustee role) takes a trustee number and registers their public keys. */
export async function registerTrustee(
  store: Store,
  electionId: string,
  officialId: string,
  r: Registration,
  actor: CountingActor,
): Promise<void> {
  const board = await readBoard(store.db, electionId);
  if (board === undefined) throw new CountingError('counting.not-found', `no key ceremony for election ${electionId}`);
  const where = `trustee ${String(r.trustee)}`;
  if (!signatureValid(r.signingKey, SIGNING_LABELS.registration, registrationBody(electionId, r), r.signature))
    return refuse(
      store,
      actor,
      electionId,
      'ceremony.signature',
      `${where}: the registration is not signed by its signing key`,
    );
  const failure = await store.db.transaction().execute(async (trx) => {
    const b = await lockedBoard(trx, electionId);
    if (r.trustee > b.trustees)
      return {
        code: 'ceremony.invalid' as const,
        message: `${where}: the ceremony has ${String(b.trustees)} trustees`,
      };
    if (b.registrations.some((x) => x.officialId === officialId))
      return {
        code: 'ceremony.identity' as const,
        message: `${where}: you are already registered as trustee ${String(b.registrations.find((x) => x.officialId === officialId)?.trustee)}`,
      };
    if (b.registrations.some((x) => x.trustee === r.trustee))
      return {
        code: 'ceremony.identity' as const,
        message: `${where}: this trustee number is taken by another official`,
      };
    if (b.registrations.some((x) => x.signingKey === r.signingKey || x.encryptionKey === r.encryptionKey))
      return { code: 'ceremony.invalid' as const, message: `${where}: these keys are already registered` };
    await trx
      .insertInto('ceremony_trustees')
      .values({
        election_id: electionId,
        trustee: r.trustee,
        official_id: officialId,
        signing_key: r.signingKey,
        encryption_key: r.encryptionKey,
        signature: r.signature,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'ceremony.registered',
      subject: electionId,
      details: { trustee: r.trustee, official: officialId, signingKey: r.signingKey },
    });
    return undefined;
  });
  if (failure !== undefined) await refuse(store, actor, electionId, failure.code, failure.message);
}

type Outcome =
  | { ok: true; seq: number; phase: CeremonyPhase }
  | { ok: false; refused: 'ceremony.state' | 'ceremony.invalid'; message: string };

const PHASE_OF_KIND: Readonly<Record<PostKind, CeremonyPhase>> = {
  dealing: 'dealing',
  checked: 'checking',
  answer: 'answering',
  'verification-key': 'keys',
};

/** What is wrong with a post's content, checked against the board (undefined: it holds). */
function contentFailure<P>(
  group: Group<P>,
  board: Board,
  trustee: number,
  kind: PostKind,
  payload: unknown,
  qualified: readonly number[] | undefined,
): string | undefined {
  const params = { electionId: board.electionId, threshold: board.threshold, trustees: board.trustees };
  const others = Array.from({ length: board.trustees }, (_, i) => i + 1).filter((j) => j !== trustee);
  switch (kind) {
    case 'dealing': {
      const d = payload as DealingPayload;
      const pub = dealerPublic(group, trustee, d);
      if (pub === undefined || !dkg.checkDealerPublic(group, params, pub))
        return `the commitments or their proof of knowledge do not hold (${String(board.threshold)} commitments expected)`;
      const to = d.shares.map((s) => s.to).sort((a, b) => a - b);
      if (JSON.stringify(to) !== JSON.stringify(others))
        return `one encrypted share for each other trustee expected (${others.join(', ')})`;
      return undefined;
    }
    case 'checked': {
      const c = (payload as { complaints: number[] }).complaints;
      if (new Set(c).size !== c.length || c.some((a) => !others.includes(a)))
        return 'complaints name other trustees, each once';
      return undefined;
    }
    case 'answer': {
      const accusers = complaintsOf(board)
        .filter((c) => c.against === trustee)
        .map((c) => c.by);
      if (accusers.length === 0) return 'no complaint against this trustee to answer';
      const revealed = (payload as { revealed: { to: number; share: string }[] }).revealed;
      const to = revealed.map((r) => r.to).sort((a, b) => a - b);
      if (JSON.stringify(to) !== JSON.stringify([...accusers].sort((a, b) => a - b)))
        return `reveal exactly the shares of the complaining trustees (${accusers.join(', ')})`;
      if (revealed.some((r) => hexToScalar(r.share, group.order) === undefined))
        return 'a revealed share is not a scalar';
      return undefined;
    }
    case 'verification-key': {
      const v = payload as VerificationKeyPayload;
      const vk = group.decode(fromHex(v.verificationKey));
      const c = hexToScalar(v.proof.challenge, group.order);
      const s = hexToScalar(v.proof.response, group.order);
      if (vk === undefined || c === undefined || s === undefined)
        return 'the verification key or its proof is malformed';
      const expected = dkg.verificationKey(group, dealerPublics(group, board), qualified ?? [], trustee);
      if (!group.equals(vk, expected)) return 'the verification key does not match the qualified dealers’ commitments';
      if (!dkg.checkTrusteeKey(group, params, trustee, vk, { challenge: c, response: s }))
        return 'the proof of knowledge of the key share fails';
      return undefined;
    }
  }
}

/** A registered trustee posts to the board (signed by their registered key); the last verification key publishes the election key. */
export async function postToBoard(
  store: Store,
  electionId: string,
  officialId: string,
  post: Post,
  actor: CountingActor,
): Promise<{ seq: number; phase: CeremonyPhase }> {
  const first = await readBoard(store.db, electionId);
  if (first === undefined) throw new CountingError('counting.not-found', `no key ceremony for election ${electionId}`);
  const reg = first.registrations.find((r) => r.officialId === officialId);
  if (reg === undefined)
    return refuse(
      store,
      actor,
      electionId,
      'ceremony.identity',
      `${post.kind}: you are not a registered trustee of this ceremony`,
    );
  const where = `trustee ${String(reg.trustee)}, ${post.kind}`;
  const parsed = PAYLOAD_SCHEMAS[post.kind].safeParse(post.payload);
  if (!parsed.success)
    return refuse(
      store,
      actor,
      electionId,
      'ceremony.invalid',
      `${where}: malformed (${parsed.error.issues[0]?.message ?? ''})`,
    );
  if (
    !signatureValid(
      reg.signingKey,
      SIGNING_LABELS.post,
      postBody(electionId, reg.trustee, post.kind, post.payload),
      post.signature,
    )
  ) {
    return refuse(
      store,
      actor,
      electionId,
      'ceremony.signature',
      `${where}: the post is not signed by trustee ${String(reg.trustee)}’s registered signing key`,
    );
  }
  const group = await groupOf(first);
  const outcome = await store.db.transaction().execute(async (trx): Promise<Outcome> => {
    const board = await lockedBoard(trx, electionId);
    const state = ceremonyState(group, board);
    if (state.phase !== PHASE_OF_KIND[post.kind])
      return {
        ok: false,
        refused: 'ceremony.state',
        message: `${where}: the ceremony is at "${state.phase}", not "${PHASE_OF_KIND[post.kind]}"`,
      };
    if (board.posts.some((p) => p.trustee === reg.trustee && p.kind === post.kind))
      return { ok: false, refused: 'ceremony.state', message: `${where}: already posted` };
    const failure = contentFailure(group, board, reg.trustee, post.kind, post.payload, state.qualified);
    if (failure !== undefined) return { ok: false, refused: 'ceremony.invalid', message: `${where}: ${failure}` };
    const seq = (board.posts.at(-1)?.seq ?? 0) + 1;
    await trx
      .insertInto('ceremony_posts')
      .values({
        election_id: electionId,
        seq,
        trustee: reg.trustee,
        kind: post.kind,
        payload: JSON.stringify(post.payload),
        signature: post.signature,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'ceremony.posted',
      subject: electionId,
      details: { trustee: reg.trustee, kind: post.kind, seq },
    });
    const after: Board = {
      ...board,
      posts: [
        ...board.posts,
        { seq, trustee: reg.trustee, kind: post.kind, payload: post.payload, signature: post.signature },
      ],
    };
    if (post.kind === 'verification-key' && postsOf(after, 'verification-key').length === after.trustees) {
      await publishKey(trx, keyFromBoard(group, after), actor);
      return { ok: true, seq, phase: 'done' };
    }
    return { ok: true, seq, phase: ceremonyState(group, after).phase };
  });
  if (!outcome.ok) return refuse(store, actor, electionId, outcome.refused, outcome.message);
  return { seq: outcome.seq, phase: outcome.phase };
}

/** The PO ends the answering time: complaints not answered by then are upheld. */
export async function closeAnswers(store: Store, electionId: string, actor: CountingActor): Promise<void> {
  const board = await readBoard(store.db, electionId);
  if (board === undefined) throw new CountingError('counting.not-found', `no key ceremony for election ${electionId}`);
  const state = ceremonyState(await groupOf(board), board);
  if (state.phase !== 'answering')
    throw new CountingError('ceremony.state', `the ceremony is at "${state.phase}", not "answering"`);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('key_ceremonies')
      .set({ answers_closed_at: new Date() })
      .where('election_id', '=', electionId)
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'ceremony.answers-closed',
      subject: electionId,
      details: { unanswered: [...state.awaitingAnswers] },
    });
  });
}

function keyFromBoard<P>(
  group: Group<P>,
  board: Board,
): {
  electionId: string;
  group: string;
  threshold: number;
  trustees: number;
  publicKey: string;
  ceremony: PublishedCeremony;
} {
  const qualified = ceremonyState(group, { ...board, keyPublished: true }).qualified ?? [];
  const pk = dkg.electionPublicKey(group, dealerPublics(group, board), qualified);
  const publicKey = Buffer.from(group.encode(pk)).toString('hex');
  const vks = postsOf<VerificationKeyPayload>(board, 'verification-key').sort((a, b) => a.trustee - b.trustee);
  const ceremony: PublishedCeremony = {
    dealers: postsOf<DealingPayload>(board, 'dealing')
      .sort((a, b) => a.trustee - b.trustee)
      .map((d) => ({ dealer: d.trustee, commitments: [...d.payload.commitments], proof: { ...d.payload.proof } })),
    complaints: complaintsOf(board).map((c) => ({ by: c.by, against: c.against, revealed: c.revealed })),
    key: {
      qualified: [...qualified],
      publicKey,
      trustees: vks.map((v) => ({
        trustee: v.trustee,
        verificationKey: v.payload.verificationKey,
        proof: { ...v.payload.proof },
      })),
    },
    transcript: transcriptOf(board, { qualified, publicKey }),
  };
  return {
    electionId: board.electionId,
    group: board.group,
    threshold: board.threshold,
    trustees: board.trustees,
    publicKey,
    ceremony,
  };
}

function transcriptOf(
  board: Board,
  outcome: { qualified: readonly number[] | undefined; publicKey: string | undefined },
): Json {
  return {
    format: CEREMONY_FORMAT,
    electionId: board.electionId,
    group: board.group,
    threshold: board.threshold,
    trustees: board.trustees,
    registrations: board.registrations.map((r) => ({
      trustee: r.trustee,
      signingKey: r.signingKey,
      encryptionKey: r.encryptionKey,
      signature: r.signature,
    })),
    posts: board.posts.map((p) => ({
      seq: p.seq,
      trustee: p.trustee,
      kind: p.kind,
      payload: p.payload as Json,
      signature: p.signature,
    })),
    qualified: outcome.qualified === undefined ? null : [...outcome.qualified],
    publicKey: outcome.publicKey ?? null,
  };
}

/** The ceremony transcript (isoloir-ceremony/1): every registration and signed post in order, the qualified set and key once known. */
export async function ceremonyTranscript(
  store: Store,
  electionId: string,
): Promise<{ transcript: Json; phase: CeremonyPhase; awaitingAnswers: readonly number[] } | undefined> {
  const board = await readBoard(store.db, electionId);
  if (board === undefined) return undefined;
  const group = await groupOf(board);
  const state = ceremonyState(group, board);
  const key = await store.db
    .selectFrom('election_keys')
    .select('public_key')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return {
    transcript: transcriptOf(board, { qualified: state.qualified, publicKey: key?.public_key }),
    phase: state.phase,
    awaitingAnswers: state.awaitingAnswers,
  };
}

/** The trustee number an official registered as, and its signing key (undefined: not a trustee of this election). */
export async function trusteeOf(
  db: Db,
  electionId: string,
  officialId: string,
): Promise<{ trustee: number; signingKey: string } | undefined> {
  const r = await db
    .selectFrom('ceremony_trustees')
    .select(['trustee', 'signing_key'])
    .where('election_id', '=', electionId)
    .where('official_id', '=', officialId)
    .executeTakeFirst();
  return r === undefined ? undefined : { trustee: r.trustee, signingKey: r.signing_key };
}

/** The signing key registered for a trustee number. */
export async function signingKeyOf(
  db: Db,
  electionId: string,
  trustee: number,
): Promise<{ officialId: string; signingKey: string } | undefined> {
  const r = await db
    .selectFrom('ceremony_trustees')
    .select(['official_id', 'signing_key'])
    .where('election_id', '=', electionId)
    .where('trustee', '=', trustee)
    .executeTakeFirst();
  return r === undefined ? undefined : { officialId: r.official_id, signingKey: r.signing_key };
}
