// The decision as a setting (issue #18): per election day and remote mode, "CSAM only" or "CSAM or
// the passkey for voters registered abroad"; checked in the setup file, CSAM only when left out,
// stored with the day and frozen with the setup (a new import after the freeze is refused).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openStore } from '@isoloir/store';
import { CLI_ACTOR } from '../preparation/actor.ts';
import { PreparationError } from '../preparation/errors.ts';
import { CSAM_ONLY, daySettings, importElectionSetup, parseElectionSetup } from '../preparation/setup.ts';

const sample = JSON.parse(
  readFileSync(new URL('../preparation/samples/election-setup.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

test('the setup names CSAM only or CSAM or passkey per mode; anything else is refused with its field', () => {
  const parsed = parseElectionSetup({
    ...sample,
    authentication: { hybrid: 'csam', online: 'csam-or-passkey', kiosk: 'csam' },
  });
  assert.deepEqual(parsed.authentication, { hybrid: 'csam', online: 'csam-or-passkey', kiosk: 'csam' });
  assert.equal(parseElectionSetup(sample).authentication, undefined);
  for (const authentication of [{ hybrid: 'sms', online: 'csam', kiosk: 'csam' }, { online: 'csam' }]) {
    assert.throws(
      () => parseElectionSetup({ ...sample, authentication }),
      (e: unknown) =>
        e instanceof PreparationError && e.code === 'file.invalid' && /^authentication/.test(e.where ?? ''),
    );
  }
});

test('stored with the day (CSAM only when left out) and frozen with the setup', async () => {
  const store = await openStore();
  try {
    const setup = parseElectionSetup(sample);
    const { dayId } = await importElectionSetup(store, CLI_ACTOR, setup);
    assert.deepEqual((await daySettings(store.db, dayId)).authentication, CSAM_ONLY);
    const passkey = parseElectionSetup({
      ...sample,
      authentication: { hybrid: 'csam', online: 'csam-or-passkey', kiosk: 'csam-or-passkey' },
    });
    const again = await importElectionSetup(store, CLI_ACTOR, passkey);
    assert.deepEqual((await daySettings(store.db, dayId)).authentication, passkey.authentication);
    await store.db
      .updateTable('election_day_settings')
      .set({ frozen_at: new Date() })
      .where('election_day_id', '=', dayId)
      .execute();
    await assert.rejects(
      importElectionSetup(store, CLI_ACTOR, setup),
      (e: unknown) => e instanceof PreparationError && e.code === 'preparation.frozen',
    );
    assert.deepEqual((await daySettings(store.db, dayId)).authentication, passkey.authentication);
    const row = await store.db
      .selectFrom('election_day_settings')
      .select('setup_hash')
      .where('election_day_id', '=', dayId)
      .executeTakeFirstOrThrow();
    assert.equal(row.setup_hash, again.hash, 'the rule is in the frozen setup hash');
  } finally {
    await store.close();
  }
});
