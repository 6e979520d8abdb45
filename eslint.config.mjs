// Lint for the whole monorepo, run as plain `eslint .` (npm run lint) or per project by Nx's
// inferred `lint` targets. Type-aware rules catch the bugs the compiler lets through (unawaited
// promises, async callbacks where void is expected, non-exhaustive switches); Nx tags keep the
// layers apart and libraries reachable only through their entry point (`@parley/<lib>`).
import { defineConfig } from 'eslint/config';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// Both come with packages we declare (eslint, @nx/eslint-plugin); resolve them from there.
const js = createRequire(require.resolve('eslint/package.json'))('@eslint/js');
const globals = createRequire(require.resolve('@nx/eslint-plugin/package.json'))('globals');

await refreshProjectGraph();

// Who may import whom. Constraints on several tags of one project all apply. `type:testing` is a
// test-only dependency: any project's tests may use it, its sources may not.
const depConstraints = ({ inTests }) => {
  const withTesting = (tags) => (inTests ? [...tags, 'type:testing'] : tags);
  return [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: withTesting(['type:domain', 'type:data', 'type:util']),
    },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: withTesting(['type:util']) },
    { sourceTag: 'type:data', onlyDependOnLibsWithTags: withTesting(['type:util', 'type:domain']) },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: withTesting(['type:util']) },
    // Factories, the mock LLM server and boot helpers may use any library.
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
    { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:worker', 'scope:shared'] },
  ];
};
const boundaries = (options) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(options) },
];

const tsFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
const specFiles = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', '**/test/**/*.ts'];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/tmp/**',
      '.nx/**',
      '.parley/**',
      'libs/data/src/generated/**',
      'apps/*/public/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Plain JavaScript: build scripts and tool configs.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.node } },
  },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },

  // TypeScript, with type information from tsconfig.json.
  {
    files: tsFiles,
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: rootDir },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Not `consistent-type-imports`: with emitDecoratorMetadata, a type-only import of an
      // injected class erases the token Nest resolves at runtime.
      '@nx/enforce-module-boundaries': boundaries({ inTests: false }),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@parley/*/**'],
              message: 'Import a library only through its entry point: @parley/<lib>.',
            },
          ],
        },
      ],
    },
  },
  // Tests may use the testing library (factories, the mock LLM server, boot helpers).
  {
    files: specFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries({ inTests: true }) },
  },
);

/**
 * `@nx/enforce-module-boundaries` reads the project graph Nx caches in .nx/workspace-data and
 * skips itself when there is none (a fresh clone). When ESLint is started directly, bring that
 * cache up to date first; under Nx (a lint target, the plugin that infers it) it already is.
 */
async function refreshProjectGraph() {
  const startedByEslintCli = /[\\/]eslint(?:[\\/]bin[\\/]eslint\.js|\.js)?$/.test(process.argv[1] ?? '');
  if (!startedByEslintCli || process.env.NX_TASK_TARGET_PROJECT || process.env.PARLEY_LINT_GRAPH) return;
  process.env.PARLEY_LINT_GRAPH = '1'; // Nx loads this file again while it builds the graph.
  process.env.NX_DAEMON ??= 'false';
  const { createProjectGraphAsync } = await import('@nx/devkit');
  await createProjectGraphAsync({ exitOnError: true });
}
