// The ceremony pinned in the share file: every field the server serves is compared and a difference
// named (ceremony-mismatch); the pin is authenticated with the share under the passphrase, so a pin
// edited in the file (to accept a substituted key later) makes the file refuse to open.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesToHex, hashInputs, hexToBytes, keyFingerprint } from '@isoloir/crypto';
import type { Transcript } from './board-client.ts';
import { checkAgainstPin, CeremonyMismatch, electionKeyFingerprint, pinOf, type ServedKey } from './pin.ts';
import { openShareFile, SHARE_FORMAT, writeShareFile } from './share-file.ts';
import { newSigningKey } from './trustee-keys.ts';

const h = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);
const transcript: Transcript = {
  format: 'isoloir-ceremony/1',
  electionId: 'e',
  group: 'secp256k1',
  threshold: 2,
  trustees: 3,
  registrations: [1, 2, 3].map((t) => ({
    trustee: t,
    signingKey: h(t),
    encryptionKey: h(10 + t),
    signature: h(20 + t) + h(20 + t),
  })),
  posts: [1, 2, 3].map((t, i) => ({
    seq: i + 1,
    trustee: t,
    kind: 'verification-key' as const,
    payload: { verificationKey: `02${h(30 + t)}` },
    signature: h(40 + t),
  })),
  qualified: [1, 3],
  publicKey: `03${h(50)}`,
};
const key: ServedKey = {
  group: 'secp256k1',
  publicKey: `03${h(50)}`,
  threshold: 2,
  trustees: 3,
  verificationKeys: [1, 2, 3].map((t) => ({ trustee: t, verificationKey: `02${h(30 + t)}` })),
};

test('every difference between the server and the pin is named', () => {
  const pin = pinOf(transcript);
  assert.deepEqual(pin.qualified, [1, 3]);
  assert.equal(
    pin.keyFingerprint,
    bytesToHex(
      hashInputs('isoloir/v1/key-fingerprint', ['secp256k1', hexToBytes(key.publicKey) ?? new Uint8Array(0)]).slice(
        0,
        16,
      ),
    ),
  );
  assert.equal(
    electionKeyFingerprint('secp256k1', key.publicKey),
    keyFingerprint('secp256k1', key.publicKey),
    'the fingerprint the board publishes',
  );
  checkAgainstPin(pin, { transcript, key });
  const cases: [string, Transcript, ServedKey][] = [
    ['the election key', transcript, { ...key, publicKey: `02${h(50)}` }],
    ['the threshold', transcript, { ...key, threshold: 1 }],
    ['the qualified trustees', { ...transcript, qualified: [1, 2, 3] }, key],
    [
      'trustee 2’s signing key',
      {
        ...transcript,
        registrations: transcript.registrations.map((r) => (r.trustee === 2 ? { ...r, signingKey: h(99) } : r)),
      },
      key,
    ],
    [
      'trustee 3’s verification key',
      transcript,
      {
        ...key,
        verificationKeys: key.verificationKeys.map((v) =>
          v.trustee === 3 ? { ...v, verificationKey: `02${h(98)}` } : v,
        ),
      },
    ],
    [
      'verification keys for',
      transcript,
      { ...key, verificationKeys: [...key.verificationKeys, { trustee: 4, verificationKey: `02${h(97)}` }] },
    ],
    ['a ceremony transcript of hash', { ...transcript, posts: transcript.posts.slice(1) }, key],
    [
      'a ceremony transcript of hash',
      {
        ...transcript,
        registrations: transcript.registrations.map((r) => (r.trustee === 1 ? { ...r, encryptionKey: h(96) } : r)),
      },
      key,
    ],
  ];
  for (const [what, t, k] of cases) {
    assert.throws(
      () => {
        checkAgainstPin(pin, { transcript: t, key: k });
      },
      (e: unknown) => e instanceof CeremonyMismatch && e.what === what && /^check ceremony-mismatch: /.test(e.message),
      what,
    );
  }
  assert.throws(() => pinOf({ ...transcript, publicKey: null }), /not finished/);
});

test('the pin is authenticated under the passphrase with the share', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-pin-'));
  try {
    const file = join(dir, 'share.json');
    const signer = newSigningKey();
    const pin = pinOf(transcript);
    writeShareFile(
      file,
      {
        format: SHARE_FORMAT,
        electionId: 'e',
        group: 'secp256k1',
        trustee: 1,
        threshold: 2,
        trustees: 3,
        verificationKey: `02${h(31)}`,
        signingKey: signer.publicHex,
        secret: h(7),
        signer,
        ceremony: pin,
      },
      'a passphrase of my own',
    );
    assert.deepEqual(openShareFile(file, 'a passphrase of my own').ceremony, pin);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { ceremony: { keys: { signingKey: string }[] } };
    const k = json.ceremony.keys[1];
    assert.ok(k !== undefined);
    k.signingKey = h(99);
    writeFileSync(file, JSON.stringify(json));
    assert.throws(() => openShareFile(file, 'a passphrase of my own'), /wrong passphrase, or the file was changed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
