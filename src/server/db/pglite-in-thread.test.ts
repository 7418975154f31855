import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DatabaseThreadStoppedError,
  openDatabase,
  QueryBesideTransactionError,
  type Database,
} from './database';
import { migrateToLatest } from './migrate';

// A data folder opens PGlite in a thread of its own (the server, the command line, the demo);
// the other tests hand in an in-process instance made from a dump.

const institution = (name: string) => {
  const now = new Date();
  return { name, kind: 'state' as const, search_text: name, created_at: now, updated_at: now };
};

const institutionNames = async (database: Database) =>
  (await database.db.selectFrom('institutions').select('name').orderBy('name').execute()).map(
    (row) => row.name,
  );

describe('PGlite on a data folder, in its own thread', () => {
  let dataDir: string;
  let database: Database;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'apkalpo-thread-'));
    database = await openDatabase({ kind: 'pglite', dataDir });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps what was written when closed and opened again', async () => {
    await database.db
      .insertInto('institutions')
      .values(institution('Valsts ieņēmumu dienests'))
      .execute();
    expect(await institutionNames(database)).toEqual(['Valsts ieņēmumu dienests']);

    await database.close();
    database = await openDatabase({ kind: 'pglite', dataDir });

    expect(await institutionNames(database)).toEqual(['Valsts ieņēmumu dienests']);
  });

  it('answers as PostgreSQL does: types, errors with their codes, transactions', async () => {
    const { db } = database;
    const row = (
      await sql<{
        count: number;
        day: string;
      }>`select 12345678901::bigint as count, date '2026-03-04' as day`.execute(db)
    ).rows[0];
    expect(row).toEqual({ count: 12345678901, day: '2026-03-04' });

    await expect(sql`select * from no_such_table`.execute(db)).rejects.toMatchObject({
      code: '42P01',
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('institutions').values(institution('Rolled back')).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await institutionNames(database)).not.toContain('Rolled back');
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        return sql`select 1`.execute(db);
      }),
    ).rejects.toBeInstanceOf(QueryBesideTransactionError);
  });

  it('runs a long query without holding the server’s own thread', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    try {
      await sql`select pg_sleep(1)`.execute(database.db);
    } finally {
      clearInterval(timer);
    }
    // In the server's thread the query would hold the timer until it ended: no tick at all.
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it('answers a ping while queries wait their turn for its one connection', async () => {
    const { db } = database;
    let endTransaction = () => {};
    const holding = new Promise<void>((resolve) => (endTransaction = resolve));
    let transactionOpen = () => {};
    const opened = new Promise<void>((resolve) => (transactionOpen = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      transactionOpen();
      await holding;
    });
    await opened;
    let queuedRan = false;
    const queued = sql`select 1`.execute(db).then(() => (queuedRan = true));

    await database.ping();

    expect(queuedRan).toBe(false);
    endTransaction();
    await Promise.all([transaction, queued]);
    expect(queuedRan).toBe(true);
  });

  it('fails every query with a clear error once its thread has stopped, and says so', async () => {
    await database.close();
    const stops: Error[] = [];
    const posts = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      database = await openDatabase({
        kind: 'pglite',
        dataDir,
        onStop: (error) => stops.push(error),
      });
      await database.ping();
      // The thread ends as it would if PGlite failed: from outside, without closing.
      const thread = posts.mock.contexts.at(-1) as Worker;
      await thread.terminate();
    } finally {
      posts.mockRestore();
    }

    expect(stops).toEqual([expect.any(DatabaseThreadStoppedError)]);
    await expect(sql`select 1`.execute(database.db)).rejects.toBeInstanceOf(
      DatabaseThreadStoppedError,
    );
    await expect(database.ping()).rejects.toBeInstanceOf(DatabaseThreadStoppedError);
    // Closing what is left gives the folder back.
    await database.close();
    expect(existsSync(path.join(dataDir, 'apkalpo.lock'))).toBe(false);
    database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await institutionNames(database)).toEqual(['Valsts ieņēmumu dienests']);
  });
});
