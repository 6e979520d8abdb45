// `npm run setup`: everything `npm start` does before starting processes (create the database,
// apply migrations, create the first admin, make the encryption key if none is set), then exit.
// The one-shot service of docker-compose.yml.
import { ENCRYPTION_KEY_FILE, ensureEncryptionKey } from '@parley/data';
import { loadApiConfig } from './api-config';
import { prepareInstance } from './bootstrap/prepare-instance';

const log = (line: string) => console.log(`[parley] ${line}`);
// The API and worker processes read the key from the same file when the environment has none.
ensureEncryptionKey(process.env, ENCRYPTION_KEY_FILE, log);
prepareInstance(loadApiConfig(), process.env, log).then(
  (admin) => console.log(`[parley] ready; admin ${admin.adminEmail}${admin.defaultPassword ? ` / ${admin.defaultPassword}` : ''}`),
  (error: unknown) => {
    console.error(`[parley] setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
