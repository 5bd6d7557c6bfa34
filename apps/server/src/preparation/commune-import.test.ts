import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { CLI_ACTOR, type Actor } from './actor.ts';
import { importCommuneVoters } from './commune-import.ts';
import {
  COMMUNE_HEADER,
  communeVoterLine,
  generateVoters,
  seedPreparationDemo,
  type GeneratedVoter,
} from './demo-preparation.ts';
import { PreparationError } from './errors.ts';

const MONS = '53053';

function voterAt(voters: readonly GeneratedVoter[], i: number): GeneratedVoter {
  const v = voters[i];
  if (v === undefined) throw new Error(`no voter ${String(i)}`);
  return v;
}
const LIEGE = '62063';
const official: Actor = { id: 'official:mons', role: 'commune-official', scope: MONS };

function fileOf(lines: readonly string[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(COMMUNE_HEADER + lines.join(''));
  // Split in odd chunks so that rows straddle chunk boundaries.
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 37) chunks.push(bytes.slice(i, i + 37));
  return chunks;
}

for (const database of testDatabases()) {
  describe(`commune voter file import (${database.name})`, () => {
    let store: TestStore;
    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 1 }, { prepare: false });
      await seedPreparationDemo(store);
    });
    after(() => store.close());

    it('imports good rows, reports every bad row with its line and reason, and versions the file', async () => {
      const voters = [...generateVoters(6, 1)];
      const lines = voters.map((v, i) => communeVoterLine(v, MONS, i));
      const bad = [
        lines[0] ?? '', // duplicate of line 2
        '12345678901,Doe,John,1980-01-01,M,Street 1,7000,Mons,53053,fr,0,0\n', // checksum
        `${voterAt(voters, 1).nrn},=cmd|' /C calc'!A0,X,${voterAt(voters, 1).birthDate},${voterAt(voters, 1).sex},S,7000,Mons,53053,fr,0,0\n`, // formula
        communeVoterLine(voterAt(voters, 2), '99999', 0), // unknown commune
        communeVoterLine(voterAt(voters, 3), LIEGE, 0), // another commune
      ];
      const report = await importCommuneVoters(store, official, DEMO_DAY_ID, fileOf([...lines.slice(0, 5), ...bad]));
      assert.equal(report.rows, 10);
      assert.equal(report.accepted, 5);
      assert.equal(report.rejected, 5);
      assert.deepEqual(
        report.rejections.map((r) => [r.line, r.column, r.code]),
        [
          [7, 'nrn', 'row.duplicate-nrn'],
          [8, 'nrn', 'nrn.checksum'],
          [9, 'surname', 'row.formula'],
          [10, 'commune_nis', 'row.commune-unknown'],
          [11, 'commune_nis', 'row.commune-scope'],
        ],
      );
      assert.deepEqual(report.files, [{ scope: MONS, version: 1, voters: 5 }]);
      const again = await importCommuneVoters(store, official, DEMO_DAY_ID, fileOf(lines));
      assert.deepEqual(again.files, [{ scope: MONS, version: 2, voters: 6 }]);
      const files = await store.db
        .selectFrom('commune_files')
        .select(['version', 'current', 'voters'])
        .where('nis', '=', MONS)
        .orderBy('version')
        .execute();
      assert.deepEqual(files, [
        { version: 1, current: false, voters: 5 },
        { version: 2, current: true, voters: 6 },
      ]);
      assert.equal((await verifyAuditChain(store.db)).ok, true);
    });

    it('refuses a Latin-1 file, a wrong header or a short row whole, naming the line', async () => {
      const latin1 = Buffer.concat([
        Buffer.from(COMMUNE_HEADER + communeVoterLine(voterAt([...generateVoters(1, 2)], 0), MONS, 0)),
        Buffer.from('85073003328,L\xe9vy,Ana\xefs,1985-07-30,M,S,7000,Mons,53053,fr,0,0\n', 'latin1'),
      ]);
      const before = await store.db.selectFrom('commune_files').select('id').execute();
      await assert.rejects(
        importCommuneVoters(store, CLI_ACTOR, DEMO_DAY_ID, [new Uint8Array(latin1)]),
        (e: unknown) => e instanceof PreparationError && e.code === 'file.encoding' && e.where === 'line 3',
      );
      await assert.rejects(
        importCommuneVoters(store, CLI_ACTOR, DEMO_DAY_ID, ['nrn,name\n1,2\n']),
        (e: unknown) => e instanceof PreparationError && e.code === 'file.columns',
      );
      const truncated =
        COMMUNE_HEADER + communeVoterLine(voterAt([...generateVoters(1, 3)], 0), MONS, 0) + '85073003328,Doe,Jo';
      await assert.rejects(
        importCommuneVoters(store, CLI_ACTOR, DEMO_DAY_ID, [truncated]),
        (e: unknown) =>
          e instanceof PreparationError && e.code === 'file.malformed' && e.where?.startsWith('line 3') === true,
      );
      assert.equal((await store.db.selectFrom('commune_files').select('id').execute()).length, before.length);
    });
  });
}
