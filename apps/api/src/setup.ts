// `npm run setup`: everything `npm start` does before starting processes (create the database,
// apply migrations, create the first admin), then exit. The one-shot service of docker-compose.yml.
import { loadApiConfig } from './api-config';
import { prepareInstance } from './bootstrap/prepare-instance';

prepareInstance(loadApiConfig(), process.env, (line) => console.log(`[parley] ${line}`)).then(
  (admin) => console.log(`[parley] ready; admin ${admin.adminEmail}${admin.defaultPassword ? ` / ${admin.defaultPassword}` : ''}`),
  (error: unknown) => {
    console.error(`[parley] setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
