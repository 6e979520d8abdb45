import type { Queue } from 'bullmq';
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves once the queue has nothing waiting, delayed or running: work done, not time slept. */
export async function waitForQueueIdle(queue: Queue, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((count) => count === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not idle after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await delay(25);
  }
}
