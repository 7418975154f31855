import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, pgliteExtensions, type Database, type OpenOptions } from '../db/database';
import { migrateToLatest } from '../db/migrate';

// Each test file gets a database of its own, copied from one migrated at the start of the run:
// on PGlite a dump of the data folder, on PostgreSQL a template database.

export type TestDatabaseSource =
  { kind: 'pglite'; dumpFile: string } | { kind: 'postgresql'; adminUrl: string; template: string };

export const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Migrates the run's template database once; returns how test files find it. */
export async function prepareTemplate(
  options: { kind: 'pglite'; dumpFile: string } | { kind: 'postgresql'; adminUrl: string },
): Promise<TestDatabaseSource> {
  if (options.kind === 'pglite') {
    const lite = await PGlite.create({ extensions: pgliteExtensions });
    const database = await openDatabase({ kind: 'pglite', instance: lite });
    await migrateToLatest(database.db);
    await database.close();
    const dump = await lite.dumpDataDir('none');
    await writeFile(options.dumpFile, Buffer.from(await dump.arrayBuffer()));
    await lite.close();
    return { kind: 'pglite', dumpFile: options.dumpFile };
  }
  const template = `apkalpo_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withAdmin(options.adminUrl, (client) => client.query(`create database "${template}"`));
  const database = await openDatabase({
    kind: 'postgresql',
    url: urlFor(options.adminUrl, template),
    poolSize: 1,
  });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  return { kind: 'postgresql', adminUrl: options.adminUrl, template };
}

/** Drops the template and every copy a test file left behind. */
export async function dropTemplate(source: TestDatabaseSource): Promise<void> {
  if (source.kind !== 'postgresql') return;
  await withAdmin(source.adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${source.template}%`],
    );
    for (const { datname } of rows)
      await client.query(`drop database if exists "${datname}" with (force)`);
  });
}

type PostgresSource = Extract<TestDatabaseSource, { kind: 'postgresql' }>;

/** A copy of the template on PostgreSQL: its address, and how to throw it away. */
async function copyOfTemplate(source: PostgresSource) {
  const name = `${source.template}_${randomBytes(4).toString('hex')}`;
  await withAdmin(source.adminUrl, (client) =>
    client.query(`create database "${name}" template "${source.template}"`),
  );
  return {
    url: urlFor(source.adminUrl, name),
    drop: () =>
      withAdmin(source.adminUrl, async (client) => {
        // The pool's connections say goodbye before their server processes have gone; forcing
        // the drop then would cut them off mid-goodbye, and that error has nobody to catch it.
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const { rows } = await client.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}

/** A fresh, migrated database for one test file; close() throws it away. */
export async function openTestDatabase(
  source: TestDatabaseSource,
  options?: OpenOptions,
): Promise<Database> {
  if (source.kind === 'pglite') {
    const dump = new Blob([await readFile(source.dumpFile)]);
    const lite = await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions });
    const database = await openDatabase({ kind: 'pglite', instance: lite }, options);
    return {
      ...database,
      async close() {
        await database.close();
        await lite.close();
      },
    };
  }
  const copy = await copyOfTemplate(source);
  const database = await openDatabase({ kind: 'postgresql', url: copy.url, poolSize: 4 }, options);
  return {
    ...database,
    async close() {
      await database.close();
      await copy.drop();
    },
  };
}

/**
 * One fresh, migrated database as two instances of the product would open it. On PostgreSQL
 * these are two pools of their own; PGlite belongs to one process (its folder lock refuses a
 * second), so there both are the same. close() throws the database away.
 */
export async function openTestDatabaseTwice(
  source: TestDatabaseSource,
): Promise<{ first: Database; second: Database; close(): Promise<void> }> {
  if (source.kind === 'pglite') {
    const database = await openTestDatabase(source);
    return { first: database, second: database, close: () => database.close() };
  }
  const copy = await copyOfTemplate(source);
  const first = await openDatabase({ kind: 'postgresql', url: copy.url, poolSize: 4 });
  const second = await openDatabase({ kind: 'postgresql', url: copy.url, poolSize: 4 });
  return {
    first,
    second,
    async close() {
      await second.close();
      await first.close();
      await copy.drop();
    },
  };
}
