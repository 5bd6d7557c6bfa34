// The voter's choice in the booth, and its check by the electoral law (packages/electoral): the
// booth only offers choices that classify as valid or blank, and checks again before sealing.
import { classifyBallot, type Constituency, type Mark } from '@isoloir/electoral';
import type { PlainBallot } from '@isoloir/crypto';
import type { Booth } from './api.ts';

export type Choice =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'list';
      readonly list: number;
      readonly headBox: boolean;
      readonly effectives: readonly number[];
      readonly substitutes: readonly number[];
    };

export function constituencyOf(booth: Booth): Constituency {
  const c = booth.election.constituency;
  return {
    id: c.code,
    labels: c.label,
    languages: ['fr'],
    seats: 1,
    lists: booth.lists.map((l) => ({
      id: String(l.number),
      number: l.number,
      name: l.label,
      effectives: l.effectives.map((e) => ({
        id: `${String(l.number)}-e${String(e.position)}`,
        position: e.position,
        name: e.name,
      })),
      substitutes: l.substitutes.map((s) => ({
        id: `${String(l.number)}-s${String(s.position)}`,
        position: s.position,
        name: s.name,
      })),
    })),
  };
}

export function marksOf(choice: Choice): Mark[] {
  if (choice.kind === 'blank') return [];
  const listId = String(choice.list);
  return [
    ...(choice.headBox ? [{ box: 'head' as const, listId }] : []),
    ...choice.effectives.map((position) => ({ box: 'effective' as const, listId, position })),
    ...choice.substitutes.map((position) => ({ box: 'substitute' as const, listId, position })),
  ];
}

/** The plain ballot to encrypt, or undefined if the law would not count it as valid or blank. */
export function plainOf(booth: Booth, choice: Choice): PlainBallot | undefined {
  const verdict = classifyBallot(constituencyOf(booth), { paper: 'official', marks: marksOf(choice) });
  if (verdict.kind === 'invalid') return undefined;
  if (choice.kind === 'blank' || verdict.kind === 'blank') return { kind: 'blank' };
  return {
    kind: 'list',
    list: choice.list,
    headBox: choice.headBox && choice.effectives.length === 0 && choice.substitutes.length === 0,
    effectives: [...choice.effectives].sort((a, b) => a - b),
    substitutes: [...choice.substitutes].sort((a, b) => a - b),
  };
}

export function toggle(values: readonly number[], value: number, on: boolean): number[] {
  return on ? [...new Set([...values, value])].sort((a, b) => a - b) : values.filter((v) => v !== value);
}
