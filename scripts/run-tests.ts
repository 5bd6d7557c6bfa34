// Runs every *.test.ts in the workspace with Node's own test runner.
// Usage: node scripts/run-tests.ts [path-filter…]
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = globSync(
  '{{packages,apps}/*/{src,test}/**/*.test.ts,verifiers/*/*.test.ts,scripts/**/*.test.ts,tests/**/*.test.ts}',
  {
    exclude: (name) => name === 'node_modules',
  },
)
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

if (files.length === 0) {
  process.stderr.write('No test files matched.\n');
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
