// The hybrid mode's calls: the voter's own facts, the kit (a PDF), the status by K-code.
import { getSession } from '../auth/api.ts';
import type { ApiResult, Labels } from '../api.ts';

export type KcodeStatus = 'unknown' | 'issued' | 'voided' | 'received' | 'cancelled' | 'counted';

export interface KcodeView {
  readonly status: KcodeStatus;
  readonly reason: string | null;
  readonly updatedAt: string | null;
  /** The code's election day (null when unknown): the public hash is computed from it on the device. */
  readonly electionDayId: string | null;
}

export interface HybridMe {
  readonly registered: boolean;
  readonly mayPrint: boolean;
  readonly refusal: string | null;
  readonly period: {
    readonly opens: string;
    readonly closes: string;
    readonly opensAt: string;
    readonly closesAt: string;
    readonly state: string;
  } | null;
  readonly elections: readonly {
    readonly electionId: string;
    readonly label: Labels;
    readonly constituency: { readonly code: string; readonly label: Labels };
  }[];
  readonly kcode: (KcodeView & { readonly issuedAt: string }) | null;
}

async function token(): Promise<string> {
  const session = await getSession();
  return session.ok && session.value.authenticated ? session.value.csrfToken : '';
}

async function failure(response: Response): Promise<{ readonly ok: false; readonly code: string }> {
  const body: unknown = await response.json().catch(() => null);
  const code =
    typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : 'internal';
  return { ok: false, code };
}

/** Prints a kit: the PDF, which the page hands to the browser as a download. */
export async function fetchKit(): Promise<ApiResult<Blob>> {
  try {
    const response = await fetch('/api/hybrid/kit', { method: 'POST', headers: { 'x-csrf-token': await token() } });
    return response.ok ? { ok: true, value: await response.blob() } : await failure(response);
  } catch {
    return { ok: false, code: 'network' };
  }
}

export async function lookupKcode(code: string): Promise<ApiResult<KcodeView>> {
  try {
    const response = await fetch('/api/hybrid/status', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': await token() },
      body: JSON.stringify({ code }),
    });
    return response.ok ? { ok: true, value: (await response.json()) as KcodeView } : await failure(response);
  } catch {
    return { ok: false, code: 'network' };
  }
}
