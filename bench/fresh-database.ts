import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, pgliteExtensions, type Database } from '../src/server/db/database';

/** The address of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs the work on a new, empty database on the PostgreSQL server that `serverUrl` points at (any
 * database there, e.g. postgresql://postgres@127.0.0.1:5432/postgres), and drops it afterwards,
 * also when the work fails or the run is interrupted. BENCH_KEEP_DATABASE=1 keeps it to look at.
 */
export async function withFreshDatabase<T>(
  serverUrl: string,
  label: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `apkalpo_bench_${label}_${stamp}_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  const drop = () =>
    keep
      ? Promise.resolve(console.log(`kept the database ${name} (BENCH_KEEP_DATABASE=1)`))
      : admin(`drop database if exists ${name} with (force)`);
  const interrupted = () => {
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await work(databaseUrl(serverUrl, name));
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await drop();
  }
}

/**
 * The database a benchmark runs on: the PostgreSQL database at BENCH_DATABASE_URL (a fresh one
 * from withFreshDatabase), else an embedded PGlite in memory.
 */
export async function openBenchDatabase(): Promise<{
  database: Database;
  close: () => Promise<void>;
}> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const database = await openDatabase({ kind: 'postgresql', url });
    return { database, close: () => database.close() };
  }
  const lite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: 'pglite', instance: lite });
  return {
    database,
    async close() {
      await database.close();
      await lite.close();
    },
  };
}
