import { sql, type Kysely } from 'kysely';

// Clients, contacts (visits, calls, messages) with their service requests, the reception
// queue, commitments, the requests' timelines, attachments, messages due to clients, and
// incidents. The work lists read service_requests by owner, unit and due time; the partial
// indexes below hold only requests still owed to the client, which is what those lists show.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table clients (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('person', 'organisation', 'internal')),
      given_name text,
      surname text,
      name text,
      personal_code text,
      registration_number text,
      staff_id uuid references staff (id),
      phone text,
      email text,
      e_address text,
      address text,
      preferred_language text check (preferred_language in ('lv', 'en', 'ru')),
      preferred_channel text,
      consent_notes text,
      merged_into uuid references clients (id),
      search_text text not null default '',
      sort_name text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (kind <> 'person' or surname is not null),
      check (kind <> 'organisation' or name is not null),
      check (kind <> 'internal' or staff_id is not null)
    )`.execute(db);
  await sql`create unique index clients_personal_code_key on clients (personal_code)
    where personal_code is not null and merged_into is null`.execute(db);
  await sql`create unique index clients_staff_key on clients (staff_id)
    where staff_id is not null and merged_into is null`.execute(db);
  await sql`create index clients_search_idx on clients using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index clients_sort_idx on clients (sort_name, id) where merged_into is null`.execute(
    db,
  );

  await sql`
    create table contacts (
      id uuid primary key default gen_random_uuid(),
      channel text not null,
      occurred_at timestamptz not null,
      client_id uuid references clients (id),
      client_kind text not null check (client_kind in ('external', 'internal')),
      staff_id uuid references staff (id),
      unit_id uuid references units (id),
      reason text,
      outcome text,
      next_steps text,
      offered_services text[] not null default '{}',
      closed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index contacts_client_idx on contacts (client_id, occurred_at desc)`.execute(db);
  await sql`create index contacts_unit_idx on contacts (unit_id, occurred_at desc)`.execute(db);

  await sql`
    create table queue_entries (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null unique references contacts (id),
      unit_id uuid not null references units (id),
      external boolean not null,
      in_person boolean not null,
      arrived_at timestamptz not null,
      state text not null check (state in ('waiting', 'serving', 'done', 'left')),
      assigned_to uuid references staff (id),
      called_at timestamptz,
      finished_at timestamptz,
      version integer not null default 1
    )`.execute(db);
  await sql`create index queue_entries_open_idx on queue_entries (unit_id, arrived_at)
    where state in ('waiting', 'serving')`.execute(db);

  await sql`create sequence service_request_number`.execute(db);
  await sql`
    create table service_requests (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      contact_id uuid not null references contacts (id),
      client_id uuid references clients (id),
      client_kind text not null check (client_kind in ('external', 'internal')),
      channel text not null,
      service text not null,
      kind text not null check (kind in ('consultation', 'application')),
      case_type text,
      institution_id uuid references institutions (id),
      unit_id uuid not null references units (id),
      owner_id uuid references staff (id),
      state text not null check (state in ('new', 'in_progress', 'waiting_client',
        'waiting_institution', 'answered', 'closed')),
      policy_code text,
      received_at timestamptz not null,
      due_on date not null,
      due_at timestamptz not null,
      answered_at timestamptz,
      closed_at timestamptz,
      referred_at timestamptz,
      referred_by uuid references staff (id),
      tags text[] not null default '{}',
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  const open = sql.raw(`state in ('new', 'in_progress', 'waiting_client', 'waiting_institution')`);
  await sql`create index service_requests_owner_open_idx on service_requests (owner_id, due_at) where ${open}`.execute(
    db,
  );
  await sql`create index service_requests_unit_open_idx on service_requests (unit_id, due_at) where ${open}`.execute(
    db,
  );
  // The columns the visibility rule and the states filter read ride along, so the overdue and
  // waiting counts are answered from the index without visiting the table.
  await sql`create index service_requests_due_open_idx on service_requests (due_at)
    include (id, unit_id, owner_id, state) where ${open}`.execute(db);
  await sql`create index service_requests_due_on_open_idx on service_requests (due_on, due_at) where ${open}`.execute(
    db,
  );
  await sql`create index service_requests_owner_idx on service_requests (owner_id, updated_at desc)`.execute(
    db,
  );
  await sql`create index service_requests_unit_idx on service_requests (unit_id, updated_at desc)`.execute(
    db,
  );
  await sql`create index service_requests_client_idx on service_requests (client_id, created_at desc)`.execute(
    db,
  );
  await sql`create index service_requests_contact_idx on service_requests (contact_id)`.execute(db);
  await sql`create index service_requests_search_idx on service_requests using gin (search_text gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table request_events (
      id bigint generated always as identity primary key,
      request_id uuid not null references service_requests (id),
      at timestamptz not null,
      actor_staff_id uuid references staff (id),
      kind text not null,
      data jsonb not null default '{}'
    )`.execute(db);
  await sql`create index request_events_request_idx on request_events (request_id, id)`.execute(db);

  await sql`
    create table commitments (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references service_requests (id),
      what text not null,
      due_at timestamptz not null,
      form text not null check (form in ('phone', 'in_person', 'email', 'e_address', 'post')),
      keeper_id uuid not null references staff (id),
      kept_at timestamptz,
      created_by uuid references staff (id),
      version integer not null default 1,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index commitments_open_idx on commitments (keeper_id, due_at) where kept_at is null`.execute(
    db,
  );
  await sql`create index commitments_request_idx on commitments (request_id)`.execute(db);

  await sql`
    create table request_links (
      request_id uuid not null references service_requests (id),
      related_id uuid not null references service_requests (id),
      created_at timestamptz not null,
      primary key (request_id, related_id),
      check (request_id < related_id)
    )`.execute(db);
  await sql`create index request_links_related_idx on request_links (related_id)`.execute(db);

  await sql`
    create table attachments (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references service_requests (id),
      filename text not null,
      content_type text not null,
      size integer not null,
      content bytea not null,
      uploaded_by uuid references staff (id),
      uploaded_at timestamptz not null
    )`.execute(db);
  await sql`create index attachments_request_idx on attachments (request_id)`.execute(db);

  await sql`
    create table outgoing_messages (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references service_requests (id),
      channel text not null,
      recipient text,
      subject text not null,
      body text not null,
      due_at timestamptz not null,
      state text not null check (state in ('due', 'sent', 'cancelled')),
      created_by uuid references staff (id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index outgoing_messages_due_idx on outgoing_messages (due_at) where state = 'due'`.execute(
    db,
  );
  await sql`create index outgoing_messages_request_idx on outgoing_messages (request_id)`.execute(
    db,
  );

  await sql`
    create table incidents (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts (id),
      unit_id uuid references units (id),
      description text not null,
      police_called boolean not null,
      security_called boolean not null,
      recorded_by uuid references staff (id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index incidents_unit_idx on incidents (unit_id, recorded_at desc)`.execute(db);
  await sql`create index incidents_contact_idx on incidents (contact_id)`.execute(db);
}
