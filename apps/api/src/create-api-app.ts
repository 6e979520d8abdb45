import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ProcessLogger, redisKeys } from '@parley/data';
import type { ApiConfig } from './api-config';
import { ApiModule } from './app.module';
import { RedisIoAdapter } from './realtime/redis-io.adapter';
import { mountStaticPages } from './static/static-pages';

/** Builds the API (REST under /api/v1, socket.io gateways, static pages); used by main and tests. */
export async function createApiApp(config: ApiConfig, options: { logger?: LogLevel[] | false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? new ProcessLogger('api'),
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.enableCors({ origin: true, credentials: true, exposedHeaders: ['Retry-After'] });
  app.setGlobalPrefix('api/v1');
  app.disable('x-powered-by');
  app.useWebSocketAdapter(new RedisIoAdapter(app, config.REDIS_URL, redisKeys(config.REDIS_PREFIX).socketIoKey));
  mountStaticPages(app);
  app.enableShutdownHooks();
  return app;
}

export async function listen(app: INestApplication, port: number): Promise<string> {
  await app.listen(port, '0.0.0.0');
  const url = await app.getUrl();
  Logger.log(`API listening on ${url}`, 'api');
  return url;
}
