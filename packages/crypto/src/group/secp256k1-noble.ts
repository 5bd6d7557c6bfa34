/** secp256k1 on @noble/curves (pure TypeScript, audited): the browser backend. */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { pippenger } from '@noble/curves/abstract/curve.js';
import type { Group } from './group.ts';

type Point = InstanceType<typeof secp256k1.Point>;
const PointCons = secp256k1.Point;
const ORDER = PointCons.Fn.ORDER;
const ZERO_ENCODING = new Uint8Array(33);

function mulPoint(p: Point, k: bigint): Point {
  const r = k % ORDER;
  return r === 0n || p.is0() ? PointCons.ZERO : p.multiply(r);
}

export function createSecp256k1Noble(): Group<Point> {
  return {
    name: 'secp256k1',
    backend: 'noble',
    order: ORDER,
    elementLength: 33,
    generator: PointCons.BASE,
    identity: PointCons.ZERO,
    add: (a, b) => a.add(b),
    sub: (a, b) => a.subtract(b),
    neg: (a) => a.negate(),
    mul: mulPoint,
    mulBase: (k) => mulPoint(PointCons.BASE, k),
    fixedBase: (p) => {
      const base = PointCons.fromBytes(p.is0() ? PointCons.BASE.toBytes(true) : p.toBytes(true)).precompute(8, false);
      return p.is0() ? () => PointCons.ZERO : (k) => mulPoint(base, k);
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
    encode: (p) => (p.is0() ? ZERO_ENCODING.slice() : p.toBytes(true)),
    decode: (bytes) => {
      if (bytes.length !== 33) return undefined;
      if (bytes.every((b) => b === 0)) return PointCons.ZERO;
      if (bytes[0] !== 2 && bytes[0] !== 3) return undefined;
      try {
        return PointCons.fromBytes(bytes);
      } catch {
        return undefined;
      }
    },
  };
}
