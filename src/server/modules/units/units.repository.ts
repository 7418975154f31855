import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { NewUnitRow, UnitUpdate } from '../../db/schema';

function selectUnits(db: Executor) {
  return db
    .selectFrom('units as u')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .selectAll('u')
    .select([
      'i.name as institution_name',
      sql<number>`(select count(*)::int from staff_units su join staff s on s.id = su.staff_id
                   where su.unit_id = u.id and s.active)`.as('staff_count'),
    ]);
}
export type UnitListRow = Awaited<ReturnType<typeof findUnitById>> & object;

export interface UnitFilter {
  institutionId?: string | undefined;
  terms: string[];
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function findUnits(db: Executor, filter: UnitFilter) {
  let query = selectUnits(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('i.name')
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.institutionId) query = query.where('u.institution_id', '=', filter.institutionId);
  if (filter.active !== undefined) query = query.where('u.active', '=', filter.active);
  for (const term of filter.terms) query = query.where('u.search_text', 'like', `%${term}%`);
  return query.execute();
}

export async function findUnitById(db: Executor, id: string) {
  return selectUnits(db).where('u.id', '=', id).executeTakeFirst();
}

/** Every unit as a tree node: the tree is small, and reach and cycles are worked out in memory. */
export async function findUnitNodes(db: Executor) {
  return db
    .selectFrom('units')
    .select(['id', 'parent_id as parentId', 'institution_id as institutionId'])
    .execute();
}

export async function findSiblingByName(
  db: Executor,
  {
    institutionId,
    parentId,
    name,
  }: { institutionId: string; parentId: string | null; name: string },
) {
  let query = db
    .selectFrom('units')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  query =
    parentId === null
      ? query.where('parent_id', 'is', null)
      : query.where('parent_id', '=', parentId);
  return query.executeTakeFirst();
}

export async function insertUnit(db: Executor, row: NewUnitRow): Promise<string> {
  const inserted = await db
    .insertInto('units')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateUnit(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: UnitUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('units')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findExistingUnitIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}
