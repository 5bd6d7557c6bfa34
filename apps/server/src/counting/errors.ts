// Expected failures of counting commands: a stable code, thrown inside the command's transaction so
// that nothing is half-done; routes and the CLI turn them into answers (`{ code, message }`).

export type CountingErrorCode =
  | 'counting.not-found'
  | 'counting.period-open'
  | 'counting.already-split'
  | 'counting.not-split'
  | 'counting.small-group'
  | 'counting.merge'
  | 'counting.four-eyes'
  | 'counting.state'
  | 'counting.file'
  | 'counting.wrong-election'
  | 'counting.shuffle-proof'
  | 'counting.decryption-proof'
  | 'counting.out-of-turn'
  | 'counting.scope'
  | 'counting.signature'
  | 'counting.trustee-identity'
  | 'ceremony.state'
  | 'ceremony.identity'
  | 'ceremony.signature'
  | 'ceremony.invalid'
  | 'counting.stations-incomplete'
  | 'counting.list-after-split'
  | 'counting.list-after-hybrid-pv'
  | 'counting.anonymity-set'
  | 'counting.reason'
  | 'hybrid.difference-unexplained'
  | 'hybrid.pv-stale';

export class CountingError extends Error {
  readonly code: CountingErrorCode;
  constructor(code: CountingErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

/** Who performs a counting command, as plain values: the domain never reads a session. */
export interface CountingActor {
  /** Written to the audit log: `official:<id>`, `cli`, `trustee:<n>`. */
  readonly id: string;
  /** The person's name, where known (printed with PV approvals). */
  readonly name?: string;
}
