import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { jobOptions, QUEUE_NAME, type JobData, type JobName } from '@parley/contracts';

/** The typed producer side of Parley's BullMQ queue; options come from `jobOptions` only. */
export class JobQueue {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix });
  }

  async enqueue<N extends JobName>(name: N, data: JobData<N>): Promise<void> {
    const options = (jobOptions[name] as (payload: JobData<N>) => object)(data);
    await this.queue.add(name, data, options);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
