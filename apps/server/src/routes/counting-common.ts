// What the counting routes share. Every counting route lives under one of four path prefixes that
// say which data it touches, and its access rule must match (asserted from the route table by
// counting-routes.test.ts):
//   /api/counting/identities/…  Team A only: who voted (NRN, name), never a ciphertext or content;
//   /api/counting/contents/…    Team B and the trustees: ciphertexts, proofs, figures, never an identity;
//   /api/counting/process/…     a constituency's president or the organising authority (PO): stations, split, results;
//   /api/counting/public/…      anybody: the election record (pseudonyms only) and final PVs.
// Expected failures of the counting domain (CountingError) are answered `{ code, message }` with the
// domain's message, which names what was refused (group, trustee, proof).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../auth/roles.ts';
import { officialOf, requireScope } from '../auth/caller.ts';
import { CountingError, type CountingActor } from '../counting/errors.ts';
import { countingCryptoFor, type CountingChecks, type CountingCrypto } from '../counting/mixing.ts';
import type { AppInstance } from '../app-instance.ts';
import { AppError, ERROR_CODES, handleError } from '../errors.ts';

export type CountingDataCategory = 'identities' | 'contents' | 'process' | 'public';

/** Which roles each data category may be opened to (besides 'public' for the public category). */
export const CATEGORY_ROLES: Readonly<Record<Exclude<CountingDataCategory, 'public'>, readonly Role[]>> = {
  identities: ['team-a'],
  contents: ['team-b', 'trustee'],
  process: ['po-admin', 'president'],
};

export function categoryOf(url: string): CountingDataCategory | undefined {
  const m = /^\/api\/counting\/(identities|contents|process|public)\//.exec(url);
  return m?.[1] as CountingDataCategory | undefined;
}

export const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const electionParams = z.strictObject({ electionId: slug });
export const constituencyParams = z.strictObject({ electionId: slug, constituency: slug });
export const groupIdSchema = z.string().regex(/^[a-z0-9-]{1,64}\/(online|kiosk)\/(belgium|abroad)$/);
export const modeSchema = z.enum(['online', 'kiosk']);
/** A PV's mode: the electronic ones and `hybrid` (mode 6's paper ballots). */
export const pvModeSchema = z.enum(['online', 'kiosk', 'hybrid']);
export const categorySchema = z.enum(['belgium', 'abroad']);

/** Route-level error handler: a CountingError keeps its detailed message; anything else as usual. */
export function countingErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const e: unknown = error;
  if (e instanceof CountingError) {
    request.log.info({ code: e.code }, 'counting refused');
    void reply.status(ERROR_CODES[e.code].status).send({ code: e.code, message: e.message });
    return;
  }
  void handleError(error, request, reply);
}

export function actorOf(request: FastifyRequest): CountingActor {
  return { id: `official:${officialOf(request).officialId}` };
}

/** The actor with the official's name (for what is printed on a PV, e.g. approvals). */
export async function namedActorOf(app: AppInstance, request: FastifyRequest): Promise<CountingActor> {
  const id = officialOf(request).officialId;
  const row = await app.context.store.db
    .selectFrom('officials')
    .select(['given_name', 'surname'])
    .where('id', '=', id)
    .executeTakeFirst();
  return { id: `official:${id}`, name: row === undefined ? id : `${row.given_name} ${row.surname}` };
}

/** The caller holds `role` for the constituency (Team A / Team B are scoped to one constituency). */
export function teamActor(request: FastifyRequest, role: 'team-a' | 'team-b', constituency: string): CountingActor {
  requireScope(request, role, constituency);
  return actorOf(request);
}

/** Without the injected shuffle check, a shuffle upload answers 503 `counting.unavailable` (decryption and counting still work). */
const NO_SHUFFLE_CHECK: CountingChecks = {
  shuffleCheckerFor: () => () => Promise.reject(new AppError('counting.unavailable')),
};

export async function cryptoOf(app: AppInstance, electionId: string): Promise<CountingCrypto> {
  return countingCryptoFor(app.context.store, app.context.counting ?? NO_SHUFFLE_CHECK, electionId);
}
