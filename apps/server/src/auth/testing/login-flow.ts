// For tests: logs a persona of the development identity provider in through the real OpenID
// Connect flow, with fetch and a small cookie jar (no browser). Returns the session cookie and its
// anti-forgery token, or where the login was refused.
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()),
      );
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export type LoginResult =
  | {
      readonly ok: true;
      readonly landing: string;
      readonly cookie: string;
      readonly csrfToken: string;
      readonly jar: CookieJar;
    }
  | { readonly ok: false; readonly landing: string; readonly code: string | null; readonly jar: CookieJar };

async function step(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie !== '') headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

/**
 * Runs `/api/auth/login?as=…` → provider → persona picker → callback, against a server started
 * with the development identity provider (`startServer` without `auth`, or `startDevAuth`).
 */
export async function loginThroughDevIdp(
  baseUrl: string,
  personaId: string,
  audience: 'voter' | 'official' = 'voter',
  jar: CookieJar = new CookieJar(),
): Promise<LoginResult> {
  const base = new URL(baseUrl);
  let response = await step(jar, new URL(`/api/auth/login?as=${audience}`, base).href);
  for (let hop = 0; hop < 20; hop += 1) {
    const location = response.headers.get('location');
    if (response.status === 200 && new URL(response.url).pathname.startsWith('/interaction/')) {
      const action = new URL(`${new URL(response.url).pathname}/login`, response.url).href;
      response = await step(jar, action, {
        method: 'POST',
        body: new URLSearchParams({ persona: personaId }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      continue;
    }
    if (location === null) throw new Error(`login flow stopped at ${response.url} with ${String(response.status)}`);
    const next = new URL(location, response.url);
    if (next.origin === base.origin && !next.pathname.startsWith('/api/')) {
      const landing = next.pathname + next.search;
      if (next.pathname === '/login/refused') return { ok: false, landing, code: next.searchParams.get('code'), jar };
      const session = (await (await step(jar, new URL('/api/auth/session', base).href)).json()) as {
        csrfToken?: string;
      };
      return { ok: true, landing, cookie: jar.header(), csrfToken: session.csrfToken ?? '', jar };
    }
    response = await step(jar, next.href);
  }
  throw new Error('login flow did not end after 20 redirects');
}
