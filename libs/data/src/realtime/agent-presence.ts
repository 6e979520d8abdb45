import type Redis from 'ioredis';

/**
 * Which agents are connected to the live view, per organization: a Redis sorted set of
 * `<userId>:<socketId>` scored by when the entry expires. The API refreshes its sockets'
 * entries on a heartbeat, so the sockets of an API process that crashed fall out on their own.
 */
export class AgentPresence {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly ttlMs = 60_000,
  ) {}

  private key(orgId: string): string {
    return `${this.prefix}:presence:${orgId}`;
  }

  async connected(orgId: string, userId: string, socketId: string, now = Date.now()): Promise<void> {
    await this.redis.multi().zadd(this.key(orgId), now + this.ttlMs, `${userId}:${socketId}`).pexpire(this.key(orgId), this.ttlMs).exec();
  }

  async disconnected(orgId: string, userId: string, socketId: string): Promise<void> {
    await this.redis.zrem(this.key(orgId), `${userId}:${socketId}`);
  }

  /** Distinct agents with at least one live socket. */
  async onlineCount(orgId: string, now = Date.now()): Promise<number> {
    const key = this.key(orgId);
    const [, members] = ((await this.redis.multi().zremrangebyscore(key, '-inf', now).zrange(key, 0, -1).exec()) ?? []) as Array<
      [Error | null, unknown]
    >;
    const list = Array.isArray(members?.[1]) ? (members[1] as string[]) : [];
    return new Set(list.map((member) => member.slice(0, member.lastIndexOf(':')))).size;
  }
}
