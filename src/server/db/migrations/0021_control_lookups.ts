import { sql, type Kysely } from 'kysely';

// The standard's control (clause 34) counts, per unit and month, the requests due in the month
// whatever their state (the existing unit indexes cover open requests or the last change only),
// the extensions made in the month (request events are indexed by request alone) and the
// promises due in it (indexed by keeper). Each gets the index its range scan needs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index service_requests_unit_due_on_idx on service_requests (unit_id, due_on)`.execute(
    db,
  );
  await sql`create index request_events_extension_idx on request_events (at)
    where kind = 'extension'`.execute(db);
  await sql`create index commitments_due_idx on commitments (due_at)`.execute(db);
}
