// The key ceremony's board as a trustee's machine reaches it over HTTP: read the public transcript,
// register, post. Lost connections and 502/503/504 are retried; a refusal (4xx) is thrown as a
// TrusteeRefusal with the server's code and message.
import type { Json } from '@isoloir/crypto';
import type { CeremonyPhase, PostKind } from '@isoloir/server/counting';
import { TrusteeRefusal, type ServerSession } from '../counting/http-service.ts';

export interface Transcript {
  readonly format: string;
  readonly electionId: string;
  readonly group: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly registrations: readonly { trustee: number; signingKey: string; encryptionKey: string; signature: string }[];
  readonly posts: readonly { seq: number; trustee: number; kind: PostKind; payload: unknown; signature: string }[];
  readonly qualified: readonly number[] | null;
  readonly publicKey: string | null;
}

export interface BoardView {
  readonly phase: CeremonyPhase;
  readonly awaitingAnswers: readonly number[];
  readonly transcript: Transcript;
}

export interface BoardClient {
  read(): Promise<BoardView>;
  register(body: { trustee: number; signingKey: string; encryptionKey: string; signature: string }): Promise<void>;
  post(body: { kind: PostKind; payload: Json; signature: string }): Promise<{ seq: number; phase: CeremonyPhase }>;
}

const TRANSIENT = new Set([502, 503, 504]);

export function boardClient(
  server: string,
  electionId: string,
  session: ServerSession,
  o: { retries?: number; log?: (l: string) => void } = {},
): BoardClient {
  const root = server.replace(/\/$/, '');
  const e = encodeURIComponent(electionId);
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: session.cookie };
    if (body !== undefined)
      Object.assign(headers, { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' });
    for (let attempt = 0; ; attempt++) {
      let failure = '';
      try {
        const r = await fetch(
          `${root}${path}`,
          body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) },
        );
        if (!TRANSIENT.has(r.status)) {
          const json = (await r.json().catch(() => ({}))) as { code?: string; message?: string };
          if (r.ok) return json as T;
          throw new TrusteeRefusal(r.status, json.code ?? `http.${String(r.status)}`, json.message ?? r.statusText);
        }
        failure = `HTTP ${String(r.status)}`;
      } catch (err) {
        if (err instanceof TrusteeRefusal) throw err;
        failure = err instanceof Error ? err.message : String(err);
      }
      if (attempt >= (o.retries ?? 5)) throw new Error(`the server did not answer ${path} (${failure})`);
      o.log?.(`connection problem (${failure}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }
  return {
    read: () => call<BoardView>(`/api/counting/public/${e}/ceremony`),
    register: async (body) => {
      await call(`/api/counting/contents/${e}/trustee/ceremony/registrations`, body);
    },
    post: (body) => call(`/api/counting/contents/${e}/trustee/ceremony/posts`, body),
  };
}
