import { sql, type Kysely } from 'kysely';
import { WORKDAY_TRANSFERS } from '../../../domain/calendar-data';

// Sign-in slowed down rather than locked (decision 27), request numbers that sort as numbers,
// and the Cabinet's transfers of working days before 2025.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A browser a person signed in from: the digest of a long-lived cookie's secret. Sign-ins that
  // carry it are judged by that device's own failures, so an attacker elsewhere cannot keep the
  // person out. One browser may be trusted for several people (a shared front-desk computer).
  await sql`
    create table sign_in_devices (
      device_id text not null,
      staff_id uuid not null references staff (id) on delete cascade,
      created_at timestamptz not null,
      last_used_at timestamptz not null,
      primary key (device_id, staff_id)
    )`.execute(db);
  await sql`create index sign_in_devices_used_idx on sign_in_devices (last_used_at)`.execute(db);
  await sql`alter table login_attempts add column device_id text`.execute(db);
  await sql`create index login_attempts_device_idx on login_attempts (device_id, at)
    where device_id is not null`.execute(db);

  // "2026-1000000" after "2026-999999": the running number padded far enough for any year.
  await sql`
    alter table service_requests add column number_order text not null
      generated always as (left(number, 5) || lpad(substr(number, 6), 12, '0')) stored`.execute(db);
  await sql`create index service_requests_number_order_idx on service_requests (number_order)`.execute(
    db,
  );

  for (const transfer of WORKDAY_TRANSFERS) {
    await sql`
      insert into calendar_transfers (day_off, working_day, source, created_at, updated_at)
      values (${transfer.dayOff}, ${transfer.workingDay}, ${transfer.source}, now(), now())
      on conflict do nothing`.execute(db);
  }
}
