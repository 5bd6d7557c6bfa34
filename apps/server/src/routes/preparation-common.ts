// What the preparation routes share: the actor built from the official's session (with the scope
// checks of apps/server/src/auth), streamed CSV bodies, and the mapping of preparation errors to
// stable API error codes.
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { hasScope, officialOf, requireScope } from '../auth/caller.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../preparation/actor.ts';
import { PreparationError } from '../preparation/errors.ts';
import { ListsRejected } from '../preparation/lists.ts';

export const dayParams = z.object({ dayId: z.string().regex(/^[a-z0-9-]{1,64}$/) });
export const CSV_TYPES = ['text/csv', 'application/octet-stream'];

/** Streams request bodies of CSV uploads to the handler as they arrive (the import bounds their size). */
export function acceptCsvStreams(app: AppInstance): void {
  for (const type of CSV_TYPES) {
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_request, payload, done) => {
        done(null, payload);
      });
  }
}

export function csvBody(request: FastifyRequest): AsyncIterable<Uint8Array> {
  const body = request.body as Readable | undefined;
  if (body === undefined || typeof (body as Partial<Readable>).pipe !== 'function')
    throw new AppError('request.invalid', 'body');
  return body;
}

function actorId(request: FastifyRequest): string {
  return `official:${officialOf(request).officialId}`;
}

export function poActor(request: FastifyRequest): Actor {
  requireScope(request, 'po-admin', '*');
  return { id: actorId(request), role: 'po-admin' };
}

/** The organising authority (any commune, or all when `nis` is absent) or the commune's official. */
export function communeActor(request: FastifyRequest, nis: string | undefined): Actor {
  if (hasScope(request, 'po-admin', null)) return { id: actorId(request), role: 'po-admin' };
  if (nis === undefined) throw new AppError('preparation.scope', 'commune');
  requireScope(request, 'commune-official', nis);
  return { id: actorId(request), role: 'commune-official', scope: nis };
}

export function postActor(request: FastifyRequest, post: string): Actor {
  if (hasScope(request, 'po-admin', null)) return { id: actorId(request), role: 'po-admin' };
  requireScope(request, 'consular-official', post);
  return { id: actorId(request), role: 'consular-official', scope: post };
}

/** Runs a preparation command; its expected failures become `{ code, message, field }` answers. */
export async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PreparationError) throw new AppError(e.code, e.where);
    if (e instanceof ListsRejected) {
      const first = e.violations[0];
      throw new AppError(
        'lists.invalid',
        first === undefined
          ? undefined
          : `${first.constituency} list ${String(first.list)} ${first.field}: ${first.rule}`,
      );
    }
    throw e;
  }
}

export const importReportSchema = z.object({
  importId: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(z.object({ line: z.number().int(), column: z.string(), code: z.string(), value: z.string() })),
  files: z.array(z.object({ scope: z.string(), version: z.number().int(), voters: z.number().int() })),
});
