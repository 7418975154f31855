import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database';
import { QueryBesideTransactionError, type Database, type Executor } from './database';

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
