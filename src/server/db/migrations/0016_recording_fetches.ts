import { sql, type Kysely } from 'kysely';

// A voicemail's recording given by URL is fetched after the event's commit, never within it:
// the exchange's request does not wait for its own web server. Each fetch still owed is a row
// here; a failure is written down with its reason and tried again later by a job, until the
// tries are used up (issue 15).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table call_recording_fetches (
      call_id uuid primary key references calls (id),
      url text not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_error text,
      fetched_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
  // The fetches still owed, by when they are next due; fetched and given-up ones have none.
  await sql`create index call_recording_fetches_due_idx on call_recording_fetches (next_attempt_at)
    where next_attempt_at is not null`.execute(db);
}
