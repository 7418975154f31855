import { sql, type Kysely } from 'kysely';

// The routing of every incoming call asks, for each person of the unit, whether they are serving
// a visitor now (clause 11.8: not on the phone then). Queue entries pile up day after day while
// only a handful are being served at any moment: a partial index of those answers the question
// with one probe instead of a scan of the whole queue's history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index queue_entries_serving_idx on queue_entries (assigned_to)
    where state = 'serving'`.execute(db);
}
