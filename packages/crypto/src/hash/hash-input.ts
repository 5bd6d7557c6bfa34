/**
 * Injective, domain-separated hashing. Every value is written as a tag byte, a 4-byte big-endian
 * length and its content, so no two different input lists produce the same byte string.
 *   0x01 bytes   0x02 UTF-8 string   0x03 unsigned integer (minimal big-endian)   0x04 list
 * The first input of every hash is a domain-separation label such as "isoloir/v1/ballot-proof".
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToBigInt, mod } from '../group/scalar.ts';

export type HashInput = Uint8Array | string | bigint | number | readonly HashInput[];

interface Updatable {
  update(data: Uint8Array): unknown;
}

const encoder = new TextEncoder();

// SHA-512 implementations copy their input on update, so one header buffer can be reused.
const headerBuf = new Uint8Array(5);

function header(tag: number, length: number): Uint8Array {
  headerBuf[0] = tag;
  headerBuf[1] = (length >>> 24) & 255;
  headerBuf[2] = (length >>> 16) & 255;
  headerBuf[3] = (length >>> 8) & 255;
  headerBuf[4] = length & 255;
  return headerBuf;
}

function uintBytes(n: bigint): Uint8Array {
  if (n < 0n) throw new Error('hash: negative integer');
  if (n === 0n) return new Uint8Array(0);
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function feed(h: Updatable, input: HashInput): void {
  if (input instanceof Uint8Array) {
    h.update(header(1, input.length));
    h.update(input);
  } else if (typeof input === 'string') {
    const bytes = encoder.encode(input);
    h.update(header(2, bytes.length));
    h.update(bytes);
  } else if (typeof input === 'bigint' || typeof input === 'number') {
    const bytes = uintBytes(BigInt(input));
    h.update(header(3, bytes.length));
    h.update(bytes);
  } else {
    h.update(header(4, input.length));
    for (const item of input) feed(h, item);
  }
}

/** SHA-512 of the label and inputs. */
export function hashInputs(label: string, inputs: readonly HashInput[]): Uint8Array {
  const h = sha512.create();
  feed(h, label);
  for (const input of inputs) feed(h, input);
  return h.digest();
}

/** A streaming hasher for very long statements (shuffles of 100,000 ciphertexts). */
export function createHasher(label: string): { add(input: HashInput): void; digest(): Uint8Array } {
  const h = sha512.create();
  feed(h, label);
  return {
    add: (input) => {
      feed(h, input);
    },
    digest: () => h.digest(),
  };
}

export function bytesToScalar(digest: Uint8Array, order: bigint): bigint {
  return mod(bytesToBigInt(digest), order);
}

/** Fiat–Shamir challenge: SHA-512 of label and inputs, reduced modulo the group order. */
export function hashToScalar(order: bigint, label: string, inputs: readonly HashInput[]): bigint {
  return bytesToScalar(hashInputs(label, inputs), order);
}
