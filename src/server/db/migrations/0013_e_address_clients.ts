import { sql, type Kysely } from 'kysely';

// A letter from the state's e-address service names its sender by their e-address: the client is
// found by it, as a letter by mail finds them by their email address (0011).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index clients_e_address_idx on clients (lower(e_address))
    where merged_into is null and e_address is not null`.execute(db);
}
