// What a trustee checks on their own machine before any partial decryption of a group, so that a
// server cannot get an un-mixed (or otherwise wrong) set of ciphertexts decrypted. Each failure
// names its check:
//   group-input        the group's anonymised input is exactly the published ballots minus the
//                      published cancellations (same ciphertexts, as a multiset);
//   one-ballot-per-voter  no voter pseudonym has two counted ballots in the group;
//   mixers             at least t shuffles, by distinct qualified trustees, one after the other;
//   shuffle-signature  each shuffle is signed by its trustee's registered key (the keys and the
//                      qualified set come from the ceremony pinned in the share file, never from
//                      the server: ceremony/pin.ts);
//   own-shuffle-missing  the chain holds a shuffle by this trustee, signed with its own key (and,
//                      when it shuffled in this run, exactly the outputs it uploaded): a trustee never
//                      decrypts a group it did not mix, whether or not it mixed in this run, so that
//                      at least one shuffle of every group it decrypts is one it knows to be honest;
//   shuffle-proof      every shuffle proof of the chain holds, from the input to the last output;
//   mixed-input        what the trustee is asked to decrypt is the last shuffle's output.
import type { EncodedCiphertext, Group } from '@isoloir/crypto';
import {
  rowsDigest,
  shuffleSigningBody,
  signatureValid,
  SIGNING_LABELS,
  toHex,
  fromHex,
  type PublishedGroup,
  type ShuffleChecker,
} from '@isoloir/server/counting';

export type TrusteeCheck =
  | 'group-input'
  | 'one-ballot-per-voter'
  | 'mixers'
  | 'shuffle-signature'
  | 'own-shuffle-missing'
  | 'shuffle-proof'
  | 'mixed-input';

export class TrusteeCheckFailed extends Error {
  readonly check: TrusteeCheck;
  readonly groupId: string;
  constructor(check: TrusteeCheck, groupId: string, message: string) {
    super(`check ${check} failed for group ${groupId}: ${message}. Nothing was decrypted.`);
    this.check = check;
    this.groupId = groupId;
  }
}

export interface ChainLink {
  readonly mixNode: number;
  readonly trustee: number;
  readonly signature: string | null;
  readonly proof: unknown;
  readonly outputs: readonly EncodedCiphertext[];
}

export interface GroupCheckInput {
  readonly group: Group<unknown>;
  readonly electionId: string;
  readonly groupId: string;
  readonly publicKey: Uint8Array;
  readonly threshold: number;
  readonly me: number;
  /** This trustee's own signing key (from its share file). */
  readonly mySigningKey: string;
  /** Digest of the outputs this trustee uploaded for the group in this run (undefined: it did not shuffle it in this run). */
  readonly ownShuffle: string | undefined;
  readonly trustees: { readonly qualified: readonly number[]; readonly signingKeys: ReadonlyMap<number, string> };
  readonly published: PublishedGroup;
  readonly chain: readonly ChainLink[];
  readonly toDecrypt: readonly EncodedCiphertext[];
  readonly checkShuffle: ShuffleChecker;
}

const rowKey = (row: readonly string[]): string => row.join('|');

function multiset(rows: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(rowKey(r), (m.get(rowKey(r)) ?? 0) + 1);
  return m;
}

function sameMultiset(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}

export async function checkGroupBeforeDecrypting(c: GroupCheckInput): Promise<void> {
  const fail = (check: TrusteeCheck, message: string): never => {
    throw new TrusteeCheckFailed(check, c.groupId, message);
  };
  const counted = c.published.ballots.filter((b) => b.cancellation === null);
  if (!sameMultiset(multiset(counted.map((b) => b.ciphertexts)), multiset(c.published.input))) {
    fail(
      'group-input',
      `the input (${String(c.published.input.length)} ballots) is not the published ballots minus the published cancellations (${String(counted.length)} ballots)`,
    );
  }
  const voters = new Set<string>();
  for (const b of counted) {
    if (voters.has(b.voterId)) fail('one-ballot-per-voter', `voter ${b.voterId} has two counted ballots`);
    voters.add(b.voterId);
  }
  const mixers = new Set(c.chain.map((l) => l.trustee));
  if (
    c.chain.length < c.threshold ||
    mixers.size !== c.chain.length ||
    [...mixers].some((t) => !c.trustees.qualified.includes(t)) ||
    c.chain.some((l, i) => l.mixNode !== i + 1)
  ) {
    fail(
      'mixers',
      `${String(c.chain.length)} shuffle(s) by trustee(s) ${[...mixers].join(', ') || 'none'}: at least ${String(c.threshold)} by distinct qualified trustees (${c.trustees.qualified.join(', ')}) needed`,
    );
  }
  for (const l of c.chain) {
    const key = c.trustees.signingKeys.get(l.trustee) ?? '';
    const body = shuffleSigningBody({
      electionId: c.electionId,
      groupId: c.groupId,
      mixNode: l.mixNode,
      trustee: l.trustee,
      outputs: l.outputs,
      proof: l.proof,
    });
    if (l.signature === null || !signatureValid(key, SIGNING_LABELS.shuffle, body, l.signature))
      fail(
        'shuffle-signature',
        `shuffle ${String(l.mixNode)} is not signed by trustee ${String(l.trustee)}’s registered key`,
      );
  }
  const own = c.chain.find((l) => l.trustee === c.me);
  const ownSigned =
    own !== undefined &&
    own.signature !== null &&
    signatureValid(
      c.mySigningKey,
      SIGNING_LABELS.shuffle,
      shuffleSigningBody({
        electionId: c.electionId,
        groupId: c.groupId,
        mixNode: own.mixNode,
        trustee: c.me,
        outputs: own.outputs,
        proof: own.proof,
      }),
      own.signature,
    );
  if (!ownSigned)
    fail(
      'own-shuffle-missing',
      `the chain (shuffles by trustee(s) ${[...mixers].join(', ') || 'none'}) holds no shuffle signed by this trustee (${String(c.me)}): a trustee decrypts only a group it mixed itself (run \`isoloir trustee --step mix\` while mixing is open)`,
    );
  if (c.ownShuffle !== undefined && (own === undefined || rowsDigest(own.outputs) !== c.ownShuffle))
    fail('own-shuffle-missing', 'this trustee’s shuffle in the chain is not the one it uploaded in this run');
  let inputs: readonly EncodedCiphertext[] = c.published.input.map((row) => row.map(fromHex));
  for (const l of c.chain) {
    let failure: string | undefined;
    try {
      failure = await c.checkShuffle(
        { electionId: c.electionId, groupId: c.groupId, mixNode: l.mixNode, pk: c.publicKey },
        inputs,
        l.outputs,
        l.proof,
      );
    } catch (e) {
      failure = e instanceof Error ? e.message : 'malformed proof';
    }
    if (failure !== undefined)
      fail('shuffle-proof', `shuffle ${String(l.mixNode)} by trustee ${String(l.trustee)}: ${failure}`);
    inputs = l.outputs;
  }
  const last = inputs.map((row) => row.map(toHex));
  const asked = c.toDecrypt.map((row) => row.map(toHex));
  if (last.length !== asked.length || last.some((row, i) => rowKey(row) !== rowKey(asked[i] ?? [])))
    fail('mixed-input', 'the ciphertexts to decrypt are not the output of the last shuffle of the chain');
}
