/** Strict readers for record payloads: wrong shapes fail the 'format' check with a location. */
import type { Group } from '@isoloir/crypto';
import { fail } from './failure.ts';

export type JsonValue = unknown;

export function obj(v: JsonValue, loc: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('format', loc, 'expected an object');
  return v as Record<string, unknown>;
}

export function field(o: Record<string, unknown>, key: string, loc: string): unknown {
  if (!(key in o)) fail('format', loc, `missing field ${key}`);
  return o[key];
}

export function str(v: unknown, loc: string): string {
  if (typeof v !== 'string') fail('format', loc, 'expected a string');
  return v;
}

export function int(v: unknown, loc: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail('format', loc, 'expected an integer');
  return v;
}

export function arr(v: unknown, loc: string): unknown[] {
  if (!Array.isArray(v)) fail('format', loc, 'expected an array');
  return v as unknown[];
}

/** Value of a lowercase hex digit (character code), or -1. */
function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

export function bytes(v: unknown, loc: string): Uint8Array {
  const s = str(v, loc);
  if (s.length % 2 !== 0) fail('format', loc, 'expected lowercase hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(s.charCodeAt(2 * i));
    const lo = nibble(s.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) fail('format', loc, 'expected lowercase hex');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

export function scalar(v: unknown, order: bigint, loc: string): bigint {
  const s = str(v, loc);
  if (!/^[0-9a-f]{64}$/.test(s)) fail('format', loc, 'expected a 32-byte scalar');
  const k = BigInt('0x' + s);
  if (k >= order) fail('format', loc, 'scalar not reduced');
  return k;
}

export function point<P>(group: Group<P>, v: unknown, loc: string): P {
  const p = group.decode(bytes(v, loc));
  if (p === undefined) fail('format', loc, 'not a group element');
  return p;
}
