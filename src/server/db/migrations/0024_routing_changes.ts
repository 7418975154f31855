import { sql, type Kysely } from 'kysely';

// Whom a unit's line rings is read from these tables (routeCall). A server process keeps a line's
// answer between calls and forgets it when a change that may alter it commits, announced on the
// channel `apkalpo_routing` (decision 51). Triggers, as for principals (decision 40): no change
// escapes being heard, whichever process or tool makes it. Calls and the visitor queue change all
// day; only the changes that start or end someone's being on a call or serving a visitor are
// announced, so a call that is only ringing (its new_call comes just before the exchange asks
// whom to ring) leaves the kept answers alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function apkalpo_routing_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('apkalpo_routing', '');
      return null;
    end
    $$`.execute(db);
  for (const table of [
    'telephony_lines',
    'telephony_extensions',
    'staff',
    'staff_units',
    'absences',
  ] as const) {
    await sql`
      create trigger ${sql.id(`${table}_routing_changed`)}
        after insert or update or delete or truncate on ${sql.table(table)}
        for each statement execute function apkalpo_routing_changed()`.execute(db);
  }
  const busy = [
    { table: 'calls', state: 'answered', who: 'staff_id' },
    { table: 'queue_entries', state: 'serving', who: 'assigned_to' },
  ] as const;
  for (const { table, state, who } of busy) {
    await sql`
      create trigger ${sql.id(`${table}_routing_inserted`)} after insert on ${sql.table(table)}
        for each row when (new.state = ${sql.lit(state)})
        execute function apkalpo_routing_changed()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_routing_updated`)}
        after update of state, ${sql.ref(who)} on ${sql.table(table)}
        for each row when (
          (old.state = ${sql.lit(state)} or new.state = ${sql.lit(state)})
          and (old.state is distinct from new.state
            or old.${sql.ref(who)} is distinct from new.${sql.ref(who)}))
        execute function apkalpo_routing_changed()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_routing_deleted`)} after delete on ${sql.table(table)}
        for each row when (old.state = ${sql.lit(state)})
        execute function apkalpo_routing_changed()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_routing_truncated`)} after truncate on ${sql.table(table)}
        for each statement execute function apkalpo_routing_changed()`.execute(db);
  }
}
