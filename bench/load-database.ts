import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { createArgon2Hasher } from '../src/server/adapters/password-hasher';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { loadCases } from './cases-data';
import { databaseUrl } from './fresh-database';
import { COMPETENCES, loadKnowledge } from './knowledge-data';
import { organise } from './organisation';

// The load benchmark's PostgreSQL database: a million requests (the cases loader) and a
// knowledge base of a few thousand articles (the knowledge loader), on an organisation made
// through the services. Loading takes minutes, so with --keep it is loaded once into a database
// of a fixed name, marked when complete, and each run works on a copy of it (CREATE DATABASE …
// TEMPLATE): every run starts from the same rows, whatever earlier runs wrote.

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const CLIENTS = Math.max(1000, Math.round(REQUESTS / 4));
const ARTICLES = 3000;
const SERVICES = 300;
/** Specialists of the first so many units get a password, to sign in under load. */
export const SIGNERS = 16;
/** Changes when the loaded data would differ, so that an older kept database is loaded anew. */
const MARK = JSON.stringify({
  loader: 1,
  requests: REQUESTS,
  articles: ARTICLES,
  signers: SIGNERS,
});

export const KEPT_DATABASE = `apkalpo_bench_load_${REQUESTS}`;

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server's version; a clear message when it cannot be reached. */
export async function postgresVersion(serverUrl: string): Promise<string> {
  try {
    return await admin(serverUrl, async (c) => {
      const { rows } = await c.query<{ version: string }>(
        "select current_setting('server_version') as version",
      );
      return rows[0]?.version ?? '?';
    });
  } catch (error) {
    const where = new URL(serverUrl);
    where.password = '';
    throw new Error(
      `PostgreSQL at ${where.toString()} (BENCH_DATABASE_URL) does not answer: ${(error as Error).message}`,
    );
  }
}

const dropDatabase = (serverUrl: string, name: string) =>
  admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
    () => undefined,
  );

async function markOf(serverUrl: string, name: string): Promise<string | null> {
  return admin(serverUrl, async (c) => {
    const { rows } = await c.query<{ mark: string | null }>(
      `select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
      [name],
    );
    return rows[0]?.mark ?? null;
  });
}

/** Migrates the empty database and loads the organisation, the requests and the articles. */
async function load(url: string): Promise<void> {
  const database = await openDatabase({ kind: 'postgresql', url });
  try {
    await migrateToLatest(database.db);
    const { app, services } = await buildApp({
      database,
      // Signing in is not what is measured: the cheapest argon2id for the passwords set here.
      hasher: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      logger: pino({ level: 'error' }),
    });
    await app.ready();
    let started = performance.now();
    const org = await organise(services, { signers: SIGNERS, competences: COMPETENCES });
    await app.close();
    console.log(
      `  organisation through the services ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const report = (step: string, seconds: number) =>
      console.log(`  ${step.padEnd(32)} ${seconds.toFixed(1).padStart(6)} s`);
    started = performance.now();
    await loadCases(database.db, org, { requests: REQUESTS, clients: CLIENTS, days: 1095 }, report);
    await loadKnowledge(
      database.db,
      { ...org, competences: COMPETENCES },
      { articles: ARTICLES, services: SERVICES },
      (step, seconds) => report(`knowledge ${step}`, seconds),
    );
    console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

export interface LoadDatabase {
  url: string;
  name: string;
}

/**
 * A loaded database for this run. `atExit` is given what undoes it (the copy or the whole
 * database dropped), registered before the minutes of loading, so an interrupted run cleans up.
 */
export async function prepareLoadDatabase(
  serverUrl: string,
  keep: boolean,
  atExit: (undo: () => Promise<void>) => void,
): Promise<LoadDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  if (!keep) {
    const name = `apkalpo_bench_load_${stamp}_${randomBytes(3).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`create database ${name}`));
    atExit(() => dropDatabase(serverUrl, name));
    console.log(`loading ${REQUESTS} requests into ${name} (dropped at the end; --keep keeps it)`);
    await load(databaseUrl(serverUrl, name));
    return { url: databaseUrl(serverUrl, name), name };
  }
  if ((await markOf(serverUrl, KEPT_DATABASE)) === MARK) {
    console.log(`using the loaded database ${KEPT_DATABASE} (kept by --keep)`);
  } else {
    await dropDatabase(serverUrl, KEPT_DATABASE);
    await admin(serverUrl, (c) => c.query(`create database ${KEPT_DATABASE}`));
    // Half loaded, it is of no use: dropped if the run ends before the mark is written.
    atExit(async () => {
      if ((await markOf(serverUrl, KEPT_DATABASE)) !== MARK) {
        await dropDatabase(serverUrl, KEPT_DATABASE);
      }
    });
    console.log(`loading ${REQUESTS} requests into ${KEPT_DATABASE}, kept for later runs`);
    await load(databaseUrl(serverUrl, KEPT_DATABASE));
    await admin(serverUrl, (c) =>
      c.query(`comment on database ${KEPT_DATABASE} is ${pg.escapeLiteral(MARK)}`),
    );
  }
  const name = `apkalpo_bench_load_run_${stamp}_${randomBytes(3).toString('hex')}`;
  atExit(() => dropDatabase(serverUrl, name));
  const started = performance.now();
  // A copy of the files, not of the rows: seconds for gigabytes (PostgreSQL 15 and later say
  // so; earlier ones copy files anyway and know no strategy).
  await admin(serverUrl, async (c) => {
    const { rows } = await c.query<{ version: string }>('show server_version_num');
    const strategy = Number(rows[0]?.version) >= 150000 ? ' strategy file_copy' : '';
    await c.query(`create database ${name} template ${KEPT_DATABASE}${strategy}`);
  });
  console.log(
    `  copied into ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s (dropped at the end)`,
  );
  return { url: databaseUrl(serverUrl, name), name };
}
