import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import {
  openDatabase,
  QueryBesideTransactionError,
  type Database,
  type Executor,
  type OpenOptions,
} from './database';

const one = async (executor: Executor) =>
  (await sql<{ one: number }>`select 1 as one`.execute(executor)).rows[0]?.one;

describe('a query through db while a transaction is open', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(inject('testDatabase'));
  });
  afterAll(() => database.close());

  it('is refused at once instead of waiting for the transaction forever', async () => {
    const { db } = database;
    await expect(
      db.transaction().execute(async (trx) => {
        await one(trx);
        return one(db);
      }),
    ).rejects.toBeInstanceOf(QueryBesideTransactionError);
    // The transaction was rolled back and its connection given back.
    expect(await one(db)).toBe(1);
  });

  it('is refused however far down the work it is made (a helper, after a pause)', async () => {
    const { db } = database;
    const readLater = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return one(db);
    };
    await expect(db.transaction().execute(() => readLater())).rejects.toBeInstanceOf(
      QueryBesideTransactionError,
    );
  });

  it('refuses a second transaction opened inside the first, and one with settings', async () => {
    const { db } = database;
    await expect(
      db.transaction().execute(() => db.transaction().execute((inner) => one(inner))),
    ).rejects.toBeInstanceOf(QueryBesideTransactionError);
    await expect(
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(() => one(db)),
    ).rejects.toBeInstanceOf(QueryBesideTransactionError);
  });

  it('leaves the transaction’s own handle, and db once the transaction ended, alone', async () => {
    const { db } = database;
    expect(await db.transaction().execute((trx) => one(trx))).toBe(1);
    expect(await one(db)).toBe(1);
  });

  it('is not confused with other work that waits its turn meanwhile', async () => {
    const { db } = database;
    const results = await Promise.all([
      db.transaction().execute((trx) => one(trx)),
      one(db),
      db.transaction().execute((trx) => one(trx)),
      one(db),
    ]);
    expect(results).toEqual([1, 1, 1, 1]);
  });
});

// The pool closes a connection nobody has used for a while and opens another when work comes.
// PGlite's session outlives its connections: the next one found the statements the last had
// prepared, under the names it was about to give its own ("prepared statement "apkalpo_2"
// already exists" at the first sign-in after ten quiet seconds).
const IDLE_MS = 50;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const preparedNow = async (executor: Executor) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from pg_prepared_statements where name like ${'apkalpo_%'}`.execute(
      executor,
    )
  ).rows[0]?.n;

const sum = async (executor: Executor, a: number, b: number) =>
  (await sql<{ sum: number }>`select ${a}::int + ${b}::int as sum`.execute(executor)).rows[0]?.sum;

/** Three statements prepared: `one`, `sum`, `preparedNow`. */
async function prepareThree({ db }: Database): Promise<void> {
  expect(await one(db)).toBe(1);
  expect(await sum(db, 1, 2)).toBe(3);
  expect(await sum(db, 2, 3)).toBe(5);
  expect(await preparedNow(db)).toBe(3);
}

async function workAcrossAnIdleClose(database: Database): Promise<void> {
  const { db } = database;
  await prepareThree(database);

  await pause(IDLE_MS * 6);

  // A new connection prepares the question again: on PostgreSQL in a session of its own, on
  // PGlite beside the statements of the one before, in PGlite's one session.
  const before = database.kind === 'pglite' ? 3 : 0;
  expect(await preparedNow(db)).toBe(before + 1);
  expect(await one(db)).toBe(1);
  expect(await sum(db, 3, 4)).toBe(7);
  expect(await db.transaction().execute((trx) => sum(trx, 4, 5))).toBe(9);
  expect(await preparedNow(db)).toBe(before + 3);
}

// A fresh data folder takes PGlite's initdb in its thread: many seconds on a busy machine.
const THREAD_TEST_MS = 120_000;

/** PGlite on a fresh data folder in its own thread, as the server opens it. */
async function withPgliteInThread(
  options: OpenOptions,
  work: (database: Database) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'apkalpo-idle-'));
  const database = await openDatabase({ kind: 'pglite', dataDir }, options);
  try {
    await work(database);
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('a connection the pool closed while idle, and the next one', () => {
  it('prepare their statements each for themselves', async () => {
    const database = await openTestDatabase(inject('testDatabase'), {
      checkTransactions: true,
      idleMs: IDLE_MS,
    });
    try {
      await workAcrossAnIdleClose(database);
    } finally {
      await database.close();
    }
  });

  it(
    'do so on PGlite in its own thread, as the server opens it',
    () => withPgliteInThread({ checkTransactions: false, idleMs: IDLE_MS }, workAcrossAnIdleClose),
    THREAD_TEST_MS,
  );
});

describe('PGlite’s one connection, as the server opens it', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    'is kept however long nobody uses it',
    () =>
      withPgliteInThread({ checkTransactions: false }, async (database) => {
        // The pool's idle timer is a timeout; the thread's answers are messages, not timers.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        await prepareThree(database);
        vi.advanceTimersByTime(60 * 60_000);
        vi.useRealTimers();
        // The same connection: it asks with the statement it prepared.
        expect(await preparedNow(database.db)).toBe(3);
        expect(await sum(database.db, 5, 6)).toBe(11);
        expect(await preparedNow(database.db)).toBe(3);
      }),
    THREAD_TEST_MS,
  );
});

describe('jobs holding their locks at once', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(inject('testDatabase'));
  });
  afterAll(() => database.close());

  it('all run, more of them than the pool has connections, and requests go on meanwhile', async () => {
    // More jobs than a test database's pool (4 connections): each holds its lock while its work
    // asks for a connection, as a job's work does.
    const names = Array.from({ length: 6 }, (_, n) => `apkalpo:test:lock-${n}-${Date.now()}`);
    const jobs = Promise.all(
      names.map((name) =>
        database.tryExclusively(name, async () => {
          // Every lock that can be taken is taken before any work asks for its connection.
          await new Promise((resolve) => setTimeout(resolve, 100));
          await one(database.db);
        }),
      ),
    );
    const request = one(database.db);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), 10_000);
    });
    try {
      expect(await Promise.race([Promise.all([request, jobs]), hung])).toEqual([
        1,
        names.map(() => true),
      ]);
    } finally {
      clearTimeout(timer);
    }
  });
});
