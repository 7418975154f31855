import { sql, type Kysely } from 'kysely';

// A change to who a signed-in person is — their session ended or cut short, their roles, units
// or account changed — is announced on the channel `apkalpo_principals` with the person's id when
// it commits, so that every server process forgets what it kept of that person's sessions
// (decision 40). Triggers, not the code that makes the change: nothing can change these tables
// without being heard, whichever process or tool changes them. A session's last_seen_at only
// moves forward, so the touch once a minute is not announced (an earlier value kept by a process
// only ever sends it back to the database).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function apkalpo_principal_changed() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'staff' then
        perform pg_notify('apkalpo_principals', coalesce(old.id, new.id)::text);
      else
        perform pg_notify('apkalpo_principals', coalesce(old.staff_id, new.staff_id)::text);
        if tg_op = 'UPDATE' then
          -- A row moved to another person changes them too.
          perform pg_notify('apkalpo_principals', new.staff_id::text);
        end if;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger sessions_principal_changed
      after update of staff_id, csrf_token, expires_at or delete on sessions
      for each row execute function apkalpo_principal_changed()`.execute(db);
  await sql`
    create trigger staff_principal_changed after update or delete on staff
      for each row execute function apkalpo_principal_changed()`.execute(db);
  for (const table of ['staff_roles', 'staff_units'] as const) {
    await sql`
      create trigger ${sql.id(`${table}_principal_changed`)}
        after insert or update or delete on ${sql.table(table)}
        for each row execute function apkalpo_principal_changed()`.execute(db);
  }
}
