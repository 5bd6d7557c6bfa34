// Files that hold personal data or secrets (hybrid kits: a voter's name, address and K-code; letters:
// names and addresses) are written for their owner alone: folder 0700, file 0600, whatever the umask,
// each whole (written under another name, then renamed). The PGlite folder (packages/store,
// pglite-folder.ts), the server secret (./secrets) and the trustees' share files follow the same modes.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed and makes it 0700. */
export function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(path, PRIVATE_FOLDER_MODE);
}

/** Writes a file 0600, whole: under `.part` first, then renamed into place. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const partial = `${path}.part`;
  writeFileSync(partial, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(partial, PRIVATE_FILE_MODE);
  renameSync(partial, path);
}
