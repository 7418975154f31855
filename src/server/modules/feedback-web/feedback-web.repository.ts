import type { Executor } from '../../db/database';

/** The units a resident can give feedback about: active ones that serve external clients. */
export async function listFormUnits(db: Executor) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('active', '=', true)
    .where('serves_external_clients', '=', true)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
export type FormUnit = Awaited<ReturnType<typeof listFormUnits>>[number];

/**
 * The active staff of those units, by unit: a name and a position, nothing else, since the list
 * is on a public page. A person of two units is listed under each.
 */
export async function listFormStaff(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('staff as s')
    .innerJoin('staff_units as su', 'su.staff_id', 's.id')
    .select(['s.id', 's.given_name', 's.surname', 's.position', 'su.unit_id'])
    .where('s.active', '=', true)
    .where('su.unit_id', 'in', unitIds)
    .orderBy('s.sort_name')
    .orderBy('s.id')
    .execute();
}
export type FormStaff = Awaited<ReturnType<typeof listFormStaff>>[number];

/** How long an answer to feedback may take, as the deadline policy says; null if it is off. */
export async function findAnswerPolicy(db: Executor) {
  return db
    .selectFrom('deadline_policies')
    .select(['count', 'unit'])
    .where('code', '=', 'feedback-answer')
    .where('active', '=', true)
    .executeTakeFirst();
}

/**
 * The signing key of that name: made by the first worker that asks (a new secret it brings) and
 * read by every other, so all of them sign and check alike.
 */
export async function keepServerKey(db: Executor, name: string, secret: Buffer, now: Date) {
  await db
    .insertInto('server_keys')
    .values({ name, secret, created_at: now })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_keys')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}
