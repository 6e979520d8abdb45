import {
  applyMigrations,
  createPrismaClient,
  describeAddress,
  ensureDatabase,
  StaffRepository,
  type PlatformConfig,
} from '@parley/data';
import Redis from 'ioredis';
import { ensureFirstAdmin } from './first-admin';

export class DependencyUnavailableError extends Error {}

const HOW_TO_START = 'Start it with `docker compose up -d postgres redis`, or point DATABASE_URL / REDIS_URL at running servers.';

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new DependencyUnavailableError(
      `Redis is not answering at ${describeAddress(url)} (${(error as Error).message}). ${HOW_TO_START}`,
    );
  } finally {
    redis.disconnect();
  }
}

async function prepareDatabase(url: string, log: (line: string) => void): Promise<void> {
  try {
    const { created } = await ensureDatabase(url);
    if (created) log(`created database ${new URL(url).pathname.slice(1)}`);
  } catch (error) {
    throw new DependencyUnavailableError(
      `PostgreSQL is not answering at ${describeAddress(url)} (${(error as Error).message}). ${HOW_TO_START}`,
    );
  }
  const { applied } = await applyMigrations(url, { log: (line) => log(`migration: ${line}`) });
  log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
}

/** Everything `npm start` does before the processes start: dependencies, schema, first admin. */
export async function prepareInstance(
  config: PlatformConfig,
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string },
  log: (line: string) => void,
): Promise<{ adminEmail: string; defaultPassword?: string; adminCreated: boolean }> {
  await prepareDatabase(config.DATABASE_URL, log);
  await checkRedis(config.REDIS_URL);
  const prisma = createPrismaClient(config.DATABASE_URL, { poolSize: 2 });
  try {
    const admin = await ensureFirstAdmin(new StaffRepository(prisma), env);
    return { adminEmail: admin.email, defaultPassword: admin.defaultPassword, adminCreated: admin.created };
  } finally {
    await prisma.$disconnect();
  }
}
