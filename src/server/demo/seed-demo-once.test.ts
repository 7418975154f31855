import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { systemClock } from '../adapters/clock';
import { createArgon2Hasher } from '../adapters/password-hasher';
import { buildServices } from '../app';
import { seedDemoIfEmpty } from '../runtime';
import { openTestDatabaseTwice } from '../testing/test-database';

/** The lowest argon2id cost: the demo's passwords are not what this tests. */
const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

describe('seeding the demo when instances start together', () => {
  let instances: Awaited<ReturnType<typeof openTestDatabaseTwice>>;
  beforeAll(async () => {
    instances = await openTestDatabaseTwice(inject('testDatabase'));
  });
  afterAll(() => instances.close());

  it('seeds it once: both instances finish, one of them seeded it', async () => {
    const { first, second } = instances;
    const starts = [first, second].map((database) =>
      seedDemoIfEmpty(buildServices({ database, clock: systemClock, hasher }), database),
    );

    const seeded = await Promise.all(starts);

    expect(seeded.toSorted()).toEqual([false, true]);
    const { rows } = await sql<{ municipalities: number; admins: number; catchAlls: number }>`
      select
        (select count(*)::int from institutions
          where name = 'Priedaines novada pašvaldība') as municipalities,
        (select count(*)::int from staff where email = 'admin@example.lv') as admins,
        (select count(*)::int from mailboxes
          where smtp_enabled and accept_any_recipient and active) as "catchAlls"
    `.execute(first.db);
    expect(rows[0]).toEqual({ municipalities: 1, admins: 1, catchAlls: 1 });
  }, 300_000);
});
