import Redis from 'ioredis';
import { DependencyHealth } from './dependency-health';
import { createPrismaClient } from './prisma-client';

// A port nothing listens on: connections are refused at once.
const CLOSED = '127.0.0.1:9';

describe('DependencyHealth', () => {
  const clients: { close(): Promise<unknown> }[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.close())));

  function prisma(url: string) {
    const client = createPrismaClient(url, { poolSize: 1 });
    clients.push({ close: () => client.$disconnect() });
    return client;
  }

  function redis(url: string) {
    const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    clients.push({ close: async () => client.disconnect() });
    return client;
  }

  it('finds nothing failing when Postgres and Redis answer', async () => {
    const redisClient = redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await redisClient.connect();
    expect(await new DependencyHealth(prisma(process.env.DATABASE_URL ?? ''), redisClient).failing()).toEqual([]);
  });

  it('names each dependency that does not answer', async () => {
    const database = new URL(process.env.DATABASE_URL ?? '');
    database.host = CLOSED;
    const health = new DependencyHealth(prisma(database.toString()), redis(`redis://${CLOSED}`));
    expect(await health.failing()).toEqual(['postgres', 'redis']);
  });
});
