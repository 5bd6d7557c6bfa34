// The demo's trustees as separate processes: each runs this CLI (`isoloir trustee keygen`, then
// `isoloir trustee --share …`) against the server over HTTP, logged in as one of the development
// trustee officials, with a DEMO-ONLY passphrase; their share files are encrypted like any other
// and labelled DEMO ONLY in the data folder. The process that runs the server never holds a share.
// The out-of-band confirmation of the trustees' fingerprints is not skipped: each demo trustee
// appends its own fingerprint to a local DEMO-ONLY file and reads the others' from it
// (--write-fingerprint, --peer-fingerprints), the file standing for the phone call or the sheet of
// paper real trustees exchange; each tool still compares them with what the server serves.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_TRUSTEES } from '@isoloir/server/counting';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
export const DEMO_LABEL =
  'DEMO ONLY: a real trustee keeps this file on their own machine, under their own passphrase; never on the server.';

export interface TrusteeProcessResult {
  readonly trustee: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `isoloir ARGS` as a child process with the trustee's DEMO-ONLY passphrase in its environment. */
export function runCliProcess(
  args: readonly string[],
  passphrase: string,
  trustee: number,
  log?: (l: string) => void,
  script = MAIN,
): Promise<TrusteeProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ISOLOIR_TRUSTEE_PASSPHRASE: passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const line of d.toString().split('\n'))
        if (line.trim() !== '' && !line.includes('\r')) log?.(`  [trustee ${String(trustee)}] ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ trustee, code, stdout, stderr });
    });
  });
}

export const DEMO_FINGERPRINTS_FILE = 'DEMO-ONLY-trustee-fingerprints.txt';
const FINGERPRINTS_HEADER = `# DEMO ONLY: the trustees' key fingerprints. This local file stands for the phone call or the sheet of
# paper by which real trustees give each other their fingerprints, out of band (never through the
# server). Each demo trustee process appends its own line; each compares the others' with the server's.
`;

/** Starts the DEMO-ONLY fingerprint exchange file of a ceremony (emptied: a new ceremony, new keys). */
export function startDemoFingerprintExchange(shareDir: string): string {
  const path = join(shareDir, DEMO_FINGERPRINTS_FILE);
  writeFileSync(path, FINGERPRINTS_HEADER, { mode: 0o600 });
  return path;
}

export const demoShareFile = (shareDir: string, trustee: number): string =>
  join(shareDir, DEMO_TRUSTEES[trustee - 1]?.shareFile ?? `DEMO-ONLY-trustee-${String(trustee)}-share.json`);

/** The demo's key ceremony: three trustee processes at once; resolves when all three are done. */
export async function runDemoKeygen(
  server: string,
  electionId: string,
  shareDir: string,
  log?: (l: string) => void,
): Promise<void> {
  mkdirSync(shareDir, { recursive: true, mode: 0o700 });
  const exchange = startDemoFingerprintExchange(shareDir);
  const results = await Promise.all(
    DEMO_TRUSTEES.map((t) =>
      runCliProcess(
        [
          'trustee',
          'keygen',
          '--server',
          server,
          '--election',
          electionId,
          '--trustee',
          String(t.trustee),
          '--out',
          demoShareFile(shareDir, t.trustee),
          '--label',
          DEMO_LABEL,
          '--poll',
          '200',
          '--write-fingerprint',
          exchange,
          '--peer-fingerprints',
          exchange,
          '--dev-login',
          t.persona,
        ],
        t.passphrase,
        t.trustee,
        log,
      ),
    ),
  );
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0)
    throw new Error(
      `the demo key ceremony failed: ${failed.map((f) => `trustee ${String(f.trustee)}: ${f.stderr.trim().split('\n').at(-1) ?? ''}`).join('; ')}`,
    );
}

/** One demo trustee's count step (`isoloir trustee --share … --step …`) as a separate process. */
export async function runDemoTrusteeStep(
  server: string,
  shareDir: string,
  trustee: number,
  step: 'mix' | 'decrypt',
  log?: (l: string) => void,
): Promise<string> {
  const t = DEMO_TRUSTEES[trustee - 1];
  if (t === undefined) throw new Error(`no demo trustee ${String(trustee)}`);
  const r = await runCliProcess(
    [
      'trustee',
      '--server',
      server,
      '--share',
      demoShareFile(shareDir, trustee),
      '--step',
      step,
      '--dev-login',
      t.persona,
    ],
    t.passphrase,
    trustee,
    log,
  );
  if (r.code !== 0)
    throw new Error(`demo trustee ${String(trustee)} (${step}) failed: ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
  return r.stdout;
}

/**
 * One demo trustee's count step spread over worker processes through the trustee's job queue: the
 * coordinator (`isoloir trustee --queue URL --workers 0`) queues the groups, then `workers` separate
 * `isoloir trustee worker` processes (standing for the trustee's worker machines) do them.
 */
export async function runDemoTrusteeQueuedStep(
  server: string,
  shareDir: string,
  trustee: number,
  step: 'mix' | 'decrypt',
  queue: string,
  workers: number,
  log?: (l: string) => void,
): Promise<string> {
  const t = DEMO_TRUSTEES[trustee - 1];
  if (t === undefined) throw new Error(`no demo trustee ${String(trustee)}`);
  const common = ['--server', server, '--share', demoShareFile(shareDir, trustee), '--dev-login', t.persona];
  let started: Promise<TrusteeProcessResult[]> | undefined;
  // The workers start once the coordinator has queued the groups (it prints "queued N group(s)").
  const coordinator = await runCliProcess(
    ['trustee', ...common, '--step', step, '--queue', queue, '--workers', '0'],
    t.passphrase,
    trustee,
    (line) => {
      log?.(line);
      if (started === undefined && / queued \d+ group/.test(line))
        started = Promise.all(
          Array.from({ length: workers }, () =>
            runCliProcess(
              ['trustee', 'worker', ...common, '--queue', queue, '--until-idle', '1'],
              t.passphrase,
              trustee,
              log,
            ),
          ),
        );
    },
  );
  const failedWorker = (await (started ?? Promise.resolve([]))).find((r) => r.code !== 0);
  if (coordinator.code !== 0 || failedWorker !== undefined)
    throw new Error(
      `demo trustee ${String(trustee)} (${step}, queued) failed: ${(failedWorker ?? coordinator).stderr.trim().split('\n').at(-1) ?? ''}`,
    );
  return coordinator.stdout;
}
