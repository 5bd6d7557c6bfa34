// TEST FIXTURE (ceremony.test.ts): a dishonest trustee. It runs the same keygen code as
// `isoloir trustee keygen`, but sends a wrong share to one trustee and, when that trustee
// complains, answers with the same wrong share. Arguments: server election trustee out persona victim
// fingerprints (the DEMO-ONLY exchange file: it confirms the others' fingerprints like anybody).
import { runKeygen } from './keygen.ts';
import { passphraseFrom, serverSession } from '../trustee.ts';

const [server = '', election = '', trustee = '0', out = '', persona = '', victim = '0', fingerprints = ''] =
  process.argv.slice(2);
try {
  const session = await serverSession(server, { devLogin: persona });
  const r = await runKeygen({
    server,
    electionId: election,
    trustee: Number(trustee),
    session,
    passphrase: passphraseFrom(undefined),
    out,
    pollMs: 100,
    timeoutMs: 10 * 60_000,
    peerFingerprints: fingerprints,
    writeFingerprint: fingerprints,
    tamper: (to, share) => (to === Number(victim) ? share + 1n : share),
  });
  process.stdout.write(
    `trustee ${trustee}: election key ${r.publicKey}; qualified dealers ${r.qualified.join(', ')}\n`,
  );
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
