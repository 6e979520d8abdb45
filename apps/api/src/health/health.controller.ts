import { Controller, Get, Inject, Res } from '@nestjs/common';
import { PrismaClient, REDIS } from '@parley/data';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.guard';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const [postgres, redis] = await Promise.allSettled([
      withTimeout(this.prisma.$queryRaw`SELECT 1`),
      withTimeout(this.redis.ping()),
    ]);
    const failing = [postgres.status === 'rejected' && 'postgres', redis.status === 'rejected' && 'redis'].filter(
      (name): name is string => Boolean(name),
    );
    if (failing.length === 0) return { status: 'ok' };
    response.status(503);
    return {
      status: 'unavailable',
      failing,
      error: { code: 'dependency_unavailable', message: `${failing.join(' and ')} not answering` },
    };
  }
}
