import type { INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProcessLogger } from '@parley/data';
import { WorkerModule } from './worker.module';
import type { WorkerConfig } from './worker-config';

/** The worker: a Nest application context (no HTTP) running the BullMQ job handlers. */
export async function createWorkerApp(
  config: WorkerConfig,
  options: { logger?: LogLevel[] | false } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: options.logger ?? new ProcessLogger('worker'),
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
