/**
 * The one interface every protocol algorithm uses: a prime-order group written additively.
 * `P` is the backend's opaque element type; protocol code never looks inside it.
 * Scalars are bigints in [0, order). All backends of the same `name` agree byte for byte
 * on `encode`/`decode`, so records produced with one can be checked with another.
 */
export type GroupName = 'secp256k1' | 'ristretto255';

export interface Group<P> {
  readonly name: GroupName;
  /** Implementation label, e.g. 'noble' (pure TS, browser) or 'mcl' (WASM, bulk). */
  readonly backend: string;
  readonly order: bigint;
  /** Byte length of an encoded element. */
  readonly elementLength: number;
  readonly generator: P;
  readonly identity: P;
  add(a: P, b: P): P;
  sub(a: P, b: P): P;
  neg(a: P): P;
  /** k·p for any p (variable base). */
  mul(p: P, k: bigint): P;
  /** k·generator, using precomputed tables. */
  mulBase(k: bigint): P;
  /** Precompute tables for a base used many times; returns k ↦ k·p. */
  fixedBase(p: P): (k: bigint) => P;
  /** Σ kᵢ·pᵢ (multi-scalar multiplication). */
  msm(points: readonly P[], scalars: readonly bigint[]): P;
  equals(a: P, b: P): boolean;
  isIdentity(p: P): boolean;
  /** Canonical encoding; the identity encodes as all-zero bytes. */
  encode(p: P): Uint8Array;
  /** Strict decoding: canonical encodings of group elements only, otherwise undefined. */
  decode(bytes: Uint8Array): P | undefined;
}
