// Names shared by the integration global setup, the per-worker env and the teardown. A run id
// starts with its creation time so setup can tell leftovers of crashed runs from live runs.
import { randomBytes } from 'node:crypto';

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const TEST_DATABASE_PREFIX = 'parley_test_';
export const TEST_REDIS_PREFIX = 'parley-test-';

const RANDOM_HEX_CHARS = 4;

/** Seconds since the epoch in base 36, then 4 random hex characters, e.g. `tj5k2mab3f`. */
export function newRunId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000).toString(36);
  return seconds + randomBytes(RANDOM_HEX_CHARS / 2).toString('hex');
}

/** When the run that owns a test database or Redis key started; undefined if not one of ours. */
export function runStartedAt(databaseOrKey: string): Date | undefined {
  const match = /^(?:parley_test_|parley-test-)([0-9a-z]+)[_-]/.exec(databaseOrKey);
  const runId = match?.[1];
  if (!runId || runId.length <= RANDOM_HEX_CHARS) return undefined;
  const seconds = parseInt(runId.slice(0, -RANDOM_HEX_CHARS), 36);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
}

export function runDatabasePrefix(runId: string): string {
  return `${TEST_DATABASE_PREFIX}${runId}_`;
}

export function templateDatabaseName(runId: string): string {
  return `${runDatabasePrefix(runId)}tpl`;
}

export function workerDatabaseName(runId: string, workerId: string | number): string {
  return `${runDatabasePrefix(runId)}${workerId}`;
}

export function workerRedisPrefix(runId: string, workerId: string | number): string {
  return `${TEST_REDIS_PREFIX}${runId}-${workerId}`;
}

/** SCAN pattern matching every key of one run's workers. */
export function runRedisPattern(runId: string): string {
  return `${TEST_REDIS_PREFIX}${runId}-*`;
}

/** The test server's URL pointed at `database` (its path replaced). */
export function testDatabaseUrl(database: string): string {
  const url = new URL(process.env.PARLEY_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}
