// How `isoloir trustee` authenticates: through the development identity provider (--dev-login),
// or with a session cookie (--cookie); a bad cookie or a file that is not a key share is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_ELECTION_ID } from '@isoloir/server';
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import { httpCountingService } from './counting/http-service.ts';
import { serverSession } from './trustee.ts';
import { readSharePublic } from './ceremony/share-file.ts';

describe('isoloir trustee: authentication', () => {
  let server: DevServer;
  before(async () => {
    server = await startDevServer({ demo: { voters: 40, abroadPerMille: 100, seed: 5 } });
  });
  after(async () => {
    await server.close();
  });

  test('--dev-login gives a trustee session the counting routes accept; --cookie is checked', async () => {
    const session = await serverSession(server.url, { devLogin: 'official-trustee' });
    const service = httpCountingService(server.url, DEMO_ELECTION_ID, session, { retries: 0 });
    assert.deepEqual(await service.groups(), []);
    const again = await serverSession(server.url, { cookie: session.cookie });
    assert.equal(again.csrfToken, session.csrfToken);
    await assert.rejects(serverSession(server.url, { cookie: 'isoloir-session=forged' }), /not valid/);
    await assert.rejects(serverSession(server.url, {}), /no session/);
    const teamA = await serverSession(server.url, { devLogin: 'official-team-a' });
    await assert.rejects(
      httpCountingService(server.url, DEMO_ELECTION_ID, teamA, { retries: 0 }).groups(),
      /auth\.forbidden/,
    );
  });

  test('a file that is not a key share is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isoloir-share-'));
    try {
      writeFileSync(join(dir, 'x.json'), '{"format":"other"}');
      assert.throws(() => readSharePublic(join(dir, 'x.json')), /not a trustee key share file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
