// The key ceremony's state, derived from what is on the board and nothing else: anybody holding the
// transcript (the trustees, the PO's page, the verifier) derives the same phase, complaints,
// qualified set and key. Pure apart from the group arithmetic.
//
// ```mermaid
// stateDiagram-v2
//   [*] --> registering: PO opens (n, t)
//   registering --> dealing: n trustees registered (signing + encryption keys)
//   dealing --> checking: n dealings (commitments, proof, encrypted shares)
//   checking --> answering: n "checked" posts, some complaints
//   checking --> keys: n "checked" posts, no complaint
//   answering --> keys: every accused dealer answered, or the PO closed answering
//   keys --> done: n verification keys with proofs (the election key is published)
//   answering --> failed: fewer than t qualified dealers
//   keys --> failed: fewer than t qualified dealers
// ```
import { dkg, hexToScalar, type Group } from '@isoloir/crypto';
import type { CeremonyPostKind } from '@isoloir/store';
import { fromHex } from './blob.ts';

export type CeremonyPhase = 'registering' | 'dealing' | 'checking' | 'answering' | 'keys' | 'done' | 'failed';

export interface BoardRegistration {
  readonly trustee: number;
  readonly officialId: string;
  readonly signingKey: string;
  readonly encryptionKey: string;
  readonly signature: string;
}

export interface BoardPost {
  readonly seq: number;
  readonly trustee: number;
  readonly kind: CeremonyPostKind;
  readonly payload: unknown;
  readonly signature: string;
}

export interface Board {
  readonly electionId: string;
  readonly group: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly answersClosed: boolean;
  readonly keyPublished: boolean;
  readonly registrations: readonly BoardRegistration[];
  readonly posts: readonly BoardPost[];
}

export interface DealingPayload {
  readonly commitments: readonly string[];
  readonly proof: { readonly challenge: string; readonly response: string };
  readonly shares: readonly {
    readonly to: number;
    readonly ephemeralKey: string;
    readonly iv: string;
    readonly ciphertext: string;
  }[];
}
export interface CheckedPayload {
  readonly complaints: readonly number[];
}
export interface AnswerPayload {
  readonly revealed: readonly { readonly to: number; readonly share: string }[];
}
export interface VerificationKeyPayload {
  readonly verificationKey: string;
  readonly proof: { readonly challenge: string; readonly response: string };
}

export interface CeremonyComplaint {
  readonly by: number;
  readonly against: number;
  /** The share the accused dealer revealed in answer (hex), null when it did not answer. */
  readonly revealed: string | null;
}

export interface CeremonyState {
  readonly phase: CeremonyPhase;
  readonly complaints: readonly CeremonyComplaint[];
  /** Dealers whose dealing holds and against whom no complaint is upheld (from "answering" on). */
  readonly qualified: readonly number[] | undefined;
  /** Dealers accused and not yet answered. */
  readonly awaitingAnswers: readonly number[];
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the payload type of `kind`
export const postsOf = <T>(board: Board, kind: CeremonyPostKind): { trustee: number; payload: T }[] =>
  board.posts.filter((p) => p.kind === kind).map((p) => ({ trustee: p.trustee, payload: p.payload as T }));

export function complaintsOf(board: Board): CeremonyComplaint[] {
  const answers = postsOf<AnswerPayload>(board, 'answer');
  const out: CeremonyComplaint[] = [];
  for (const c of postsOf<CheckedPayload>(board, 'checked')) {
    for (const against of c.payload.complaints) {
      const revealed =
        answers.find((a) => a.trustee === against)?.payload.revealed.find((r) => r.to === c.trustee)?.share ?? null;
      out.push({ by: c.trustee, against, revealed });
    }
  }
  return out.sort((x, y) => x.against - y.against || x.by - y.by);
}

export function dealerPublic<P>(group: Group<P>, dealer: number, d: DealingPayload): dkg.DealerPublic<P> | undefined {
  const commitments = d.commitments.map((c) => group.decode(fromHex(c)));
  const challenge = hexToScalar(d.proof.challenge, group.order);
  const response = hexToScalar(d.proof.response, group.order);
  if (commitments.some((c) => c === undefined) || challenge === undefined || response === undefined) return undefined;
  return { dealer, commitments: commitments as P[], proof: { challenge, response } };
}

export function dealerPublics<P>(group: Group<P>, board: Board): dkg.DealerPublic<P>[] {
  return postsOf<DealingPayload>(board, 'dealing').flatMap((d) => dealerPublic(group, d.trustee, d.payload) ?? []);
}

export function qualifiedOf<P>(group: Group<P>, board: Board): number[] {
  const params = { electionId: board.electionId, threshold: board.threshold, trustees: board.trustees };
  const complaints: dkg.Complaint[] = complaintsOf(board).map((c) => ({
    by: c.by,
    against: c.against,
    revealed: c.revealed === null ? undefined : (hexToScalar(c.revealed, group.order) ?? group.order),
  }));
  return dkg.qualifiedDealers(group, params, dealerPublics(group, board), complaints);
}

export function ceremonyState<P>(group: Group<P>, board: Board): CeremonyState {
  const complaints = complaintsOf(board);
  const count = (kind: CeremonyPostKind): number => board.posts.filter((p) => p.kind === kind).length;
  const n = board.trustees;
  const base = { complaints, qualified: undefined, awaitingAnswers: [] as number[] };
  if (board.registrations.length < n) return { ...base, phase: 'registering' };
  if (count('dealing') < n) return { ...base, phase: 'dealing' };
  if (count('checked') < n) return { ...base, phase: 'checking' };
  const answered = new Set(postsOf<AnswerPayload>(board, 'answer').map((a) => a.trustee));
  const awaitingAnswers = [...new Set(complaints.map((c) => c.against))]
    .filter((d) => !answered.has(d))
    .sort((a, b) => a - b);
  if (awaitingAnswers.length > 0 && !board.answersClosed) return { ...base, awaitingAnswers, phase: 'answering' };
  const qualified = qualifiedOf(group, board);
  if (qualified.length < board.threshold) return { ...base, qualified, awaitingAnswers, phase: 'failed' };
  return { ...base, qualified, awaitingAnswers, phase: board.keyPublished ? 'done' : 'keys' };
}
