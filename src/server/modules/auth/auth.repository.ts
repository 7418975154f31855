import { sql } from 'kysely';
import type { Executor } from '../../db/database';

// Authentication reads the staff tables directly: it runs on every request, and one query that
// returns the person with their roles and units keeps that path short.

const rolesOf = sql<
  string[]
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

/** When the failed sign-ins in the window happened, oldest first. */
export interface RecentFailures {
  /** For the account, since its last successful sign-in. */
  byEmail: Date[];
  /** From the address, for any account. */
  byIp: Date[];
}

/**
 * Failed sign-ins since `since`, leaving out the attempt being checked. "Since the last success"
 * goes by the order attempts were written in, which clock readings cannot tie.
 */
export async function findRecentFailures(
  db: Executor,
  { email, ip, since, exceptId }: { email: string; ip: string; since: Date; exceptId: number },
): Promise<RecentFailures> {
  const result = await sql<{ by_email: Date[] | null; by_ip: Date[] | null }>`
    with last_success as (
      select max(id) as id from login_attempts where email = ${email} and succeeded and at >= ${since}
    )
    select
      (select array_agg(at order by at) from (
         select at from login_attempts
         where email = ${email} and not succeeded and at >= ${since} and id <> ${exceptId}
           and id > coalesce((select id from last_success), 0)
         order by at desc limit 1000) e) as by_email,
      (select array_agg(at order by at) from (
         select at from login_attempts
         where ip = ${ip} and not succeeded and at >= ${since} and id <> ${exceptId}
         order by at desc limit 1000) i) as by_ip
  `.execute(db);
  const row = result.rows[0];
  return { byEmail: row?.by_email ?? [], byIp: row?.by_ip ?? [] };
}

/** Writes down an attempt as failed; a correct password marks it succeeded afterwards. */
export async function insertLoginAttempt(
  db: Executor,
  attempt: { email: string; ip: string; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('login_attempts')
    .values({ ...attempt, succeeded: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markLoginAttemptSucceeded(db: Executor, id: number): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: true }).where('id', '=', id).execute();
}

export async function deleteLoginAttempt(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

export async function deleteLoginAttemptsBefore(db: Executor, instant: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', instant).execute();
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
