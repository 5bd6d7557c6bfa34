// The public results of a constituency, from its open-data file: the seats per list and the elected
// candidates computed by packages/electoral (`computeOfficialResults`, the code `isoloir allocate`
// runs: D'Hondt or Imperiali after the threshold, CE arts. 165bis, 167; designation after
// devolution, arts. 172–173), and the figures the page shows. Pure: no I/O.
import { ceilShare, computeOfficialResults, fraction, parseFraction } from '@isoloir/electoral';
import type { OfficialError } from '@isoloir/electoral';
import type { AllocationRules } from './open-data.ts';

export interface ResultCandidate {
  readonly position: number;
  readonly name: string;
  readonly votes: number;
  /** Votes after devolution (art. 172); null for an effective not elected on a list without seats. */
  readonly total: number | null;
  /** Order of election (effectives) or of substitution (substitutes); null when not elected / ranked. */
  readonly order: number | null;
}

export interface ResultList {
  readonly number: number;
  readonly name: string;
  readonly votes: number;
  readonly categories: { readonly B: number; readonly C: number; readonly D: number; readonly E: number };
  readonly reachesThreshold: boolean;
  readonly seats: number;
  /** The eligibility figure (art. 172), null without a seat. */
  readonly eligibilityFigure: number | null;
  /** Elected effectives, in the order of their election. */
  readonly elected: readonly ResultCandidate[];
  /** Substitutes in the order in which they would take a seat (art. 173); empty without a seat. */
  readonly substitutes: readonly ResultCandidate[];
}

export interface Allocation {
  readonly valid: number;
  /** The fewest votes a list needs to take part in the allocation: ⌈threshold × valid⌉ (0 without threshold). */
  readonly thresholdVotes: number;
  readonly lists: readonly ResultList[];
  /** The open-data file with the seats and the elected filled in: what `isoloir allocate` prints for it. */
  readonly computed: Json;
}

type Json = Readonly<Record<string, unknown>>;

/** The allocation of the open-data file, or the library's error (a tie the figures cannot settle). */
export function allocate(
  file: Json,
  rules: AllocationRules,
): { ok: true; value: Allocation } | { ok: false; error: OfficialError } {
  const devolution = parseFraction(rules.devolution);
  if (!devolution.ok) throw new Error(`bad devolution ${rules.devolution}`);
  const threshold = fraction(rules.thresholdPercent, 100);
  const computed = computeOfficialResults(file, {
    seats: rules.seats,
    method: rules.method,
    threshold,
    devolution: devolution.value,
    tieBreak: ['higher-figure', 'candidate-votes', 'candidate-age'],
  });
  if (!computed.ok) return computed;
  const lists = (computed.value['ElectionLists'] as Json[]).map(resultList);
  const valid = lists.reduce((a, l) => a + l.votes, 0);
  const thresholdVotes = ceilShare(valid, threshold);
  return {
    ok: true,
    value: {
      valid,
      thresholdVotes,
      lists: lists.map((l) => ({ ...l, reachesThreshold: l.votes >= thresholdVotes })),
      computed: computed.value,
    },
  };
}

function resultList(l: Json): ResultList {
  const candidates = (l['Candidates'] as Json[]).map((c) => ({
    substitute: c['IsSuccessor'] === true,
    position: c['NrOnList'] as number,
    name: c['FullName'] as string,
    votes: c['NrOfVotes'] as number,
    total: c['II_VotesObtainedAfterDevolution'] as number | null,
    order: c['IV_CandidateOrder'] as number | null,
  }));
  const ranked = (substitute: boolean): ResultCandidate[] =>
    candidates
      .filter((c) => c.substitute === substitute && c.order !== null)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map(({ position, name, votes, total, order }) => ({ position, name, votes, total, order }));
  const seats = l['A_SeatsForList'] as number;
  return {
    number: l['ListNumber'] as number,
    name: l['PartyLabel'] as string,
    votes: l['NrOfVotes'] as number,
    categories: {
      B: l['B_BallotsWithListVote'] as number,
      C: l['C_BallotsWithCandidateVotesOnly'] as number,
      D: l['D_BallotsWithCandidateAndSuccessorVotes'] as number,
      E: l['E_BallotsWithSuccessorVotesOnly'] as number,
    },
    reachesThreshold: false,
    seats,
    eligibilityFigure: seats === 0 ? null : (l['G_ElectionNumber'] as number),
    elected: ranked(false),
    substitutes: seats === 0 ? [] : ranked(true),
  };
}
