import type { Command } from 'commander';
import { registerAdmins } from './admins.ts';
import { registerAllocate } from './allocate.ts';
import { registerAudit } from './audit.ts';
import { registerIdp } from './idp.ts';
import { registerStart } from './start.ts';
import { registerSecret } from './secret.ts';
import { registerVerify } from './verify.ts';
import { registerBenchCast } from './bench-cast.ts';
import { registerBenchCrash } from './crash/bench-crash.ts';
import { registerBenchCrypto } from './bench-crypto.ts';
import { registerBenchRecord } from './bench-record.ts';
import { registerBenchKits } from './bench-kits.ts';
import { registerBenchReception } from './bench-reception.ts';
import { registerBenchPrepare } from './bench-prepare.ts';
import { registerElectionImport } from './election-import.ts';
import { registerVotersImport } from './voters-import.ts';
import { registerDemo } from './demo.ts';
import { registerTrustee } from './trustee.ts';

/** Every verb of the CLI, in the order `isoloir --help` lists them. One line per verb. */
export function registerCommands(program: Command): void {
  registerStart(program);
  registerAdmins(program);
  registerAllocate(program);
  registerIdp(program);
  registerAudit(program);
  registerVerify(program);
  registerBenchCrypto(program);
  registerBenchRecord(program);
  registerBenchCast(program);
  registerBenchCrash(program);
  registerBenchPrepare(program);
  registerBenchKits(program);
  registerBenchReception(program);
  registerElectionImport(program);
  registerVotersImport(program);
  registerDemo(program);
  registerTrustee(program);
  registerSecret(program);
}
