// What a handler knows about its caller: `request.session`, a voter's or an official's session.
import type { RoleGrant } from './roles.ts';

interface SessionBase {
  /** sha256 of the cookie's token: the session row's key. */
  readonly id: string;
  /** CSAM/FAS assurance level the login was made at (500 eID, 450 itsme, …). */
  readonly assuranceLevel: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface VoterSession extends SessionBase {
  readonly kind: 'voter';
  readonly electionDayId: string;
  /** The voter's national register number; a voter only ever sees data under this number. */
  readonly nrn: string;
  /** CSAM, or a passkey enrolled through the consular post (../passkey); never shown to counting teams. */
  readonly loginMethod: 'csam' | 'passkey';
}

export interface OfficialSession extends SessionBase {
  readonly kind: 'official';
  readonly officialId: string;
  /** Every role the official holds, with its scope (null for unscoped roles). */
  readonly roles: readonly RoleGrant[];
}

export type CallerSession = VoterSession | OfficialSession;
