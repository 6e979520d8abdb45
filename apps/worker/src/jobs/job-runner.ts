import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobName, QUEUE_NAME } from '@parley/contracts';
import { closeRedis, PLATFORM_CONFIG, redisKeys, type PlatformConfig } from '@parley/data';
import { Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';
import { JOB_HANDLERS, type JobHandler } from './job-handler';

export function buildHandlerMap(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const map = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (map.has(handler.jobName)) throw new Error(`job "${handler.jobName}" has two handlers`);
    map.set(handler.jobName, handler);
  }
  const missing = Object.values(JobName).filter((name) => !map.has(name));
  if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
  return map;
}

/** Consumes Parley's queue and dispatches each job to its handler. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers: Map<JobName, JobHandler>;
  private worker?: Worker;
  private connection?: Redis;

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.handlers = buildHandlerMap(handlers);
  }

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.platform.REDIS_URL, { maxRetriesPerRequest: null });
    this.worker = new Worker(QUEUE_NAME, (job: Job) => this.dispatch(job), {
      connection: this.connection,
      prefix: redisKeys(this.platform.REDIS_PREFIX).bullPrefix,
      concurrency: this.config.WORKER_CONCURRENCY,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.error(`job ${job?.name ?? '?'} ${job?.id ?? ''} failed: ${error.message}`),
    );
    this.logger.log(`consuming "${QUEUE_NAME}" with concurrency ${this.config.WORKER_CONCURRENCY}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    if (this.connection) await closeRedis(this.connection);
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`unknown job "${job.name}"`);
    await handler.handle(job.data as never);
  }
}
