// What a verified login says about the person: pure checks of the claims CSAM/FAS returns.
// The national register number comes from `egovNRN`, the level from `acr` (or `amr`).
import { parseNrn } from '@isoloir/electoral';
import { FAS_LEVEL_PREFIX } from './config.ts';

export const LEVELS = [100, 200, 300, 400, 450, 500] as const;

export interface Identity {
  readonly nrn: string;
  readonly givenName: string;
  readonly surname: string;
  readonly language: 'fr' | 'nl' | 'de' | 'en' | null;
  readonly level: number;
}

export type IdentityError = 'auth.nrn-missing' | 'auth.nrn-invalid' | 'auth.level-too-low';

export type IdentityResult =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly error: IdentityError; readonly level: number | null };

const LEVEL_URN = /^urn:be:fedict:iam:fas:(?:citizen:)?Level(\d{3})$/;

/** The level of one `acr` or `amr` value, or null. */
export function levelOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = LEVEL_URN.exec(value);
  const level = match?.[1] === undefined ? null : Number(match[1]);
  return level !== null && (LEVELS as readonly number[]).includes(level) ? level : null;
}

/** The assurance level of the ID token: `acr`, else the highest level URN among `amr`. */
export function assuranceLevel(idToken: Readonly<Record<string, unknown>>): number | null {
  const fromAcr = levelOf(idToken['acr']);
  if (fromAcr !== null) return fromAcr;
  const amr = idToken['amr'];
  const levels = Array.isArray(amr) ? amr.map(levelOf).filter((level): level is number => level !== null) : [];
  return levels.length === 0 ? null : Math.max(...levels);
}

export function levelUrn(level: number): string {
  return `${FAS_LEVEL_PREFIX}${String(level)}`;
}

function text(value: unknown, max = 200): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

function language(value: unknown): Identity['language'] {
  const code = text(value, 5).toLowerCase().slice(0, 2);
  return code === 'fr' || code === 'nl' || code === 'de' || code === 'en' ? code : null;
}

/**
 * Reads the identity from the ID token's claims and the userinfo claims. `minimumLevel` is the
 * policy; the year bounds the national register number's century check.
 */
export function readIdentity(
  idToken: Readonly<Record<string, unknown>>,
  userinfo: Readonly<Record<string, unknown>>,
  options: { readonly minimumLevel: number; readonly currentYear: number },
): IdentityResult {
  const level = assuranceLevel(idToken);
  if (level === null || level < options.minimumLevel) return { ok: false, error: 'auth.level-too-low', level };
  const raw = userinfo['egovNRN'] ?? idToken['egovNRN'];
  if (raw === undefined || raw === null || raw === '') return { ok: false, error: 'auth.nrn-missing', level };
  if (typeof raw !== 'string' || raw.length > 20) return { ok: false, error: 'auth.nrn-invalid', level };
  const nrn = parseNrn(raw, { currentYear: options.currentYear });
  if (!nrn.ok) return { ok: false, error: 'auth.nrn-invalid', level };
  const claims = { ...idToken, ...userinfo };
  return {
    ok: true,
    identity: {
      nrn: nrn.value.digits,
      givenName: text(claims['givenName']),
      surname: text(claims['surname']),
      language: language(claims['prefLanguage']),
      level,
    },
  };
}
