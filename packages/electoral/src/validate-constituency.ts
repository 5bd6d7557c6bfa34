import type { CandidateList, Constituency } from './model.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export interface ModelError {
  readonly code:
    | 'constituency.seats'
    | 'list.duplicate-id'
    | 'list.too-many-effectives'
    | 'list.too-many-substitutes'
    | 'list.positions'
    | 'candidate.duplicate-id';
  /** Where: `lists[2].substitutes`. */
  readonly field: string;
}

/**
 * Checks a constituency's structure: positive seats, unique ids, positions 1…n, at most as many
 * effectives as seats and at most max(6, ⌈seats / 2⌉ + 1) substitutes (CE art. 117; the substitute
 * bound is the one all 2024 Chamber lists respect).
 */
export function validateConstituency(constituency: Constituency): Result<Constituency, ModelError> {
  if (!Number.isSafeInteger(constituency.seats) || constituency.seats < 1)
    return err({ code: 'constituency.seats', field: 'seats' });
  const listIds = new Set<string>();
  const candidateIds = new Set<string>();
  for (const [i, list] of constituency.lists.entries()) {
    const field = `lists[${i.toString()}]`;
    if (listIds.has(list.id)) return err({ code: 'list.duplicate-id', field: `${field}.id` });
    listIds.add(list.id);
    const problem = listProblem(list, constituency.seats);
    if (problem !== null) return err({ code: problem[0], field: `${field}.${problem[1]}` });
    for (const c of [...list.effectives, ...list.substitutes]) {
      if (candidateIds.has(c.id)) return err({ code: 'candidate.duplicate-id', field: `${field}.candidates` });
      candidateIds.add(c.id);
    }
  }
  return ok(constituency);
}

function listProblem(list: CandidateList, seats: number): readonly [ModelError['code'], string] | null {
  if (list.effectives.length > seats) return ['list.too-many-effectives', 'effectives'];
  if (list.substitutes.length > Math.max(6, (seats + (seats % 2)) / 2 + 1))
    return ['list.too-many-substitutes', 'substitutes'];
  if (!list.effectives.every((c, i) => c.position === i + 1)) return ['list.positions', 'effectives'];
  if (!list.substitutes.every((c, i) => c.position === i + 1)) return ['list.positions', 'substitutes'];
  return null;
}
