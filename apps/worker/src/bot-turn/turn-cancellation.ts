import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { closeRedis, PLATFORM_CONFIG, REDIS, redisKeys, type PlatformConfig } from '@parley/data';
import type Redis from 'ioredis';

/**
 * Cancels a bot turn in flight when an agent takes the conversation over: the API publishes the
 * conversation id on a Redis channel, and every worker aborts its turns for that conversation.
 */
@Injectable()
export class TurnCancellation implements OnModuleInit, OnApplicationShutdown {
  private readonly active = new Map<string, Set<AbortController>>();
  private subscriber?: Redis;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const channel = redisKeys(this.config.REDIS_PREFIX).turnCancelChannel;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, conversationId: string) => this.cancel(conversationId));
    await this.subscriber.subscribe(channel);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  /** A signal that aborts when the conversation is taken over; call `release` when the turn ends. */
  register(conversationId: string): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController();
    const set = this.active.get(conversationId) ?? new Set<AbortController>();
    set.add(controller);
    this.active.set(conversationId, set);
    return {
      signal: controller.signal,
      release: () => {
        set.delete(controller);
        if (set.size === 0) this.active.delete(conversationId);
      },
    };
  }

  private cancel(conversationId: string): void {
    for (const controller of this.active.get(conversationId) ?? []) controller.abort();
  }
}
