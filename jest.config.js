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

// jose ships ES modules only; Node 20 loads them natively, Jest needs them compiled to CommonJS.
transform['^.+/node_modules/jose/.+\\.js$'] = ['@swc/jest', { module: { type: 'commonjs' } }];
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

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
