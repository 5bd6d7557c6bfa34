/**
 * secp256k1 on mcl-wasm (WASM): the bulk backend for the server (ballot proof checks, shuffles,
 * decryption). Agrees byte for byte with the noble backend (SEC1 compressed encoding).
 * Fixed bases use 11-bit window tables (24 additions per multiplication instead of a full ladder).
 */
import * as mcl from 'mcl-wasm';
import type { Group } from './group.ts';

const ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const MSM_CHUNK = 1024;

let ready: Promise<void> | undefined;

function toFr(k: bigint): mcl.Fr {
  const fr = new mcl.Fr();
  fr.setStr((((k % ORDER) + ORDER) % ORDER).toString(16), 16);
  return fr;
}

/** mcl serialises [flag][x little-endian]; SEC1 wants [flag][x big-endian]. */
function encodePoint(p: mcl.G1): Uint8Array {
  const m = p.serialize();
  const out = new Uint8Array(33);
  if (p.isZero()) return out;
  out[0] = m[0] ?? 0;
  for (let j = 0; j < 32; j++) out[1 + j] = m[32 - j] ?? 0;
  return out;
}

function decodePoint(bytes: Uint8Array): mcl.G1 | undefined {
  if (bytes.length !== 33) return undefined;
  if (bytes.every((b) => b === 0)) return new mcl.G1();
  if (bytes[0] !== 2 && bytes[0] !== 3) return undefined;
  const m = new Uint8Array(33);
  m[0] = bytes[0];
  for (let j = 0; j < 32; j++) m[32 - j] = bytes[1 + j] ?? 0;
  const p = new mcl.G1();
  try {
    p.deserialize(m);
  } catch {
    return undefined;
  }
  // mcl rejects x ≥ p and points off the curve; re-encoding guards against any non-canonical form.
  const again = encodePoint(p);
  for (let j = 0; j < 33; j++) if (again[j] !== bytes[j]) return undefined;
  return p;
}

const WINDOW = 11;
const WINDOWS = Math.ceil(256 / WINDOW);
const MASK = (1n << BigInt(WINDOW)) - 1n;

/** table[w][d] = d·2^(WINDOW·w)·P, d < 2^WINDOW (24 windows of 11 bits: 24 additions per product). */
function buildTable(p: mcl.G1): mcl.G1[][] {
  const table: mcl.G1[][] = [];
  let base = p;
  for (let w = 0; w < WINDOWS; w++) {
    const row: mcl.G1[] = [new mcl.G1()];
    let acc = base;
    for (let d = 1; d < 1 << WINDOW; d++) {
      row.push(acc);
      acc = mcl.add(acc, base);
    }
    mcl.normalizeVec(row);
    table.push(row);
    base = acc; // 2^WINDOW·base
  }
  return table;
}

function tableMul(table: mcl.G1[][], k: bigint): mcl.G1 {
  let rest = ((k % ORDER) + ORDER) % ORDER;
  let acc = new mcl.G1();
  for (let w = 0; w < WINDOWS && rest !== 0n; w++) {
    const digit = Number(rest & MASK);
    rest >>= BigInt(WINDOW);
    const entry = digit === 0 ? undefined : table[w]?.[digit];
    if (entry !== undefined) acc = mcl.add(acc, entry);
  }
  return acc;
}

export async function createSecp256k1Mcl(): Promise<Group<mcl.G1>> {
  ready ??= mcl.init(mcl.SECP256K1);
  await ready;
  const generator = mcl.getBasePointG1();
  const baseTable = buildTable(generator);
  return {
    name: 'secp256k1',
    backend: 'mcl',
    order: ORDER,
    elementLength: 33,
    generator,
    identity: new mcl.G1(),
    add: (a, b) => mcl.add(a, b),
    sub: (a, b) => mcl.sub(a, b),
    neg: (a) => mcl.neg(a),
    mul: (p, k) => mcl.mul(p, toFr(k)),
    mulBase: (k) => tableMul(baseTable, k),
    fixedBase: (p) => {
      const table = buildTable(p);
      return (k) => tableMul(table, k);
    },
    msm: (points, scalars) => {
      let acc = new mcl.G1();
      for (let i = 0; i < points.length; i += MSM_CHUNK) {
        const pts = points.slice(i, i + MSM_CHUNK);
        const frs = scalars.slice(i, i + MSM_CHUNK).map(toFr);
        acc = mcl.add(acc, mcl.mulVec(pts, frs));
      }
      return acc;
    },
    equals: (a, b) => a.isEqual(b),
    isIdentity: (p) => p.isZero(),
    encode: encodePoint,
    decode: decodePoint,
  };
}
