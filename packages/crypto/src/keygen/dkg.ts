/**
 * Threshold key generation, t of n trustees: Pedersen's DKG (joint Feldman VSS) with complaints.
 * 1. Each trustee i (dealer) draws f_i of degree t−1 on its own device, publishes
 *    Cᵢₖ = aᵢₖ·G (k < t) with a Schnorr proof of knowledge of aᵢ₀, and sends sᵢⱼ = fᵢ(j) privately to j.
 * 2. Each j checks sᵢⱼ·G = Σₖ jᵏ·Cᵢₖ; if not, j complains against i; i must reveal sᵢⱼ publicly and
 *    anyone re-checks it. A dealer with a bad proof or an upheld complaint is disqualified.
 * 3. Over the qualified set Q: pk = Σ Cᵢ₀, xⱼ = Σ sᵢⱼ, and anyone computes vkⱼ = Σᵢ Σₖ jᵏ·Cᵢₖ = xⱼ·G.
 *    Each trustee publishes a Schnorr proof of knowledge of xⱼ for vkⱼ.
 */
import type { Group } from '../group/group.ts';
import { mod, randomScalar } from '../group/scalar.ts';
import { evaluatePolynomial } from './polynomial.ts';
import { proveSchnorr, verifySchnorr, type SchnorrProof } from '../proofs/schnorr.ts';

export const DKG_COEFFICIENT_LABEL = 'isoloir/v1/dkg-coefficient';
export const TRUSTEE_KEY_LABEL = 'isoloir/v1/trustee-key';

export interface KeyCeremonyParams {
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: number;
}

export interface DealerPublic<P> {
  readonly dealer: number;
  readonly commitments: readonly P[];
  readonly proof: SchnorrProof;
}

export interface DealerSecret {
  readonly dealer: number;
  readonly coefficients: readonly bigint[];
}

export interface DealerOutput<P> {
  readonly secret: DealerSecret;
  readonly published: DealerPublic<P>;
  /** shares[j−1] is for trustee j: send over a private authenticated channel. */
  readonly shares: readonly bigint[];
}

export function dealerContext(params: KeyCeremonyParams, dealer: number): (string | number)[] {
  return [params.electionId, params.threshold, params.trustees, dealer];
}

export function deal<P>(group: Group<P>, params: KeyCeremonyParams, dealer: number): DealerOutput<P> {
  const coefficients: bigint[] = [];
  for (let k = 0; k < params.threshold; k++) coefficients.push(randomScalar(group.order));
  const commitments = coefficients.map((a) => group.mulBase(a));
  const proof = proveSchnorr(group, DKG_COEFFICIENT_LABEL, dealerContext(params, dealer), coefficients[0] ?? 0n);
  const shares: bigint[] = [];
  for (let j = 1; j <= params.trustees; j++) shares.push(evaluatePolynomial(coefficients, BigInt(j), group.order));
  return { secret: { dealer, coefficients }, published: { dealer, commitments, proof }, shares };
}

/** Σₖ jᵏ·Cₖ: the public image of dealer's share for trustee j. */
export function shareImage<P>(group: Group<P>, commitments: readonly P[], j: number): P {
  const powers: bigint[] = [];
  let x = 1n;
  for (let k = 0; k < commitments.length; k++) {
    powers.push(x);
    x = mod(x * BigInt(j), group.order);
  }
  return group.msm(commitments, powers);
}

export function checkDealerPublic<P>(group: Group<P>, params: KeyCeremonyParams, pub: DealerPublic<P>): boolean {
  const first = pub.commitments[0];
  return (
    pub.commitments.length === params.threshold &&
    first !== undefined &&
    verifySchnorr(group, DKG_COEFFICIENT_LABEL, dealerContext(params, pub.dealer), first, pub.proof)
  );
}

/** Trustee j's check of the share it received; false means: complain. */
export function checkShare<P>(group: Group<P>, pub: DealerPublic<P>, j: number, share: bigint): boolean {
  return group.equals(group.mulBase(share), shareImage(group, pub.commitments, j));
}

export interface Complaint {
  readonly by: number;
  readonly against: number;
  /** The share the dealer reveals in answer; undefined if the dealer did not answer. */
  readonly revealed: bigint | undefined;
}

/** A complaint is upheld (dealer disqualified) unless the revealed share checks out. */
export function complaintUpheld<P>(group: Group<P>, pub: DealerPublic<P>, complaint: Complaint): boolean {
  return complaint.revealed === undefined || !checkShare(group, pub, complaint.by, complaint.revealed);
}

export function qualifiedDealers<P>(
  group: Group<P>,
  params: KeyCeremonyParams,
  pubs: readonly DealerPublic<P>[],
  complaints: readonly Complaint[],
): number[] {
  return pubs
    .filter((pub) => checkDealerPublic(group, params, pub))
    .filter((pub) => !complaints.some((c) => c.against === pub.dealer && complaintUpheld(group, pub, c)))
    .map((pub) => pub.dealer)
    .sort((x, y) => x - y);
}

export function electionPublicKey<P>(
  group: Group<P>,
  pubs: readonly DealerPublic<P>[],
  qualified: readonly number[],
): P {
  let pk = group.identity;
  for (const pub of pubs) if (qualified.includes(pub.dealer)) pk = group.add(pk, pub.commitments[0] ?? group.identity);
  return pk;
}

export function verificationKey<P>(
  group: Group<P>,
  pubs: readonly DealerPublic<P>[],
  qualified: readonly number[],
  j: number,
): P {
  let vk = group.identity;
  for (const pub of pubs) if (qualified.includes(pub.dealer)) vk = group.add(vk, shareImage(group, pub.commitments, j));
  return vk;
}

export interface TrusteeKey<P> {
  readonly trustee: number;
  readonly secret: bigint;
  readonly verificationKey: P;
  readonly proof: SchnorrProof;
}

/** Trustee j combines the shares received from the qualified dealers (shares[i] from dealer i). */
export function trusteeKey<P>(
  group: Group<P>,
  params: KeyCeremonyParams,
  j: number,
  received: ReadonlyMap<number, bigint>,
  qualified: readonly number[],
): TrusteeKey<P> {
  let x = 0n;
  for (const i of qualified) x = mod(x + (received.get(i) ?? 0n), group.order);
  return {
    trustee: j,
    secret: x,
    verificationKey: group.mulBase(x),
    proof: proveSchnorr(group, TRUSTEE_KEY_LABEL, [params.electionId, j], x),
  };
}

export function checkTrusteeKey<P>(
  group: Group<P>,
  params: KeyCeremonyParams,
  j: number,
  vk: P,
  proof: SchnorrProof,
): boolean {
  return verifySchnorr(group, TRUSTEE_KEY_LABEL, [params.electionId, j], vk, proof);
}
