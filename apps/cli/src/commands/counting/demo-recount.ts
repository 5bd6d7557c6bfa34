// Test helper: the demo's PV figures against an independent recount from the plaintext log that
// only tests ask the demo to keep (the last ballot of each voter, minus voters who voted at a
// polling station, minus a linked ballot a later cast of the voter cancelled), per constituency:
// blank, invalid, every list's votes and preference votes. A withheld constituency (below the
// minimum anonymity set: its ballots stay encrypted) has no figures to compare.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PlainBallot } from '@isoloir/crypto';
import type { DemoSummary } from './demo-run.ts';

interface Log {
  atStation: string[];
  casts: {
    electionId: string;
    nrn: string;
    constituency: string;
    category: string;
    sequence: number;
    plain: PlainBallot;
    cancellation?: string;
  }[];
}

/** Asserts the figures; returns the elections that had ballots to count. */
export function assertPvsEqualRecount(summary: DemoSummary, plainLog: string): string[] {
  // Independent recount: last ballot of each voter, minus voters who voted at a polling station.
  const log = JSON.parse(readFileSync(plainLog, 'utf8')) as Log;
  const station = new Set(log.atStation);
  const last = new Map<string, Log['casts'][number]>();
  for (const c of log.casts) {
    const key = `${c.electionId} ${c.nrn}`;
    if ((last.get(key)?.sequence ?? 0) < c.sequence) last.set(key, c);
  }
  const withheld = new Set(summary.withheld);
  const counted = [...last.values()].filter(
    (c) => !station.has(c.nrn) && c.cancellation === undefined && !withheld.has(`${c.electionId}/${c.constituency}`),
  );
  const byConstituency = new Map<string, PlainBallot[]>();
  for (const c of counted) {
    const where = `${c.electionId}/${c.constituency}`;
    byConstituency.set(where, [...(byConstituency.get(where) ?? []), c.plain]);
  }
  for (const [code, ballots] of byConstituency) {
    const pvs = summary.pvs.filter((p) => `${p.electionId}/${p.constituency.code}` === code && p.mergedInto === null);
    const lists = pvs[0]?.lists.length ?? 0;
    const sum = (f: (p: (typeof pvs)[number]) => number): number => pvs.reduce((a, p) => a + f(p), 0);
    assert.equal(
      sum((p) => p.blank),
      ballots.filter((b) => b.kind === 'blank').length,
      `${code} blank`,
    );
    assert.equal(
      sum((p) => p.invalid),
      ballots.filter((b) => b.kind === 'list' && b.list > lists).length,
      `${code} invalid`,
    );
    for (let n = 1; n <= lists; n++) {
      const mine = ballots.filter(
        (b): b is Extract<PlainBallot, { kind: 'list' }> => b.kind === 'list' && b.list === n,
      );
      assert.equal(
        sum((p) => p.lists[n - 1]?.total ?? 0),
        mine.length,
        `${code} list ${String(n)}`,
      );
      const eff = sum((p) => p.lists[n - 1]?.effectives.reduce((a, e) => a + e.votes, 0) ?? 0);
      assert.equal(
        eff,
        mine.reduce((a, b) => a + b.effectives.length, 0),
        `${code} list ${String(n)} preference votes`,
      );
    }
  }
  assert.equal(summary.counted, counted.length);

  return [...new Set([...byConstituency.keys()].map((k) => k.split('/')[0] ?? ''))].sort();
}
