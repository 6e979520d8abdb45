// `npm run migrate`: creates the database if needed and applies pending migrations.
import { applyMigrations, ensureDatabase, redactUrl } from './migrate';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/parley';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  console.log(`Migrating ${redactUrl(databaseUrl)}`);

  const { created } = await ensureDatabase(databaseUrl);
  if (created) console.log('Created the database.');

  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(`  ${line}`) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
