import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ContactsTable, IncidentsTable } from '../../db/schema';

export async function insertContact(db: Executor, row: Insertable<ContactsTable>) {
  const { id } = await db
    .insertInto('contacts')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Inserts contacts whose ids were given them beforehand (several in one statement). */
export async function insertContacts(
  db: Executor,
  rows: ReadonlyArray<Insertable<ContactsTable> & { id: string }>,
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('contacts')
      .values([...rows])
      .execute();
}

export async function findContactById(db: Executor, id: string) {
  return db
    .selectFrom('contacts')
    .leftJoin('units', 'units.id', 'contacts.unit_id')
    .selectAll('contacts')
    .select('units.name as unit_name')
    .where('contacts.id', '=', id)
    .executeTakeFirst();
}
export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContactById>>>;

/** Saves the changes if nobody saved the contact since the version read. */
export async function updateContact(
  db: Executor,
  args: { id: string; version: number; changes: Updateable<ContactsTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ ...args.changes, version: sql`version + 1` })
    .where('id', '=', args.id)
    .where('version', '=', args.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The clerk who calls a person in from the queue serves their visit. */
export async function setContactStaff(db: Executor, contactId: string, staffId: string | null) {
  await db
    .updateTable('contacts')
    .set({ staff_id: staffId, version: sql`version + 1` })
    .where('id', '=', contactId)
    .execute();
}

/** Moves a merged client's contacts to the client that stays; how many moved. */
export async function moveContactsOfClient(
  db: Executor,
  { from, to }: { from: string; to: string },
): Promise<number> {
  const result = await db
    .updateTable('contacts')
    .set({ client_id: to })
    .where('client_id', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertIncident(db: Executor, row: Insertable<IncidentsTable>) {
  const { id } = await db
    .insertInto('incidents')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

function incidents(db: Executor) {
  return db
    .selectFrom('incidents')
    .leftJoin('units', 'units.id', 'incidents.unit_id')
    .selectAll('incidents')
    .select('units.name as unit_name');
}

export async function findIncidentsOf(db: Executor, contactId: string) {
  return incidents(db)
    .where('incidents.contact_id', '=', contactId)
    .orderBy('incidents.recorded_at')
    .execute();
}
export type IncidentRow = Awaited<ReturnType<typeof findIncidentsOf>>[number];

/** Incidents, newest first: in the given units, or everywhere when unitIds is null. */
export async function findIncidents(
  db: Executor,
  filter: { unitIds: readonly string[] | null; limit: number; offset: number },
) {
  let query = incidents(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('incidents.recorded_at', 'desc')
    .orderBy('incidents.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.unitIds !== null) {
    if (filter.unitIds.length === 0) return [];
    query = query.where('incidents.unit_id', 'in', [...filter.unitIds]);
  }
  return query.execute();
}
