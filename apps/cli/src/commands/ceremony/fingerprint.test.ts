// Out-of-band confirmation of the trustees' keys at the key ceremony. A malicious server serves
// trustee 1 a registration of its own under trustee 2's number (signing and encryption keys it
// made, the registration properly signed by them), so that trustee 1 would encrypt trustee 2's
// share to the server. Trustee 1's tool compares the fingerprint with the one trustee 2 gave out of
// band and refuses before dealing (check peer-fingerprint): no dealing is posted. Without
// fingerprints obtained out of band, the tool refuses before registering.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { DEMO_ELECTION_ID } from '@isoloir/server';
import { openCeremony, registrationBody, SIGNING_LABELS } from '@isoloir/server/counting';
import { startDevServer, type DevServer } from '@isoloir/server/testing';
import { serverSession } from '../trustee.ts';
import { boardClient, type BoardClient } from './board-client.ts';
import { startDemoFingerprintExchange } from './demo-trustees.ts';
import {
  appendOwnFingerprint,
  checkPeerFingerprints,
  FingerprintCheckFailed,
  formatFingerprint,
  parseFingerprintFile,
  promptPeerFingerprints,
  trusteeFingerprint,
} from './fingerprint.ts';
import { runKeygen } from './keygen.ts';
import { newEncryptionKey, newSigningKey } from './trustee-keys.ts';

const E = DEMO_ELECTION_ID;

function registration(trustee: number): {
  trustee: number;
  signingKey: string;
  encryptionKey: string;
  signature: string;
} {
  const signer = newSigningKey();
  const r = { trustee, signingKey: signer.publicHex, encryptionKey: newEncryptionKey().publicHex };
  return { ...r, signature: signer.sign(SIGNING_LABELS.registration, registrationBody(E, r)) };
}

describe('trustee fingerprints (out-of-band confirmation before dealing)', () => {
  test('the file format, the comparison and the terminal prompt', async () => {
    const regs = [1, 2, 3].map(registration);
    const fps = regs.map((r) => trusteeFingerprint(E, r));
    assert.match(formatFingerprint(fps[0] ?? ''), /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    const file = `# from the phone call\n2 ${formatFingerprint(fps[1] ?? '')}\ntrustee 3: ${(fps[2] ?? '').toUpperCase()}\n`;
    const parsed = parseFingerprintFile(file, 'f.txt');
    assert.deepEqual([...parsed.keys()], [2, 3]);
    checkPeerFingerprints(E, regs, parsed, 1, 3);
    assert.throws(() => parseFingerprintFile('2 1234\n', 'f.txt'), /check peer-fingerprint: f\.txt line 1/);
    assert.throws(
      () => parseFingerprintFile(`2 ${fps[1] ?? ''}\n2 ${fps[2] ?? ''}\n`, 'f.txt'),
      /two different fingerprints for trustee 2/,
    );
    // The fingerprint binds the election, the number and both keys.
    assert.notEqual(trusteeFingerprint('other-election', regs[1] ?? registration(2)), fps[1]);
    assert.throws(
      () => {
        checkPeerFingerprints(E, regs, new Map([[2, fps[1] ?? '']]), 1, 3);
      },
      (e: unknown) => e instanceof FingerprintCheckFailed && e.trustee === 3,
    );
    const asked: string[] = [];
    const typed = await promptPeerFingerprints(
      (q) => {
        asked.push(q);
        return Promise.resolve(q.includes('trustee 2') ? formatFingerprint(fps[1] ?? '') : (fps[2] ?? ''));
      },
      1,
      3,
    );
    assert.equal(asked.length, 2);
    checkPeerFingerprints(E, regs, typed, 1, 3);
    await assert.rejects(
      promptPeerFingerprints(() => Promise.resolve('yes'), 1, 3),
      /not a fingerprint/,
    );
  });

  describe('against a server that substitutes a trustee’s keys', () => {
    let store: Store;
    let server: DevServer;
    let dir: string;
    before(async () => {
      store = await openStore({});
      server = await startDevServer({ store, demo: { voters: 40, abroadPerMille: 100, seed: 4 } });
      dir = mkdtempSync(join(tmpdir(), 'isoloir-fingerprint-'));
    });
    after(async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('trustee 1 refuses to deal (peer-fingerprint); without out-of-band fingerprints it does not even register', async () => {
      await openCeremony(store, E, { trustees: 3, threshold: 2 }, { id: 'test:po' });
      const s1 = await serverSession(server.url, { devLogin: 'official-trustee' });
      const out = join(dir, 'share-1.json');
      // No fingerprints obtained out of band (no file, no terminal): refused before anything is posted.
      await assert.rejects(
        runKeygen({
          server: server.url,
          electionId: E,
          trustee: 1,
          session: s1,
          passphrase: 'test passphrase 1',
          out,
          pollMs: 20,
          timeoutMs: 5000,
        }),
        (e: unknown) => e instanceof FingerprintCheckFailed && /needed before dealing/.test(e.message),
      );

      // Trustees 2 and 3 register (honestly) and give their fingerprints out of band.
      const exchange = startDemoFingerprintExchange(dir);
      for (const [n, persona] of [
        [2, 'official-trustee-2'],
        [3, 'official-trustee-3'],
      ] as const) {
        const reg = registration(n);
        await boardClient(server.url, E, await serverSession(server.url, { devLogin: persona })).register(reg);
        appendOwnFingerprint(exchange, n, trusteeFingerprint(E, reg));
      }
      // The server serves trustee 1 its own keys as trustee 2's, consistently signed.
      const honest = boardClient(server.url, E, s1);
      const forged = registration(2);
      const malicious: BoardClient = {
        ...honest,
        read: async () => {
          const v = await honest.read();
          return {
            ...v,
            transcript: {
              ...v.transcript,
              registrations: v.transcript.registrations.map((r) => (r.trustee === 2 ? forged : r)),
            },
          };
        },
      };
      const lines: string[] = [];
      await assert.rejects(
        runKeygen({
          server: server.url,
          electionId: E,
          trustee: 1,
          session: s1,
          passphrase: 'test passphrase 1',
          out,
          pollMs: 20,
          timeoutMs: 60_000,
          board: malicious,
          peerFingerprints: exchange,
          writeFingerprint: exchange,
          log: (l) => lines.push(l),
        }),
        (e: unknown) =>
          e instanceof FingerprintCheckFailed &&
          e.check === 'peer-fingerprint' &&
          e.trustee === 2 &&
          /substituted/.test(e.message),
      );
      assert.match(lines.join('\n'), /YOUR FINGERPRINT: [0-9a-f]{4}( [0-9a-f]{4}){7}/);
      assert.equal(
        parseFingerprintFile(readFileSync(exchange, 'utf8'), exchange).size,
        3,
        'trustee 1 wrote its own line',
      );
      // Nothing was dealt: the board holds no post at all, and no share file was written.
      const board = await honest.read();
      assert.equal(board.transcript.posts.length, 0);
      assert.equal(board.phase, 'dealing');
      assert.throws(() => readFileSync(out));
    });
  });
});
