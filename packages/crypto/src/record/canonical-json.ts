/** Canonical JSON: object keys sorted, no whitespace. The record hashes exactly these bytes. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + (value as readonly Json[]).map(canonicalJson).join(',') + ']';
  const obj = value as { readonly [key: string]: Json };
  const keys = Object.keys(obj).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k] ?? null)).join(',') + '}';
}
