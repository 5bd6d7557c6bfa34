// The `french-language-group` cases of agreement.test.ts (special act of 12 January 1989, art. 14
// al. 2; PROTOCOL.md §8.1 "Linked places"): a re-voter's first ballot cancelled by the voter's
// French-group ballot of the Brussels Parliament (honest, with its PVs), and a forger's edits of its
// evidence or of the PVs, each re-chained; both verifiers must name the same check.
import type { DefinitionPayload, ElectionRecord } from '@isoloir/crypto';
import type { PvFile } from '@isoloir/verifier';
import * as fx from '@isoloir/verifier/linked-fixture';

export interface LinkedCase {
  readonly name: string;
  readonly expected: string;
  readonly record: unknown;
  readonly pvs?: readonly PvFile[];
  readonly linked?: readonly { readonly name: string; readonly record: unknown }[];
}

/** `first` and `other`: two re-voters' first ballots (cancelled as superseded in `record`). */
export function linkedCases(
  record: ElectionRecord,
  definition: DefinitionPayload,
  electionId: string,
  groupId: string,
  first: string,
  other: string,
): LinkedCase[] {
  const honest = fx.withFrenchGroup(record, [first]);
  const pvs = fx.electronicPvs(honest, definition, electionId);
  const evidence = (change: (e: Record<string, unknown>) => Record<string, unknown>): ElectionRecord =>
    fx.withFrenchGroup(record, [first], (e) => change(e) as typeof e);
  const real = fx.linkedEvidence(record, first);
  const linkedAt = Date.parse(real['receivedAt'] as string);
  const linked = (evidence: Record<string, unknown>) => [
    { name: 'brussels', record: fx.linkedRecordFor(record, [evidence as typeof real]) },
  ];
  return [
    { name: 'french-language-group: a re-voter’s first ballot', expected: 'ok', record: honest },
    { name: 'french-language-group: with its PVs', expected: 'ok', record: honest, pvs },
    {
      name: 'french-language-group: the linked ballot before the cancelled one',
      expected: 'cancellation-evidence',
      record: evidence((e) => ({ ...e, receivedAt: new Date(linkedAt - 86_400_000).toISOString() })),
    },
    {
      name: 'french-language-group: the linked ballot after the voter’s next ballot',
      expected: 'cancellation-evidence',
      record: evidence((e) => ({ ...e, receivedAt: new Date(linkedAt + 86_400_000).toISOString() })),
    },
    {
      name: 'french-language-group: a receipt time that is not ISO 8601 UTC',
      expected: 'cancellation-evidence',
      record: evidence((e) => ({ ...e, receivedAt: '2029-06-09T06:00:03.500+01:00' })),
    },
    {
      name: 'french-language-group: the evidence names this election',
      expected: 'cancellation-evidence',
      record: evidence((e) => ({ ...e, electionId })),
    },
    {
      name: 'french-language-group: one linked ballot for two cancellations',
      expected: 'cancellation-evidence',
      record: fx.withFrenchGroup(record, [first, other], (e) => ({ ...e, ballotId: `${fx.LINKED_ELECTION}/one` })),
    },
    {
      name: 'french-language-group: an evidence field more',
      expected: 'schema',
      record: evidence((e) => ({ ...e, voterId: 'x' })),
    },
    {
      name: 'french-language-group: an evidence field missing',
      expected: 'schema',
      record: evidence(({ constituency: _, ...e }) => e),
    },
    {
      name: 'french-language-group, --linked: the linked record holds that ballot',
      expected: 'ok',
      record: honest,
      linked: linked(real),
    },
    {
      name: 'french-language-group, --linked: a ballot the linked record does not hold',
      expected: 'cancellation-evidence',
      record: honest,
      linked: linked({ ...real, ballotId: 'another' }),
    },
    {
      name: 'french-language-group, --linked: another constituency there',
      expected: 'cancellation-evidence',
      record: honest,
      linked: linked({ ...real, constituency: 'groupe-neerlandais' }),
    },
    {
      name: 'french-language-group, --linked: another time there',
      expected: 'cancellation-evidence',
      record: honest,
      linked: linked({ ...real, receivedAt: new Date(linkedAt + 1).toISOString() }),
    },
    {
      name: 'french-language-group, --linked: not an election record',
      expected: 'cancellation-evidence',
      record: honest,
      linked: [{ name: 'brussels', record: { format: 'isoloir-record/2', entries: [] } }],
    },
    {
      name: 'french-language-group: a counted ballot the PV says is cancelled for it',
      expected: 'pv',
      record: honest,
      pvs: fx.pvClaiming(pvs, groupId, 'french-language-group'),
    },
  ];
}
