import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, REDIS, redisKeys, type PlatformConfig } from '@parley/data';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';

const LOCK_TTL_MS = 120_000;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 90_000;

const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One bot turn per conversation at a time: a second visitor message waits for the turn in
 * flight, so its reply reads the whole transcript instead of racing the first.
 */
@Injectable()
export class TurnLock {
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.keys = redisKeys(config.REDIS_PREFIX);
  }

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const key = this.keys.turnLock(conversationId);
    const owner = randomUUID();
    const deadline = Date.now() + MAX_WAIT_MS;
    while ((await this.redis.set(key, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`turn lock for conversation ${conversationId} not released`);
      await delay(WAIT_STEP_MS);
    }
    try {
      return await work();
    } finally {
      await this.redis.eval(RELEASE_SCRIPT, 1, key, owner);
    }
  }

  /** Marks a visitor message as handled, so a re-delivered job never answers it twice. */
  async markHandled(messageId: string): Promise<boolean> {
    const key = this.keys.handledMessage(messageId);
    return (await this.redis.set(key, '1', 'EX', 7 * 24 * 3600, 'NX')) === 'OK';
  }

  async isHandled(messageId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.handledMessage(messageId))) === 1;
  }
}
