import { sql, type Kysely } from 'kysely';

// A ringing call finds its caller by number (issue 15): the exchange and the client records
// write numbers differently ("+371 26 000 001", "26000001", "0037126000001"), so both sides are
// compared by their last eight digits (a Latvian number's length). The index holds exactly that
// expression for live clients with a number, so the look-up is one index probe instead of a scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index clients_phone_key_idx
    on clients (right(regexp_replace(phone, '[^0-9]', '', 'g'), 8))
    where merged_into is null and phone is not null`.execute(db);
}
