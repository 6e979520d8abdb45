import 'reflect-metadata';
import { loadApiConfig } from './api-config';
import { createApiApp, listen } from './create-api-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApiApp(config);
  await listen(app, config.PORT);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
