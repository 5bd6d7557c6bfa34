// The client side of the preparation screens: the election day being prepared, uploads of CSV files
// and JSON commands carrying the session's anti-forgery token.
import { getJson, type ApiResult, type ElectionSummary, type Labels } from '../api.ts';
import { getSession } from '../auth/api.ts';

export interface ImportReport {
  readonly importId: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejections: readonly {
    readonly line: number;
    readonly column: string;
    readonly code: string;
    readonly value: string;
  }[];
  readonly files: readonly { readonly scope: string; readonly version: number; readonly voters: number }[];
}

export interface DayState {
  readonly dayId: string;
  readonly label: Labels;
  readonly votingDate: string;
  readonly abroadModes: readonly number[];
  readonly elections: readonly string[];
  readonly frozen: boolean;
  readonly communes: number;
  readonly communeFiles: number;
  readonly registrations: number;
  readonly posts: readonly { readonly code: string; readonly label: Labels; readonly address: string }[];
  readonly consolidation: {
    readonly id: string;
    readonly voters: number;
    readonly frozen: boolean;
    readonly openConflicts: number;
  } | null;
}

export interface Commune {
  readonly nis: string;
  readonly names: { readonly fr: string; readonly nl: string; readonly de: string };
  readonly version: number | null;
  readonly voters: number | null;
}

/** The election day being prepared: the newest one. */
export async function currentDayId(): Promise<ApiResult<string>> {
  const elections = await getJson<(ElectionSummary & { electionDayId: string })[]>('/api/elections');
  if (!elections.ok) return elections;
  const first = elections.value[0];
  return first === undefined ? { ok: false, code: 'preparation.not-found' } : { ok: true, value: first.electionDayId };
}

async function csrf(): Promise<string> {
  const session = await getSession();
  return session.ok && session.value.authenticated ? session.value.csrfToken : '';
}

async function answer<T>(request: Promise<Response>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await request;
  } catch {
    return { ok: false, code: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: body as T };
  const code =
    typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : 'internal';
  const field =
    typeof body === 'object' && body !== null && 'field' in body && typeof body.field === 'string'
      ? body.field
      : undefined;
  return field === undefined ? { ok: false, code } : { ok: false, code, field };
}

export async function uploadCsv<T>(path: string, file: File): Promise<ApiResult<T>> {
  const token = await csrf();
  return answer<T>(
    fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'text/csv', 'x-csrf-token': token },
      body: file,
    }),
  );
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const token = await csrf();
  return answer<T>(
    fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'x-csrf-token': token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** A commune's name in the reader's language (French for an English reader, as on Belgian documents). */
export function communeName(commune: Commune, language: string): string {
  return language === 'nl' ? commune.names.nl : language === 'de' ? commune.names.de : commune.names.fr;
}
