// The hybrid boxes' cases of agreement.test.ts (issue 16, PROTOCOL.md §8 `hybrid-receipt-log`,
// `hybrid-count`): the test election's record with a hybrid box appended (honest, with its PVs), and
// a forger's edits of it, each re-chained; both verifiers must name the same check.
import { rechain, type DefinitionPayload, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import type { PvFile } from '@isoloir/verifier';
import * as fx from '@isoloir/verifier/hybrid-fixture';

export interface HybridCase {
  readonly name: string;
  readonly expected: string;
  readonly record: unknown;
  readonly pvs?: readonly PvFile[];
}

export function hybridCases(
  record: ElectionRecord,
  definition: DefinitionPayload,
  electionId: string,
  honestPvs: readonly PvFile[],
): HybridCase[] {
  const def = fx.brusselsOf(definition);
  const honest = fx.withHybrid(record, fx.log(), fx.count(def));
  const pv = fx.hybridPv(honest, def, electionId);
  const pvs = (content: unknown): PvFile[] => [...honestPvs, { name: 'hybrid.json', content }];
  const changedCount = fx.count(def);
  (changedCount['counts'] as { valid: number }).valid += 1;
  const duplicate = fx.log();
  (duplicate['envelopes'] as Json[])[3] = fx.line(1, 4, 'accepted', 6);
  const twice = fx.log();
  (twice['envelopes'] as Json[])[4] = fx.line(4, 5, 'accepted', 3);
  const dropped = fx.count(def);
  dropped['ballots'] = fx.BALLOTS.slice(1);
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  const last = copy.entries.length - 1;
  const early = rechain({
    format: copy.format,
    entries: [
      ...copy.entries.slice(0, last),
      fx.entry('hybrid-receipt-log', fx.log()),
      fx.entry('hybrid-count', fx.count(def)),
      ...copy.entries.slice(last),
    ],
  });
  return [
    { name: 'a hybrid box appended', expected: 'ok', record: honest },
    { name: 'a hybrid box appended, with every PV and the hybrid PV', expected: 'ok', record: honest, pvs: pvs(pv) },
    {
      name: 'a hybrid box appended, the hybrid PV alone',
      expected: 'ok',
      record: honest,
      pvs: [{ name: 'hybrid.json', content: pv }],
    },
    { name: 'a hybrid count changed', expected: 'hybrid-count', record: fx.withHybrid(record, fx.log(), changedCount) },
    {
      name: 'a K-code accepted twice',
      expected: 'hybrid-duplicate',
      record: fx.withHybrid(record, duplicate, fx.count(def)),
    },
    {
      name: 'a box order number given twice',
      expected: 'hybrid-log',
      record: fx.withHybrid(record, twice, fx.count(def)),
    },
    { name: 'a paper ballot dropped', expected: 'hybrid-count', record: fx.withHybrid(record, fx.log(), dropped) },
    {
      name: 'a paper ballot dropped, the counts fixed',
      expected: 'hybrid-reconciliation',
      record: fx.withHybrid(record, fx.log(), fx.count(def, fx.BALLOTS.slice(1))),
    },
    {
      name: 'a paper ballot dropped, the difference explained',
      expected: 'ok',
      record: fx.withHybrid(record, fx.log(), fx.count(def, fx.BALLOTS.slice(1), 'an empty inner envelope')),
    },
    { name: 'a hybrid box before the electronic head', expected: 'order', record: early },
    { name: 'a hybrid PV figure changed', expected: 'pv', record: honest, pvs: pvs({ ...pv, blank: 2 }) },
    {
      name: 'a hybrid PV pinned to the head after its own box',
      expected: 'pv',
      record: honest,
      pvs: pvs({ ...pv, recordHash: honest.entries.at(-1)?.hash ?? '' }),
    },
  ];
}
