/** ristretto255 (RFC 9496) on @noble/curves (pure TypeScript, audited): the browser backend. */
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { pippenger } from '@noble/curves/abstract/curve.js';
import type { Group } from './group.ts';

const PointCons = ristretto255.Point;
type Point = InstanceType<typeof PointCons>;
const ORDER = PointCons.Fn.ORDER;

function mulPoint(p: Point, k: bigint): Point {
  const r = k % ORDER;
  return r === 0n || p.is0() ? PointCons.ZERO : p.multiply(r);
}

export function createRistretto255Noble(): Group<Point> {
  return {
    name: 'ristretto255',
    backend: 'noble',
    order: ORDER,
    elementLength: 32,
    generator: PointCons.BASE,
    identity: PointCons.ZERO,
    add: (a, b) => a.add(b),
    sub: (a, b) => a.subtract(b),
    neg: (a) => a.negate(),
    mul: mulPoint,
    mulBase: (k) => mulPoint(PointCons.BASE, k),
    fixedBase: (p) => {
      if (p.is0()) return () => PointCons.ZERO;
      const base = PointCons.fromBytes(p.toBytes()).precompute(8, false);
      return (k) => mulPoint(base, k);
    },
    msm: (points, scalars) =>
      points.length === 0
        ? PointCons.ZERO
        : pippenger(
            PointCons,
            [...points],
            scalars.map((k) => k % ORDER),
          ),
    equals: (a, b) => a.equals(b),
    isIdentity: (p) => p.is0(),
    encode: (p) => p.toBytes(),
    decode: (bytes) => {
      if (bytes.length !== 32) return undefined;
      try {
        return PointCons.fromBytes(bytes);
      } catch {
        return undefined;
      }
    },
  };
}

/** RFC 9496 §4.3.4 element derivation from 64 uniform bytes (used by the known-answer tests). */
export function ristrettoFromUniformBytes(bytes: Uint8Array): Uint8Array {
  if (ristretto255_hasher.deriveToCurve === undefined) throw new Error('noble: deriveToCurve missing');
  return ristretto255_hasher.deriveToCurve(bytes).toBytes();
}
