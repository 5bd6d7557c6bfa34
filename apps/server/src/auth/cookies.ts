// The two cookies: the session (HttpOnly, SameSite=Strict) and the login in flight (HttpOnly,
// SameSite=Lax, so that it comes back on the provider's redirect to the callback). Both Secure,
// and then `__Host-` prefixed, when isoloir is reached over TLS.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CookieNames {
  readonly session: string;
  readonly login: string;
}

export function isSecure(request: FastifyRequest, publicUrl: string | undefined): boolean {
  return publicUrl !== undefined ? publicUrl.startsWith('https:') : request.protocol === 'https';
}

export function cookieNames(secure: boolean): CookieNames {
  return secure
    ? { session: '__Host-isoloir-session', login: '__Host-isoloir-login' }
    : { session: 'isoloir-session', login: 'isoloir-login' };
}

export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string, expires: Date): void {
  reply.setCookie(cookieNames(secure).session, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(cookieNames(secure).session, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function setLoginCookie(reply: FastifyReply, secure: boolean, token: string, maxAgeSeconds: number): void {
  reply.setCookie(cookieNames(secure).login, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearLoginCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(cookieNames(secure).login, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
