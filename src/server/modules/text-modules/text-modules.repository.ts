import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import type { TextModulesTable } from '../../db/schema';

const COLUMNS = [
  'id',
  'title',
  'language',
  'body',
  'active',
  'version',
  'created_at',
  'updated_at',
] as const;

export interface TextModuleFilter {
  terms: string[];
  language?: string | undefined;
  active: boolean;
  limit: number;
  offset: number;
}

export async function findTextModules(db: Executor, filter: TextModuleFilter) {
  let query = db
    .selectFrom('text_modules')
    .select(COLUMNS)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('active', '=', filter.active)
    // Latvian first, the language most letters are written in.
    .orderBy(sql`language = 'lv'`, 'desc')
    .orderBy(sql`lower(title)`)
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.language) query = query.where('language', '=', filter.language);
  for (const term of filter.terms) query = query.where('search_text', 'like', `%${term}%`);
  return query.execute();
}

export async function findTextModuleById(db: Executor, id: string) {
  return db.selectFrom('text_modules').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}
export type TextModuleRow = NonNullable<Awaited<ReturnType<typeof findTextModuleById>>>;

export async function insertTextModule(
  db: Executor,
  row: Insertable<TextModulesTable>,
): Promise<string> {
  const { id } = await db
    .insertInto('text_modules')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes the change if the version is the one read; whether it did. */
export async function updateTextModule(
  db: Executor,
  id: string,
  version: number,
  change: {
    title: string;
    language: string;
    body: string;
    active: boolean;
    search_text: string;
    updated_at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('text_modules')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
