// `isoloir demo --voters N --out DIR`: a complete online election day offline, every election of it (see ./counting/demo-run.ts).
import type { Command } from 'commander';
import { runDemo } from './counting/demo-run.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run a complete online election day offline on PGlite, each of its elections: casting, cancellations, mixing, decryption, PVs, export and the election records',
    )
    .option('--voters <n>', 'number of voters', '2000')
    .option('--out <dir>', 'output folder (record, PVs, export, demo key shares)', 'isoloir-demo')
    .option('--seed <n>', 'seed of the generated election', '2029')
    .option('--plaintext-log <file>', 'TEST ONLY: write every cast ballot in the clear to this file')
    .option(
      '--trustee-queue <url>',
      'a PostgreSQL for the trustees’ job queues: each trustee step is done by two worker processes (`isoloir trustee worker`)',
    )
    .action(
      async (opts: { voters: string; out: string; seed: string; plaintextLog?: string; trusteeQueue?: string }) => {
        const voters = Number(opts.voters);
        if (!Number.isInteger(voters) || voters < 1) {
          process.stderr.write('--voters must be a positive integer\n');
          process.exitCode = 2;
          return;
        }
        const started = performance.now();
        const s = await runDemo({
          voters,
          out: opts.out,
          seed: Number(opts.seed),
          plaintextLog: opts.plaintextLog,
          ...(opts.trusteeQueue === undefined ? {} : { trusteeQueue: opts.trusteeQueue }),
        });
        const rows: [string, string][] = [
          ['ballots cast', String(s.ballots)],
          ['superseded (re-votes)', String(s.superseded)],
          ['cancelled (voted at a polling station)', String(s.cancelled)],
          ['counted', String(s.counted)],
          ['groups mixed and decrypted', String(s.groups)],
          ['PVs (PDF, JSON, CSV)', String(s.pvs.length)],
          ['hybrid print kits (K-code as text and barcode)', `${String(s.kits)} in ${opts.out}/kits`],
          [
            'hybrid envelopes received (accepted, set aside)',
            `${String(s.hybrid.envelopes)} (${String(s.hybrid.accepted)}, ${String(s.hybrid.envelopes - s.hybrid.accepted)}: ${Object.entries(
              s.hybrid.setAside,
            )
              .map(([k, v]) => `${k} ${String(v)}`)
              .join(', ')}; ${String(s.hybrid.cancelledAfterAcceptance)} cancelled after)`,
          ],
          [
            'hybrid ballots encoded twice (differences decided)',
            `${String(s.hybrid.ballots)} (${String(s.hybrid.differencesDecided)})`,
          ],
          ['hybrid PVs (PDF, JSON, CSV)', `${String(s.hybrid.pvs.length)} in ${opts.out}/pv-hybrid`],
          ...Object.entries(s.seconds).map(([k, v]): [string, string] => [`time: ${k}`, `${String(v)} s`]),
          [
            'shuffle per trustee process (all groups, with login and uploads)',
            [1, 2]
              .map(
                (t) =>
                  `trustee ${String(t)}: ${s.shuffleSeconds
                    .filter((x) => x.trustee === t)
                    .reduce((a, x) => a + x.seconds, 0)
                    .toFixed(1)} s`,
              )
              .join(', '),
          ],
          ['total', `${((performance.now() - started) / 1000).toFixed(1)} s`],
          ...Object.entries(s.records).map(([election, hash]): [string, string] => [
            `record of ${election}`,
            `${opts.out}/records/${election}.json (head ${hash.slice(0, 16)}…; isoloir verify … --pv ${opts.out}/pv/${election})`,
          ]),
        ];
        const w = Math.max(...rows.map(([k]) => k.length));
        process.stdout.write(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
      },
    );
}
