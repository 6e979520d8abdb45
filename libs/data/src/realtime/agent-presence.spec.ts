// Agents online, per organization, in the real Redis: counted once per agent however many tabs,
// gone on disconnect, and gone on their own when an API process stops refreshing them.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AgentPresence } from './agent-presence';

describe('AgentPresence (Redis)', () => {
  let redis: Redis;
  let presence: AgentPresence;

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? '');
    presence = new AgentPresence(redis, process.env.REDIS_PREFIX ?? 'test', 1_000);
  });

  afterAll(() => redis.disconnect());

  it('counts distinct agents of one organization', async () => {
    const [org, other] = [randomUUID(), randomUUID()];
    await presence.connected(org, 'alice', 'socket-1');
    await presence.connected(org, 'alice', 'socket-2');
    await presence.connected(org, 'bob', 'socket-3');
    await presence.connected(other, 'carol', 'socket-4');
    expect(await presence.onlineCount(org)).toBe(2);
    expect(await presence.onlineCount(other)).toBe(1);

    await presence.disconnected(org, 'bob', 'socket-3');
    await presence.disconnected(org, 'alice', 'socket-1');
    expect(await presence.onlineCount(org)).toBe(1);
  });

  it('forgets sockets whose heartbeat stopped', async () => {
    const org = randomUUID();
    const now = Date.now();
    await presence.connected(org, 'ghost', 'socket-1', now);
    expect(await presence.onlineCount(org, now + 500)).toBe(1);
    expect(await presence.onlineCount(org, now + 1_001)).toBe(0);
  });
});
