// Errors that reach a client: a stable code and an English message; the web app translates the
// code. Never a stack trace. Codes are dotted and lower-case; add new ones to ERROR_CODES.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const ERROR_CODES = {
  'request.invalid': { status: 400, message: 'The request is not valid.' },
  'route.not-found': { status: 404, message: 'There is nothing at this address.' },
  'election.not-found': { status: 404, message: 'This election does not exist.' },
  'request.too-large': { status: 413, message: 'The request is too large.' },
  'rate.limited': { status: 429, message: 'Too many requests; try again shortly.' },
  'server.unavailable': { status: 503, message: 'The service is not ready; try again shortly.' },
  internal: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

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
  return field === undefined ? { code, message: ERROR_CODES[code].message } : { code, message: ERROR_CODES[code].message, field };
}

function firstInvalidField(error: FastifyError): string | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const first = error.validation[0];
  if (first === undefined) return undefined;
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [error.validationContext, path].filter((part) => part !== undefined && part !== '').join('.');
}

function classify(error: FastifyError): { code: ErrorCode; field?: string | undefined } {
  if (error instanceof AppError) return { code: error.code, field: error.field };
  if (error.validation !== undefined) return { code: 'request.invalid', field: firstInvalidField(error) };
  if (error.statusCode === 413) return { code: 'request.too-large' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return { code: 'request.invalid' };
  return { code: 'internal' };
}

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { code, field } = classify(error);
  if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code, field }, 'request refused');
  return reply.status(ERROR_CODES[code].status).send(errorBody(code, field));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.info({ url: request.url }, 'route not found');
  return reply.status(404).send(errorBody('route.not-found'));
}
