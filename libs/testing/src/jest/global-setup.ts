// Integration tests run against the real Postgres and Redis. Migrations are applied once to a
// template database, then each Jest worker gets a copy of it (CREATE DATABASE ... TEMPLATE is
// much faster than migrating every worker's database).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GlobalConfig } from 'jest';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { deleteKeys, dropDatabase, dropRunDatabases } from './global-teardown';
import {
  quoteIdentifier,
  TEST_DATABASE_PREFIX,
  TEST_REDIS_PREFIX,
  newRunId,
  runStartedAt,
  templateDatabaseName,
  testDatabaseUrl,
  testRedisUrl,
  workerDatabaseName,
} from './test-run';

// Older than this, a run's databases and keys are leftovers of a crashed or killed run.
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;
const CONNECT_TIMEOUT_MS = 5_000;
const REPO_ROOT = path.join(__dirname, '../../../..');

export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  const admin = await connectPostgres();
  try {
    await withRedis((redis) => deleteStaleKeys(redis));
    await dropStaleDatabases(admin);

    const runId = newRunId();
    try {
      const template = templateDatabaseName(runId);
      await migrate(testDatabaseUrl(template));
      // Postgres refuses to copy a template that has sessions; it waits a few seconds for the
      // migration session to go away, which is all it needs.
      for (let n = 1; n <= globalConfig.maxWorkers; n++) {
        const database = quoteIdentifier(workerDatabaseName(runId, n));
        await admin.query(`CREATE DATABASE ${database} TEMPLATE ${quoteIdentifier(template)}`);
      }
    } catch (error) {
      await dropRunDatabases(admin, runId).catch(() => undefined);
      throw error;
    }
    // Jest starts its workers after global setup, with this process's environment.
    process.env.PARLEY_TEST_RUN_ID = runId;
  } finally {
    await admin.end();
  }
}

// Creates and migrates the database with `npm run migrate`, the command deployments use; this
// also keeps libs/testing out of libs/data's sources (libraries meet only at their entry points).
async function migrate(databaseUrl: string): Promise<void> {
  try {
    await promisify(execFile)('npm', ['run', '--silent', 'migrate'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(
      `npm run migrate failed for the test template database: ${stderr.trim() || reason(error)}`,
    );
  }
}

async function connectPostgres(): Promise<Client> {
  const url = testDatabaseUrl('postgres');
  const admin = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await admin.connect();
  } catch (error) {
    const { hostname, port } = new URL(url);
    throw new Error(
      `Integration tests need PostgreSQL at ${hostname}:${port || 5432} ` +
        `(set PARLEY_TEST_DATABASE_URL to use another): ${reason(error)}`,
    );
  }
  return admin;
}

async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const url = testRedisUrl();
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() only rejects with "Connection is closed"; the cause arrives as an 'error' event.
  let connectError: unknown;
  redis.on('error', (error: unknown) => {
    connectError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const { hostname, port } = new URL(url);
    throw new Error(
      `Integration tests need Redis at ${hostname}:${port || 6379} ` +
        `(set REDIS_URL to use another): ${reason(connectError ?? error)}`,
    );
  }
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Best effort: a failure here must not stop this run. */
async function dropStaleDatabases(admin: Client): Promise<void> {
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [TEST_DATABASE_PREFIX],
    );
    for (const { datname } of rows.filter((row) => isStale(row.datname))) {
      await dropDatabase(admin, datname).catch(() => undefined);
    }
  } catch {
    // Leftovers are only wasted disk space.
  }
}

async function deleteStaleKeys(redis: Redis): Promise<void> {
  await deleteKeys(redis, `${TEST_REDIS_PREFIX}*`, (key) => !isStale(key)).catch(() => undefined);
}

function isStale(databaseOrKey: string): boolean {
  const startedAt = runStartedAt(databaseOrKey);
  return startedAt !== undefined && Date.now() - startedAt.getTime() > STALE_AFTER_MS;
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(reason).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}
