import type Redis from 'ioredis';
import type { PrismaClient } from './generated/prisma/client';

const CHECK_TIMEOUT_MS = 2_000;

export type Dependency = 'postgres' | 'redis';

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Whether Postgres and Redis answer, each within 2 s. */
export class DependencyHealth {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly redis: Redis,
  ) {}

  /** The dependencies that did not answer; empty when all is well. */
  async failing(): Promise<Dependency[]> {
    const [postgres, redis] = await Promise.allSettled([withTimeout(this.prisma.$queryRaw`SELECT 1`), withTimeout(this.redis.ping())]);
    const failing: Dependency[] = [];
    if (postgres.status === 'rejected') failing.push('postgres');
    if (redis.status === 'rejected') failing.push('redis');
    return failing;
  }
}
