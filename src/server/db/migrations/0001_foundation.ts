import { sql, type Kysely } from 'kysely';

// The organisation, its people, sign-in and the audit log. Dates without time (absences) are
// `date`; instants are `timestamptz`. `search_text` columns hold text folded by the domain's
// foldForSearch, so "berzins" finds "Bērziņš" through one trigram index; `sort_name` is the
// folded "surname given name", so names sort by letter whatever the database's collation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create extension if not exists pg_trgm;

create table institutions (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  short_name text,
  kind text not null check (kind in ('municipality', 'state')),
  registration_number text,
  website text,
  email text,
  phone text,
  active boolean not null default true,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index institutions_name_key on institutions (lower(name));
create index institutions_search_idx on institutions using gin (search_text gin_trgm_ops);

create table units (
  id uuid primary key default gen_random_uuid(),
  institution_id uuid not null references institutions (id),
  parent_id uuid references units (id),
  name text not null,
  kind text not null check (kind in ('department', 'client_service_centre', 'other')),
  address text,
  phone text,
  email text,
  opening_hours jsonb not null,
  active boolean not null default true,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (parent_id is distinct from id)
);
create index units_parent_idx on units (parent_id);
create index units_institution_idx on units (institution_id, name);
create unique index units_sibling_name_key
  on units (institution_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index units_search_idx on units using gin (search_text gin_trgm_ops);

create table staff (
  id uuid primary key default gen_random_uuid(),
  given_name text not null,
  surname text not null,
  position text not null,
  email text not null,
  phone text,
  competences text[] not null default '{}',
  active boolean not null default true,
  password_hash text,
  search_text text not null default '',
  sort_name text not null default '',
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index staff_email_key on staff (lower(email));
create index staff_sort_name_idx on staff (sort_name, id);
create index staff_position_idx on staff (position);
create index staff_search_idx on staff using gin (search_text gin_trgm_ops);
create index staff_competences_idx on staff using gin (competences);

create table staff_roles (
  staff_id uuid not null references staff (id) on delete cascade,
  role text not null check (role in (
    'specialist', 'unit_head', 'client_service_head', 'administrator',
    'ethics_commission_member', 'auditor')),
  primary key (staff_id, role)
);
create index staff_roles_role_idx on staff_roles (role);

create table staff_units (
  staff_id uuid not null references staff (id) on delete cascade,
  unit_id uuid not null references units (id),
  is_primary boolean not null default false,
  primary key (staff_id, unit_id)
);
create index staff_units_unit_idx on staff_units (unit_id);
create unique index staff_units_one_primary on staff_units (staff_id) where is_primary;

create table absences (
  id uuid primary key default gen_random_uuid(),
  staff_id uuid not null references staff (id),
  kind text not null check (kind in ('vacation', 'sick_leave', 'business_trip', 'training', 'other')),
  starts_on date not null,
  ends_on date not null,
  substitute_id uuid references staff (id),
  note text,
  created_by uuid references staff (id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_on >= starts_on),
  check (substitute_id is distinct from staff_id)
);
create index absences_staff_idx on absences (staff_id, starts_on);
create index absences_period_idx on absences (ends_on, starts_on);
create index absences_substitute_idx on absences (substitute_id);

create table sessions (
  id text primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_staff_idx on sessions (staff_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  staff_id uuid references staff (id),
  roles text[] not null default '{}',
  token_hash text not null unique,
  token_prefix text not null,
  created_by uuid references staff (id),
  created_at timestamptz not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references staff (id),
  check ((staff_id is null) = (cardinality(roles) > 0))
);
create index api_tokens_staff_idx on api_tokens (staff_id);
create index api_tokens_created_idx on api_tokens (created_at desc);

create table login_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  at timestamptz not null,
  succeeded boolean not null
);
create index login_attempts_email_idx on login_attempts (email, at);
create index login_attempts_ip_idx on login_attempts (ip, at);
create index login_attempts_at_idx on login_attempts (at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_staff_id uuid,
  actor_token_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  context jsonb,
  request_id text,
  ip text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id desc);
create index audit_log_actor_idx on audit_log (actor_staff_id, id desc);
create index audit_log_action_idx on audit_log (action, id desc);
create index audit_log_at_idx on audit_log (at);
`,
    )
    .execute(db);
}
