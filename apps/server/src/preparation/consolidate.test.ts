import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { CLI_ACTOR, type Actor } from './actor.ts';
import { importCommuneVoters } from './commune-import.ts';
import { consolidate, listConflicts, resolveConflict } from './consolidate.ts';
import {
  changeRegistration,
  importConsularRegister,
  registerAbroad,
  withdrawRegistration,
  type Registration,
} from './consular.ts';
import {
  COMMUNE_HEADER,
  communeVoterLine,
  generateVoters,
  seedPreparationDemo,
  type GeneratedVoter,
} from './demo-preparation.ts';
import { PreparationError } from './errors.ts';
import { freezeDay } from './freeze.ts';
import { modeFileChunks } from './mode-files.ts';

const NOW = new Date('2029-01-15T10:00:00Z');
const paris: Actor = { id: 'official:paris', role: 'consular-official', scope: 'paris' };
const po: Actor = { id: 'official:po', role: 'po-admin' };
type V = GeneratedVoter;
function six(): [V, V, V, V, V, V] {
  const [a, b, c, d, e, f] = [...generateVoters(6, 7, 5000)];
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined || f === undefined)
    throw new Error('six voters');
  return [a, b, c, d, e, f];
}
const [a, b, c, d, e, f] = six();

function registration(v: V, mode: number, kioskPost?: string): Registration {
  return {
    nrn: v.nrn,
    surname: v.surname,
    givenNames: v.givenNames,
    birthDate: v.birthDate,
    sex: v.sex,
    address: '12 rue de Rivoli, 75001 Paris',
    country: 'FR',
    email: 'voter@example.org',
    attachmentNis: '21004',
    language: v.language,
    mode,
    kioskPost,
  };
}

const text = (s: string): string[] => [s];

for (const database of testDatabases()) {
  describe(`registration, consolidation and freezing (${database.name})`, () => {
    let store: TestStore;
    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 1 }, { prepare: false });
      await seedPreparationDemo(store);
    });
    after(() => store.close());

    it('registers, changes and withdraws abroad voters within the post and the deadline', async () => {
      await registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(a, 8, 'paris'), NOW);
      await assert.rejects(
        registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(a, 7), NOW),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.exists',
      );
      await assert.rejects(
        registerAbroad(store, paris, DEMO_DAY_ID, 'kinshasa', registration(b, 7), NOW),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.scope',
      );
      await assert.rejects(
        registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(b, 8), NOW),
        (x: unknown) =>
          x instanceof PreparationError &&
          x.code === 'registration.invalid' &&
          x.where === 'kiosk_post: row.kiosk-post',
      );
      await assert.rejects(
        registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(b, 7), new Date('2029-03-02T00:00:00Z')),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.deadline',
      );
      await registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(b, 6), NOW);
      await changeRegistration(store, paris, DEMO_DAY_ID, 'paris', registration(b, 7), NOW);
      await registerAbroad(store, paris, DEMO_DAY_ID, 'paris', registration(f, 6), NOW);
      await withdrawRegistration(store, paris, DEMO_DAY_ID, 'paris', f.nrn, NOW);
      const rows = await store.db
        .selectFrom('consular_registrations')
        .select(['nrn', 'mode', 'kiosk_post_code', 'status'])
        .orderBy('nrn')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.nrn, r.mode, r.kiosk_post_code, r.status]),
        [
          [a.nrn, 8, 'paris', 'active'],
          [b.nrn, 7, null, 'active'],
          [f.nrn, 6, null, 'withdrawn'],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
    });

    it('imports a post register in bulk and reports bad rows', async () => {
      const header =
        'nrn,surname,given_names,birth_date,sex,address,country,email,attachment_nis,language,mode,kiosk_post\n';
      const row = (v: V, mode: string, country = 'CD'): string =>
        `${v.nrn},${v.surname},${v.givenNames},${v.birthDate},${v.sex},Avenue 1 Gombe,${country},,21004,${v.language},${mode},\n`;
      const report = await importConsularRegister(
        store,
        CLI_ACTOR,
        DEMO_DAY_ID,
        'kinshasa',
        text(header + row(c, '7') + row(a, '6') + row(d, '9') + row(e, '7', 'BE')),
        NOW,
      );
      assert.equal(report.accepted, 2);
      assert.deepEqual(
        report.rejections.map((r) => [r.line, r.column, r.code]),
        [
          [4, 'mode', 'row.mode'],
          [5, 'country', 'row.country'],
        ],
      );
    });

    it('consolidates, lists conflicts, resolves them with an audit entry, and freezes hashed mode files', async () => {
      // c lives in Mons and is registered in Kinshasa; d is in Mons and in Liège; e is deceased.
      const mons =
        COMMUNE_HEADER +
        communeVoterLine(c, '53053', 0) +
        communeVoterLine(d, '53053', 1) +
        communeVoterLine(e, '53053', 2).replace(/,0,0\n$/, ',0,1\n');
      await importCommuneVoters(store, po, DEMO_DAY_ID, text(mons), NOW);
      await importCommuneVoters(store, po, DEMO_DAY_ID, text(COMMUNE_HEADER + communeVoterLine(d, '62063', 0)), NOW);
      const report = await consolidate(store, po, DEMO_DAY_ID);
      assert.equal(report.voters, 5);
      // a is registered in Paris (mode 8) and in Kinshasa (mode 6): twice abroad.
      assert.deepEqual(report.conflicts, {
        'commune-and-abroad': 1,
        'two-communes': 1,
        deceased: 1,
        'twice-abroad': 1,
      });
      const listed = await listConflicts(store, DEMO_DAY_ID);
      assert.equal(listed.conflicts.length, 4);
      await assert.rejects(
        freezeDay(store, po, DEMO_DAY_ID),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.unresolved',
      );
      await resolveConflict(store, po, DEMO_DAY_ID, a.nrn, { keep: 'post:paris' }, 'the voter moved to Paris');
      await resolveConflict(store, po, DEMO_DAY_ID, c.nrn, { keep: 'post:kinshasa' }, 'registered abroad');
      await resolveConflict(store, po, DEMO_DAY_ID, d.nrn, { keep: 'commune:62063' }, 'moved to Liège');
      await assert.rejects(
        resolveConflict(store, po, DEMO_DAY_ID, e.nrn, { keep: 'commune:53053' }, 'x'),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.resolution',
      );
      await resolveConflict(store, po, DEMO_DAY_ID, e.nrn, { exclude: true }, 'deceased');
      const frozen = await freezeDay(store, po, DEMO_DAY_ID);
      const kiosk = frozen.modeFiles.find((m) => m.mode === 8);
      assert.ok(kiosk !== undefined);
      assert.equal(kiosk.voters, 1);
      assert.deepEqual(kiosk.counts, [
        { electionId: DEMO_ELECTION_ID, constituency: 'bruxelles-capitale', category: 'abroad', voters: 1 },
      ]);
      let csv = '';
      for await (const chunk of modeFileChunks(store, DEMO_DAY_ID, frozen.consolidationId, 8)) csv += chunk;
      assert.equal(createHash('sha256').update(csv).digest('hex'), kiosk.sha256);
      assert.match(csv, new RegExp(`^${a.nrn},.*,abroad,21004,paris,paris,bruxelles-capitale\\r$`, 'm'));
      assert.equal(frozen.modeFiles.find((m) => m.mode === 7)?.voters, 2);
      await assert.rejects(
        consolidate(store, po, DEMO_DAY_ID),
        (x: unknown) => x instanceof PreparationError && x.code === 'preparation.frozen',
      );
      const audit = await store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'preparation.conflict.resolved')
        .execute();
      assert.equal(audit.length, 4);
      assert.equal((await verifyAuditChain(store.db)).ok, true);
    });
  });
}
