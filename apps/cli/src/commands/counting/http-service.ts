// The counting server as a trustee's machine reaches it: the trustee routes of
// apps/server/src/routes/counting-trustee.ts over HTTP, with the official's session cookie and its
// anti-forgery token. Lost connections and 502/503/504 answers are retried with a growing pause;
// a refusal (4xx) is not: it is thrown as a TrusteeRefusal with the server's code and message.
// Nothing served here is trusted as such: the key, the transcript and the trustees' keys are compared
// with the ceremony pinned in the trustee's share file (trustee-work.ts, ceremony/pin.ts).
import { packRows, unpackRows, type GroupWork, type PublishedGroup } from '@isoloir/server/counting';
import type { CountingService } from './trustee-work.ts';
import type { ChainLink } from './trustee-checks.ts';
import type { Transcript } from '../ceremony/board-client.ts';

export class TrusteeRefusal extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(`${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

export interface ServerSession {
  /** The `Cookie` header value (e.g. `isoloir-session=…`). */
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface KeyInfo {
  readonly electionId: string;
  readonly group: string;
  readonly publicKey: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly verificationKeys: readonly { readonly trustee: number; readonly verificationKey: string }[];
}

export interface HttpOptions {
  readonly retries?: number;
  /** Pause before retry k (1-based), in ms; default 1 s, 2 s, 4 s… capped at 30 s. */
  readonly pause?: (attempt: number) => number;
  readonly log?: (line: string) => void;
}

const TRANSIENT = new Set([502, 503, 504]);

/** Reads the anti-forgery token of a session cookie (GET /api/auth/session). */
export async function sessionFromCookie(server: string, cookie: string): Promise<ServerSession> {
  const response = await fetch(new URL('/api/auth/session', server), { headers: { cookie } });
  const body = (await response.json()) as { csrfToken?: string; session?: unknown };
  if (!response.ok || typeof body.csrfToken !== 'string')
    throw new Error(`the session cookie is not valid on ${server} (log in again)`);
  return { cookie, csrfToken: body.csrfToken };
}

export function httpCountingService(
  server: string,
  electionId: string,
  session: ServerSession,
  opts: HttpOptions = {},
): CountingService {
  const base = `${server.replace(/\/$/, '')}/api/counting/contents/${encodeURIComponent(electionId)}/trustee`;
  const retries = opts.retries ?? 5;
  const pause = opts.pause ?? ((k: number) => Math.min(30_000, 1000 * 2 ** (k - 1)));

  async function call(path: string, init: RequestInit = {}, root = base): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', session.cookie);
    if (init.method === 'POST') {
      headers.set('x-csrf-token', session.csrfToken);
      headers.set('content-type', 'application/json');
    }
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure = '';
      try {
        response = await fetch(`${root}${path}`, { ...init, headers });
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
      if (response !== undefined && !TRANSIENT.has(response.status)) {
        if (response.ok) return response;
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        throw new TrusteeRefusal(
          response.status,
          body.code ?? `http.${String(response.status)}`,
          body.message ?? response.statusText,
        );
      }
      if (response !== undefined) failure = `HTTP ${String(response.status)}`;
      if (attempt >= retries)
        throw new Error(`the server did not answer ${path} after ${String(retries + 1)} tries (${failure})`);
      opts.log?.(`connection problem (${failure}); retrying in ${String(pause(attempt + 1) / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, pause(attempt + 1)));
    }
  }

  const b64 = (rows: readonly (readonly Uint8Array[])[]): string => Buffer.from(packRows(rows)).toString('base64');
  let keyInfo: Promise<KeyInfo> | undefined;
  const key = (): Promise<KeyInfo> => (keyInfo ??= call('/key').then((r) => r.json() as Promise<KeyInfo>));

  const publicBase = `${server.replace(/\/$/, '')}/api/counting/public/${encodeURIComponent(electionId)}`;
  let transcript: Promise<Transcript> | undefined;
  return {
    key,
    async served() {
      transcript ??= call('/ceremony', {}, publicBase).then(
        async (r) => ((await r.json()) as { transcript: Transcript }).transcript,
      );
      return { transcript: await transcript, key: await key() };
    },
    async publishedGroup(groupId) {
      return (
        await call(`/published-group?group=${encodeURIComponent(groupId)}`, {}, publicBase)
      ).json() as Promise<PublishedGroup>;
    },
    async shuffleChain(groupId): Promise<ChainLink[]> {
      const r = (await (await call(`/shuffles?group=${encodeURIComponent(groupId)}`)).json()) as {
        shuffles: { mixNode: number; trustee: number; signature: string | null; proof: unknown; outputs: string }[];
      };
      return r.shuffles.map((l) => ({
        mixNode: l.mixNode,
        trustee: l.trustee,
        signature: l.signature,
        proof: l.proof,
        outputs: unpackRows(new Uint8Array(Buffer.from(l.outputs, 'base64'))),
      }));
    },
    async groups(): Promise<GroupWork[]> {
      return ((await (await call('/groups')).json()) as { groups: GroupWork[] }).groups;
    },
    async current(groupId) {
      const r = await call(`/ciphertexts?group=${encodeURIComponent(groupId)}`);
      const blob = new Uint8Array(await r.arrayBuffer());
      return { mixNodes: Number(r.headers.get('x-isoloir-mix-nodes') ?? '0'), blob };
    },
    async uploadShuffle(up) {
      await call('/shuffles', {
        method: 'POST',
        body: JSON.stringify({
          group: up.groupId,
          trustee: up.trustee,
          mixNode: up.mixNode,
          outputs: b64(up.outputs),
          proof: up.proof,
          signature: up.signature,
        }),
      });
    },
    async uploadPartial(up) {
      await call('/partials', {
        method: 'POST',
        body: JSON.stringify({
          group: up.groupId,
          trustee: up.trustee,
          shares: b64(up.shares),
          proof: up.proof,
          signature: up.signature,
        }),
      });
    },
  };
}
