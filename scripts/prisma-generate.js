// Generates the Prisma client after `npm install`. Prisma's native schema engine is only needed
// for `prisma migrate`; generation works with a stand-in, so installs never download binaries.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma-schema-engine-stub');
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
