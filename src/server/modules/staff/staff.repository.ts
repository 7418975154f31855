import { sql } from 'kysely';
import type { Role } from '../../../domain/roles';
import type { Executor } from '../../db/database';
import type { NewStaffRow, StaffUpdate } from '../../db/schema';

export interface StaffUnitRef {
  id: string;
  name: string;
  institutionName: string;
  primary: boolean;
}

const staffColumns = [
  's.id',
  's.given_name',
  's.surname',
  's.position',
  's.email',
  's.phone',
  's.competences',
  's.active',
  sql<boolean>`s.password_hash is not null`.as('has_password'),
  's.version',
  's.created_at',
  's.updated_at',
  sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from staff_roles r
                              where r.staff_id = s.id), '{}')`.as('roles'),
  sql<StaffUnitRef[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name, 'institutionName', i.name,
                                          'primary', su.is_primary)
                        order by su.is_primary desc, u.name)
        from staff_units su join units u on u.id = su.unit_id join institutions i on i.id = u.institution_id
        where su.staff_id = s.id), '[]')`.as('units'),
] as const;

function selectStaff(db: Executor) {
  return db.selectFrom('staff as s').select(staffColumns);
}
export type StaffListRow = Awaited<ReturnType<typeof findStaffById>> & object;

export interface StaffFilter {
  terms: string[];
  unitId?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  sort: 'surname' | 'position' | 'email' | 'createdAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const STAFF_ORDER = {
  surname: 's.sort_name',
  position: 's.position',
  email: 's.email',
  createdAt: 's.created_at',
} as const;

/**
 * One page of staff. The page's ids are found first (filter, order, count) and only then are
 * their roles and units gathered: with `count(*) over ()` in the same query, the subqueries
 * would run for every matching row instead of the twenty-five shown.
 */
export async function findStaff(db: Executor, filter: StaffFilter) {
  const ordering = sql`${sql.ref(STAFF_ORDER[filter.sort])} ${sql.raw(filter.order === 'desc' ? 'desc' : 'asc')}, s.id`;
  let page = db
    .selectFrom('staff as s')
    .select([
      's.id',
      sql<number>`count(*) over ()`.as('total'),
      sql<number>`row_number() over (order by ${ordering})`.as('place'),
    ])
    .orderBy(sql`place`)
    .limit(filter.limit)
    .offset(filter.offset);
  for (const term of filter.terms) page = page.where('s.search_text', 'like', `%${term}%`);
  if (filter.active !== undefined) page = page.where('s.active', '=', filter.active);
  if (filter.role) {
    const role = filter.role;
    page = page.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles as r')
          .whereRef('r.staff_id', '=', 's.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (filter.unitId) {
    const unitId = filter.unitId;
    page = page.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_units as su')
          .whereRef('su.staff_id', '=', 's.id')
          .where('su.unit_id', '=', unitId),
      ),
    );
  }
  return db
    .with('page', () => page)
    .selectFrom('page')
    .innerJoin('staff as s', 's.id', 'page.id')
    .select(staffColumns)
    .select('page.total')
    .orderBy('page.place')
    .execute();
}

export async function findStaffById(db: Executor, id: string) {
  return selectStaff(db).where('s.id', '=', id).executeTakeFirst();
}

export async function findStaffIdByEmail(db: Executor, email: string) {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

export async function insertStaff(db: Executor, row: NewStaffRow): Promise<string> {
  const inserted = await db
    .insertInto('staff')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateStaff(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: StaffUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function replaceRoles(
  db: Executor,
  staffId: string,
  roles: readonly Role[],
): Promise<void> {
  await db.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('staff_roles')
      .values(roles.map((role) => ({ staff_id: staffId, role })))
      .execute();
  }
}

export async function replaceUnits(
  db: Executor,
  staffId: string,
  units: ReadonlyArray<{ unitId: string; primary: boolean }>,
): Promise<void> {
  await db.deleteFrom('staff_units').where('staff_id', '=', staffId).execute();
  if (units.length > 0) {
    await db
      .insertInto('staff_units')
      .values(
        units.map((unit) => ({
          staff_id: staffId,
          unit_id: unit.unitId,
          is_primary: unit.primary,
        })),
      )
      .execute();
  }
}

export async function findUnitIdsOfStaff(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_units')
    .select('unit_id')
    .where('staff_id', '=', staffId)
    .orderBy('is_primary', 'desc')
    .orderBy('unit_id')
    .execute();
  return rows.map((row) => row.unit_id);
}

/** How to reach each of the given people. */
export async function findContacts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('staff')
    .select(['id', 'given_name', 'surname', 'position', 'phone', 'email', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The active staff with any of the addresses (lower-case), by address. */
export async function findActiveStaffByEmails(db: Executor, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('staff')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql<string>`lower(email)`, 'in', [...emails])
    .where('active', '=', true)
    .execute();
}

export async function anyStaffExists(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
