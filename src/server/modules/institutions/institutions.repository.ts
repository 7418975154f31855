import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { InstitutionUpdate, NewInstitutionRow } from '../../db/schema';

export interface InstitutionFilter {
  terms: string[];
  kind?: 'municipality' | 'state' | undefined;
  active?: boolean | undefined;
  sort: 'name' | 'kind' | 'createdAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS = { name: 'name', kind: 'kind', createdAt: 'created_at' } as const;

export async function findInstitutions(db: Executor, filter: InstitutionFilter) {
  let query = db
    .selectFrom('institutions')
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(SORT_COLUMNS[filter.sort], filter.order)
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset);
  for (const term of filter.terms) query = query.where('search_text', 'like', `%${term}%`);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  return query.execute();
}

export async function findInstitutionById(db: Executor, id: string) {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInstitutionByName(db: Executor, name: string) {
  return db
    .selectFrom('institutions')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertInstitution(db: Executor, row: NewInstitutionRow) {
  return db.insertInto('institutions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateInstitution(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: InstitutionUpdate },
) {
  return db
    .updateTable('institutions')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
