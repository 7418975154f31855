import { sql, type Kysely } from 'kysely';

// Keys the server signs with, shared by every worker and instance: the public feedback form's
// fill-time token is issued by one worker and checked by whichever takes the submission. Each key
// is made once, by the first worker that needs it, and kept here so that a restart does not void
// the forms residents have open.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table server_keys (
      name text primary key,
      secret bytea not null,
      created_at timestamptz not null
    )`.execute(db);
}
