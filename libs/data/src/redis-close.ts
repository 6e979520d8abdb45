import type { Redis } from 'ioredis';

/**
 * Closes a Redis connection once the commands already sent have been answered, so that no command
 * in flight fails with "Connection is closed" during a shutdown (libraries send some without
 * waiting, such as the socket.io adapter's unsubscribes as the server closes). Redis answers in
 * order, so the answer to a PING sent last means every earlier command has its answer; PING is
 * allowed on a subscriber connection, where QUIT leaves the unsubscribes unanswered. A connection
 * that does not answer within `timeoutMs` is dropped.
 */
export async function closeRedis(client: Redis, timeoutMs = 2_000): Promise<void> {
  if (client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([client.ping(), timedOut]);
  } catch {
    // Already closing or closed: nothing is left to wait for.
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
