import { sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ClientsTable, NewClientRow } from '../../db/schema';

const summaryColumns = [
  'id',
  'kind',
  'given_name',
  'surname',
  'name',
  'personal_code',
  'registration_number',
  'phone',
  'email',
] as const;

export interface ClientFilter {
  terms: string[];
  kind?: 'person' | 'organisation' | 'internal' | undefined;
  limit: number;
  offset: number;
}

/** Clients matching every word, merged records left out, in name order. */
export async function findClients(db: Executor, filter: ClientFilter) {
  let query = db
    .selectFrom('clients')
    .select(summaryColumns)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('merged_into', 'is', null)
    .orderBy('sort_name')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset);
  for (const term of filter.terms) query = query.where('search_text', 'like', `%${term}%`);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return query.execute();
}
export type ClientSummaryRow = Omit<Awaited<ReturnType<typeof findClients>>[number], 'total'>;

export async function findClientById(db: Executor, id: string) {
  return db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ClientRow = NonNullable<Awaited<ReturnType<typeof findClientById>>>;

export async function findClientSummaries(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('clients')
    .select(summaryColumns)
    .where('id', 'in', [...ids])
    .execute();
}

/** A live client with the personal code, or the internal client of a staff member. */
export async function findClientBy(
  db: Executor,
  by: { personalCode: string } | { staffId: string },
) {
  let query = db.selectFrom('clients').select(['id']).where('merged_into', 'is', null);
  query =
    'personalCode' in by
      ? query.where('personal_code', '=', by.personalCode)
      : query.where('staff_id', '=', by.staffId);
  return query.executeTakeFirst();
}

/** The live client who writes from the address: a person first, the most recently changed. */
export async function findClientByEmail(db: Executor, email: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('merged_into', 'is', null)
    .orderBy(sql`kind = 'person'`, 'desc')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** For each address, the client findClientByEmail would give: several addresses in one statement. */
export async function findClientsByEmails(db: Executor, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('clients')
    .distinctOn(sql`lower(email)`)
    .selectAll()
    .where(
      sql<string>`lower(email)`,
      '=',
      sql<string>`any(${[...new Set(emails.map((e) => e.toLowerCase()))]}::text[])`,
    )
    .where('merged_into', 'is', null)
    .orderBy(sql`lower(email)`)
    .orderBy(sql`kind = 'person'`, 'desc')
    .orderBy('updated_at', 'desc')
    .execute();
}

/** The client who writes from this e-address (the state's e-address service names the sender by it). */
export async function findClientByEAddress(db: Executor, eAddress: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where(sql<string>`lower(e_address)`, '=', eAddress.toLowerCase())
    .where('merged_into', 'is', null)
    .orderBy(sql`kind = 'person'`, 'desc')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The live clients whose number ends in the key (`phoneKeyOf`), the most recently changed first.
 * The expression is the one migration 0015 indexes: change both together.
 */
export async function findClientIdsByPhoneKey(db: Executor, key: string, limit: number) {
  return db
    .selectFrom('clients')
    .select('id')
    .where('merged_into', 'is', null)
    .where('phone', 'is not', null)
    .where(sql<string>`right(regexp_replace(phone, '[^0-9]', '', 'g'), 8)`, '=', key)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertClient(db: Executor, row: NewClientRow): Promise<string> {
  const inserted = await db
    .insertInto('clients')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Inserts several clients in one statement; the rows as stored. */
export async function insertClients(db: Executor, rows: readonly NewClientRow[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('clients')
    .values([...rows])
    .returningAll()
    .execute();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateClient(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: Updateable<ClientsTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('clients')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The records merged into any of the given ones. */
export async function findMergedInto(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('merged_into', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}
