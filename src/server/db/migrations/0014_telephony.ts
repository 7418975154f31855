import { sql, type Kysely } from 'kysely';

// The phone channel (issue 15, clauses 15–17). The municipality's telephone exchange reports each
// call's events with the token of an exchange (stored as its SHA-256 digest, like API tokens) and
// asks whom to ring. A call is one row, keyed by the exchange's own call id, and every event that
// arrived is kept once per (call, event) beside it: a repeat changes nothing, and the call's
// state is worked out again from its moments whatever order they came in. A missed call or a
// voicemail owes the caller a callback, which one clerk claims; a voicemail's request is made at
// the start of the next working day (decision 46).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table telephony_exchanges (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      token_hash text not null unique,
      token_prefix text not null,
      created_by uuid references staff (id),
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid references staff (id)
    )`.execute(db);
  await sql`create index telephony_exchanges_created_idx on telephony_exchanges (created_at desc)`.execute(
    db,
  );

  // A unit's line: the number residents call, the order its staff are rung in, its key in the
  // free information line's menu. The last person rung first keeps the round robin's place.
  await sql`
    create table telephony_lines (
      unit_id uuid primary key references units (id),
      number text not null unique,
      rotation text not null check (rotation in ('round_robin', 'longest_idle')),
      menu_key text unique check (menu_key ~ '^[0-9]$'),
      information_line boolean not null default false,
      last_routed_staff_id uuid references staff (id),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index telephony_lines_information_key on telephony_lines (information_line)
    where information_line`.execute(db);

  // A person's extension; when their last call ended, for the longest-idle rotation.
  await sql`
    create table telephony_extensions (
      staff_id uuid primary key references staff (id),
      extension text not null unique,
      last_call_ended_at timestamptz,
      updated_at timestamptz not null
    )`.execute(db);

  await sql`
    create table calls (
      id uuid primary key default gen_random_uuid(),
      exchange_id uuid not null references telephony_exchanges (id),
      external_id text not null,
      direction text not null check (direction in ('in', 'out')),
      from_number text not null,
      to_number text not null,
      number text not null,
      unit_id uuid references units (id),
      client_id uuid references clients (id),
      staff_id uuid references staff (id),
      extension text,
      state text not null check (state in ('ringing', 'answered', 'ended', 'missed', 'voicemail')),
      started_at timestamptz not null,
      answered_at timestamptz,
      ended_at timestamptz,
      hangup_cause text check (hangup_cause in ('normal', 'busy', 'cancelled', 'no_answer')),
      transferred_to text,
      voicemail_at timestamptz,
      menu_key text,
      contact_id uuid references contacts (id),
      request_id uuid references service_requests (id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (exchange_id, external_id)
    )`.execute(db);
  await sql`create index calls_client_idx on calls (client_id, started_at desc)
    where client_id is not null`.execute(db);
  await sql`create index calls_unit_idx on calls (unit_id, started_at desc)`.execute(db);
  await sql`create index calls_started_idx on calls (started_at desc)`.execute(db);
  // Who is on a call now: the rotation skips them.
  await sql`create index calls_on_call_idx on calls (staff_id) where state = 'answered'`.execute(
    db,
  );

  await sql`
    create table call_events (
      id bigint generated always as identity primary key,
      call_id uuid not null references calls (id),
      event text not null check (event in ('new_call', 'answer', 'hangup', 'transfer', 'voicemail')),
      event_key text not null,
      at timestamptz not null,
      payload jsonb not null,
      received_at timestamptz not null,
      unique (call_id, event_key)
    )`.execute(db);

  // A voicemail's recording, kept in the database like a request's files (decision 14).
  await sql`
    create table call_recordings (
      call_id uuid primary key references calls (id),
      content_type text not null,
      size integer not null,
      content bytea not null,
      source_url text,
      stored_at timestamptz not null
    )`.execute(db);

  await sql`
    create table callbacks (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('missed_call', 'voicemail')),
      call_id uuid not null unique references calls (id),
      unit_id uuid not null references units (id),
      client_id uuid references clients (id),
      number text not null,
      called_at timestamptz not null,
      visible_from timestamptz not null,
      due_at timestamptz not null,
      policy_code text,
      state text not null check (state in ('open', 'claimed', 'closed')),
      claimed_by uuid references staff (id),
      claimed_at timestamptz,
      attempt_count integer not null default 0,
      closed_at timestamptz,
      closing text check (closing in ('reached', 'attempts_used', 'caller_got_through', 'closed_by_staff')),
      request_id uuid references service_requests (id),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((state = 'claimed') = (claimed_by is not null) or state = 'closed'),
      check ((state = 'closed') = (closed_at is not null))
    )`.execute(db);
  await sql`create index callbacks_unit_idx on callbacks (unit_id, state, due_at)`.execute(db);
  await sql`create index callbacks_claimed_idx on callbacks (claimed_by, state, due_at)
    where claimed_by is not null`.execute(db);
  // A caller's owed callback, found when they call again (one callback per caller and unit).
  await sql`create index callbacks_owed_number_idx on callbacks (number, unit_id)
    where state <> 'closed'`.execute(db);
  // The voicemails still waiting for the start of their working day.
  await sql`create index callbacks_unreleased_idx on callbacks (visible_from)
    where kind = 'voicemail' and request_id is null`.execute(db);

  await sql`
    create table callback_attempts (
      id uuid primary key default gen_random_uuid(),
      callback_id uuid not null references callbacks (id),
      staff_id uuid references staff (id),
      at timestamptz not null,
      outcome text not null check (outcome in ('reached', 'no_answer', 'busy', 'wrong_number', 'message_left')),
      note text
    )`.execute(db);
  await sql`create index callback_attempts_callback_idx on callback_attempts (callback_id, at)`.execute(
    db,
  );
}
