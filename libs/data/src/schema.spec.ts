// Migrations are hand-written SQL, so this test is what keeps them true to schema.prisma: it reads
// the schema's DMMF (Prisma's own parser, compiled to wasm, so it works offline) and compares it
// with the catalog of the migrated worker database. It also exercises the migration applier.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDMMF, type GetDMMFError } from '@prisma/get-dmmf';
import { Client } from 'pg';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, ensureDatabase, quoteIdentifier } from './migrate';

type Datamodel = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];

const SCHEMA_PATH = path.join(__dirname, '../../../prisma/schema.prisma');

// Unsupported("...") fields are left out of the DMMF; their columns are checked by hand below.
const UNSUPPORTED_COLUMNS: Record<string, string[]> = { knowledge_articles: ['search'], knowledge_chunks: ['search'] };

// Prisma's type for a column without @db.*, and the Postgres type of each @db.* native type.
const DEFAULT_UDT: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Decimal: 'numeric',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_UDT: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  SmallInt: 'int2',
  Integer: 'int4',
  BigInt: 'int8',
  Real: 'float4',
  DoublePrecision: 'float8',
  Decimal: 'numeric',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  Date: 'date',
  Json: 'json',
  JsonB: 'jsonb',
  Boolean: 'bool',
  ByteA: 'bytea',
};
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);
const FK_ACTIONS: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  udt_name: string;
  datetime_precision: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  column_default: string | null;
  is_generated: 'ALWAYS' | 'NEVER';
}

interface IndexRow {
  index_name: string;
  table_name: string;
  is_unique: boolean;
  is_primary: boolean;
  method: string;
  columns: string[];
}

interface ForeignKeyRow {
  name: string;
  table_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

interface Catalog {
  tables: string[];
  columns: ColumnRow[];
  enums: Map<string, string[]>;
  indexes: IndexRow[];
  foreignKeys: ForeignKeyRow[];
}

function loadDatamodel(): Datamodel {
  const dmmf = getDMMF({ datamodel: readFileSync(SCHEMA_PATH, 'utf8') });
  if ('error' in dmmf) throw new Error(`prisma/schema.prisma does not parse: ${dmmf.reason}`);
  return dmmf.datamodel;
}

async function readCatalog(client: Client): Promise<Catalog> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const columns = await client.query<ColumnRow>(
    `SELECT table_name, column_name, is_nullable, udt_name, datetime_precision, numeric_precision,
            numeric_scale, column_default, is_generated
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public'
      GROUP BY t.typname`,
  );
  const indexes = await client.query<IndexRow>(
    `SELECT i.relname::text AS index_name, t.relname::text AS table_name, x.indisunique AS is_unique,
            x.indisprimary AS is_primary, am.amname::text AS method,
            array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public'`,
  );
  const foreignKeys = await client.query<ForeignKeyRow>(
    `SELECT c.conname::text AS name, src.relname::text AS table_name, dst.relname::text AS referenced_table,
            c.confdeltype AS on_delete, c.confupdtype AS on_update,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS referenced_columns
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  return {
    tables: tables.rows.map((row) => row.table_name),
    columns: columns.rows,
    enums: new Map(enums.rows.map((row) => [row.name, row.labels])),
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows.map((row) => ({
      ...row,
      on_delete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
      on_update: FK_ACTIONS[row.on_update] ?? row.on_update,
    })),
  };
}

const tableOf = (model: Model): string => model.dbName ?? model.name;
const columnOf = (field: Field): string => field.dbName ?? field.name;
const isColumn = (field: Field): boolean => field.kind === 'scalar' || field.kind === 'enum';

function columnNames(datamodel: Datamodel, modelName: string, fieldNames: readonly string[]): string[] {
  const model = datamodel.models.find((candidate) => candidate.name === modelName);
  if (!model) throw new Error(`unknown model ${modelName}`);
  // Unsupported fields are not in the DMMF; Prisma names their column after the field.
  return fieldNames.map((name) => {
    const field = model.fields.find((candidate) => candidate.name === name);
    return field ? columnOf(field) : name;
  });
}

type CheckedAttribute =
  'udt_name' | 'is_nullable' | 'datetime_precision' | 'numeric_precision' | 'numeric_scale';

/** What Prisma would create for a field, in information_schema terms. */
function expectedColumn(datamodel: Datamodel, field: Field): Partial<Pick<ColumnRow, CheckedAttribute>> {
  let udt: string | undefined;
  if (field.kind === 'enum') {
    const enumType = datamodel.enums.find((candidate) => candidate.name === field.type);
    udt = enumType?.dbName ?? field.type;
  } else {
    const native = field.nativeType?.[0];
    udt = native ? NATIVE_UDT[native] : DEFAULT_UDT[field.type];
  }
  if (!udt)
    throw new Error(
      `no Postgres type known for ${field.type} ${field.nativeType?.[0] ?? ''}: extend the map`,
    );

  const expected: Partial<Pick<ColumnRow, CheckedAttribute>> = {
    udt_name: field.isList ? `_${udt}` : udt,
    // Prisma creates list columns without NOT NULL.
    is_nullable: field.isList || !field.isRequired ? 'YES' : 'NO',
  };
  const args = field.nativeType?.[1] ?? [];
  if (field.type === 'DateTime' && !field.isList) expected.datetime_precision = Number(args[0] ?? 3);
  if (field.type === 'Decimal' && !field.isList) {
    expected.numeric_precision = Number(args[0] ?? 65);
    expected.numeric_scale = Number(args[1] ?? 30);
  }
  return expected;
}

/** The start of the column default Prisma renders, or null where the database has none. */
function expectedDefault(field: Field): string | null {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return null;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'::`;
  if (typeof value !== 'object') return String(value);
  if (!('name' in value)) return value.length === 0 ? 'ARRAY[]' : 'ARRAY[';
  if (CLIENT_SIDE_DEFAULTS.has(value.name)) return null;
  if (value.name === 'now') return 'CURRENT_TIMESTAMP';
  if (value.name === 'autoincrement') return 'nextval(';
  throw new Error(`default ${value.name}() of ${field.name} is not handled by this test`);
}

function defaultIndexName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx'): string {
  return suffix === 'pkey' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`;
}

describe('prisma/schema.prisma and the migrated database', () => {
  const datamodel = loadDatamodel();
  let client: Client;
  let catalog: Catalog;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    catalog = await readCatalog(client);
  });

  afterAll(async () => {
    await client.end();
  });

  it('has a table for every model and no other table but _prisma_migrations', () => {
    const expected = [...datamodel.models.map(tableOf), '_prisma_migrations'].sort();
    expect([...catalog.tables].sort()).toEqual(expected);
  });

  it.each(datamodel.models.map((model) => [tableOf(model), model] as const))(
    '%s has a matching column for every scalar field and no other column',
    (table, model) => {
      const actual = new Map(
        catalog.columns
          .filter((column) => column.table_name === table)
          .map((column) => [column.column_name, column]),
      );
      const fields = model.fields.filter(isColumn);
      // Compared as two lists so a failure shows every differing field at once.
      const expected = fields.map((field) => ({
        column: columnOf(field),
        ...expectedColumn(datamodel, field),
        default: expectedDefault(field),
      }));
      const found = expected.map(({ column: name, default: wantedDefault, ...attributes }) => {
        const column = actual.get(name);
        if (!column) return { column: name, missing: true };
        const picked = Object.fromEntries(
          Object.keys(attributes).map((key) => [key, column[key as CheckedAttribute]]),
        );
        // Only the start of a default is Prisma's (the rest is the cast Postgres adds).
        const matches = wantedDefault !== null && column.column_default?.startsWith(wantedDefault);
        return { column: name, ...picked, default: matches ? wantedDefault : column.column_default };
      });
      expect(found).toEqual(expected);

      const known = new Set([...fields.map(columnOf), ...(UNSUPPORTED_COLUMNS[table] ?? [])]);
      expect([...actual.keys()].filter((name) => !known.has(name))).toEqual([]);
    },
  );

  it('generates knowledge_articles.search as a tsvector', () => {
    const search = catalog.columns.find(
      (column) => column.table_name === 'knowledge_articles' && column.column_name === 'search',
    );
    expect(search).toMatchObject({ udt_name: 'tsvector', is_generated: 'ALWAYS', is_nullable: 'YES' });
  });

  it('has every enum with the same values in the same order', () => {
    const expected = new Map(
      datamodel.enums.map((enumType) => [
        enumType.dbName ?? enumType.name,
        enumType.values.map((value) => value.dbName ?? value.name),
      ]),
    );
    expect(catalog.enums).toEqual(expected);
  });

  it('has exactly the primary keys and indexes of the schema, named as Prisma names them', () => {
    const expected = datamodel.indexes.map((index) => {
      const model = datamodel.models.find((candidate) => candidate.name === index.model);
      if (!model) throw new Error(`index on unknown model ${index.model}`);
      const table = tableOf(model);
      const columns = columnNames(
        datamodel,
        index.model,
        index.fields.map((field) => field.name),
      );
      const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
      return {
        index_name: index.dbName ?? defaultIndexName(table, columns, suffix),
        table_name: table,
        is_unique: index.type !== 'normal',
        is_primary: index.type === 'id',
        method: (index.algorithm ?? 'BTree').toLowerCase(),
        columns,
      };
    });
    const actual = catalog.indexes.filter((index) => index.table_name !== '_prisma_migrations');
    const byName = (a: { index_name: string }, b: { index_name: string }) =>
      a.index_name.localeCompare(b.index_name);
    expect([...actual].sort(byName)).toEqual(expected.sort(byName));
  });

  it('has exactly the foreign keys of the schema, with its referential actions', () => {
    const expected = datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
        .map((field) => {
          const target = datamodel.models.find((candidate) => candidate.name === field.type);
          if (!target) throw new Error(`relation to unknown model ${field.type}`);
          const table = tableOf(model);
          const columns = columnNames(datamodel, model.name, field.relationFromFields ?? []);
          return {
            name: `${table}_${columns.join('_')}_fkey`,
            table_name: table,
            columns,
            referenced_table: tableOf(target),
            referenced_columns: columnNames(datamodel, target.name, field.relationToFields ?? []),
            // Prisma's defaults: Restrict (required) or SetNull (optional) on delete, Cascade on update.
            on_delete: field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull'),
            on_update: field.relationOnUpdate ?? 'Cascade',
          };
        }),
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...catalog.foreignKeys].sort(byName)).toEqual(expected.sort(byName));
  });

  it("keeps Prisma's _prisma_migrations table as Prisma creates it", () => {
    const columns = catalog.columns
      .filter((column) => column.table_name === '_prisma_migrations')
      .map((column) => [column.column_name, column.udt_name, column.is_nullable, column.column_default])
      .sort();
    expect(columns).toEqual(
      [
        ['applied_steps_count', 'int4', 'NO', '0'],
        ['checksum', 'varchar', 'NO', null],
        ['finished_at', 'timestamptz', 'YES', null],
        ['id', 'varchar', 'NO', null],
        ['logs', 'text', 'YES', null],
        ['migration_name', 'varchar', 'NO', null],
        ['rolled_back_at', 'timestamptz', 'YES', null],
        ['started_at', 'timestamptz', 'NO', 'now()'],
      ].sort(),
    );
  });
});

describe('applyMigrations', () => {
  const baseUrl = new URL(process.env.DATABASE_URL ?? '');
  // Named after this worker's database, so the run's teardown drops them even after a crash.
  const scratchName = (suffix: string) => `${decodeURIComponent(baseUrl.pathname.slice(1))}_${suffix}`;
  const scratchUrl = (suffix: string) => {
    const url = new URL(baseUrl);
    url.pathname = `/${scratchName(suffix)}`;
    return url.toString();
  };
  const scratchSuffixes = ['migrate', 'race'];
  let migrationNames: string[];
  let tempDir: string;
  let admin: Client;

  beforeAll(async () => {
    const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
    migrationNames = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    tempDir = await mkdtemp(path.join(tmpdir(), 'parley-migrations-'));
    const adminUrl = new URL(baseUrl);
    adminUrl.pathname = '/postgres';
    admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    for (const suffix of scratchSuffixes) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(scratchName(suffix))} WITH (FORCE)`);
    }
    await admin.end();
    await rm(tempDir, { recursive: true, force: true });
  });

  /** A copy of the real migrations directory that a test may change. */
  async function copyOfMigrations(name: string): Promise<string> {
    const dir = path.join(tempDir, name);
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    return dir;
  }

  async function withDatabase<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }

  it('creates a missing database once', async () => {
    await expect(ensureDatabase(scratchUrl('migrate'))).resolves.toEqual({ created: true });
    await expect(ensureDatabase(scratchUrl('migrate'))).resolves.toEqual({ created: false });
  });

  it('applies every migration, records it as Prisma does, and applies nothing the second time', async () => {
    const url = scratchUrl('migrate');
    const logged: string[] = [];
    await expect(applyMigrations(url, { log: (line) => logged.push(line) })).resolves.toEqual({
      applied: migrationNames,
    });
    expect(logged).toEqual(migrationNames.map((name) => `applying ${name}`));
    await expect(applyMigrations(url)).resolves.toEqual({ applied: [] });

    const rows = await withDatabase(url, async (client) => {
      const result = await client.query<{
        migration_name: string;
        checksum: string;
        finished: boolean;
        rolled_back_at: Date | null;
        logs: string | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, logs,
                applied_steps_count
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      return result.rows;
    });
    const expected = await Promise.all(
      migrationNames.map(async (name) => ({
        migration_name: name,
        checksum: createHash('sha256')
          .update(await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql')))
          .digest('hex'),
        finished: true,
        rolled_back_at: null,
        logs: null,
        applied_steps_count: 1,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const dir = await copyOfMigrations('edited');
    const first = migrationNames[0] ?? '';
    await writeFile(path.join(dir, first, 'migration.sql'), '\n-- edited after the fact\n', { flag: 'a' });

    await expect(applyMigrations(scratchUrl('migrate'), { migrationsDir: dir })).rejects.toThrow(
      `Migration ${first} was modified after it was applied`,
    );
  });

  it('rolls a failing migration back entirely and names it', async () => {
    const dir = await copyOfMigrations('broken');
    const broken = '29991231000000_broken';
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;\n',
    );
    const url = scratchUrl('migrate');

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed and was rolled back: division by zero`,
    );
    const state = await withDatabase(url, async (client) => {
      const table = await client.query(`SELECT to_regclass('public.half_done') AS oid`);
      const recorded = await client.query('SELECT 1 FROM _prisma_migrations WHERE migration_name = $1', [
        broken,
      ]);
      return { table: table.rows[0], recorded: recorded.rowCount };
    });
    expect(state).toEqual({ table: { oid: null }, recorded: 0 });
  });

  it('lets concurrent appliers apply each migration exactly once', async () => {
    const url = scratchUrl('race');
    await ensureDatabase(url);
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual(migrationNames);
    const count = await withDatabase(url, async (client) => {
      const result = await client.query<{ count: string }>('SELECT count(*) FROM _prisma_migrations');
      return Number(result.rows[0]?.count);
    });
    expect(count).toBe(migrationNames.length);
  });

  it('names the server address when it cannot connect', async () => {
    await expect(ensureDatabase('postgresql://postgres@127.0.0.1:1/parley')).rejects.toThrow('127.0.0.1:1');
  });
});
