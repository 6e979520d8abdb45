import type Redis from 'ioredis';
import { redisKeys } from './platform-config';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Limits per bucket, in one place. */
export const RATE_LIMITS = {
  login: { limit: 10, windowSeconds: 60 },
  widgetSession: { limit: 30, windowSeconds: 60 },
  visitorMessage: { limit: 20, windowSeconds: 10 },
  attachmentUpload: { limit: 20, windowSeconds: 60 },
} satisfies Record<string, RateLimit>;

// INCR and set the window's expiry on its first hit, atomically; returns [count, ttl ms].
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Fixed-window counters in Redis, shared by every API instance. */
export class RateLimiter {
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /** Counts a hit; returns the seconds to wait when over the limit, or 0 when allowed. */
  async hit(bucket: keyof typeof RATE_LIMITS, key: string): Promise<number> {
    const { limit, windowSeconds } = RATE_LIMITS[bucket];
    const [count, ttl] = (await this.redis.eval(
      HIT_SCRIPT,
      1,
      this.keys.rateLimit(bucket, key),
      String(windowSeconds * 1000),
    )) as [number, number];
    return count > limit ? Math.max(1, Math.ceil(ttl / 1000)) : 0;
  }

  /** The seconds to wait if the bucket is already at its limit, without counting a hit. */
  async peek(bucket: keyof typeof RATE_LIMITS, key: string): Promise<number> {
    const redisKey = this.keys.rateLimit(bucket, key);
    const [count, ttl] = await Promise.all([this.redis.get(redisKey), this.redis.pttl(redisKey)]);
    return Number(count ?? 0) >= RATE_LIMITS[bucket].limit ? Math.max(1, Math.ceil(ttl / 1000)) : 0;
  }
}
