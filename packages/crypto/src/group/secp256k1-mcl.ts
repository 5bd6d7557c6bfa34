/**
 * secp256k1 on mcl-wasm (WASM): the bulk backend for the server (ballot proof checks, shuffles,
 * decryption). Agrees byte for byte with the noble backend (SEC1 compressed encoding).
 *
 * Bulk paths call mcl's WASM exports directly on heap pointers instead of going through the
 * JavaScript wrapper (which allocates a JS object and copies in and out of the heap on every point
 * addition):
 *  - fixed bases use signed 13-bit window tables stored *in the WASM heap*, normalised (affine,
 *    z = 1, so mcl uses mixed addition); a product is at most 20 in-place heap additions or
 *    subtractions and one copy out;
 *  - multi-scalar multiplication copies points and scalars to the heap once and calls mcl's mulVec;
 *  - encoding and decoding (de)serialise through a scratch buffer in the heap.
 */
import * as mcl from 'mcl-wasm';
import type { Group } from './group.ts';

const ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** Points per mulVec call (larger chunks make mcl's bucket method cheaper per point). */
const MSM_CHUNK = 4096;
const G1_BYTES = 144;
const G1_WORDS = G1_BYTES / 4;
const FR_BYTES = 32;

let ready: Promise<void> | undefined;

/** The raw WASM exports of mcl-wasm that this backend uses (pointer arguments are heap offsets). */
interface McModule {
  readonly wasmMemory: { readonly buffer: ArrayBufferLike };
  _malloc(size: number): number;
  _free(ptr: number): void;
  _mclBnG1_add(z: number, x: number, y: number): void;
  _mclBnG1_sub(z: number, x: number, y: number): void;
  _mclBnG1_clear(x: number): void;
  _mclBnG1_isZero(x: number): number;
  _mclBnG1_mulVec(z: number, x: number, y: number, n: number): void;
  _mclBnG1_serialize(buf: number, maxSize: number, x: number): number;
  _mclBnG1_deserialize(x: number, buf: number, size: number): number;
  _mclBnFr_setLittleEndianMod(x: number, buf: number, size: number): number;
}

function wasmModule(): McModule {
  // Node exposes the CommonJS exports object (with its live `mod` getter) as `default`.
  const ns = mcl as unknown as { default?: { mod?: McModule }; mod?: McModule };
  const m = ns.default?.mod ?? ns.mod;
  if (m === undefined) throw new Error('mcl-wasm: module not initialised');
  return m;
}

/** The wrapper's storage of a point: its heap image as 32-bit words (mcl-wasm internal `a_`). */
function image(p: mcl.G1): Uint32Array {
  return (p as unknown as { a_: Uint32Array }).a_;
}

/** Heap access with views refreshed after memory growth. */
class Heap {
  readonly m: McModule;
  private buf: ArrayBufferLike | undefined;
  private u8v: Uint8Array = new Uint8Array(0);
  private u32v: Uint32Array = new Uint32Array(0);
  constructor(m: McModule) {
    this.m = m;
  }
  private refresh(): void {
    const b = this.m.wasmMemory.buffer;
    if (b !== this.buf) {
      this.buf = b;
      this.u8v = new Uint8Array(b);
      this.u32v = new Uint32Array(b);
    }
  }
  get u8(): Uint8Array {
    this.refresh();
    return this.u8v;
  }
  get u32(): Uint32Array {
    this.refresh();
    return this.u32v;
  }
  malloc(size: number): number {
    const p = this.m._malloc(size);
    if (p === 0) throw new Error('mcl-wasm: out of memory');
    return p;
  }
  /** Copy a wrapper point into the heap. */
  put(p: mcl.G1, ptr: number): void {
    this.u32.set(image(p), ptr >>> 2);
  }
  /** A new wrapper point from the heap. */
  get(ptr: number): mcl.G1 {
    const p = new mcl.G1();
    image(p).set(this.u32.subarray(ptr >>> 2, (ptr >>> 2) + G1_WORDS));
    return p;
  }
}

// Scalar scratch: a 256-bit scalar as 4 little-endian 64-bit limbs, viewed as 8 32-bit words.
const limbs = new BigUint64Array(4);
const words = new Uint32Array(limbs.buffer);
const M64 = (1n << 64n) - 1n;

function setLimbs(k: bigint): void {
  const x = k >= 0n && k < ORDER ? k : ((k % ORDER) + ORDER) % ORDER;
  limbs[0] = x & M64;
  limbs[1] = (x >> 64n) & M64;
  limbs[2] = (x >> 128n) & M64;
  limbs[3] = x >> 192n;
}

// Signed 13-bit windows: digits in [−2¹², 2¹²], 20 windows (260 bits cover a 256-bit scalar plus
// the final carry), so a product is at most 20 additions or subtractions of table entries.
const WINDOW = 13;
const WINDOWS = 20;
const HALF = 1 << (WINDOW - 1);
const ROW = HALF + 1;
const DIGIT_MASK = (1 << WINDOW) - 1;

/** table[w][d] = d·2^(WINDOW·w)·P for 0 ≤ d ≤ 2^(WINDOW−1), normalised (z = 1: mixed additions). */
function buildTable(heap: Heap, p: mcl.G1): number {
  const ptr = heap.malloc(WINDOWS * ROW * G1_BYTES);
  let base = p;
  for (let w = 0; w < WINDOWS; w++) {
    const row: mcl.G1[] = [new mcl.G1()];
    let acc = base;
    for (let d = 1; d < ROW; d++) {
      row.push(acc);
      acc = mcl.add(acc, base);
    }
    mcl.normalizeVec(row);
    const rowPtr = ptr + w * ROW * G1_BYTES;
    row.forEach((q, d) => {
      heap.put(q, rowPtr + d * G1_BYTES);
    });
    base = mcl.dbl(row[HALF] ?? base); // 2^WINDOW·base
  }
  return ptr;
}

export async function createSecp256k1Mcl(): Promise<Group<mcl.G1>> {
  ready ??= mcl.init(mcl.SECP256K1);
  await ready;
  const heap = new Heap(wasmModule());
  const m = heap.m;
  // Scratch: accumulator, a second point, scalar bytes, (de)serialisation buffer.
  const scratch = heap.malloc(2 * G1_BYTES + FR_BYTES + 64);
  const acc = scratch;
  const tmp = scratch + G1_BYTES;
  const scalarBuf = scratch + 2 * G1_BYTES;
  const ioBuf = scalarBuf + FR_BYTES;

  function tableMul(table: number, k: bigint): mcl.G1 {
    setLimbs(k);
    m._mclBnG1_clear(acc);
    let carry = 0;
    for (let w = 0; w < WINDOWS; w++) {
      const bit = w * WINDOW;
      const word = bit >>> 5;
      const shift = bit & 31;
      let v = (words[word] ?? 0) >>> shift;
      if (shift > 32 - WINDOW && word < 7) v |= (words[word + 1] ?? 0) << (32 - shift);
      let digit = (v & DIGIT_MASK) + carry;
      carry = 0;
      if (digit > HALF) {
        digit -= 1 << WINDOW;
        carry = 1;
      }
      const row = table + w * ROW * G1_BYTES;
      if (digit > 0) m._mclBnG1_add(acc, acc, row + digit * G1_BYTES);
      else if (digit < 0) m._mclBnG1_sub(acc, acc, row - digit * G1_BYTES);
    }
    return heap.get(acc);
  }

  /** Scalar k into the Fr at ptr (via little-endian bytes). */
  function setFr(ptr: number, k: bigint): void {
    setLimbs(k);
    heap.u32.set(words, scalarBuf >>> 2);
    m._mclBnFr_setLittleEndianMod(ptr, scalarBuf, FR_BYTES);
  }

  /** mcl serialises [flag][x little-endian]; SEC1 wants [flag][x big-endian]. */
  function encodeAt(ptr: number): Uint8Array {
    const out = new Uint8Array(33);
    if (m._mclBnG1_isZero(ptr) !== 0) return out;
    const size = m._mclBnG1_serialize(ioBuf, 64, ptr);
    if (size !== 33) throw new Error('mcl-wasm: unexpected serialisation');
    const u8 = heap.u8;
    out[0] = u8[ioBuf] ?? 0;
    for (let j = 0; j < 32; j++) out[1 + j] = u8[ioBuf + 32 - j] ?? 0;
    return out;
  }

  function encodePoint(p: mcl.G1): Uint8Array {
    heap.put(p, tmp);
    return encodeAt(tmp);
  }

  function decodePoint(bytes: Uint8Array): mcl.G1 | undefined {
    if (bytes.length !== 33) return undefined;
    if (bytes.every((b) => b === 0)) return new mcl.G1();
    if (bytes[0] !== 2 && bytes[0] !== 3) return undefined;
    const u8 = heap.u8;
    u8[ioBuf] = bytes[0];
    for (let j = 0; j < 32; j++) u8[ioBuf + 32 - j] = bytes[1 + j] ?? 0;
    if (m._mclBnG1_deserialize(tmp, ioBuf, 33) !== 33) return undefined;
    // mcl rejects x ≥ p and points off the curve; re-encoding guards against any non-canonical form.
    const again = encodeAt(tmp);
    for (let j = 0; j < 33; j++) if (again[j] !== bytes[j]) return undefined;
    return heap.get(tmp);
  }

  let msmPoints = 0;
  let msmScalars = 0;
  let msmCapacity = 0;
  function msm(points: readonly mcl.G1[], scalars: readonly bigint[]): mcl.G1 {
    const n = Math.min(points.length, scalars.length);
    const chunk = Math.min(n, MSM_CHUNK);
    if (chunk > msmCapacity) {
      if (msmCapacity > 0) {
        m._free(msmPoints);
        m._free(msmScalars);
      }
      msmPoints = heap.malloc(chunk * G1_BYTES);
      msmScalars = heap.malloc(chunk * FR_BYTES);
      msmCapacity = chunk;
    }
    let total = new mcl.G1();
    for (let lo = 0; lo < n; lo += MSM_CHUNK) {
      const hi = Math.min(n, lo + MSM_CHUNK);
      const u32 = heap.u32;
      for (let i = lo; i < hi; i++) {
        const p = points[i];
        if (p !== undefined) u32.set(image(p), (msmPoints + (i - lo) * G1_BYTES) >>> 2);
        setFr(msmScalars + (i - lo) * FR_BYTES, scalars[i] ?? 0n);
      }
      m._mclBnG1_mulVec(acc, msmPoints, msmScalars, hi - lo);
      total = lo === 0 ? heap.get(acc) : mcl.add(total, heap.get(acc));
    }
    return total;
  }

  /** k·p for a variable base: mulVec with one point (GLV, no string conversion of k). */
  function mulVar(p: mcl.G1, k: bigint): mcl.G1 {
    heap.put(p, tmp);
    setFr(scalarBuf + FR_BYTES, k); // the Fr lives in ioBuf (≥ 32 bytes)
    m._mclBnG1_mulVec(acc, tmp, scalarBuf + FR_BYTES, 1);
    return heap.get(acc);
  }

  const tables = new FinalizationRegistry<number>((ptr) => {
    m._free(ptr);
  });
  const generator = mcl.getBasePointG1();
  const baseTable = buildTable(heap, generator);
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
    mul: mulVar,
    mulBase: (k) => tableMul(baseTable, k),
    fixedBase: (p) => {
      const table = buildTable(heap, p);
      const mulTable = (k: bigint): mcl.G1 => tableMul(table, k);
      tables.register(mulTable, table); // the heap table lives as long as its multiplier
      return mulTable;
    },
    msm,
    equals: (a, b) => a.isEqual(b),
    isIdentity: (p) => p.isZero(),
    encode: encodePoint,
    decode: decodePoint,
  };
}
