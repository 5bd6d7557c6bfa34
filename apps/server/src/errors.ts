// Errors that reach a client: a stable code and an English message; the web app translates the
// code. Never a stack trace. Codes are dotted and lower-case; add new ones to ERROR_CODES.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from './database-unavailable.ts';

export const ERROR_CODES = {
  'request.invalid': { status: 400, message: 'The request is not valid.' },
  'request.text': {
    status: 400,
    message: 'The text holds a character that is not allowed (a NUL or a broken character).',
  },
  'route.not-found': { status: 404, message: 'There is nothing at this address.' },
  'election.not-found': { status: 404, message: 'This election does not exist.' },
  'request.too-large': { status: 413, message: 'The request is too large.' },
  'rate.limited': { status: 429, message: 'Too many requests; try again shortly.' },
  'server.unavailable': { status: 503, message: 'The service is not ready; try again shortly.' },
  internal: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  // Identity and access (apps/server/src/auth).
  'auth.required': { status: 401, message: 'You need to log in first.' },
  'auth.forbidden': { status: 403, message: 'Your role does not give access to this.' },
  'auth.csrf': { status: 403, message: 'The request has no valid anti-forgery token; reload the page and try again.' },
  'auth.level-too-low': {
    status: 403,
    message: 'This login method is not secure enough: use your identity card (eID) or itsme.',
  },
  'auth.unknown-voter': { status: 403, message: 'You are not on the list of voters of this election.' },
  'auth.not-official': { status: 403, message: 'You hold no role as an official.' },
  'auth.nrn-missing': { status: 400, message: 'The identity provider did not give a national register number.' },
  'auth.nrn-invalid': { status: 400, message: 'The identity provider gave an invalid national register number.' },
  'auth.callback-invalid': {
    status: 400,
    message: 'This login answer is not valid or was already used; start the login again.',
  },
  'auth.token-invalid': {
    status: 400,
    message: 'The identity provider’s answer could not be verified; start the login again.',
  },
  'auth.provider-error': { status: 502, message: 'The identity provider refused or could not complete the login.' },
  'auth.unavailable': { status: 503, message: 'Login is not available right now.' },
  'official.not-found': { status: 404, message: 'This official does not exist.' },
  'official.exists': { status: 409, message: 'An official with this national register number already exists.' },
  'official.nrn-invalid': { status: 400, message: 'This national register number is not valid.' },
  'role.not-found': { status: 404, message: 'This role assignment does not exist.' },
  'role.exists': { status: 409, message: 'The official already holds this role.' },
  'role.conflict': {
    status: 409,
    message:
      'One person cannot be in both Team A and Team B of the same constituency on the same election day, even after one of the roles was taken back.',
  },
  'role.self-grant': { status: 403, message: 'Nobody can give a role to themselves, nor confirm one given to them.' },
  'role.second-admin': {
    status: 403,
    message: 'A role takes effect only when a second administrator confirms it: another administrator must confirm.',
  },
  'role.request-pending': { status: 409, message: 'The same role is already waiting for confirmation.' },
  'role.request-not-found': { status: 404, message: 'This role request does not exist.' },
  'role.request-decided': { status: 409, message: 'This role request was already confirmed or rejected.' },
  'role.bootstrap-closed': {
    status: 409,
    message: 'The first two administrators are already in place; roles are given by two administrators.',
  },
  'role.scope-missing': { status: 400, message: 'This role needs a scope (commune, post or constituency).' },
  'role.scope-unexpected': { status: 400, message: 'This role takes no scope.' },
  'role.scope-invalid': { status: 400, message: 'This scope is not valid for the role.' },
  // Passkeys enrolled through the consular post (apps/server/src/passkey).
  'passkey.code-invalid': {
    status: 400,
    message: 'This activation code is not valid: check what you typed, or ask your consular post for a new one.',
  },
  'passkey.code-expired': {
    status: 409,
    message: 'This activation code has expired: ask your consular post for a new one.',
  },
  'passkey.code-used': {
    status: 409,
    message: 'This activation code was already used (a code works once): ask your consular post for a new one.',
  },
  'passkey.csam-only': {
    status: 403,
    message: 'In your voting mode, the election accepts only CSAM (eID card or itsme): a passkey cannot be used.',
  },
  'passkey.not-registered': {
    status: 404,
    message: 'Nobody with this national register number is registered at your consular post.',
  },
  'passkey.ceremony-invalid': {
    status: 400,
    message: 'This passkey step has expired or was already used; start again.',
  },
  'passkey.verification-failed': {
    status: 400,
    message: 'The answer of your device could not be verified; unlock the passkey with your fingerprint, face or PIN.',
  },
  'passkey.unknown': {
    status: 403,
    message: 'This passkey is not known here: activate one with the code from your consular post.',
  },
  'passkey.revoked': {
    status: 403,
    message: 'Your consular post has revoked this passkey: ask the post for a new activation code.',
  },
  'passkey.not-found': { status: 404, message: 'This passkey does not exist at your post, or is already revoked.' },
  // Kiosks at the consular posts, mode 8 (apps/server/src/kiosk).
  'kiosk.code-invalid': {
    status: 400,
    message: 'This enrolment code is not valid, has expired or was already used: ask the post for a new one.',
  },
  'kiosk.key-invalid': { status: 400, message: 'The kiosk’s public key is not an ECDSA P-256 key.' },
  'kiosk.unknown': { status: 403, message: 'This kiosk is not enrolled: the post’s operator must enrol it again.' },
  'kiosk.revoked': { status: 403, message: 'The post has revoked this kiosk: it can no longer send ballots.' },
  'kiosk.unsigned': { status: 403, message: 'The kiosk did not sign this request.' },
  'kiosk.signature-invalid': { status: 403, message: 'The kiosk’s signature of this request is not valid.' },
  'kiosk.not-registered': { status: 403, message: 'You are not registered to vote at a kiosk (mode 8).' },
  'kiosk.foreign-post': {
    status: 403,
    message: 'You are registered to vote at the kiosk of another consular post, not this one.',
  },
  'kiosk.already-voted': {
    status: 409,
    message: 'You have already voted at a kiosk: a second kiosk vote is not possible.',
  },
  'kiosk.visit-invalid': { status: 403, message: 'This kiosk session is not valid or has expired: log in again.' },
  'kiosk.not-found': { status: 404, message: 'This kiosk does not exist at your post, or is already revoked.' },
  // Preparation phase (apps/server/src/preparation): `field` says where (line and column, or a path).
  'file.encoding': { status: 400, message: 'The file is not UTF-8 text (is it Latin-1? Save it as UTF-8).' },
  'file.malformed': { status: 400, message: 'The file is malformed (quotes, cells per line, or JSON syntax).' },
  'file.columns': { status: 400, message: 'The file does not have the documented columns.' },
  'file.empty': { status: 400, message: 'The file is empty.' },
  'file.too-large': { status: 413, message: 'The file is too large.' },
  'file.invalid': { status: 400, message: 'The file does not follow the documented format.' },
  'registration.invalid': { status: 400, message: 'The registration is not valid.' },
  'preparation.not-found': { status: 404, message: 'This does not exist (yet).' },
  'preparation.frozen': { status: 409, message: 'Voting has opened: the preparation is frozen.' },
  'preparation.scope': { status: 403, message: 'This is outside your commune or consular post.' },
  'preparation.exists': { status: 409, message: 'This already exists.' },
  'preparation.deadline': { status: 409, message: 'The registration deadline has passed.' },
  'preparation.mode': { status: 409, message: 'This voting mode is not open.' },
  'preparation.unresolved': { status: 409, message: 'Conflicts of the consolidated voter file remain to be resolved.' },
  'preparation.resolution': { status: 400, message: 'This resolution does not fit the conflict.' },
  'lists.invalid': { status: 422, message: 'The candidate lists break the electoral law.' },
  // The online ballot box (apps/server/src/voting).
  'voting.no-key': { status: 409, message: 'The election key has not been published yet: voting cannot start.' },
  'voting.not-eligible': { status: 403, message: 'You may not vote online in this election.' },
  'voting.not-open': { status: 409, message: 'The online voting period has not opened yet.' },
  'voting.closed': { status: 409, message: 'The online voting period is over.' },
  'voting.limit-reached': { status: 409, message: 'You have used all the votes you may cast in this election.' },
  'voting.period-invalid': { status: 400, message: 'This voting period is not valid.' },
  'ballot.same-election': { status: 400, message: 'Two ballots of one request are for the same election.' },
  'ballot.linked-choice': {
    status: 400,
    message:
      'This ballot can only be cast together with a ballot for the Dutch language group of the Brussels Parliament.',
  },
  'ballot.malformed': { status: 400, message: 'The ballot is malformed.' },
  'ballot.width': { status: 400, message: 'The ballot does not have the size of this election’s ballots.' },
  'ballot.wrong-constituency': { status: 400, message: 'This ballot is for another constituency than yours.' },
  'ballot.proof-invalid': { status: 400, message: 'The ballot’s proof is not valid.' },
  'ballot.duplicate': { status: 409, message: 'This ballot was already received: a ballot can only be cast once.' },
  'ballot.id-reused': { status: 409, message: 'This ballot identifier was already used for another ballot.' },
  'ballot.not-found': { status: 404, message: 'No ballot has this tracking code.' },
  'audit.handover-not-found': {
    status: 404,
    message: 'This audited ballot is not here: the link is wrong, or it expired (24 hours).',
  },
  'audit.handover-limit': {
    status: 429,
    message: 'You have handed over 10 audited ballots in the last 24 hours: check them with the ones you have.',
  },
  // Hybrid voting, mode 6 (apps/server/src/hybrid): the print kit and the K-code.
  'hybrid.not-registered': { status: 403, message: 'You are not registered for hybrid voting (mode 6).' },
  'hybrid.not-open': { status: 409, message: 'The hybrid voting period has not opened yet.' },
  'hybrid.closed': { status: 409, message: 'The hybrid voting period is over.' },
  'hybrid.no-main-office': {
    status: 409,
    message: 'The address of your constituency’s main office is not set yet: the kit cannot be printed.',
  },
  'hybrid.already-received': {
    status: 409,
    message: 'The main office has already received your envelope: a new kit cannot be printed.',
  },
  'hybrid.kcode-invalid': {
    status: 400,
    message: 'This is not a K-code: check what you typed (18 characters; the last one catches typing errors).',
  },
  // Team B's double data entry of hybrid paper ballots (apps/server/src/hybrid/double-entry.ts).
  'hybrid.entry-same-member': {
    status: 409,
    message: 'The second entry of a box must be made by another Team B member than the first.',
  },
  'hybrid.entry-not-yours': { status: 409, message: 'Another Team B member is making this entry of the box.' },
  'hybrid.entry-finished': { status: 409, message: 'Both entries of this box are finished.' },
  'hybrid.entry-count-mismatch': {
    status: 409,
    message: 'The number of ballots you found in the box is not the number you encoded: check the box.',
  },
  'hybrid.entry-no-difference': { status: 409, message: 'The two entries agree on this ballot: nothing to decide.' },
  'hybrid.entry-wrong-state': { status: 409, message: 'This box is not at that step of the double entry.' },
  // The reconciliation of a hybrid box and its PV (apps/server/src/hybrid/reconciliation.ts, hybrid-pv.ts).
  'hybrid.box-not-done': {
    status: 409,
    message: 'The double entry of this box is not done yet: both entries finished and every difference decided.',
  },
  'hybrid.no-difference': {
    status: 409,
    message: 'The ballots encoded equal the inner envelopes accepted: there is no difference to explain.',
  },
  'hybrid.difference-unexplained': {
    status: 409,
    message:
      'The ballots encoded differ from the inner envelopes accepted and the difference is not explained: write the explanation, generate the PV again, then approve.',
  },
  'hybrid.office-closed': {
    status: 409,
    message: 'The hybrid count of this main office is final: set this envelope aside unopened; it is not recorded.',
  },
  'hybrid.pv-stale': {
    status: 409,
    message:
      'The figures changed since this PV was generated (a polling-station list, an explanation): generate it again.',
  },
  // Counting of electronic votes (apps/server/src/counting): the answer's message names what was refused.
  'counting.not-found': { status: 404, message: 'This does not exist (yet) in the count.' },
  'counting.period-open': {
    status: 409,
    message: 'Counting starts only after every electronic voting period is closed.',
  },
  'counting.already-split': { status: 409, message: 'The identities are already split from the contents.' },
  'counting.not-split': { status: 409, message: 'The identities are not split from the contents yet.' },
  'counting.small-group': { status: 409, message: 'A group below the minimum size needs a merge decision first.' },
  'counting.merge': { status: 400, message: 'These groups cannot be merged.' },
  'counting.four-eyes': { status: 409, message: 'Another person must do this step (four eyes).' },
  'counting.state': { status: 409, message: 'The count is not at this step.' },
  // Public results (apps/server/src/results).
  'results.not-final': {
    status: 409,
    message: 'The results of this constituency are published once all its PVs are final.',
  },
  'counting.file': { status: 400, message: 'The polling-station list is not valid.' },
  'counting.wrong-election': { status: 400, message: 'This is not for this election.' },
  'counting.shuffle-proof': { status: 422, message: 'The shuffle proof does not hold: the shuffle is refused.' },
  'counting.decryption-proof': {
    status: 422,
    message: 'The decryption proof does not hold: the decryption is refused.',
  },
  'counting.out-of-turn': { status: 409, message: 'This step is not yours to do now.' },
  'counting.scope': { status: 403, message: 'This is outside your constituency.' },
  'counting.stations-incomplete': {
    status: 409,
    message: 'Some polling stations of the constituency have not reported and are not waived.',
  },
  'counting.list-after-split': {
    status: 409,
    message: 'The identities are already split: this polling-station list comes too late.',
  },
  'counting.list-after-hybrid-pv': {
    status: 409,
    message: 'A hybrid box this list would change has its final PV: this polling-station list comes too late.',
  },
  'counting.anonymity-set': {
    status: 409,
    message: 'Too few electronic ballots to be counted without revealing votes (minimum anonymity set).',
  },
  'counting.reason': { status: 400, message: 'A reason is required.' },
  'counting.unavailable': { status: 503, message: 'The proof checks of the count are not configured on this server.' },
  'counting.signature': {
    status: 422,
    message: 'The upload is not signed by the trustee’s registered key: it is refused.',
  },
  'counting.trustee-identity': {
    status: 403,
    message: 'You are not the trustee registered under this number for this election.',
  },
  // The key ceremony (apps/server/src/counting/ceremony-board.ts): the message names the trustee and the post.
  'ceremony.state': { status: 409, message: 'The key ceremony is not at this step.' },
  'ceremony.identity': {
    status: 403,
    message: 'You are not the trustee registered under this number, or the number is taken.',
  },
  'ceremony.signature': {
    status: 422,
    message: 'The post is not signed by the trustee’s registered key: it is refused.',
  },
  'ceremony.invalid': { status: 422, message: 'The post does not hold (its proof or its content): it is refused.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Seconds a client waits before trying again after a 503 or a 429. */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  /** Which input was wrong, for `request.invalid`: `body.nrn`, `params.id`. */
  readonly field?: string;
}

/** An expected failure of a request, thrown from a handler and answered as `{ code, message }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, field?: string) {
    super(ERROR_CODES[code].message);
    this.code = code;
    this.field = field;
  }
}

export function errorBody(code: ErrorCode, field?: string): ErrorBody {
  return field === undefined
    ? { code, message: ERROR_CODES[code].message }
    : { code, message: ERROR_CODES[code].message, field };
}

function firstInvalidField(error: FastifyError): string | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const first = error.validation[0];
  if (first === undefined) return undefined;
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [error.validationContext, path].filter((part) => part !== undefined && part !== '').join('.');
}

export function classify(error: FastifyError): { code: ErrorCode; field?: string | undefined } {
  if (error instanceof AppError) return { code: error.code, field: error.field };
  if (error.validation !== undefined) return { code: 'request.invalid', field: firstInvalidField(error) };
  if (error.statusCode === 413) return { code: 'request.too-large' };
  if (isDatabaseUnavailable(error)) return { code: 'server.unavailable' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return { code: 'request.invalid' };
  return { code: 'internal' };
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { code, field } = classify(error);
  if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else if (code === 'server.unavailable') request.log.warn({ code, reason: error.message }, 'database unavailable');
  else request.log.info({ code, field }, 'request refused');
  const status = ERROR_CODES[code].status;
  if ((status === 503 || status === 429) && !reply.hasHeader('retry-after'))
    reply.header('retry-after', RETRY_AFTER_SECONDS);
  return reply.status(ERROR_CODES[code].status).send(errorBody(code, field));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.info({ url: request.url }, 'route not found');
  return reply.status(404).send(errorBody('route.not-found'));
}
