import { sql, type Kysely } from 'kysely';

// The reference a resident quotes back (ATS-2026-00042): the year and a running number from a
// sequence of its own, so that two submissions at once never get the same one and the request
// numbers keep their own run.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence feedback_reference_number`.execute(db);
}
