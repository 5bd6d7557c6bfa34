// No national register number in clear where none is needed (issue #19): a full demo election
// (`isoloir demo`, small: preparation to the freeze, key ceremony, casting and re-voting, polling-
// station lists and cancellations, split, mixing, decryption, PVs, export), plus voters and
// officials logging in through the real OpenID Connect flow, a refused login, a refused ballot, a
// K-code lookup and a URL carrying an NRN; then every table of the database, every line the server
// and the demo logged, and every text file the demo wrote are searched for each demo NRN, as 11
// digits and as YY.MM.DD-SSS.CC. An NRN is allowed only in the tables of NRN_TABLES (each says why;
// the README's data map says the same). The search is shown to catch an NRN planted in the audit
// log and in a log line, so it cannot pass by finding nothing. The trustees' share files and the
// voters' kits the demo wrote are checked to be private to their user (0700 folders, 0600 files).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { redactingLogger } from '@isoloir/server';
import { loginThroughDevIdp } from '@isoloir/server/testing';
import { runDemo } from '../commands/counting/demo-run.ts';

/** The tables that hold NRNs in clear, and why (README, "Personal data: a record of processing"). */
export const NRN_TABLES: Readonly<Record<string, string>> = {
  voters: 'the demo’s extract of the national register (its population; a real election has none)',
  commune_voters: 'the voter files the communes send: their content as received',
  import_rejections: 'a rejected cell of a commune or consular file, shown to its sender to correct it',
  consular_registrations: 'the registers of Belgians abroad: a source of the consolidated file',
  resident_opt_ins: 'a resident’s choice of remote mode, joined with the commune files by NRN at consolidation',
  consolidated_voters: 'the consolidated voter file: one row per voter, matched across communes and posts',
  consolidation_conflicts: 'a voter found twice, resolved by the PO on the consolidated file',
  frozen_voters: 'the frozen per-mode voter files: who may log in and vote (CSAM/FAS gives the NRN)',
  frozen_voter_places: 'the elections and constituencies each frozen voter may vote in',
  officials: 'the officials’ login key (CSAM/FAS gives the NRN) and the PO’s list of its staff',
  sessions: 'a voter’s session, to serve the voter their own data (15 minutes idle, 60 at most)',
  ballots: 'Team A’s identity work: double votes against the polling-station lists, until the identity split',
  polling_station_votes: 'Team A’s identity work: the attendance lists of the polling stations',
  double_votes: 'Team A’s identity work: a remote ballot whose voter also voted at a polling station',
  hybrid_kcodes: 'the hybrid voter whose kit a K-code belongs to (reprint voids the live one)',
  passkey_activation_codes:
    'the voter registered abroad a post’s activation code is bound to (the code only as a keyed hash)',
  passkey_credentials: 'the voter registered abroad a passkey opens a session for',
  kiosk_visits: 'the voter a kiosk visit lets that kiosk cast for (one kiosk vote per voter)',
};

const SHORT = 150;

/** Both written forms of an NRN. */
function forms(nrn: string): readonly string[] {
  return [nrn, `${nrn.slice(0, 2)}.${nrn.slice(2, 4)}.${nrn.slice(4, 6)}-${nrn.slice(6, 9)}.${nrn.slice(9, 11)}`];
}

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
  );

/** Every table of the database, as text (one JSON line per row). */
async function dumpTables(store: Store): Promise<Map<string, string>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(store.db);
  const dump = new Map<string, string>();
  for (const { table_name: name } of rows) {
    const content = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(store.db);
    dump.set(name, content.rows.map(json).join('\n'));
  }
  return dump;
}

/** Where an NRN appears: `place: NRN form`, for each place whose text holds one. */
export function nrnsIn(texts: ReadonlyMap<string, string>, nrns: readonly string[]): string[] {
  const found: string[] = [];
  for (const [place, text] of texts)
    for (const nrn of nrns) for (const form of forms(nrn)) if (text.includes(form)) found.push(`${place}: ${form}`);
  return found;
}

function textFiles(folder: string, into: Map<string, string>): void {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) textFiles(path, into);
    else if (/\.(json|csv|xml|txt)$|^record$/.test(entry)) into.set(`file ${path}`, readFileSync(path, 'utf8'));
  }
}

test('a full demo keeps no NRN in clear outside the tables that need it: database, logs, files', async () => {
  const out = mkdtempSync(join(tmpdir(), 'isoloir-privacy-'));
  const serverLines: string[] = [];
  const demoLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      serverLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  let checked = false;
  let nrns: string[] = [];
  try {
    await runDemo({
      voters: SHORT,
      out,
      seed: 11,
      log: (line) => demoLines.push(line),
      serverLogger: { ...redactingLogger(), stream },
      inspect: async (store, server) => {
        const url = server.url;
        // What the demo does not do over HTTP: logins, a refused login, a refused ballot, a K-code lookup.
        const frozen = new Set((await store.db.selectFrom('frozen_voters').select('nrn').execute()).map((r) => r.nrn));
        const persona = server.personas.find(
          (p) => p.group.startsWith('voter-') && frozen.has(p.claims.egovNRN ?? '') && p.level >= 450,
        );
        assert.ok(persona, 'a voter persona in the frozen files');
        const voter = await loginThroughDevIdp(url, persona.id);
        assert.ok(voter.ok, JSON.stringify(voter));
        const headers = { cookie: voter.cookie, 'x-csrf-token': voter.csrfToken };
        assert.equal((await fetch(`${url}/api/me`, { headers })).status, 200);
        const refusedBallot = await fetch(`${url}/api/voting/ballots`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ballots: [] }),
        });
        assert.equal(refusedBallot.status, 400);
        const status = await fetch(`${url}/api/hybrid/status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'K-AAAA-AAAA-AAAA-AAAA' }),
        });
        assert.ok(status.status < 500);
        assert.equal((await fetch(`${url}/api/auth/logout`, { method: 'POST', headers })).status, 200);
        const unknown = await loginThroughDevIdp(url, 'case-unknown-voter');
        assert.equal(unknown.ok, false);
        const official = await loginThroughDevIdp(url, 'official-po-admin', 'official');
        assert.ok(official.ok, JSON.stringify(official));
        nrns = (await store.db.selectFrom('voters').select('nrn').execute()).map((r) => r.nrn);
        nrns.push(...(await store.db.selectFrom('officials').select('nrn').execute()).map((r) => r.nrn));
        assert.ok(nrns.length >= SHORT);
        // A URL carrying an NRN: the request log line names it `[nrn]`.
        const [first = ''] = nrns;
        await fetch(`${url}/api/nothing/${first}?nrn=${forms(first)[1] ?? ''}`);

        const dump = await dumpTables(store);
        assert.ok(dump.size >= 40, `${String(dump.size)} tables`);
        // The search means something: the voters' audit entries are there, under pseudonyms.
        const audit = dump.get('audit_log') ?? '';
        for (const action of ['ballot.cast', 'ballot.refused', 'auth.login', 'auth.logout', 'auth.refused'])
          assert.ok(audit.includes(`"action":"${action}"`), `no ${action} entry`);
        assert.match(audit, /"actor":"voter:[0-9a-f]{32}"/);
        for (const name of Object.keys(NRN_TABLES)) assert.ok(dump.has(name), `no table ${name}`);
        assert.ok(nrnsIn(new Map([['frozen_voters', dump.get('frozen_voters') ?? '']]), nrns).length > 0);

        const outside = new Map([...dump].filter(([name]) => !Object.hasOwn(NRN_TABLES, name)));
        assert.deepEqual(nrnsIn(outside, nrns), [], 'NRNs in tables that must not hold them');
        assert.ok(serverLines.length > 50, `${String(serverLines.length)} server log lines`);
        assert.ok(serverLines.some((line) => line.includes('/api/nothing/[nrn]?nrn=[nrn]')));
        const logs = new Map([
          ['server log', serverLines.join('\n')],
          ['demo log', demoLines.join('\n')],
        ]);
        assert.deepEqual(nrnsIn(logs, nrns), [], 'NRNs in log lines');

        // The search catches an NRN where it must not be: planted in the audit log, and in a log line.
        const planted = first;
        await store.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, { actor: 'test', action: 'privacy.planted', subject: `voter ${forms(planted)[1] ?? ''}` }),
          );
        assert.deepEqual(
          nrnsIn(new Map([...(await dumpTables(store))].filter(([name]) => !Object.hasOwn(NRN_TABLES, name))), [
            planted,
          ]),
          [`audit_log: ${forms(planted)[1] ?? ''}`],
        );
        assert.deepEqual(nrnsIn(new Map([['server log', `${logs.get('server log') ?? ''}\nleak ${planted}`]]), nrns), [
          `server log: ${planted}`,
        ]);
        checked = true;
      },
    });
    assert.ok(checked, 'the demo ran to the end');
    // What the demo wrote to its folder: record, PVs, exports.
    const files = new Map<string, string>();
    textFiles(out, files);
    assert.ok([...files.keys()].some((name) => name.endsWith('record.json')));
    assert.deepEqual(nrnsIn(files, nrns), [], 'NRNs in the files the demo wrote');
    // Its secret and personal files are its user's alone: the trustees' shares, the voters' kits.
    const mode = (path: string): number => statSync(path).mode & 0o777;
    // (kits only when the small demo has hybrid voters; private-files.test.ts checks their writer alone).
    for (const folder of ['DEMO-ONLY-trustee-shares', 'kits']) {
      if (folder === 'kits' && !existsSync(join(out, folder))) continue;
      assert.equal(mode(join(out, folder)), 0o700, folder);
      const inside = readdirSync(join(out, folder));
      assert.ok(inside.length > 0, folder);
      for (const file of inside) assert.equal(mode(join(out, folder, file)) & 0o077, 0, `${folder}/${file}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
