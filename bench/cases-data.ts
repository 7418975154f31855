import { sql, type Kysely, type RawBuilder } from 'kysely';
import { foldForSearch } from '../src/domain/search-text';
import type { DB } from '../src/server/db/schema';

// Bulk data for the cases benchmark, made in the database with INSERT ... SELECT over
// generate_series: clients, contacts, service requests with their states, due dates, owners and
// search text, timeline events and promises. Pseudo-random but repeatable (a hash of the row
// number), so every run loads the same data relative to now.

/** The organisation the requests are spread over (made through the services beforehand). */
export interface Organisation {
  /** The units; the first `centres` of them are client service centres. */
  unitIds: readonly string[];
  centres: number;
  /** The people of unit u are staffIds[u * staffPerUnit ... (u + 1) * staffPerUnit - 1]. */
  staffIds: readonly string[];
  staffPerUnit: number;
  institutionIds: readonly string[];
}

export interface Volume {
  requests: number;
  clients: number;
  /** How far back the history reaches. */
  days: number;
}

/** Services as clerks write them, with kind and case type (a submission is due in 10 days). */
const SERVICES: ReadonlyArray<readonly [string, 'consultation' | 'application', string | null]> = [
  ['Dzīvesvietas deklarēšana', 'application', null],
  ['E-adreses lietošana', 'consultation', null],
  ['eID kartes aktivizēšana', 'consultation', null],
  ['Pašvaldības pakalpojumu konsultācija', 'consultation', null],
  ['Sociālā pabalsta pieteikums', 'application', 'submission'],
  ['Nekustamā īpašuma nodokļa maksājums', 'consultation', null],
  ['Bērna reģistrācija pirmsskolas izglītības iestādē', 'application', 'submission'],
  ['Būvatļaujas statuss', 'consultation', null],
  ['Gada ienākumu deklarācijas iesniegšana VID EDS', 'consultation', null],
  ['Vecuma pensijas pieprasīšana', 'application', null],
  ['Trūcīgas personas statusa noteikšana', 'application', 'submission'],
  ['Zemes nomas līguma pagarināšana', 'application', 'submission'],
];
const CHANNELS = [
  'in_person',
  'in_person',
  'in_person',
  'phone',
  'phone',
  'email',
  'e_address',
  'web_form',
  'mobile_app',
  'voicemail',
];
const MALE = ['Jānis', 'Andris', 'Pēteris', 'Mārtiņš', 'Edgars', 'Kārlis', 'Ēriks', 'Ģirts'];
const FEMALE = ['Anna', 'Līga', 'Inese', 'Dace', 'Ilze', 'Kristīne', 'Rūta', 'Ārija'];
const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Bērziņš', 'Bērziņa'],
  ['Kalniņš', 'Kalniņa'],
  ['Ozols', 'Ozola'],
  ['Jansons', 'Jansone'],
  ['Liepiņš', 'Liepiņa'],
  ['Krūmiņš', 'Krūmiņa'],
  ['Zariņš', 'Zariņa'],
  ['Šmits', 'Šmite'],
  ['Lācis', 'Lāce'],
  ['Ābols', 'Ābola'],
  ['Kļaviņš', 'Kļaviņa'],
  ['Ivanovs', 'Ivanova'],
];
const ORGANISATIONS = ['Priedaines ūdens', 'Meža takas', 'Kalnāji', 'Baltā kāpa', 'Zaļā dzirnava'];

/** Given name and surname pairs that agree in gender. */
const NAMES = [
  ...MALE.flatMap((given) => SURNAMES.map(([surname]) => [given, surname] as const)),
  ...FEMALE.flatMap((given) => SURNAMES.map(([, surname]) => [given, surname] as const)),
];

const text = (values: readonly (string | null)[]) => sql`${values}::text[]`;
const uuids = (values: readonly string[]) => sql`${values}::uuid[]`;

/** The SQL statements that load the volume, each with what it does, in order. */
function statements(org: Organisation, volume: Volume): Array<[string, RawBuilder<unknown>]> {
  // 1.4 requests a contact on average; a few more contacts than needed, the surplus cut off.
  const contacts = Math.ceil(volume.requests / 1.38);
  const units = org.unitIds.length;
  const S = org.staffPerUnit;
  const rnd = (seed: RawBuilder<unknown>, salt: number, n: number | RawBuilder<unknown>) =>
    sql`bench_rnd(${seed}, ${sql.lit(salt)}, ${typeof n === 'number' ? sql.lit(n) : n})`;
  const staffAt = (unit: RawBuilder<unknown>, slot: RawBuilder<unknown>) =>
    sql`(${uuids(org.staffIds)})[1 + ${unit} * ${sql.lit(S)} + ${slot}]`;
  const openState = (n: RawBuilder<unknown>) =>
    sql`(array['in_progress', 'in_progress', 'in_progress', 'waiting_client', 'waiting_institution'])[1 + ${rnd(n, 25, 5)}]`;

  return [
    [
      'helpers',
      sql`create function bench_rnd(seed bigint, salt integer, n integer) returns integer
        language sql immutable parallel safe
        as 'select ((hashint8($1 * 1009 + $2)::bigint + 2147483648) % $3)::integer'`,
    ],
    [
      'helpers',
      // An md5 made into a version 4 uuid, as the API's schemas expect ids to be.
      sql`create function bench_uuid(key text) returns uuid
        language sql immutable parallel safe
        as 'select (substr(md5($1), 1, 12) || ''4'' || substr(md5($1), 14, 3) || ''8''
          || substr(md5($1), 18))::uuid'`,
    ],
    [
      'clients',
      sql`create unlogged table bench_clients as
        select i, bench_uuid('client:' || i) as id, x.org, x.code, x.phone, x.ni, x.oi,
          case when x.org then 'SIA „' || (${text(ORGANISATIONS)})[x.oi] || ' ' || i || '”'
            else (${text(NAMES.map(([g, s]) => `${g} ${s}`))})[x.ni] end as display,
          case when x.org then 'sia ' || (${text(ORGANISATIONS.map(foldForSearch))})[x.oi] || ' ' || i
            else (${text(NAMES.map(([g, s]) => foldForSearch(`${g} ${s}`)))})[x.ni] end as folded
        from generate_series(0, ${sql.lit(volume.clients - 1)}) as i,
          lateral (select ${rnd(sql`i`, 1, 100)} < 6 as org,
            1 + ${rnd(sql`i`, 2, NAMES.length)} as ni,
            1 + ${rnd(sql`i`, 3, ORGANISATIONS.length)} as oi,
            '32' || substr(lpad(i::text, 9, '0'), 1, 4) || '-' || substr(lpad(i::text, 9, '0'), 5) as code,
            '+371 2' || lpad(${rnd(sql`i`, 4, 10_000_000)}::text, 7, '0') as phone) as x`,
    ],
    ['clients', sql`alter table bench_clients add primary key (i)`],
    ['clients', sql`analyze bench_clients`],
    [
      'clients',
      sql`insert into clients (id, kind, given_name, surname, name, personal_code,
          registration_number, phone, search_text, sort_name, created_at, updated_at)
        select id, case when org then 'organisation' else 'person' end,
          case when not org then (${text(NAMES.map(([g]) => g))})[ni] end,
          case when not org then (${text(NAMES.map(([, s]) => s))})[ni] end,
          case when org then display end,
          case when not org then code end,
          case when org then '40003' || lpad(i::text, 6, '0') end,
          phone,
          -- As the clients service folds them: name, code in both forms, phone in both forms.
          folded || case when org then ' 40003' || lpad(i::text, 6, '0')
            else ' ' || replace(code, '-', ' ') || ' ' || replace(code, '-', '') end
            || ' 371 ' || substr(phone, 6) || ' 371' || substr(phone, 6),
          folded,
          now() - ${sql.lit(volume.days + 30)} * interval '1 day',
          now() - ${sql.lit(volume.days + 30)} * interval '1 day'
        from bench_clients`,
    ],
    [
      'contacts',
      sql`create unlogged table bench_contacts as
        select c, bench_uuid('contact:' || c) as id,
          -- Newest first, so that the surplus cut off below is the oldest.
          now() - ${sql.lit(volume.days)} * interval '1 day' * (c + 0.5) / ${sql.lit(contacts)} as occurred_at,
          case when ${rnd(sql`c`, 10, 100)} < 50 then ${rnd(sql`c`, 11, org.centres)}
            else ${sql.lit(org.centres)} + ${rnd(sql`c`, 11, units - org.centres)} end as unit,
          case when ${rnd(sql`c`, 12, 100)} >= 8 then ${rnd(sql`c`, 13, volume.clients)} end as client,
          ${rnd(sql`c`, 14, 10)} as size,
          (${text(CHANNELS)})[1 + ${rnd(sql`c`, 15, CHANNELS.length)}] as channel,
          ${rnd(sql`c`, 16, S)} as slot
        from generate_series(0, ${sql.lit(contacts - 1)}) as c`,
    ],
    ['contacts', sql`analyze bench_contacts`],
    [
      'contacts',
      sql`insert into contacts (id, channel, occurred_at, client_id, client_kind, staff_id, unit_id,
          reason, outcome, closed_at, version, created_at, updated_at)
        select c.id, c.channel, c.occurred_at, k.id, 'external', ${staffAt(sql`c.unit`, sql`c.slot`)},
          (${uuids(org.unitIds)})[1 + c.unit], 'Klienta jautājums',
          case when c.occurred_at < now() - interval '1 hour' then 'Klients apkalpots' end,
          case when c.occurred_at < now() - interval '1 hour' then c.occurred_at + interval '15 minutes' end,
          case when c.occurred_at < now() - interval '1 hour' then 2 else 1 end,
          c.occurred_at,
          case when c.occurred_at < now() - interval '1 hour' then c.occurred_at + interval '15 minutes'
            else c.occurred_at end
        from bench_contacts c left join bench_clients k on k.i = c.client`,
    ],
    [
      'requests',
      sql`insert into service_requests (id, number, contact_id, client_id, client_kind, channel,
          service, kind, case_type, institution_id, unit_id, owner_id, state, policy_code,
          received_at, due_on, due_at, answered_at, closed_at, referred_at, referred_by,
          search_text, version, created_at, updated_at)
        select bench_uuid('request:' || n.n), n.number, n.contact_id, k.id, 'external', n.channel,
          (${text(SERVICES.map(([s]) => s))})[v.si], (${text(SERVICES.map(([, k]) => k))})[v.si],
          (${text(SERVICES.map(([, , t]) => t))})[v.si],
          case when v.si > 8 then (${uuids(org.institutionIds)})[1 + ${rnd(sql`n.n`, 27, org.institutionIds.length)}] end,
          (${uuids(org.unitIds)})[1 + v.unit],
          case when s.state = 'new' and ${rnd(sql`n.n`, 26, 10)} < 3 then null
            else ${staffAt(sql`v.unit`, sql`v.slot`)} end,
          s.state,
          case when (${text(SERVICES.map(([, , t]) => t))})[v.si] = 'submission' then 'submission-answer'
            else 'external-written' end,
          n.occurred_at, d.due_on, d.due_at, a.answered_at,
          case when s.state = 'closed'
            then least(now(), a.answered_at + interval '1 hour' * ${rnd(sql`n.n`, 29, 72)}) end,
          case when v.referred then least(now(), n.occurred_at + interval '1 hour') end,
          case when v.referred then ${staffAt(sql`v.unit`, sql`((v.slot + 1) % ${sql.lit(S)})`)} end,
          replace(n.number, '-', ' ') || ' '
            || (${text(SERVICES.map(([s]) => foldForSearch(s)))})[v.si]
            || coalesce(' ' || k.folded, ''),
          case s.state when 'new' then 1 when 'in_progress' then 2 when 'closed' then 4 else 3 end
            + v.referred::int,
          n.occurred_at + interval '2 minutes',
          coalesce(a.answered_at, least(now(), n.occurred_at + (now() - n.occurred_at) / 2))
        from (
          select c.id as contact_id, c.occurred_at, c.unit as contact_unit, c.client, c.channel, x.n,
            to_char(c.occurred_at at time zone 'Europe/Riga', 'YYYY') || '-'
              || lpad(x.n::text, greatest(6, length(x.n::text)), '0') as number
          from bench_contacts c,
            -- Numbered in time order: the newest contact's requests have the highest numbers.
            lateral (select (${sql.lit(contacts * 3)} - c.c * 3 + g)::bigint as n
              from generate_series(1, 1 + (c.size >= 7)::int + (c.size >= 9)::int) as g) as x
        ) as n
        left join bench_clients k on k.i = n.client
        cross join lateral (
          select extract(epoch from now() - n.occurred_at) / 86400 as age,
            ${rnd(sql`n.n`, 20, 1000)} as r,
            case when ${rnd(sql`n.n`, 21, 100)} < 70 then n.contact_unit
              else ${sql.lit(org.centres)} + ${rnd(sql`n.n`, 22, units - org.centres)} end as unit,
            ${rnd(sql`n.n`, 23, S)} as slot,
            1 + ${rnd(sql`n.n`, 24, SERVICES.length)} as si,
            ${rnd(sql`n.n`, 30, 100)} < 3 as referred,
            (n.occurred_at at time zone 'Europe/Riga')::date as received_on
        ) as v
        cross join lateral (
          select case
            when v.age > 60 then case when v.r < 5 then ${openState(sql`n.n`)}
              when v.r < 60 then 'answered' else 'closed' end
            when v.age > 14 then case when v.r < 100 then ${openState(sql`n.n`)}
              when v.r < 250 then 'answered' else 'closed' end
            else case when v.r < 150 then 'new' when v.r < 400 then 'in_progress'
              when v.r < 480 then 'waiting_client' when v.r < 550 then 'waiting_institution'
              when v.r < 750 then 'answered' else 'closed' end
          end as state
        ) as s
        cross join lateral (
          -- Three working days (Saturday and Sunday skipped), ten for a submission.
          select v.received_on + case
            when (${text(SERVICES.map(([, , t]) => t))})[v.si] = 'submission' then 14
            else (array[3, 3, 5, 5, 5, 4, 3])[extract(isodow from v.received_on)::int] end as due_on
        ) as d0
        cross join lateral (
          select d0.due_on, (d0.due_on + time '17:00') at time zone 'Europe/Riga' as due_at
        ) as d
        cross join lateral (
          select case when s.state in ('answered', 'closed') then least(now(), n.occurred_at
            + (d.due_at - n.occurred_at) * (0.3 + ${rnd(sql`n.n`, 28, 60)} / 100.0)::float8) end
            as answered_at
        ) as a
        -- In the contacts' order: the first so many.
        limit ${sql.lit(volume.requests)}`,
    ],
    [
      'requests',
      sql`select setval('service_request_number',
        (select max(split_part(number, '-', 2)::bigint) from service_requests))`,
    ],
    [
      'events',
      sql`insert into request_events (request_id, at, actor_staff_id, kind, data)
        select id, created_at, owner_id, 'created',
          jsonb_build_object('dueOn', due_on, 'policy', policy_code)
        from service_requests`,
    ],
    [
      'events',
      sql`insert into request_events (request_id, at, actor_staff_id, kind, data)
        select id, updated_at, owner_id, 'state',
          jsonb_build_object('from', 'new', 'to', state, 'note', null)
        from service_requests where state <> 'new'`,
    ],
    [
      'commitments',
      sql`insert into commitments (request_id, what, due_at, form, keeper_id, kept_at, created_by,
          created_at)
        select id, 'Atzvanīt klientam un pastāstīt par pieteikuma virzību',
          received_at + interval '2 days', 'phone', owner_id,
          case when state in ('answered', 'closed') then answered_at end, owner_id,
          received_at + interval '1 hour'
        from service_requests
        where owner_id is not null and ${rnd(sql`hashtext(number)`, 31, 100)} < 3`,
    ],
    ['cleanup', sql`drop table bench_contacts, bench_clients`],
    ['cleanup', sql`drop function bench_rnd, bench_uuid`],
  ];
}

const LOADED_TABLES = ['clients', 'contacts', 'service_requests', 'request_events', 'commitments'];

/**
 * Loads the volume into a freshly migrated database. The loaded tables' foreign keys and plain
 * indexes are dropped first and made again from their own definitions afterwards: building an
 * index and checking a foreign key once, over all rows, is much faster than row by row. Primary
 * keys and unique indexes stay. Then VACUUM ANALYZE, as autovacuum would have done by the time
 * such a history had piled up.
 */
export async function loadCases(
  db: Kysely<DB>,
  org: Organisation,
  volume: Volume,
  report: (step: string, seconds: number) => void,
): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`set work_mem = '256MB'`.execute(conn);
    await sql`set maintenance_work_mem = '512MB'`.execute(conn);
    const { rows: foreignKeys } = await sql<{ table: string; name: string; definition: string }>`
      select conrelid::regclass::text as table, conname as name,
        pg_get_constraintdef(oid) as definition
      from pg_constraint
      where contype = 'f' and conrelid = any(${LOADED_TABLES}::regclass[])
      order by conname`.execute(conn);
    const { rows: indexes } = await sql<{ name: string; definition: string }>`
      select i.indexname as name, i.indexdef as definition
      from pg_indexes i
      join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and i.tablename = any(${LOADED_TABLES})
        and not x.indisprimary and not x.indisunique
      order by i.indexname`.execute(conn);
    for (const key of foreignKeys) {
      await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(conn);
    }
    for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(conn);

    const times = new Map<string, number>();
    const step = async (name: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      times.set(name, (times.get(name) ?? 0) + (performance.now() - started) / 1000);
    };
    for (const [name, statement] of statements(org, volume)) {
      await step(name, () => statement.execute(conn));
    }
    for (const index of indexes) {
      await step('indexes', () => sql.raw(index.definition).execute(conn));
    }
    for (const key of foreignKeys) {
      await step('foreign keys', () =>
        sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
          conn,
        ),
      );
    }
    for (const table of LOADED_TABLES) {
      await step('vacuum', () => sql`vacuum (analyze) ${sql.id(table)}`.execute(conn));
    }
    await step('vacuum', () => sql`analyze`.execute(conn));
    for (const [name, seconds] of times) report(name, seconds);
  });
}
