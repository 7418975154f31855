import { sql } from 'kysely';
import type { Role } from '../../../domain/roles';
import type { FailureCount } from '../../../domain/sign-in-delay';
import type { Executor } from '../../db/database';

// Authentication reads the staff tables directly: it runs on every request, and one query that
// returns the person with their roles and units keeps that path short.

const rolesOf = sql<
  Role[]
>`coalesce((select array_agg(r.role order by r.role) from staff_roles r where r.staff_id = s.id), '{}')`;
const unitIdsOf = sql<
  string[]
>`coalesce((select array_agg(u.unit_id) from staff_units u where u.staff_id = s.id), '{}')`;

export async function findLoginAccount(db: Executor, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'active'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Failed sign-ins within the window for each key a sign-in is judged by (decision 27). */
export interface FailureCounts {
  /** The account from this address, since its last success from there. */
  accountFromAddress: FailureCount;
  /** The account from anywhere. */
  account: FailureCount;
  /** The account from this trusted device, since its last success on it. */
  device: FailureCount;
}

/**
 * Counts the failed sign-ins since `since` for each key. "Since the last success" goes by the
 * order attempts were written in, which clock readings cannot tie.
 */
export async function countFailures(
  db: Executor,
  {
    email,
    ip,
    deviceId,
    since,
  }: { email: string; ip: string; deviceId: string | null; since: Date },
): Promise<FailureCounts> {
  const result = await sql<{
    pair_n: number;
    pair_last: Date | null;
    account_n: number;
    account_last: Date | null;
    device_n: number;
    device_last: Date | null;
  }>`
    with pair_success as (
      select max(id) as id from login_attempts
      where email = ${email} and ip = ${ip} and succeeded and at >= ${since}
    ), device_success as (
      select max(id) as id from login_attempts
      where email = ${email} and device_id = ${deviceId} and succeeded and at >= ${since}
    ), pair as (
      select count(*)::int as n, max(at) as last from login_attempts
      where email = ${email} and ip = ${ip} and not succeeded and at >= ${since}
        and id > coalesce((select id from pair_success), 0)
    ), account as (
      select count(*)::int as n, max(at) as last from login_attempts
      where email = ${email} and not succeeded and at >= ${since}
    ), device as (
      select count(*)::int as n, max(at) as last from login_attempts
      where email = ${email} and device_id = ${deviceId} and not succeeded and at >= ${since}
        and id > coalesce((select id from device_success), 0)
    )
    select pair.n as pair_n, pair.last as pair_last, account.n as account_n,
      account.last as account_last, device.n as device_n, device.last as device_last
    from pair, account, device
  `.execute(db);
  const row = result.rows[0];
  return {
    accountFromAddress: { failures: row?.pair_n ?? 0, lastFailureAt: row?.pair_last ?? null },
    account: { failures: row?.account_n ?? 0, lastFailureAt: row?.account_last ?? null },
    device: { failures: row?.device_n ?? 0, lastFailureAt: row?.device_last ?? null },
  };
}

/** Writes down a checked attempt; one refused before its password was checked is not one. */
export async function insertLoginAttempt(
  db: Executor,
  attempt: { email: string; ip: string; at: Date; succeeded: boolean; device_id: string | null },
): Promise<void> {
  await db.insertInto('login_attempts').values(attempt).execute();
}

export async function deleteLoginAttemptsBefore(db: Executor, instant: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', instant).execute();
}

/** Whether the person signed in from this device before (and it has not been forgotten). */
export async function isTrustedDevice(
  db: Executor,
  { deviceId, staffId }: { deviceId: string; staffId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_devices')
    .select('device_id')
    .where('device_id', '=', deviceId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Trusts the device for the person from now on, or notes that it was used again. */
export async function trustDevice(
  db: Executor,
  { deviceId, staffId, now }: { deviceId: string; staffId: string; now: Date },
): Promise<void> {
  await db
    .insertInto('sign_in_devices')
    .values({ device_id: deviceId, staff_id: staffId, created_at: now, last_used_at: now })
    .onConflict((oc) => oc.columns(['device_id', 'staff_id']).doUpdateSet({ last_used_at: now }))
    .execute();
}

export async function deleteDevicesUnusedSince(db: Executor, instant: Date): Promise<void> {
  await db.deleteFrom('sign_in_devices').where('last_used_at', '<', instant).execute();
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    staff_id: string;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The live session's person, roles and units; nothing when expired, idle or the person left. */
export async function findSessionPrincipal(
  db: Executor,
  { sessionId, now, idleSince }: { sessionId: string; now: Date; idleSince: Date },
) {
  return db
    .selectFrom('sessions as se')
    .innerJoin('staff as s', 's.id', 'se.staff_id')
    .select([
      'se.id as session_id',
      'se.csrf_token',
      'se.last_seen_at',
      'se.expires_at',
      's.id as staff_id',
      rolesOf.as('roles'),
      unitIdsOf.as('unit_ids'),
    ])
    .where('se.id', '=', sessionId)
    .where('se.expires_at', '>', now)
    .where('se.last_seen_at', '>', idleSince)
    .where('s.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string) {
  return db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .returning(['staff_id'])
    .executeTakeFirst();
}

/** Ends a person's sessions, but for the one given (the session doing this, when it is theirs). */
export async function deleteSessionsOfStaff(
  db: Executor,
  { staffId, except }: { staffId: string; except: string | null },
): Promise<number> {
  let query = db.deleteFrom('sessions').where('staff_id', '=', staffId);
  if (except) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(
  db: Executor,
  { now, idleSince }: { now: Date; idleSince: Date },
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}

/** An active person's roles and units, for a personal API token. */
export async function findStaffPrincipal(db: Executor, staffId: string) {
  return db
    .selectFrom('staff as s')
    .select(['s.id as staff_id', rolesOf.as('roles'), unitIdsOf.as('unit_ids')])
    .where('s.id', '=', staffId)
    .where('s.active', '=', true)
    .executeTakeFirst();
}

/** The signed-in person as the web app shows them. */
export async function findAccount(db: Executor, staffId: string) {
  return db
    .selectFrom('staff as s')
    .select([
      's.id',
      's.given_name',
      's.surname',
      's.email',
      's.position',
      rolesOf.as('roles'),
      sql<Array<{ id: string; name: string }>>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name) order by su.is_primary desc, u.name)
        from staff_units su join units u on u.id = su.unit_id where su.staff_id = s.id), '[]')`.as(
        'units',
      ),
    ])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
}

/** A person's sign-in email and password hash, to check their current password. */
export async function findCredentials(db: Executor, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['email', 'password_hash'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

export async function updatePasswordHash(
  db: Executor,
  { staffId, hash, now }: { staffId: string; hash: string; now: Date },
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', staffId)
    .execute();
}
