// The one-way package graph is enforced by lint: these imports must fail, and fine ones pass.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(relativePath: string, source: string): Promise<string[]> {
  const path = join(root, relativePath);
  writeFileSync(path, source);
  try {
    const [result] = await eslint.lintFiles([path]);
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'import-x/no-relative-packages')
      .map((m) => m.message);
  } finally {
    rmSync(path, { force: true });
  }
}

describe('package boundaries', { concurrency: false }, () => {
  test('electoral may not import the server, by name or by path', async () => {
    const messages = await restrictedImports(
      'packages/electoral/src/lint-probe.ts',
      "import { buildApp } from '@isoloir/server';\nimport { handleError } from '../../../apps/server/src/errors.ts';\nexport const probe = [buildApp, handleError];\n",
    );
    assert.equal(messages.length >= 2, true, messages.join('\n'));
  });

  test('the server may not reach into electoral internals', async () => {
    const messages = await restrictedImports(
      'apps/server/src/lint-probe.ts',
      "import { makeNrn } from '@isoloir/electoral/src/nrn-generate.ts';\nimport { parseNrn } from '../../../packages/electoral/src/nrn.ts';\nexport const probe = [makeNrn, parseNrn];\n",
    );
    assert.equal(messages.length >= 2, true, messages.join('\n'));
  });

  test('pure packages may not use Node.js built-ins', async () => {
    const messages = await restrictedImports(
      'packages/electoral/src/lint-probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    );
    assert.equal(messages.length, 1, messages.join('\n'));
  });

  test('the server may use electoral through its public name', async () => {
    const messages = await restrictedImports(
      'apps/server/src/lint-probe.ts',
      "import { makeNrn } from '@isoloir/electoral';\nexport const probe = makeNrn;\n",
    );
    assert.deepEqual(messages, []);
  });
});
