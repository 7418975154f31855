import { sql, type Kysely } from 'kysely';
import {
  FESTIVAL_CLOSING_DAYS,
  ONE_OFF_DAYS_OFF,
  WORKDAY_TRANSFERS,
} from '../../../domain/calendar-data';
import { DEFAULT_OPENING_HOURS } from '../../../domain/opening-hours';

// The working-day calendar's data and the deadline policies. The law's fixed holidays are code
// (src/domain/calendar.ts); what changes by law or order year by year is here, each row with its
// legal source. Facts published later are added by an administrator, or shipped in a new
// migration that inserts them with `on conflict do nothing`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_days_off (
      id uuid primary key default gen_random_uuid(),
      date date not null unique,
      kind text not null check (kind in ('one-off', 'festival')),
      name text not null,
      source text not null,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table calendar_transfers (
      id uuid primary key default gen_random_uuid(),
      day_off date not null unique,
      working_day date not null unique,
      source text not null,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (day_off <> working_day)
    )`.execute(db);
  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      version integer not null default 1,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table deadline_policies (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      name_en text not null,
      channel text,
      client_kind text check (client_kind in ('external', 'internal')),
      case_type text,
      count integer not null check (count between 0 and 366),
      unit text not null check (unit in ('working_days', 'calendar_months')),
      after_hours_next_day boolean not null,
      same_day_cutoff text,
      source text not null,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index deadline_policies_applies_idx on deadline_policies (channel, client_kind, case_type)`.execute(
    db,
  );

  for (const [kind, days] of [
    ['one-off', ONE_OFF_DAYS_OFF],
    ['festival', FESTIVAL_CLOSING_DAYS],
  ] as const) {
    for (const day of days) {
      await sql`
        insert into calendar_days_off (date, kind, name, source, created_at, updated_at)
        values (${day.date}, ${kind}, ${day.name}, ${day.source}, now(), now())`.execute(db);
    }
  }
  for (const transfer of WORKDAY_TRANSFERS) {
    await sql`
      insert into calendar_transfers (day_off, working_day, source, created_at, updated_at)
      values (${transfer.dayOff}, ${transfer.workingDay}, ${transfer.source}, now(), now())`.execute(
      db,
    );
  }
  // The organisation's calendar settings, edited as one record: whether it follows the Cabinet's
  // transfers (on by default) and its standard office hours (for due times and the month view).
  await sql`
    insert into settings (key, value, updated_at)
    values ('calendar', ${JSON.stringify({ followTransfers: true, standardHours: DEFAULT_OPENING_HOURS })}, now())`.execute(
    db,
  );

  const policies = [
    {
      code: 'external-written',
      name: 'Atbilde ārējam klientam rakstiski',
      nameEn: 'Written reply to an external client',
      channel: null,
      clientKind: 'external',
      caseType: null,
      count: 3,
      afterHours: true,
      cutoff: null,
      source: 'Klientu apkalpošanas standarts, 21.1. punkts',
    },
    {
      code: 'internal',
      name: 'Atbilde iekšējam klientam',
      nameEn: 'Reply to an internal client',
      channel: null,
      clientKind: 'internal',
      caseType: null,
      count: 1,
      afterHours: true,
      cutoff: null,
      source: 'Klientu apkalpošanas standarts, 23.1. punkts',
    },
    {
      code: 'voicemail',
      name: 'Balss pastā atstāta ziņa',
      nameEn: 'Voicemail message',
      channel: 'voicemail',
      clientKind: null,
      caseType: null,
      count: 1,
      afterHours: false,
      cutoff: null,
      source: 'Klientu apkalpošanas standarts, 17. punkts',
    },
    {
      code: 'callback',
      name: 'Atzvanīšana uz neatbildētu zvanu',
      nameEn: 'Calling back a missed call',
      channel: 'phone',
      clientKind: null,
      caseType: 'missed-call',
      count: 0,
      afterHours: false,
      cutoff: '15:00',
      source: 'Klientu apkalpošanas standarts, 15.1. punkts',
    },
    {
      code: 'submission-answer',
      name: 'Atbilde uz iesniegumu',
      nameEn: 'Answer to a formal submission',
      channel: null,
      clientKind: null,
      caseType: 'submission',
      count: 10,
      afterHours: true,
      cutoff: null,
      source: 'Iesniegumu likums (redakcijā no 2026. gada 1. marta)',
    },
    {
      code: 'submission-forward',
      name: 'Iesnieguma pārsūtīšana kompetentajai iestādei',
      nameEn: 'Forwarding a submission to the competent institution',
      channel: null,
      clientKind: null,
      caseType: 'submission-forward',
      count: 5,
      afterHours: true,
      cutoff: null,
      source: 'Iesniegumu likums (redakcijā no 2026. gada 1. marta)',
    },
  ];
  for (const p of policies) {
    await sql`
      insert into deadline_policies (code, name, name_en, channel, client_kind, case_type, count,
        unit, after_hours_next_day, same_day_cutoff, source, created_at, updated_at)
      values (${p.code}, ${p.name}, ${p.nameEn}, ${p.channel}, ${p.clientKind}, ${p.caseType},
        ${p.count}, 'working_days', ${p.afterHours}, ${p.cutoff}, ${p.source}, now(), now())`.execute(
      db,
    );
  }
}
