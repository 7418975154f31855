import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { ContactsTable, IncidentsTable, QueueEntriesTable } from '../../db/schema';

export async function insertContact(db: Executor, row: Insertable<ContactsTable>) {
  const { id } = await db
    .insertInto('contacts')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
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

export async function insertQueueEntry(db: Executor, row: Insertable<QueueEntriesTable>) {
  await db.insertInto('queue_entries').values(row).execute();
}

/** The contact's place in the queue: the latest entry. */
export async function findQueueEntryOf(db: Executor, contactId: string) {
  return db
    .selectFrom('queue_entries')
    .select(['id', 'state', 'assigned_to'])
    .where('contact_id', '=', contactId)
    .orderBy('arrived_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A visit that ends takes its visitor out of the queue. */
export async function finishQueueEntriesOf(db: Executor, contactId: string, at: Date) {
  await db
    .updateTable('queue_entries')
    .set({ state: 'done', finished_at: at, version: sql`version + 1` })
    .where('contact_id', '=', contactId)
    .where('state', 'in', ['waiting', 'serving'])
    .execute();
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
