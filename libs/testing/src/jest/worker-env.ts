// Runs in every integration test file before it loads: points the code under test at this
// worker's own database and Redis prefix, so parallel workers never share state.
import { testDatabaseUrl, testRedisUrl, workerDatabaseName, workerRedisPrefix } from './test-run';

const runId = process.env.PARLEY_TEST_RUN_ID;
if (!runId) {
  throw new Error(
    'PARLEY_TEST_RUN_ID is not set: run integration tests through jest.config.js ' +
      '(its globalSetup creates the databases)',
  );
}
// Jest numbers its workers from 1; a run in band is worker 1.
const workerId = process.env.JEST_WORKER_ID ?? '1';

process.env.DATABASE_URL = testDatabaseUrl(workerDatabaseName(runId, workerId));
process.env.REDIS_URL = testRedisUrl();
process.env.REDIS_PREFIX = workerRedisPrefix(runId, workerId);
