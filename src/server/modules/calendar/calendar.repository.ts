import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { DeadlinePoliciesTable } from '../../db/schema';
import type { Insertable, Updateable } from 'kysely';

// The calendar's data: days off declared by law, Cabinet transfers, the organisation's calendar
// settings, and the deadline policies.

const yearRange = (year: number | undefined) =>
  year === undefined ? null : { from: `${year}-01-01`, to: `${year}-12-31` };

export async function findDaysOff(db: Executor, year?: number) {
  let query = db.selectFrom('calendar_days_off').selectAll().orderBy('date');
  const range = yearRange(year);
  if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
  return query.execute();
}
export type DayOffRow = Awaited<ReturnType<typeof findDaysOff>>[number];

export async function findDayOffById(db: Executor, id: string) {
  return db.selectFrom('calendar_days_off').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDayOffByDate(db: Executor, date: string) {
  return db
    .selectFrom('calendar_days_off')
    .select('id')
    .where('date', '=', date)
    .executeTakeFirst();
}

export async function insertDayOff(
  db: Executor,
  row: { date: string; kind: 'one-off' | 'festival'; name: string; source: string; now: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('calendar_days_off')
    .values({
      date: row.date,
      kind: row.kind,
      name: row.name,
      source: row.source,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateDayOff(
  db: Executor,
  {
    id,
    version,
    changes,
  }: {
    id: string;
    version: number;
    changes: {
      date: string;
      kind: 'one-off' | 'festival';
      name: string;
      source: string;
      updated_at: Date;
    };
  },
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_days_off')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteDayOff(db: Executor, { id, version }: { id: string; version: number }) {
  const result = await db
    .deleteFrom('calendar_days_off')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findTransfers(db: Executor, year?: number) {
  let query = db.selectFrom('calendar_transfers').selectAll().orderBy('day_off');
  const range = yearRange(year);
  if (range) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('day_off', '>=', range.from), eb('day_off', '<=', range.to)]),
        eb.and([eb('working_day', '>=', range.from), eb('working_day', '<=', range.to)]),
      ]),
    );
  }
  return query.execute();
}
export type TransferRow = Awaited<ReturnType<typeof findTransfers>>[number];

export async function findTransferById(db: Executor, id: string) {
  return db.selectFrom('calendar_transfers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A transfer that already uses one of the dates, either as its day off or its working day. */
export async function findTransferUsing(
  db: Executor,
  { dates, exceptId }: { dates: string[]; exceptId?: string },
) {
  let query = db
    .selectFrom('calendar_transfers')
    .select(['id', 'day_off', 'working_day'])
    .where((eb) => eb.or([eb('day_off', 'in', dates), eb('working_day', 'in', dates)]));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertTransfer(
  db: Executor,
  row: { dayOff: string; workingDay: string; source: string; now: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('calendar_transfers')
    .values({
      day_off: row.dayOff,
      working_day: row.workingDay,
      source: row.source,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateTransfer(
  db: Executor,
  {
    id,
    version,
    changes,
  }: {
    id: string;
    version: number;
    changes: { day_off: string; working_day: string; source: string; updated_at: Date };
  },
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_transfers')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteTransfer(
  db: Executor,
  { id, version }: { id: string; version: number },
) {
  const result = await db
    .deleteFrom('calendar_transfers')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findSetting(db: Executor, key: string) {
  return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Writes a setting only when it still has the version the client read. */
export async function updateSetting(
  db: Executor,
  { key, value, version, now }: { key: string; value: unknown; version: number; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('settings')
    .set({ value: JSON.stringify(value), version: sql`version + 1`, updated_at: now })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findPolicies(db: Executor) {
  return db.selectFrom('deadline_policies').selectAll().execute();
}
export type PolicyRow = Awaited<ReturnType<typeof findPolicies>>[number];

export async function findPolicyById(db: Executor, id: string) {
  return db.selectFrom('deadline_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPolicyByCode(db: Executor, code: string) {
  return db.selectFrom('deadline_policies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertPolicy(
  db: Executor,
  row: Insertable<DeadlinePoliciesTable>,
): Promise<string> {
  const inserted = await db
    .insertInto('deadline_policies')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updatePolicy(
  db: Executor,
  {
    id,
    version,
    changes,
  }: { id: string; version: number; changes: Updateable<DeadlinePoliciesTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('deadline_policies')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
