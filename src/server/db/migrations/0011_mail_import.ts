import { sql, type Kysely } from 'kysely';

// What importing mail looks up (issue 14): the client who writes from an address, the automatic
// replies sent to it lately, and the block list of senders the head of client service keeps. An entry is a whole address or "@domain".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index clients_email_idx on clients (lower(email))
    where merged_into is null and email is not null`.execute(db);
  // One automatic reply per sender and window: the replies sent to an address lately.
  await sql`create index outgoing_messages_auto_idx on outgoing_messages (kind, lower(recipient), created_at desc)
    where kind in ('acknowledgement', 'out_of_office')`.execute(db);
  await sql`
    create table mail_blocklist (
      id uuid primary key default gen_random_uuid(),
      entry text not null,
      note text,
      created_by uuid references staff (id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create unique index mail_blocklist_entry_key on mail_blocklist (entry)`.execute(db);
}
