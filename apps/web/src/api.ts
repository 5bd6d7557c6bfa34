// The client side of the API: every call returns a value or a stable error code to translate.
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  /** `field` says where, when the server says it (`sex: row.sex-mismatch` for a refused registration). */
  | { readonly ok: false; readonly code: string; readonly field?: string };

function errorCodeOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') return body.code;
  return 'internal';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch {
    return { ok: false, code: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  return response.ok ? { ok: true, value: body as T } : { ok: false, code: errorCodeOf(body) };
}

export type Labels = Readonly<Record<'fr' | 'nl' | 'de' | 'en', string>>;

export interface ElectionSummary {
  readonly id: string;
  readonly votingDate: string;
  readonly kind: string;
  readonly label: Labels;
  readonly constituencies: number;
  readonly seats: number;
  readonly voters: number;
}

export interface ConstituencySummary {
  readonly code: string;
  readonly label: Labels;
  readonly seats: number;
  readonly languages: readonly string[];
  readonly lists: number;
  readonly candidates: number;
}

export interface ElectionDetail extends Omit<ElectionSummary, 'constituencies'> {
  readonly constituencies: readonly ConstituencySummary[];
}
