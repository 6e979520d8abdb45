// Applies prisma/migrations without Prisma's native schema engine (it cannot be installed
// everywhere we run). The bookkeeping is Prisma's own `_prisma_migrations` table, so a later
// `prisma migrate deploy` on a machine that has the engine sees these migrations as applied.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, type ClientConfig } from 'pg';

export const DEFAULT_MIGRATIONS_DIR = path.join(__dirname, '../../../prisma/migrations');

// The key Prisma's schema engine locks with, so this applier and `prisma migrate` also exclude
// each other.
const MIGRATION_LOCK_KEY = 72707369;

const CONNECT_TIMEOUT_MS = 5_000;

// Exactly the table Prisma's schema engine creates.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

interface MigrationFile {
  name: string;
  bytes: Buffer;
  checksum: string;
}

interface RecordedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Creates the database named in `databaseUrl` if it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(databaseUrl)}`);

  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = await connect(maintenance.toString());
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if (isPgError(error, '42P04') || isPgError(error, '23505')) return { created: false };
      throw error;
    }
    return { created: true };
  } finally {
    await client.end();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`, oldest first. */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(migrationsDir);

  const client = await connect(databaseUrl);
  try {
    // Session-level lock: held across the per-migration transactions below.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const recorded = await recordedMigrations(client);

    const applied: string[] = [];
    for (const migration of migrations) {
      const rows = recorded.get(migration.name) ?? [];
      const finished = rows.find((row) => row.finished_at !== null);
      if (finished) {
        if (!matchesChecksum(migration.bytes, finished.checksum)) {
          throw new Error(
            `Migration ${migration.name} was modified after it was applied ` +
              `(checksum in database ${finished.checksum}, file ${migration.checksum}). ` +
              'Restore the file and add a new migration instead.',
          );
        }
        continue;
      }
      if (rows.length > 0) {
        // Only `prisma migrate` leaves failed rows (ours roll back); it refuses to go on too.
        throw new Error(
          `Migration ${migration.name} is recorded as failed in _prisma_migrations; ` +
            'mark it with `prisma migrate resolve` before applying again.',
        );
      }
      log(`applying ${migration.name}`);
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Closing the session releases the advisory lock too.
    await client.end();
  }
}

async function applyOne(client: Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES ($1, $2, $3)',
      [id, migration.checksum, migration.name],
    );
    // Simple-query protocol (no parameters) so the file may hold many statements.
    await client.query(migration.bytes.toString('utf8'));
    await client.query(
      `UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1
        WHERE "id" = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    // The bookkeeping row rolls back with the migration: nothing half-applied is left to resolve.
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

async function recordedMigrations(client: Client): Promise<Map<string, RecordedRow[]>> {
  const { rows } = await client.query<RecordedRow>(
    `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations"
      WHERE "rolled_back_at" IS NULL
      ORDER BY "started_at"`,
  );
  const byName = new Map<string, RecordedRow[]>();
  for (const row of rows) {
    const list = byName.get(row.migration_name) ?? [];
    list.push(row);
    byName.set(row.migration_name, list);
  }
  return byName;
}

// Like Prisma, accept a file whose only change is its line endings (a checkout with autocrlf).
function matchesChecksum(bytes: Buffer, checksum: string): boolean {
  const text = bytes.toString('utf8');
  const variants = [
    bytes,
    Buffer.from(text.replaceAll('\r\n', '\n')),
    Buffer.from(text.replace(/\r?\n/g, '\r\n')),
  ];
  return variants.some((variant) => sha256(variant) === checksum);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, 'migration.sql'));
      // Prisma's checksum: sha256 of the file's bytes, lower-case hex.
      return { name, bytes, checksum: sha256(bytes) };
    }),
  );
}

async function connect(databaseUrl: string): Promise<Client> {
  const config: ClientConfig = {
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  };
  const client = new Client(config);
  try {
    await client.connect();
  } catch (error) {
    const url = new URL(databaseUrl);
    const address = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
    throw new Error(`Cannot connect to PostgreSQL at ${address}: ${errorMessage(error)}`, { cause: error });
  }
  return client;
}

function isPgError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    // Node reports a refused dual-stack connect as an AggregateError with an empty message.
    return error.errors.map(errorMessage).join('; ');
  }
  return error instanceof Error ? error.message || String(error) : String(error);
}

/** The URL without its password, for messages. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<invalid URL>';
  }
}
