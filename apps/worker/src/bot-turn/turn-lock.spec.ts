// The turn lock in the real Redis: each visitor message handled once, a failed turn left for its
// retry, and turns of one conversation one at a time.
import type { PlatformConfig } from '@parley/data';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { TurnLock } from './turn-lock';

describe('TurnLock (Redis)', () => {
  let redis: Redis;
  let lock: TurnLock;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? '');
    lock = new TurnLock(redis, { REDIS_PREFIX: process.env.REDIS_PREFIX ?? 'test' } as PlatformConfig);
  });

  afterAll(() => redis.disconnect());

  it('handles a message once, however often its job is delivered', async () => {
    const [conversationId, messageId] = [randomUUID(), randomUUID()];
    let runs = 0;
    await lock.runOnce(conversationId, messageId, async () => void runs++);
    await lock.runOnce(conversationId, messageId, async () => void runs++);
    await lock.runOnce(conversationId, randomUUID(), async () => void runs++);
    expect(runs).toBe(2);
  });

  it('leaves a failed turn unhandled and the conversation unlocked, so the retry runs', async () => {
    const [conversationId, messageId] = [randomUUID(), randomUUID()];
    await expect(
      lock.runOnce(conversationId, messageId, async () => {
        throw new Error('model down');
      }),
    ).rejects.toThrow('model down');
    let retried = false;
    await lock.runOnce(conversationId, messageId, async () => void (retried = true));
    expect(retried).toBe(true);
  });

  it('runs the turns of one conversation one after the other', async () => {
    const conversationId = randomUUID();
    const events: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = lock.runOnce(conversationId, randomUUID(), async () => {
      events.push('first start');
      await firstHolds;
      events.push('first end');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = lock.runOnce(conversationId, randomUUID(), async () => void events.push('second'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual(['first start']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'first end', 'second']);
  });
});
