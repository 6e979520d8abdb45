import 'reflect-metadata';
import { ENCRYPTION_KEY_FILE, useEncryptionKeyFile } from '@parley/data';
import { Logger } from '@nestjs/common';
import { createWorkerApp } from './create-worker-app';
import { loadWorkerConfig } from './worker-config';

async function main(): Promise<void> {
  // Run on its own (docker-compose.yml), it reads the key that setup generated, if none is set.
  useEncryptionKeyFile(process.env, ENCRYPTION_KEY_FILE);
  const config = loadWorkerConfig();
  await createWorkerApp(config);
  Logger.log(
    config.OPENAI_API_KEY
      ? `worker ready; bot answers with ${config.LLM_MODEL} at ${new URL(config.OPENAI_BASE_URL).host}`
      : 'worker ready; no default LLM (OPENAI_API_KEY): bots use the providers admins configure, else answer from knowledge articles',
    'worker',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
