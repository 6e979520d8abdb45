import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, REDIS, redisKeys, type PlatformConfig } from '@parley/data';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';

const LOCK_TTL_MS = 120_000;
// A waiting turn polls soon at first (the turn before it is often only finishing its bookkeeping),
// then less and less often, up to every 50 ms while a long reply streams.
const FIRST_WAIT_MS = 2;
const MAX_WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 90_000;

const HANDLED_TTL_SECONDS = 7 * 24 * 3600;

const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

// KEYS: lock, handled marker. 2: the message was handled already; 1: the lock is ours; 0: it is taken.
const ACQUIRE_UNHANDLED_SCRIPT = `
if redis.call('exists', KEYS[2]) == 1 then return 2 end
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;

// KEYS: lock, handled marker. Marks the message handled, then releases the lock if still ours.
const MARK_AND_RELEASE_SCRIPT = `
redis.call('set', KEYS[2], '1', 'EX', ARGV[2], 'NX')
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One bot turn per conversation at a time, and each visitor message handled once: a second
 * visitor message waits for the turn in flight, so its reply reads the whole transcript instead
 * of racing the first.
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

  /**
   * Runs `work` for one visitor message under its conversation's turn lock, unless the message
   * was handled already (a re-delivered job). The handled check rides on the lock's acquisition
   * and the handled marker on its release: one Redis round trip each. A failed `work` leaves the
   * message unhandled, so a retry runs it again.
   */
  async runOnce(conversationId: string, messageId: string, work: () => Promise<void>): Promise<void> {
    const keys = [this.keys.turnLock(conversationId), this.keys.handledMessage(messageId)] as const;
    const owner = randomUUID();
    const deadline = Date.now() + MAX_WAIT_MS;
    for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MAX_WAIT_STEP_MS)) {
      const state = (await this.redis.eval(ACQUIRE_UNHANDLED_SCRIPT, 2, ...keys, owner, String(LOCK_TTL_MS))) as number;
      if (state === 2) return;
      if (state === 1) break;
      if (Date.now() > deadline) throw new Error(`turn lock for conversation ${conversationId} not released`);
      await delay(wait);
    }
    try {
      await work();
    } catch (error) {
      await this.redis.eval(RELEASE_SCRIPT, 1, keys[0], owner);
      throw error;
    }
    await this.redis.eval(MARK_AND_RELEASE_SCRIPT, 2, ...keys, owner, String(HANDLED_TTL_SECONDS));
  }
}
