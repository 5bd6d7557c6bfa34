// The K-code of a hybrid vote (mode 6): printed on the outer-envelope label as text and barcode, it
// lets the voter follow their envelope (received, cancelled, counted) without logging in, and lets
// the main office refuse an envelope whose code was voided by a reprint.
//
// 17 random symbols (85 bits) and one check symbol, in Crockford's base 32 (0–9 and A–Z without I,
// L, O, U: nothing to confuse when read aloud or retyped), printed in three groups of six:
// `7K3M9Q-2XWT4H-NB8R5C`. The check symbol is a weighted sum in the field GF(32) (x⁵ + x² + 1):
// position i (0–16) weighs αⁱ⁺¹ and the check symbol weighs 1 = α⁰, and the sum of all 18 weighted
// symbols is 0. All 18 weights are different and non-zero (α has order 31), so changing any one
// symbol, or swapping any two different symbols (adjacent or not), changes the sum: every such typing
// error is caught before any lookup. [U] this platform's rule: the law names the K-code, not its form.
// Pure: the caller draws the random bytes.
import { err, ok, type Result } from './result.ts';

export const KCODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random symbols in a code (5 bits each: 85 bits). */
export const KCODE_RANDOM_SYMBOLS = 17;
/** Symbols in a code, check symbol included. */
export const KCODE_LENGTH = KCODE_RANDOM_SYMBOLS + 1;
/** Random bytes `kcodeFromBytes` reads (the first 85 bits are used). */
export const KCODE_RANDOM_BYTES = 11;

export type KcodeError = 'kcode.length' | 'kcode.character' | 'kcode.check';

const VALUE = new Map<string, number>(Array.from(KCODE_ALPHABET).map((c, i) => [c, i]));
// What people type for a symbol that is not in the alphabet (Crockford): O is 0, I and L are 1.
for (const [typed, meant] of [
  ['O', '0'],
  ['I', '1'],
  ['L', '1'],
] as const)
  VALUE.set(typed, VALUE.get(meant) ?? 0);

/** Multiplication in GF(32) modulo x⁵ + x² + 1. */
function gfMul(a: number, b: number): number {
  let product = 0;
  let x = a;
  for (let y = b; y > 0; y >>= 1) {
    if ((y & 1) === 1) product ^= x;
    x <<= 1;
    if ((x & 0x20) !== 0) x ^= 0b100101;
  }
  return product;
}

/** αⁱ⁺¹ for position i of the random part (α = x). */
const WEIGHTS: readonly number[] = (() => {
  const weights: number[] = [];
  let power = 1;
  for (let i = 0; i < KCODE_RANDOM_SYMBOLS; i += 1) {
    power = gfMul(power, 2);
    weights.push(power);
  }
  return weights;
})();

function checkValue(values: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum ^= gfMul(WEIGHTS[i] ?? 0, v);
  });
  return sum;
}

/** The check symbol of 17 random symbols. */
export function kcodeCheckSymbol(randomPart: string): string {
  const values = Array.from(randomPart).map((c) => VALUE.get(c) ?? 0);
  return KCODE_ALPHABET[checkValue(values)] ?? '0';
}

/** A new code from at least 11 random bytes (their first 85 bits), in its compact form (18 symbols). */
export function kcodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < KCODE_RANDOM_BYTES) throw new RangeError(`a K-code needs ${String(KCODE_RANDOM_BYTES)} bytes`);
  const values: number[] = [];
  let buffer = 0;
  let held = 0;
  for (const byte of bytes.subarray(0, KCODE_RANDOM_BYTES)) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    held += 8;
    while (held >= 5 && values.length < KCODE_RANDOM_SYMBOLS) {
      held -= 5;
      values.push((buffer >> held) & 31);
    }
  }
  return [...values, checkValue(values)].map((v) => KCODE_ALPHABET[v] ?? '0').join('');
}

/** The printed form: three groups of six symbols. */
export function formatKcode(compact: string): string {
  return `${compact.slice(0, 6)}-${compact.slice(6, 12)}-${compact.slice(12)}`;
}

/**
 * Reads a code as typed (any case, spaces or dashes anywhere, O for 0, I or L for 1) and returns it
 * compact (18 symbols of the alphabet), or why it cannot be a K-code: wrong length, a character
 * outside the alphabet, or a check symbol that does not match (a typing error).
 */
export function parseKcode(text: string): Result<string, KcodeError> {
  const symbols = text.toUpperCase().replace(/[\s-]/g, '');
  if (symbols.length !== KCODE_LENGTH) return err('kcode.length');
  const values: number[] = [];
  for (const c of symbols) {
    const v = VALUE.get(c);
    if (v === undefined) return err('kcode.character');
    values.push(v);
  }
  const random = values.slice(0, KCODE_RANDOM_SYMBOLS);
  if (checkValue(random) !== values[KCODE_RANDOM_SYMBOLS]) return err('kcode.check');
  return ok(values.map((v) => KCODE_ALPHABET[v] ?? '0').join(''));
}
