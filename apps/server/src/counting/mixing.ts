// The trustees' side of the count as the server sees it: it hands out each group's current
// ciphertexts, and checks every uploaded shuffle and partial decryption before accepting it. A bad
// proof is refused, named (group, trustee, what failed), audited; nothing is changed.
// Mixing: the first t trustees to come (t = threshold) each shuffle every group once, in a chain;
// with fewer than t dishonest trustees, at least one shuffle is honest. Decryption: any t trustees.
import {
  hexToScalar,
  inlineRunner,
  loadGroup,
  verifyPartialDecryptionBulk,
  type EncodedCiphertext,
  type EncodedPartialDecryption,
  type Group,
  type GroupName,
  type Runner,
} from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';
import { fromHex, packRows, unpackRows } from './blob.ts';
import { signingKeyOf } from './ceremony-board.ts';
import { partialSigningBody, shuffleSigningBody, signatureValid, SIGNING_LABELS } from './trustee-signature.ts';

/** Checks a shuffle proof; undefined when it holds, else what failed (from @isoloir/verifier, injected). */
export type ShuffleChecker = (
  statement: { electionId: string; groupId: string; mixNode: number; pk: Uint8Array },
  inputs: readonly EncodedCiphertext[],
  outputs: readonly EncodedCiphertext[],
  proof: unknown,
) => Promise<string | undefined>;

export interface CountingCrypto {
  readonly group: Group<unknown>;
  readonly runner: Runner;
  readonly checkShuffle: ShuffleChecker;
}

/**
 * What the running server needs to check trustees' uploads: the shuffle check (injected, built on
 * @isoloir/verifier by `isoloir start`) and optionally a parallel runner for the group.
 */
export interface CountingChecks {
  readonly shuffleCheckerFor: (group: Group<unknown>) => ShuffleChecker;
  readonly runnerFor?: (group: Group<unknown>) => Runner;
  /** Ends worker threads, if any (called when the server stops). */
  readonly close?: () => Promise<void>;
}

const groups = new Map<string, Promise<Group<unknown>>>();

/** The CountingCrypto of an election (its key's group), from the server's checks. */
export async function countingCryptoFor(
  store: Store,
  checks: CountingChecks,
  electionId: string,
): Promise<CountingCrypto> {
  const k = await store.db
    .selectFrom('election_keys')
    .select('group_name')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (k === undefined) throw new CountingError('counting.not-found', `no key for election ${electionId}`);
  const name = k.group_name as GroupName;
  let g = groups.get(name);
  if (g === undefined) {
    g = loadGroup(name);
    groups.set(name, g);
  }
  const group = await g;
  return {
    group,
    runner: checks.runnerFor?.(group) ?? inlineRunner(group),
    checkShuffle: checks.shuffleCheckerFor(group),
  };
}

export interface ElectionKeyInfo {
  readonly publicKey: Uint8Array;
  readonly threshold: number;
  readonly trustees: number;
  readonly verificationKeys: ReadonlyMap<number, string>;
  /** The qualified dealers of the ceremony: the only trustees who may shuffle and decrypt. */
  readonly qualified: readonly number[];
}

export async function electionKey(store: Store, electionId: string): Promise<ElectionKeyInfo> {
  const k = await store.db
    .selectFrom('election_keys')
    .selectAll()
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (k === undefined) throw new CountingError('counting.not-found', `no key for election ${electionId}`);
  const ceremony = k.ceremony as {
    key: { qualified: number[]; trustees: { trustee: number; verificationKey: string }[] };
  };
  return {
    publicKey: fromHex(k.public_key),
    threshold: k.threshold,
    trustees: k.trustees,
    verificationKeys: new Map(ceremony.key.trustees.map((t) => [t.trustee, t.verificationKey])),
    qualified: ceremony.key.qualified,
  };
}

export interface GroupWork {
  readonly groupId: string;
  readonly ballots: number;
  /** Shuffles done so far (mix nodes). */
  readonly shuffles: number;
  readonly shuffledBy: readonly number[];
  readonly decryptedBy: readonly number[];
  readonly counted: boolean;
}

export async function groupsToCount(store: Store, electionId: string): Promise<GroupWork[]> {
  const groups = await store.db
    .selectFrom('counting_groups')
    .select(['group_id', 'ballots'])
    .where('election_id', '=', electionId)
    .where('merged_into', 'is', null)
    .where('input', 'is not', null)
    .orderBy('group_id')
    .execute();
  const shuffles = await store.db
    .selectFrom('counting_shuffles')
    .select(['group_id', 'trustee', 'mix_node'])
    .where('election_id', '=', electionId)
    .orderBy('mix_node')
    .execute();
  const partials = await store.db
    .selectFrom('counting_partials')
    .select(['group_id', 'trustee'])
    .where('election_id', '=', electionId)
    .execute();
  const results = await store.db
    .selectFrom('counting_results')
    .select('group_id')
    .where('election_id', '=', electionId)
    .execute();
  const merged = await store.db
    .selectFrom('counting_groups')
    .select(['group_id', 'merged_into', 'ballots'])
    .where('election_id', '=', electionId)
    .where('merged_into', 'is not', null)
    .execute();
  return groups.map((g) => {
    const s = shuffles.filter((x) => x.group_id === g.group_id);
    return {
      groupId: g.group_id,
      ballots: g.ballots + merged.filter((m) => m.merged_into === g.group_id).reduce((a, m) => a + m.ballots, 0),
      shuffles: s.length,
      shuffledBy: s.map((x) => x.trustee),
      decryptedBy: partials.filter((p) => p.group_id === g.group_id).map((p) => p.trustee),
      counted: results.some((r) => r.group_id === g.group_id),
    };
  });
}

/** The group's current ciphertexts: its anonymised input, or the output of the last shuffle. */
export async function currentCiphertexts(
  store: Store,
  electionId: string,
  groupId: string,
): Promise<{ mixNodes: number; blob: Uint8Array }> {
  const last = await store.db
    .selectFrom('counting_shuffles')
    .select(['mix_node', 'outputs'])
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .orderBy('mix_node', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last !== undefined) return { mixNodes: last.mix_node, blob: new Uint8Array(last.outputs) };
  const g = await store.db
    .selectFrom('counting_groups')
    .select(['input', 'merged_into'])
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  if (g?.input === null || g?.input === undefined || g.merged_into !== null)
    throw new CountingError('counting.not-split', `group ${groupId} has no anonymised input`);
  return { mixNodes: 0, blob: new Uint8Array(g.input) };
}

type RefusalCode =
  | 'counting.shuffle-proof'
  | 'counting.decryption-proof'
  | 'counting.out-of-turn'
  | 'counting.wrong-election'
  | 'counting.signature'
  | 'counting.trustee-identity';

async function refuse(
  store: Store,
  actor: CountingActor,
  electionId: string,
  action: string,
  code: RefusalCode,
  message: string,
): Promise<never> {
  await store.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { actor: actor.id, action, subject: electionId, details: { refused: code, message } }),
    );
  throw new CountingError(code, message);
}

export interface ShuffleUpload {
  readonly electionId: string;
  readonly groupId: string;
  readonly trustee: number;
  readonly mixNode: number;
  readonly outputs: readonly EncodedCiphertext[];
  readonly proof: unknown;
  /** Ed25519 signature by the trustee's registered signing key (trustee-signature.ts). */
  readonly signature: string;
}

/** Who uploads: the official whose session it is (bound to one trustee number at the ceremony). */
export interface Uploader extends CountingActor {
  readonly officialId: string;
}

/**
 * The uploader must be the official registered under this trustee number, the trustee a qualified
 * one, and the upload signed by that trustee's registered key: what failed, or undefined.
 */
async function identityFailure(
  store: Store,
  key: ElectionKeyInfo,
  electionId: string,
  trustee: number,
  uploader: Uploader,
  signed: () => { ok: boolean },
): Promise<{ code: RefusalCode; message: string } | undefined> {
  const reg = await signingKeyOf(store.db, electionId, trustee);
  if (reg === undefined || !key.verificationKeys.has(trustee))
    return { code: 'counting.wrong-election', message: `not a trustee of election ${electionId}` };
  if (reg.officialId !== uploader.officialId)
    return {
      code: 'counting.trustee-identity',
      message: `you are not the official registered as trustee ${String(trustee)}`,
    };
  if (!key.qualified.includes(trustee))
    return {
      code: 'counting.trustee-identity',
      message: `trustee ${String(trustee)} was disqualified at the key ceremony`,
    };
  if (!signed().ok)
    return { code: 'counting.signature', message: `not signed by trustee ${String(trustee)}’s registered signing key` };
  return undefined;
}

export async function acceptShuffle(
  store: Store,
  cc: CountingCrypto,
  up: ShuffleUpload,
  actor: Uploader,
): Promise<void> {
  const key = await electionKey(store, up.electionId);
  const action = 'counting.shuffle.refused';
  const where = `group ${up.groupId}, trustee ${String(up.trustee)}, mix node ${String(up.mixNode)}`;
  const regKey = await signingKeyOf(store.db, up.electionId, up.trustee);
  const who = await identityFailure(store, key, up.electionId, up.trustee, actor, () => ({
    ok:
      regKey !== undefined &&
      signatureValid(regKey.signingKey, SIGNING_LABELS.shuffle, shuffleSigningBody(up), up.signature),
  }));
  if (who !== undefined) return refuse(store, actor, up.electionId, action, who.code, `${where}: ${who.message}`);
  const cur = await currentCiphertexts(store, up.electionId, up.groupId);
  const done = await store.db
    .selectFrom('counting_shuffles')
    .select('trustee')
    .where('election_id', '=', up.electionId)
    .where('group_id', '=', up.groupId)
    .execute();
  if (done.length >= key.threshold)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.out-of-turn',
      `${where}: mixing of this group is complete`,
    );
  if (done.some((d) => d.trustee === up.trustee))
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.out-of-turn',
      `${where}: this trustee already shuffled this group`,
    );
  if (up.mixNode !== cur.mixNodes + 1)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.out-of-turn',
      `${where}: expected mix node ${String(cur.mixNodes + 1)}`,
    );
  const inputs = unpackRows(cur.blob);
  const width = inputs[0]?.length ?? 0;
  const size = inputs[0]?.[0]?.length ?? 0;
  if (
    up.outputs.length !== inputs.length ||
    up.outputs.some((row) => row.length !== width || row.some((el) => el.length !== size))
  ) {
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.shuffle-proof',
      `${where}: the outputs do not have the inputs' shape (${String(inputs.length)} ballots of ${String(width)} ciphertext parts)`,
    );
  }
  let failure: string | undefined;
  try {
    failure = await cc.checkShuffle(
      { electionId: up.electionId, groupId: up.groupId, mixNode: up.mixNode, pk: key.publicKey },
      inputs,
      up.outputs,
      up.proof,
    );
  } catch (e) {
    failure = e instanceof Error ? e.message : 'malformed proof';
  }
  if (failure !== undefined)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.shuffle-proof',
      `${where}: the shuffle proof fails (${failure})`,
    );
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counting_shuffles')
      .values({
        election_id: up.electionId,
        group_id: up.groupId,
        mix_node: up.mixNode,
        trustee: up.trustee,
        outputs: packRows(up.outputs),
        proof: JSON.stringify(up.proof),
        signature: up.signature,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.shuffle.accepted',
      subject: up.electionId,
      details: { groupId: up.groupId, trustee: up.trustee, mixNode: up.mixNode, ciphertexts: up.outputs.length },
    });
  });
}

export interface PartialUpload {
  readonly electionId: string;
  readonly groupId: string;
  readonly trustee: number;
  readonly shares: readonly (readonly Uint8Array[])[];
  readonly proof: { readonly challenge: string; readonly response: string };
  readonly signature: string;
}

export async function acceptPartial(
  store: Store,
  cc: CountingCrypto,
  up: PartialUpload,
  actor: Uploader,
): Promise<void> {
  const key = await electionKey(store, up.electionId);
  const action = 'counting.decryption.refused';
  const where = `group ${up.groupId}, trustee ${String(up.trustee)}`;
  const regKey = await signingKeyOf(store.db, up.electionId, up.trustee);
  const who = await identityFailure(store, key, up.electionId, up.trustee, actor, () => ({
    ok:
      regKey !== undefined &&
      signatureValid(regKey.signingKey, SIGNING_LABELS.partial, partialSigningBody(up), up.signature),
  }));
  if (who !== undefined) return refuse(store, actor, up.electionId, action, who.code, `${where}: ${who.message}`);
  const vkHex = key.verificationKeys.get(up.trustee);
  if (vkHex === undefined)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.wrong-election',
      `${where}: not a trustee of election ${up.electionId}`,
    );
  const cur = await currentCiphertexts(store, up.electionId, up.groupId);
  const mixers = await store.db
    .selectFrom('counting_shuffles')
    .select('trustee')
    .where('election_id', '=', up.electionId)
    .where('group_id', '=', up.groupId)
    .execute();
  const distinct = new Set(mixers.map((m) => m.trustee).filter((t) => key.qualified.includes(t))).size;
  if (distinct < key.threshold)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.out-of-turn',
      `${where}: mixing is not complete (${String(distinct)} of ${String(key.threshold)} shuffles by distinct qualified trustees)`,
    );
  const exists = await store.db
    .selectFrom('counting_partials')
    .select('trustee')
    .where('election_id', '=', up.electionId)
    .where('group_id', '=', up.groupId)
    .where('trustee', '=', up.trustee)
    .executeTakeFirst();
  if (exists !== undefined)
    return refuse(store, actor, up.electionId, action, 'counting.out-of-turn', `${where}: already decrypted`);
  const cts = unpackRows(cur.blob);
  const vk = cc.group.decode(fromHex(vkHex));
  let valid = false;
  try {
    const challenge = hexToScalar(up.proof.challenge, cc.group.order);
    const response = hexToScalar(up.proof.response, cc.group.order);
    const pd: EncodedPartialDecryption = {
      trustee: up.trustee,
      shares: up.shares,
      proof: { challenge: challenge ?? 0n, response: response ?? 0n },
    };
    const shapeOk =
      challenge !== undefined &&
      response !== undefined &&
      up.shares.length === cts.length &&
      up.shares.every((row, i) => row.length * 2 === (cts[i]?.length ?? 0));
    valid =
      vk !== undefined &&
      shapeOk &&
      (await verifyPartialDecryptionBulk(
        cc.group,
        cc.runner,
        { electionId: up.electionId, groupId: up.groupId },
        vk,
        cts,
        pd,
      ));
  } catch {
    valid = false;
  }
  if (!valid)
    return refuse(
      store,
      actor,
      up.electionId,
      action,
      'counting.decryption-proof',
      `${where}: the partial decryption fails its Chaum–Pedersen proof`,
    );
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counting_partials')
      .values({
        election_id: up.electionId,
        group_id: up.groupId,
        trustee: up.trustee,
        shares: packRows(up.shares),
        proof: JSON.stringify(up.proof),
        signature: up.signature,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.decryption.accepted',
      subject: up.electionId,
      details: { groupId: up.groupId, trustee: up.trustee },
    });
  });
}
