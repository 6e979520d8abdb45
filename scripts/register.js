// Runs the TypeScript sources directly (decorator metadata and tsconfig paths included).
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
