import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PreparationError } from './errors.ts';
import { lawIssues, parseElectionSetup } from './setup.ts';

const sample = JSON.parse(readFileSync(new URL('./samples/election-setup.json', import.meta.url), 'utf8')) as {
  elections: Record<string, unknown>[];
};
const withElection = (changes: Record<string, unknown>): unknown => ({
  ...sample,
  elections: [{ ...sample.elections[0], ...changes }],
});
const invalidAt =
  (where: string) =>
  (e: unknown): boolean =>
    e instanceof PreparationError && e.code === 'file.invalid' && e.where === where;

describe('election setup: method and threshold against the kind of election', () => {
  it('the European Parliament has no threshold: it defaults to 0 and 5 % is refused', () => {
    const ep = { id: 'ep', kind: 'european', minimumAge: 16 };
    const { thresholdPercent: _omitted, ...withoutThreshold } = sample.elections[0] ?? {};
    assert.equal(
      parseElectionSetup({ ...sample, elections: [{ ...withoutThreshold, ...ep }] }).elections[0]?.thresholdPercent,
      0,
    );
    assert.throws(
      () => parseElectionSetup(withElection({ ...ep, thresholdPercent: 5 })),
      invalidAt('elections[0].thresholdPercent'),
    );
  });

  it('the Chamber and the regional parliaments: 5 % (the default), D’Hondt', () => {
    assert.equal(parseElectionSetup(withElection({ kind: 'chamber' })).elections[0]?.thresholdPercent, 5);
    assert.throws(
      () => parseElectionSetup(withElection({ kind: 'regional', thresholdPercent: 0 })),
      invalidAt('elections[0].thresholdPercent'),
    );
    assert.throws(
      () => parseElectionSetup(withElection({ kind: 'chamber', seatMethod: 'imperiali' })),
      invalidAt('elections[0].seatMethod'),
    );
    assert.deepEqual(lawIssues({ kind: 'regional', seatMethod: 'dhondt', thresholdPercent: 5 }), []);
  });
});
