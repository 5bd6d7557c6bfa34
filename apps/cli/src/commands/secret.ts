// `isoloir secret new FILE`: makes the server secret file (32 random bytes in hex, mode 0600, its
// folder 0700) that ISOLOIR_SECRET_FILE names. Never overwrites: losing the secret loses the link
// between the keyed hashes already stored and the people they stand for.
// `isoloir secret check FILE`: reads it as the server would and prints its fingerprint.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createSecretFile, readSecretFile, SecretError } from '@isoloir/server';

function report(action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    process.stderr.write(`isoloir secret: ${error.message}\n`);
    process.exitCode = 1;
  }
}

export function registerSecret(program: Command): void {
  const secret = program
    .command('secret')
    .description('The server secret kept outside the database (ISOLOIR_SECRET_FILE): keyed hashes of personal data.');
  secret
    .command('new <file>')
    .description('Create a new server secret file (mode 0600, folder 0700); refuses to overwrite one.')
    .action((file: string) => {
      const path = resolve(file);
      report(() => {
        if (existsSync(path)) throw new SecretError(`${path} exists; a secret is never overwritten`);
        createSecretFile(path);
        const made = readSecretFile(path);
        process.stdout.write(`server secret created: ${path} (fingerprint ${made.fingerprint})\n`);
        process.stdout.write(`start the server with ISOLOIR_SECRET_FILE=${path}; keep a copy offline.\n`);
      });
    });
  secret
    .command('check <file>')
    .description('Read a server secret file as the server would; print its fingerprint (never its value).')
    .action((file: string) => {
      report(() => {
        const read = readSecretFile(resolve(file));
        process.stdout.write(`server secret ${read.path ?? ''}: fingerprint ${read.fingerprint}\n`);
      });
    });
}
