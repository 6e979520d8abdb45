import 'reflect-metadata';
import { ENCRYPTION_KEY_FILE, useEncryptionKeyFile } from '@parley/data';
import { loadApiConfig } from './api-config';
import { createApiApp, listen } from './create-api-app';

async function main(): Promise<void> {
  // Run on its own (docker-compose.yml), it reads the key that setup generated, if none is set.
  useEncryptionKeyFile(process.env, ENCRYPTION_KEY_FILE);
  const config = loadApiConfig();
  const app = await createApiApp(config);
  await listen(app, config.PORT);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
