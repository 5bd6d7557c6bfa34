// The three legal counts agree: the server's (@isoloir/electoral, whose figures the PV prints and
// the record carries), the verifier's own re-implementation (what `isoloir verify` checks them
// against) and the prover side's in @isoloir/crypto (runElection), on random constituencies and
// random decoded ballots, including every way a ballot is invalid by art. 156.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { legalCount, type DecodedBallot, type DefinitionPayload } from '@isoloir/crypto';
import type { Constituency } from '@isoloir/electoral';
import { legalCounts } from '@isoloir/server/counting';
import { countLegally, type ConstituencyDef } from '@isoloir/verifier';

const shape = fc.array(
  fc.record({ effectives: fc.integer({ min: 1, max: 6 }), substitutes: fc.integer({ min: 0, max: 4 }) }),
  { minLength: 1, maxLength: 5 },
);

const positions = fc
  .uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 4 })
  .map((a) => [...a].sort((x, y) => x - y));

const ballot: fc.Arbitrary<DecodedBallot> = fc.oneof(
  fc.constant<DecodedBallot>({ kind: 'blank' }),
  fc.constantFrom('padding', 'version', 'list-number').map((reason): DecodedBallot => ({ kind: 'invalid', reason })),
  fc
    .record({
      list: fc.integer({ min: 1, max: 7 }),
      headBox: fc.boolean(),
      effectives: positions,
      substitutes: positions,
    })
    .map((b): DecodedBallot => ({ kind: 'list', ...b })),
);

test('electoral (server, PV), verifier and crypto legal counts are equal', () => {
  fc.assert(
    fc.property(shape, fc.array(ballot, { maxLength: 60 }), (lists, ballots) => {
      const names = (n: number, k: string): string[] => Array.from({ length: n }, (_, i) => `${k}${String(i + 1)}`);
      const model: Constituency = {
        id: 'c',
        labels: { fr: 'c', nl: 'c', de: 'c', en: 'c' },
        languages: ['fr'],
        seats: 3,
        lists: lists.map((l, i) => ({
          id: String(i + 1),
          number: i + 1,
          name: `L${String(i + 1)}`,
          effectives: names(l.effectives, 'e').map((name, p) => ({
            id: `${String(i + 1)}/e${String(p + 1)}`,
            position: p + 1,
            name,
          })),
          substitutes: names(l.substitutes, 's').map((name, p) => ({
            id: `${String(i + 1)}/s${String(p + 1)}`,
            position: p + 1,
            name,
          })),
        })),
      };
      const definition: DefinitionPayload['constituencies'][number] = {
        code: 'c',
        seats: 3,
        lists: model.lists.map((l) => ({
          number: l.number,
          name: l.name,
          effectives: l.effectives.map((c) => c.name),
          substitutes: l.substitutes.map((c) => c.name),
        })),
      };
      const verifierDef: ConstituencyDef = {
        code: 'c',
        seats: 3,
        lists: new Map(definition.lists.map((l) => [l.number, l])),
      };
      const server = JSON.parse(JSON.stringify(legalCounts(model, ballots))) as unknown;
      assert.deepEqual(JSON.parse(JSON.stringify(countLegally(verifierDef, ballots))), server);
      assert.deepEqual(JSON.parse(JSON.stringify(legalCount(definition, ballots))), server);
    }),
    { numRuns: 300 },
  );
});
