/** Arithmetic modulo a prime order q, and conversions. Platform-neutral. */

export function mod(a: bigint, q: bigint): bigint {
  const r = a % q;
  return r < 0n ? r + q : r;
}

export function modInv(a: bigint, q: bigint): bigint {
  let [oldR, r] = [mod(a, q), q];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1n) throw new Error('modInv: not invertible');
  return mod(oldS, q);
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  // 8 bytes at a time (no hex string): big-endian.
  const n = bytes.length;
  let acc = 0n;
  let i = 0;
  const head = n % 8;
  for (; i < head; i++) acc = (acc << 8n) | BigInt(bytes[i] ?? 0);
  if (i + 8 <= n) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, n);
    for (; i + 8 <= n; i += 8) acc = (acc << 64n) | view.getBigUint64(i);
  }
  return acc;
}

export function bigIntToBytes(n: bigint, length: number): Uint8Array {
  if (n < 0n) throw new Error('bigIntToBytes: negative');
  const hex = n.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new Error('bigIntToBytes: too large');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Fixed-width lowercase hex of a scalar (32 bytes). */
export function scalarToHex(k: bigint): string {
  return k.toString(16).padStart(64, '0');
}

export function hexToScalar(hex: string, q: bigint): bigint | undefined {
  if (!/^[0-9a-f]{64}$/.test(hex)) return undefined;
  const k = BigInt('0x' + hex);
  return k < q ? k : undefined;
}

const BATCH = 64 * 256;
let pool = new Uint8Array(0);
let poolOffset = 0;

/** A uniformly random scalar in [0, q) from crypto.getRandomValues (64 bytes reduced: bias < 2^-250). */
export function randomScalar(q: bigint): bigint {
  if (poolOffset + 64 > pool.length) {
    pool = new Uint8Array(BATCH);
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const k = bytesToBigInt(pool.subarray(poolOffset, poolOffset + 64));
  pool.fill(0, poolOffset, poolOffset + 64);
  poolOffset += 64;
  return k % q;
}

/** A uniformly random integer in [0, n) for n ≤ 2^32, by rejection sampling. */
export function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const v = buf[0] ?? 0;
    if (v < limit) return v % n;
  }
}
