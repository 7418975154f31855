import { sql, type Kysely } from 'kysely';

// A round robin line's place (who was rung first last time) moves on every incoming call, under a
// lock, so calls to one line at once wait for each other. Kept on the line, each move was a
// logged write whose commit waited for the disk, and a foreign key check that locked the staff
// row: the wait in front of every call. Kept apart in an unlogged table, the move is neither
// written ahead nor flushed, and the lock is held only while the statement runs. A crash empties
// the table: the next call starts at the top of the unit's list, which costs one uneven turn and
// nothing else (decision 48): a line whose place is gone takes a new one on its next call. No
// foreign key to staff, for the same reason; a place naming someone who has left is read as no
// place.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table telephony_turns (
      unit_id uuid primary key references telephony_lines (unit_id) on delete cascade,
      last_routed_staff_id uuid
    )`.execute(db);
  await sql`
    insert into telephony_turns (unit_id, last_routed_staff_id)
    select unit_id, last_routed_staff_id from telephony_lines`.execute(db);
  await sql`alter table telephony_lines drop column last_routed_staff_id`.execute(db);
}
