// Who performs a preparation command, as plain values: the domain never reads a session.
// The route layer builds it from the authenticated official (see ../routes/preparation-access.ts).

export type PreparationRole = 'po-admin' | 'commune-official' | 'consular-official' | 'cli';

export interface Actor {
  /** Written to the audit log: `official:<id>`, `cli`. */
  readonly id: string;
  readonly role: PreparationRole;
  /** The commune NIS code (commune official) or consular post code (consular official). */
  readonly scope?: string | undefined;
}

/** The command-line tool runs with the organising authority's rights on the database it opens. */
export const CLI_ACTOR: Actor = { id: 'cli', role: 'cli' };

export function isAuthority(actor: Actor): boolean {
  return actor.role === 'po-admin' || actor.role === 'cli';
}
