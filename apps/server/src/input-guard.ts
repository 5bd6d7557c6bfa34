// Text that no name, number or file of an election holds is refused at the door, before any
// route sees it: a NUL (PostgreSQL refuses it in text, so it would surface as a 500 deep in a
// command) and a lone UTF-16 surrogate (`"\ud800"` in JSON: not a character, it cannot be encoded
// as UTF-8 and breaks hashing, signing and export). The answer is a 400 naming the field.
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from './errors.ts';

const MAX_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badString(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The path (`body.members.2.name`) of the first string or key holding a NUL or a lone surrogate. */
export function firstBadText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return badString(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  // A streamed body (CSV upload) is checked by its reader, line by line.
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  const entries: Iterable<[string, unknown]> = Array.isArray(value)
    ? value.map((item, i): [string, unknown] => [String(i), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const at = path === '' ? key : `${path}.${key}`;
    if (badString(key)) return at;
    const found = firstBadText(item, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** preValidation hook: refuses the request when its parameters, query or body hold such text. */
export function refuseBadText(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const field =
    firstBadText(request.params, 'params') ??
    firstBadText(request.query, 'query') ??
    firstBadText(request.body, 'body');
  done(field === undefined ? undefined : new AppError('request.text', field));
}
