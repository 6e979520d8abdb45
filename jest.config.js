// One Jest run for the whole monorepo: fast unit tests of the pure libraries, then tests that
// talk to the real Postgres and Redis (each Jest worker gets its own database and Redis prefix).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// jose and file-type (with its dependencies) ship ES modules only; Node 20 loads them natively,
// Jest needs them compiled to CommonJS.
const ESM_PACKAGES = ['jose', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', '@borewit'];
const esmPattern = ESM_PACKAGES.map((name) => name.replace('/', '\\/')).join('|');
transform[`^.+/node_modules/(${esmPattern})/.+\\.js$`] = ['@swc/jest', { module: { type: 'commonjs' } }];
const transformIgnorePatterns = [`/node_modules/(?!(${esmPattern})/)`];
// file-type exports its Node entry under the `import` and `module-sync` conditions only.
moduleNameMapper['^file-type$'] = '<rootDir>/node_modules/file-type/index.js';

const shared = { rootDir: __dirname, moduleNameMapper, transform, transformIgnorePatterns, testEnvironment: 'node' };

module.exports = {
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/{domain,contracts}/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/libs/{data,llm,testing}/src/**/*.spec.ts',
        '<rootDir>/apps/*/src/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFiles: ['<rootDir>/libs/testing/src/jest/worker-env.ts'],
    },
  ],
};
