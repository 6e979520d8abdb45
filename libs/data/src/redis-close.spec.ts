// Shutting down never fails a command already sent: it is answered before the connection closes.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { closeRedis } from './redis-close';

describe('closeRedis (Redis)', () => {
  const key = `${process.env.REDIS_PREFIX ?? 'test'}:close:${randomUUID()}`;

  it('lets a command in flight finish, then closes the connection', async () => {
    const client = new Redis(process.env.REDIS_URL ?? '');
    await client.ping();
    // A blocking pop that waits 0.3 s for nothing: still in flight when the shutdown starts.
    const pending = client.blpop(key, 0.3);
    await closeRedis(client);
    await expect(pending).resolves.toBeNull();
    await expect(client.ping()).rejects.toThrow('Connection is closed.');
  });

  it('drops a connection that does not answer in time', async () => {
    const client = new Redis(process.env.REDIS_URL ?? '');
    await client.ping();
    // Waiting 5 s would answer null; dropped after 0.1 s, the pop fails instead.
    const pending = client.blpop(key, 5).catch((error: Error) => error.message);
    await closeRedis(client, 100);
    await expect(pending).resolves.toBe('Connection is closed.');
  });

  it('does nothing to a connection already closed', async () => {
    const client = new Redis(process.env.REDIS_URL ?? '');
    await client.ping();
    client.disconnect();
    await new Promise((resolve) => client.once('end', resolve));
    await expect(closeRedis(client)).resolves.toBeUndefined();
  });
});
