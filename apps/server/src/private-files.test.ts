import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { privateFolder, writePrivateFile } from './private-files.ts';

const root = mkdtempSync(join(tmpdir(), 'isoloir-private-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});
const mode = (path: string): number => statSync(path).mode & 0o777;

describe('private files (kits, letters)', () => {
  it('are written 0600 in a 0700 folder, whatever the umask, and whole', () => {
    const saved = process.umask(0o000); // the loosest umask: nothing would be masked
    try {
      const folder = join(root, 'a', 'kits');
      privateFolder(folder);
      writePrivateFile(join(folder, 'kit-1.pdf'), Buffer.from('%PDF'));
      assert.equal(mode(folder), 0o700);
      assert.equal(mode(join(folder, 'kit-1.pdf')), 0o600);
      assert.equal(readFileSync(join(folder, 'kit-1.pdf'), 'utf8'), '%PDF');
      assert.throws(() => statSync(join(folder, 'kit-1.pdf.part')), /ENOENT/);
    } finally {
      process.umask(saved);
    }
  });

  it('tighten a folder that already exists open to others', () => {
    const folder = join(root, 'open');
    privateFolder(folder);
    chmodSync(folder, 0o777);
    privateFolder(folder);
    assert.equal(mode(folder), 0o700);
  });
});
