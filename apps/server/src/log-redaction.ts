// What the server writes to its log never holds a national register number, nor the parameters
// of a failed SQL statement (PGlite's errors carry them, PostgreSQL's `detail` quotes key values).
// Every NRN-shaped run of digits (11 digits, with or without the usual dots and dash) becomes
// `[nrn]` in messages, URLs and fields; errors are logged by a fixed list of fields only.
import type { FastifyServerOptions } from 'fastify';

// 11 digits in a row, or YY.MM.DD-SSS.CC, not part of a longer run of digits.
const NRN_SHAPE = /(?<!\d)(?:\d{11}|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2})(?!\d)/g;
const MAX_DEPTH = 8;

export function redactText(text: string): string {
  return text.replace(NRN_SHAPE, '[nrn]');
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  // Requests, replies and errors are left to their serializers, which redact what they keep.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, depth + 1)]));
}

interface LoggedError {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
  readonly cause?: LoggedError;
}

/** An error as the log shows it: its type, code, message and stack, redacted; never its SQL, parameters or detail. */
export function loggedError(error: unknown, depth = 0): LoggedError | undefined {
  if (!(error instanceof Error))
    return error === undefined
      ? undefined
      : { type: typeof error, message: redactText(typeof error === 'string' ? error : JSON.stringify(error)) };
  const code = (error as { code?: unknown }).code;
  const cause = depth < 3 ? loggedError(error.cause, depth + 1) : undefined;
  return {
    type: error.name,
    message: redactText(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: redactText(error.stack) }),
    ...(cause === undefined ? {} : { cause }),
  };
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(error: Error): SerializedError {
  const logged = loggedError(error);
  return { ...logged, type: logged?.type ?? 'Error', message: logged?.message ?? '', stack: logged?.stack ?? '' };
}

interface SerializedRequest {
  [key: string]: unknown;
  method: string;
  url: string;
  remoteAddress?: string | undefined;
}

/** The server's logger: pino at `info`, with the redaction above on every line. */
export function redactingLogger(level = 'info'): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    serializers: {
      err: serializeError,
      error: serializeError,
      req: (request: {
        method: string;
        url: string;
        ip?: string;
        socket?: { remoteAddress?: string };
      }): SerializedRequest => ({
        method: request.method,
        url: redactText(request.url),
        remoteAddress: request.ip ?? request.socket?.remoteAddress,
      }),
    },
    formatters: { log: (object: Record<string, unknown>) => redactValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}
