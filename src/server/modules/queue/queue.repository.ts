import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import type { QueueEntriesTable } from '../../db/schema';

function entries(db: Executor) {
  return db
    .selectFrom('queue_entries')
    .innerJoin('contacts', 'contacts.id', 'queue_entries.contact_id')
    .selectAll('queue_entries')
    .select(['contacts.client_id', 'contacts.reason']);
}

/** Those waiting or being served at a unit. */
export async function findOpenEntries(db: Executor, unitId: string) {
  return entries(db)
    .where('queue_entries.unit_id', '=', unitId)
    .where('queue_entries.state', 'in', ['waiting', 'serving'])
    .execute();
}
export type QueueEntryRow = Awaited<ReturnType<typeof findOpenEntries>>[number];

/** Those waiting at any of the units: a start page's queue (a unit's queue is tens of people). */
export async function findWaitingAt(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return entries(db)
    .where('queue_entries.unit_id', 'in', [...unitIds])
    .where('queue_entries.state', '=', 'waiting')
    .execute();
}

export async function findEntryById(db: Executor, id: string) {
  return entries(db).where('queue_entries.id', '=', id).executeTakeFirst();
}

/** The services asked for in each contact, in the order they were entered. */
export async function findServicesOf(db: Executor, contactIds: readonly string[]) {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('service_requests')
    .select(['contact_id', 'service'])
    .where('contact_id', 'in', [...contactIds])
    .orderBy('number_order')
    .execute();
}

/**
 * Takes a waiting person for a clerk. The condition on the state makes two clerks calling at
 * once take different people: the second update waits for the first and then finds the row
 * no longer waiting.
 */
export async function claimEntry(
  db: Executor,
  args: { id: string; staffId: string | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('queue_entries')
    .set({
      state: 'serving',
      assigned_to: args.staffId,
      called_at: args.at,
      version: sql`version + 1`,
    })
    .where('id', '=', args.id)
    .where('state', '=', 'waiting')
    // Moved to a colleague meanwhile: theirs to call, not this clerk's.
    .where((eb) =>
      eb.or([
        eb('assigned_to', 'is', null),
        ...(args.staffId ? [eb('assigned_to', '=', args.staffId)] : []),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Changes a waiting person's entry if nobody changed it since the version read. */
export async function updateWaitingEntry(
  db: Executor,
  args: {
    id: string;
    version: number;
    changes: { assigned_to?: string; state?: 'left'; finished_at?: Date };
  },
): Promise<boolean> {
  const result = await db
    .updateTable('queue_entries')
    .set({ ...args.changes, version: sql`version + 1` })
    .where('id', '=', args.id)
    .where('version', '=', args.version)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertEntry(db: Executor, row: Insertable<QueueEntriesTable>) {
  await db.insertInto('queue_entries').values(row).execute();
}

/** The contact's place in the queue: the latest entry. */
export async function findEntryOfContact(db: Executor, contactId: string) {
  return db
    .selectFrom('queue_entries')
    .select(['id', 'state', 'assigned_to'])
    .where('contact_id', '=', contactId)
    .orderBy('arrived_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A visit that ends takes its visitor out of the queue. */
export async function finishEntriesOf(db: Executor, contactId: string, at: Date) {
  await db
    .updateTable('queue_entries')
    .set({ state: 'done', finished_at: at, version: sql`version + 1` })
    .where('contact_id', '=', contactId)
    .where('state', 'in', ['waiting', 'serving'])
    .execute();
}
