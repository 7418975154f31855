import { sql, type Kysely } from 'kysely';

// The desk keeps track of what it did. A request remembers who registered it, so that person
// keeps seeing its number, service, unit and state after it goes to another unit (decision 22);
// requests registered before this are given the person their "created" timeline entry names.
// A letter remembers how it left when it did not leave through its channel: handed over,
// printed or sent another way, by whom and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table service_requests add column registered_by uuid references staff (id)`.execute(
    db,
  );
  await sql`
    update service_requests r set registered_by = e.actor_staff_id
    from request_events e
    where e.request_id = r.id and e.kind = 'created'`.execute(db);
  // The client page asks for a client's requests one person registered.
  await sql`create index service_requests_registered_idx on service_requests (client_id, registered_by)
    where registered_by is not null`.execute(db);

  await sql`
    alter table outgoing_messages
      add column delivered_by uuid references staff (id),
      add column delivered_at timestamptz,
      add column delivery text check (delivery in ('handed_over', 'printed', 'other')),
      add column delivery_note text`.execute(db);
}
