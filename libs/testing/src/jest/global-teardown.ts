// Drops this run's databases and Redis keys once every integration test has finished.
import { Redis } from 'ioredis';
import { Client } from 'pg';
import {
  quoteIdentifier,
  runDatabasePrefix,
  runRedisPattern,
  testDatabaseUrl,
  testRedisUrl,
} from './test-run';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.PARLEY_TEST_RUN_ID;
  if (!runId) return;

  const admin = new Client({ connectionString: testDatabaseUrl('postgres') });
  await admin.connect();
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await Promise.all([dropRunDatabases(admin, runId), deleteKeys(redis, runRedisPattern(runId))]);
  } finally {
    await admin.end();
    redis.disconnect();
  }
}

export async function dropRunDatabases(admin: Client, runId: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [runDatabasePrefix(runId)],
  );
  for (const { datname } of rows) await dropDatabase(admin, datname);
}

/** WITH (FORCE) terminates the database's connections first (a test may have leaked a pool). */
export async function dropDatabase(admin: Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}

/** Deletes keys matching `pattern` (SCAN, so a busy shared Redis is never blocked), optionally filtered. */
export async function deleteKeys(
  redis: Redis,
  pattern: string,
  keep?: (key: string) => boolean,
): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    const doomed = keep ? keys.filter((key) => !keep(key)) : keys;
    if (doomed.length) deleted += await redis.unlink(...doomed);
  } while (cursor !== '0');
  return deleted;
}
