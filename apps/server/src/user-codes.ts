// Every code a user can see on a screen, by kind: the web app renders each in words in French,
// Dutch, German and English from one catalog (apps/web/src/i18n/codes), and tests/codes.test.ts fails
// when one has no message there in any language. A new code the server sends to a user belongs here.
import { INVALID_BALLOT_RULE_CODES } from '@isoloir/electoral';
import type { CancellationReason, ConflictKind } from '@isoloir/store';
import { ERROR_CODES } from './errors.ts';
import type { MergeRule } from './counting/anonymity.ts';
import type { GroupState } from './counting/split.ts';
import { KCODE_CANCELLATION_REASONS } from './hybrid/kcode-state.ts';
import { SET_ASIDE_REASONS } from './hybrid/reception-decision.ts';
import { REJECTION_CODES } from './preparation/voter-rows.ts';

const BALLOT_CANCELLATION_REASONS = [
  'voted-at-polling-station',
  'voted-twice',
  'ineligible',
  'french-language-group',
] as const satisfies readonly CancellationReason[];
const CONFLICT_KINDS = [
  'two-communes',
  'commune-and-abroad',
  'twice-abroad',
  'deceased',
  'deprived',
] as const satisfies readonly ConflictKind[];
const GROUP_STATES = ['waiting', 'split', 'counted', 'withheld'] as const satisfies readonly GroupState[];
const MERGE_RULES = ['abroad-with-belgium', 'across-modes'] as const satisfies readonly MergeRule[];

export const USER_VISIBLE_CODES = {
  /** `{ code, message }` answers (apps/server/src/errors.ts). */
  error: Object.keys(ERROR_CODES),
  /** Why a row of a commune file or a consular registration is refused (import reports, the registration form). */
  reason: [...REJECTION_CODES],
  /** The kinds of conflict of the consolidated voter file. */
  conflict: [...CONFLICT_KINDS],
  /** Why a ballot (online, kiosk) or a hybrid envelope was cancelled. */
  cancel: [...new Set<string>([...BALLOT_CANCELLATION_REASONS, ...KCODE_CANCELLATION_REASONS])],
  /** Why Team A sets a hybrid outer envelope aside at reception (apps/server/src/hybrid/reception-decision.ts). */
  'set-aside': [...SET_ASIDE_REASONS],
  /** Where a counting group stands. */
  'group-state': [...GROUP_STATES],
  /** Why a group below the minimum anonymity set was merged with another. */
  merge: [...MERGE_RULES],
  /** Why a decrypted ballot is invalid (art. 156 §2 of the Electoral Code), on the PV figures. */
  invalid: [...INVALID_BALLOT_RULE_CODES],
} as const satisfies Record<string, readonly string[]>;

export type UserCodeKind = keyof typeof USER_VISIBLE_CODES;

/** The catalog key of every user-visible code: `<kind>.<code>`, e.g. `reason.row.sex-mismatch`. */
export function userVisibleMessageKeys(): string[] {
  return Object.entries(USER_VISIBLE_CODES).flatMap(([kind, codes]) => codes.map((code) => `${kind}.${code}`));
}
