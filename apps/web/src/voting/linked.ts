// Linked places in the booth (issue #11): a ballot whose place has `requires` is offered only when
// the same booth holds the voter's ballot of `requires.electionId` in `requires.constituency`. The one
// such place in Belgian law: the Brussels members of the Flemish Parliament are elected only by the
// Brussels voters who do not vote for the French language group in the Brussels Parliament election
// (special act of 12 January 1989 on the Brussels institutions, art. 14 al. 2). The server refuses a
// cast that breaks the link (`ballot.linked-choice`); the booth never builds one. Pure: no React.
import type { PortalElection } from './api.ts';

/** The colleges or language groups the voter chose in this booth, by election. */
export type Colleges = Readonly<Record<string, string>>;

/** The link of an election's place, or null (a server before issue #11 sends none: null). */
export function requiresOf(election: PortalElection): NonNullable<PortalElection['requires']> | null {
  return election.requires ?? null;
}

/**
 * The constituency of `election`'s ballot in this booth: its own, the college chosen, or its only
 * choice; undefined until chosen.
 */
export function constituencyInBooth(election: PortalElection, colleges: Colleges): string | undefined {
  return (
    election.constituency?.code ??
    colleges[election.electionId] ??
    (election.choices.length === 1 ? election.choices[0]?.code : undefined)
  );
}

/** Whether the booth can ever offer `election`: it is not linked, or the election it requires is in the booth too. */
export function castable(election: PortalElection, booth: readonly PortalElection[]): boolean {
  const requires = requiresOf(election);
  return requires === null || booth.some((e) => e.electionId === requires.electionId);
}

/**
 * Whether `election`'s ballot is offered now: not linked, or the booth's ballot it requires is in the
 * required constituency.
 */
export function isOffered(election: PortalElection, booth: readonly PortalElection[], colleges: Colleges): boolean {
  const requires = requiresOf(election);
  if (requires === null) return true;
  const required = booth.find((e) => e.electionId === requires.electionId);
  return required !== undefined && constituencyInBooth(required, colleges) === requires.constituency;
}

/** The ballots offered now, in the booth's order. */
export function offeredBallots(booth: readonly PortalElection[], colleges: Colleges): PortalElection[] {
  return booth.filter((e) => isOffered(e, booth, colleges));
}

/**
 * The booth's order (`sorted` already in ballot order), each linked election moved right after the
 * election it requires: the voter reads why it appears just after the choice that brings it.
 */
export function linkedAfterRequired(sorted: readonly PortalElection[]): PortalElection[] {
  const linked = sorted.filter((e) => {
    const requires = requiresOf(e);
    return requires !== null && sorted.some((r) => r.electionId === requires.electionId);
  });
  const order: PortalElection[] = [];
  for (const e of sorted) {
    if (linked.includes(e)) continue;
    order.push(e, ...linked.filter((l) => requiresOf(l)?.electionId === e.electionId));
  }
  return order;
}

/** The voter's elections linked to `required` (whether in the booth or not): what its college or group decides. */
export function linkedTo(required: PortalElection, elections: readonly PortalElection[]): PortalElection[] {
  return elections.filter((e) => requiresOf(e)?.electionId === required.electionId);
}

/** The choice `code` of `election` (a college or language group, with its labels), or undefined. */
export function choiceOf(election: PortalElection, code: string): PortalElection['choices'][number] | undefined {
  return election.choices.find((c) => c.code === code);
}

/**
 * The linked elections that this booth leaves out because of the voter's choice (not the elections
 * whose required election is not in the booth): the review says why, and whether the voter's
 * current ballot there will be cancelled by this cast (the server cancels it: reason
 * `french-language-group`).
 */
export function leftOutByChoice(
  booth: readonly PortalElection[],
  elections: readonly PortalElection[],
  colleges: Colleges,
): { readonly election: PortalElection; readonly required: PortalElection; readonly cancels: boolean }[] {
  const out: { election: PortalElection; required: PortalElection; cancels: boolean }[] = [];
  for (const election of elections) {
    const requires = requiresOf(election);
    if (requires === null) continue;
    const required = booth.find((e) => e.electionId === requires.electionId);
    const chosen = required === undefined ? undefined : constituencyInBooth(required, colleges);
    if (required === undefined || chosen === undefined || chosen === requires.constituency) continue;
    out.push({ election, required, cancels: election.ballots.some((b) => b.status === 'received') });
  }
  return out;
}
