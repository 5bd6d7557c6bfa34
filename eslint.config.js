// Lint for the whole workspace: typescript-eslint strict type-checked, zero warnings, and the
// one-way dependency graph of architecture.md enforced per package.
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which workspace packages each package may import. Anything else named @isoloir/* is refused. */
const ALLOWED = {
  'packages/electoral': [],
  'packages/crypto': [],
  'packages/verifier': ['@isoloir/crypto'],
  'packages/store': [],
  'apps/server': ['@isoloir/electoral', '@isoloir/crypto', '@isoloir/store'],
  'apps/web': ['@isoloir/electoral', '@isoloir/crypto'],
  'apps/cli': ['@isoloir/electoral', '@isoloir/crypto', '@isoloir/verifier', '@isoloir/store', '@isoloir/server'],
};
const ALL = [
  '@isoloir/electoral',
  '@isoloir/crypto',
  '@isoloir/verifier',
  '@isoloir/store',
  '@isoloir/server',
  '@isoloir/web',
  '@isoloir/cli',
];
/** Pure packages: no I/O, so no Node.js built-ins outside their tests (and crypto's node/ folder). */
const PURE = ['packages/electoral', 'packages/crypto'];

function boundaries(dir) {
  const self = `@isoloir/${dir.split('/')[1]}`;
  const forbidden = ALL.filter((name) => name !== self && !ALLOWED[dir].includes(name));
  const patterns = [
    // A package's public entry points are its package.json `exports` (Node refuses the rest);
    // its source folder is never one.
    {
      group: ['@isoloir/*/src', '@isoloir/*/src/**'],
      message: 'Import a workspace package by its name or an exported entry point, never its internals.',
    },
    {
      group: ['**/packages/*/src/**', '**/apps/*/src/**'],
      message: 'Import another package by its name, never by a relative path.',
    },
  ];
  if (PURE.includes(dir))
    patterns.push({ group: ['node:*'], message: `${dir} is pure: no I/O, no Node.js built-ins.` });
  return {
    files: [`${dir}/**/*.{ts,tsx}`],
    ignores: PURE.includes(dir) ? ['**/*.test.ts', '**/bench/**', '**/src/node/**', '**/testing/**'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.map((name) => ({
            name,
            message: `${dir} may not depend on ${name} (see architecture.md: one-way graph).`,
          })),
          patterns,
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      'import-x/no-relative-packages': 'error',
      'import-x/no-cycle': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['apps/web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  ...Object.keys(ALLOWED).map(boundaries),
);
