// `isoloir bench crypto --ciphertexts N [--width W]`: bulk cryptography throughput, all cores.
// The measurement lives in @isoloir/crypto (bench/); the shuffle is checked by @isoloir/verifier.
import type { Command } from 'commander';
import { loadCryptoBench, loadGroup } from '@isoloir/crypto';
import { loadMsmPool, verifyShuffleProof } from '@isoloir/verifier';
import { benchCommand } from './bench.ts';

interface BenchCryptoFlags {
  readonly ciphertexts: string;
  readonly width: string;
  readonly threads?: string;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

export function registerBenchCrypto(program: Command): void {
  benchCommand(program)
    .command('crypto')
    .description('Ballot-proof checks, shuffle + proof, shuffle verification and threshold decryption per second')
    .requiredOption('--ciphertexts <n>', 'number of ballots / ciphertext vectors')
    .option('--width <w>', 'group elements per ballot', '1')
    .option('--threads <t>', 'worker threads (default: all cores)')
    .action(async (flags: BenchCryptoFlags) => {
      const n = positiveInt(flags.ciphertexts, 'ciphertexts');
      const width = positiveInt(flags.width, 'width');
      const threads = flags.threads === undefined ? undefined : positiveInt(flags.threads, 'threads');
      const group = await loadGroup('secp256k1');
      const { runCryptoBench } = await loadCryptoBench();
      const msm = (await loadMsmPool()).createMsmPool('secp256k1', threads);
      try {
        const result = await runCryptoBench({
          ciphertexts: n,
          width,
          ...(threads === undefined ? {} : { threads }),
          progress: (message) => {
            process.stderr.write(`${message}\n`);
          },
          verifyShuffle: async (inputs, outputs, proof, pk, mixNode) =>
            (await verifyShuffleProof(
              group,
              { electionId: 'bench', groupId: 'g', mixNode, pk },
              inputs,
              outputs,
              proof,
              'bench shuffle',
              msm,
            )) === undefined,
        });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } finally {
        await msm.close();
      }
    });
}
