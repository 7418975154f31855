import { sql, type Kysely } from 'kysely';

// The mail channel's common tables (issue 14). A mailbox is where residents write to: Apkalpo's
// own SMTP receiver, an IMAP account, or both; it belongs to a unit and may name the deadline
// policy its requests get. Every message that reaches a mailbox (or the e-address gateway) is
// kept whole, as received, before anything else happens to it, so that nothing is lost: it is
// imported into a request, held in quarantine as spam, or flagged for a person when it cannot be
// read. Message-ID per mailbox and the source's own key (IMAP UIDVALIDITY:UID, an e-address
// message id) are unique, so a message delivered twice or re-read after a crash is imported once.
// A letter in the outbox gets its Message-ID when it is queued, so the thread it starts is known
// before it leaves, and it carries its attempts, the next attempt and the server's last answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mailboxes (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      address text not null,
      unit_id uuid not null references units (id),
      policy_code text,
      smtp_enabled boolean not null default false,
      accept_any_recipient boolean not null default false,
      imap_host text,
      imap_port integer check (imap_port between 1 and 65535),
      imap_tls boolean not null default true,
      imap_user text,
      imap_password bytea,
      imap_folder text not null default 'INBOX',
      imap_done_folder text,
      ack_enabled boolean not null default true,
      ack_subject_lv text not null default '',
      ack_body_lv text not null default '',
      ack_subject_en text not null default '',
      ack_body_en text not null default '',
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index mailboxes_address_key on mailboxes (lower(address))`.execute(db);

  // What the mailbox's reader last saw: kept apart from the settings an administrator edits, so
  // that a poll never conflicts with an edit.
  await sql`
    create table mailbox_states (
      mailbox_id uuid primary key references mailboxes (id) on delete cascade,
      connected boolean not null default false,
      checked_at timestamptz,
      last_message_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      uid_validity bigint,
      last_uid bigint
    )`.execute(db);

  await sql`
    create table inbound_messages (
      id uuid primary key default gen_random_uuid(),
      mailbox_id uuid references mailboxes (id),
      channel text not null check (channel in ('email', 'e_address')),
      source text not null check (source in ('smtp', 'imap', 'e_address')),
      source_key text,
      message_id text,
      in_reply_to text,
      reference_ids text[] not null default '{}',
      from_address text,
      from_name text,
      to_addresses text[] not null default '{}',
      subject text not null default '',
      sent_at timestamptz,
      received_at timestamptz not null,
      size integer not null,
      raw bytea not null,
      text_body text,
      html_body text,
      has_remote_images boolean not null default false,
      remote_images_allowed_by uuid references staff (id),
      remote_images_allowed_at timestamptz,
      attachment_ids uuid[] not null default '{}',
      auto_submitted boolean not null default false,
      state text not null check (state in ('imported', 'quarantined', 'released', 'flagged', 'discarded')),
      spam_score real,
      spam_reasons jsonb not null default '[]',
      flag_reason text check (flag_reason in ('malformed', 'too_large', 'undecodable')),
      request_id uuid references service_requests (id),
      contact_id uuid references contacts (id),
      reviewed_by uuid references staff (id),
      reviewed_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create unique index inbound_messages_message_id_key on inbound_messages (mailbox_id, message_id)
    where message_id is not null and mailbox_id is not null`.execute(db);
  await sql`create unique index inbound_messages_e_address_key on inbound_messages (message_id)
    where message_id is not null and mailbox_id is null`.execute(db);
  await sql`create unique index inbound_messages_source_key on inbound_messages (mailbox_id, source_key)
    where source_key is not null`.execute(db);
  // Threading looks a reply's In-Reply-To and References up among every message seen and sent.
  await sql`create index inbound_messages_thread_idx on inbound_messages (message_id)`.execute(db);
  await sql`create index inbound_messages_request_idx on inbound_messages (request_id)`.execute(db);
  // The quarantine and the flagged list, newest first.
  await sql`create index inbound_messages_held_idx on inbound_messages (state, received_at desc)
    where state in ('quarantined', 'flagged')`.execute(db);
  // The sender rate limit and the acknowledgement window count a sender's recent mail.
  await sql`create index inbound_messages_sender_idx on inbound_messages (lower(from_address), received_at desc)`.execute(
    db,
  );

  await sql`
    alter table outgoing_messages
      add column kind text not null default 'letter'
        check (kind in ('letter', 'reply', 'interim', 'acknowledgement', 'out_of_office')),
      add column mailbox_id uuid references mailboxes (id),
      add column message_id text,
      add column in_reply_to text,
      add column reference_ids text[] not null default '{}',
      add column attempts integer not null default 0,
      add column next_attempt_at timestamptz,
      add column last_error text,
      add column sent_at timestamptz`.execute(db);
  await sql`alter table outgoing_messages drop constraint outgoing_messages_state_check`.execute(
    db,
  );
  await sql`alter table outgoing_messages add constraint outgoing_messages_state_check
    check (state in ('due', 'sent', 'failed', 'cancelled'))`.execute(db);
  await sql`create unique index outgoing_messages_message_id_key on outgoing_messages (message_id)
    where message_id is not null`.execute(db);
  // The sender claims the letters whose time has come.
  await sql`create index outgoing_messages_next_idx on outgoing_messages (coalesce(next_attempt_at, due_at))
    where state = 'due'`.execute(db);
  // The administrator's list of letters that could not be sent.
  await sql`create index outgoing_messages_failed_idx on outgoing_messages (created_at desc)
    where state = 'failed'`.execute(db);
}
