// Out-of-band confirmation of the trustees' keys at the key ceremony. The server carries every
// trustee's registration (signing key, encryption key): a server that substituted another trustee's
// registration with keys of its own would receive that trustee's shares, encrypted to itself. So each
// trustee's tool prints a short fingerprint of its own registration, the trustees read theirs to each
// other by a channel the server does not carry (a phone call, a sheet of paper), and before dealing
// the tool compares the fingerprints of the others' registrations as the server serves them with the
// ones so obtained: from a file (--peer-fingerprints FILE: one line per trustee, "N xxxx xxxx …"),
// or typed in at a prompt on a terminal. Any difference stops it (check `peer-fingerprint`) before a
// share is encrypted to anybody.
//
// The fingerprint: the first 128 bits of H("isoloir/v1/trustee-fingerprint", election, trustee
// number, signing key, encryption key) (packages/crypto's injective hash), 32 hex digits shown in
// eight groups of four.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { bytesToHex, hashInputs, hexToBytes } from '@isoloir/crypto';

export const TRUSTEE_FINGERPRINT_LABEL = 'isoloir/v1/trustee-fingerprint';

export interface RegisteredKeys {
  readonly trustee: number;
  readonly signingKey: string;
  readonly encryptionKey: string;
}

/** 32 hex digits (a key that is not hex counts as empty: its fingerprint then matches nobody's). */
export function trusteeFingerprint(electionId: string, r: RegisteredKeys): string {
  const sk = hexToBytes(r.signingKey) ?? new Uint8Array(0);
  const ek = hexToBytes(r.encryptionKey) ?? new Uint8Array(0);
  return bytesToHex(hashInputs(TRUSTEE_FINGERPRINT_LABEL, [electionId, r.trustee, sk, ek]).slice(0, 16));
}

/** "1a2b 3c4d …": easier to read aloud and to compare on paper. */
export const formatFingerprint = (fingerprint: string): string => (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

/** A fingerprint as a person may write it: spaces, dashes and case ignored. */
export const normaliseFingerprint = (text: string): string => text.toLowerCase().replace(/[\s:-]/g, '');

export class FingerprintCheckFailed extends Error {
  readonly check: string = 'peer-fingerprint';
  readonly trustee: number | undefined;
  constructor(message: string, trustee?: number) {
    super(`check peer-fingerprint: ${message}. Nothing was dealt.`);
    this.trustee = trustee;
  }
}

/**
 * Reads a fingerprint file: one line per trustee, "N  xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx";
 * blank lines and lines starting with # are ignored. A trustee number given twice with two different
 * fingerprints is refused.
 */
export function parseFingerprintFile(text: string, source: string): Map<number, string> {
  const out = new Map<number, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:trustee\s*)?(\d{1,3})\s*[:=→]?\s*([0-9a-fA-F][0-9a-fA-F\s:-]*)$/.exec(line);
    const fp = m?.[2] === undefined ? '' : normaliseFingerprint(m[2]);
    if (m === null || !/^[0-9a-f]{32}$/.test(fp))
      throw new FingerprintCheckFailed(
        `${source} line ${String(i + 1)} is not "trustee-number fingerprint" (32 hex digits)`,
      );
    const n = Number(m[1]);
    const before = out.get(n);
    if (before !== undefined && before !== fp)
      throw new FingerprintCheckFailed(`${source} gives two different fingerprints for trustee ${String(n)}`, n);
    out.set(n, fp);
  });
  return out;
}

/** Appends this trustee's line to a fingerprint file (the demo's stand-in for the phone call). */
export function appendOwnFingerprint(path: string, trustee: number, fingerprint: string): void {
  appendFileSync(path, `${String(trustee)} ${formatFingerprint(fingerprint)}\n`, { mode: 0o600 });
}

/**
 * Compares the fingerprints of the registrations the server serves with the ones obtained out of
 * band. Every other trustee must be there and equal; this trustee's own line, if present, too.
 */
export function checkPeerFingerprints(
  electionId: string,
  served: readonly RegisteredKeys[],
  expected: ReadonlyMap<number, string>,
  me: number,
  trustees: number,
): void {
  for (let k = 1; k <= trustees; k++) {
    const reg = served.find((r) => r.trustee === k);
    const want = expected.get(k);
    if (reg === undefined)
      throw new FingerprintCheckFailed(`the server serves no registration for trustee ${String(k)}`, k);
    if (want === undefined) {
      if (k === me) continue;
      throw new FingerprintCheckFailed(`no fingerprint obtained out of band for trustee ${String(k)}`, k);
    }
    const got = trusteeFingerprint(electionId, reg);
    if (got !== want)
      throw new FingerprintCheckFailed(
        `trustee ${String(k)}’s keys as the server serves them have fingerprint ${formatFingerprint(got)}, not ${formatFingerprint(want)} as obtained from trustee ${String(k)}: the server (or someone between) substituted them`,
        k,
      );
  }
  if (served.length !== trustees)
    throw new FingerprintCheckFailed(
      `the server serves ${String(served.length)} registrations for ${String(trustees)} trustees`,
    );
}

/** The fingerprints in FILE once every trustee of `needed` is listed (waits, so that the file may be filled in while the tool runs). */
export async function waitForFingerprintFile(
  path: string,
  needed: readonly number[],
  o: { pollMs: number; timeoutMs: number; log?: (l: string) => void; who: string },
): Promise<Map<number, string>> {
  const started = Date.now();
  let said = false;
  for (;;) {
    const map = existsSync(path) ? parseFingerprintFile(readFileSync(path, 'utf8'), path) : new Map<number, string>();
    const missing = needed.filter((k) => !map.has(k));
    if (missing.length === 0) return map;
    if (!said)
      o.log?.(
        `${o.who}: waiting for the fingerprints of trustee(s) ${missing.join(', ')} in ${path} (obtained from them by phone or on paper, not through the server)`,
      );
    said = true;
    if (Date.now() - started > o.timeoutMs)
      throw new FingerprintCheckFailed(`${path} does not list trustee(s) ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, o.pollMs));
  }
}

/** A question asked on the terminal (injected; the CLI's uses node:readline). */
export type Ask = (question: string) => Promise<string>;

/** On a terminal: the trustee types each other trustee's fingerprint as that trustee read it to them. */
export async function promptPeerFingerprints(ask: Ask, me: number, trustees: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let k = 1; k <= trustees; k++) {
    if (k === me) continue;
    const typed = normaliseFingerprint(
      await ask(`Fingerprint of trustee ${String(k)}, as trustee ${String(k)} read it to you (not from the server): `),
    );
    if (!/^[0-9a-f]{32}$/.test(typed))
      throw new FingerprintCheckFailed(
        `what was typed for trustee ${String(k)} is not a fingerprint (32 hex digits)`,
        k,
      );
    out.set(k, typed);
  }
  return out;
}
