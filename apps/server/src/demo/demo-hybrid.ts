// DEMO-ONLY: which residents of the demo opted in to hybrid voting (mode 6) rather than online voting.
// In each constituency, by national register number, the 16th resident and every 20th after it: a
// few per constituency, never among the first fifteen (the tests and the counting demo vote online
// with those), so that no constituency's online ballots fall below the minimum anonymity set. Pure:
// the demo's pipeline and the development identity provider's personas read the same answer.

export interface DemoResident {
  readonly nrn: string;
  readonly category: 'belgium' | 'abroad';
  readonly constituency_code: string;
}

export function demoHybridNrns(voters: readonly DemoResident[]): Set<string> {
  const ranks = new Map<string, number>();
  const hybrid = new Set<string>();
  for (const v of [...voters].filter((x) => x.category === 'belgium').sort((a, b) => a.nrn.localeCompare(b.nrn))) {
    const rank = ranks.get(v.constituency_code) ?? 0;
    ranks.set(v.constituency_code, rank + 1);
    if (rank % 20 === 15) hybrid.add(v.nrn);
  }
  return hybrid;
}
