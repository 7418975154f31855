import { sql, type Kysely } from 'kysely';

// The service catalogue, the knowledge base and the news feed.
//
// Search: `apkalpo_search` is the `simple` configuration with `unaccent` in front, so words are
// indexed lower case and without diacritics ("Bērziņš" → "berzins") while ts_headline still
// marks the original words. Hyphenated words are indexed whole, by part and joined up, so
// "e-adrese", "e adrese" and "eadrese" meet. `search_words` is every indexed word once, with a
// trigram index: a mistyped query word is replaced by the words nearest to it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create extension if not exists unaccent;
create text search configuration apkalpo_search (copy = simple);
alter text search configuration apkalpo_search
  alter mapping for asciiword, word, numword, asciihword, hword, numhword,
    hword_asciipart, hword_part, hword_numpart
  with unaccent, simple;

-- The words of a text for the search vector: as written, plus hyphenated words joined up. The
-- configuration is named with its schema: a restore of a dump runs with an empty search path.
create function apkalpo_search_vector(title text, summary text, body text) returns tsvector
language sql immutable parallel safe as $$
  select
    setweight(to_tsvector('public.apkalpo_search'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('public.apkalpo_search'::regconfig,
      regexp_replace(coalesce(title, ''), '(\\w)[-‐‑–](?=\\w)', '\\1', 'g')), 'A') ||
    setweight(to_tsvector('public.apkalpo_search'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('public.apkalpo_search'::regconfig,
      regexp_replace(coalesce(summary, ''), '(\\w)[-‐‑–](?=\\w)', '\\1', 'g')), 'B') ||
    setweight(to_tsvector('public.apkalpo_search'::regconfig, coalesce(body, '')), 'C') ||
    setweight(to_tsvector('public.apkalpo_search'::regconfig,
      regexp_replace(coalesce(body, ''), '(\\w)[-‐‑–](?=\\w)', '\\1', 'g')), 'C')
$$;

-- array_to_string is only stable in general (element types may print by settings); for text it
-- never changes, which a generated column needs to be told.
create function apkalpo_join_words(words text[]) returns text
language sql immutable parallel safe as $$ select array_to_string(words, ' ') $$;

create table search_words (
  word text primary key
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

create table services (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  name_en text,
  kind text not null check (kind in ('consultation', 'application')),
  description text not null default '',
  audience text,
  territory text,
  fee text,
  duration text,
  steps text[] not null default '{}',
  documents jsonb not null default '[]',
  legal_acts jsonb not null default '[]',
  notices text,
  institution_id uuid references institutions (id),
  unit_id uuid references units (id),
  competence text,
  e_service_url text,
  owner_id uuid not null references staff (id),
  review_on date not null,
  reviewed_at timestamptz,
  reviewed_by uuid references staff (id),
  active boolean not null default true,
  search_text text not null default '',
  search_vector tsvector generated always as
    (apkalpo_search_vector(name || ' ' || coalesce(name_en, ''), description,
      coalesce(audience, '') || ' ' || apkalpo_join_words(steps) || ' ' || coalesce(competence, ''))) stored,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index services_name_key on services (lower(name));
create index services_search_idx on services using gin (search_vector);
create index services_trgm_idx on services using gin (search_text gin_trgm_ops);
create index services_review_idx on services (review_on) where active;
create index services_owner_idx on services (owner_id, review_on);
create index services_unit_idx on services (unit_id);
create index services_competence_idx on services (competence);

create table service_relations (
  service_id uuid not null references services (id) on delete cascade,
  related_id uuid not null references services (id) on delete cascade,
  primary key (service_id, related_id),
  check (service_id <> related_id)
);
create index service_relations_related_idx on service_relations (related_id);

alter table service_requests add column service_id uuid references services (id);
create index service_requests_service_idx on service_requests (service_id, created_at desc)
  where service_id is not null;

create table articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  kind text not null check (kind in ('faq', 'guide', 'procedure', 'training')),
  language text not null check (language in ('lv', 'en')),
  title text not null,
  summary text,
  body_html text not null,
  body_text text not null,
  visibility text not null check (visibility in ('internal', 'public')),
  owner_id uuid not null references staff (id),
  review_on date not null,
  reviewed_at timestamptz,
  reviewed_by uuid references staff (id),
  revision integer not null default 1,
  archived_at timestamptz,
  search_text text not null default '',
  search_vector tsvector generated always as (apkalpo_search_vector(title, summary, body_text)) stored,
  version integer not null default 1,
  created_by uuid references staff (id),
  created_at timestamptz not null,
  updated_by uuid references staff (id),
  updated_at timestamptz not null
);
create index articles_search_idx on articles using gin (search_vector);
create index articles_trgm_idx on articles using gin (search_text gin_trgm_ops);
create index articles_updated_idx on articles (updated_at desc, id) where archived_at is null;
create index articles_title_idx on articles (lower(title), id) where archived_at is null;
create index articles_review_idx on articles (review_on) where archived_at is null;
create index articles_owner_idx on articles (owner_id, review_on) where archived_at is null;

-- Every save of an article, whole, so any two can be compared and any one restored.
create table article_versions (
  article_id uuid not null references articles (id),
  revision integer not null,
  kind text not null,
  language text not null,
  title text not null,
  summary text,
  body_html text not null,
  body_text text not null,
  visibility text not null,
  note text,
  edited_by uuid references staff (id),
  edited_at timestamptz not null,
  primary key (article_id, revision)
);

create table article_services (
  article_id uuid not null references articles (id) on delete cascade,
  service_id uuid not null references services (id) on delete cascade,
  primary key (article_id, service_id)
);
create index article_services_service_idx on article_services (service_id);

-- Images, documents and training recordings of an article. The content is stored uncompressed
-- out of line (external), so a range request for a part of a video reads only that part.
create table article_files (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references articles (id),
  filename text not null,
  content_type text not null,
  size integer not null,
  content bytea not null,
  uploaded_by uuid references staff (id),
  uploaded_at timestamptz not null
);
alter table article_files alter column content set storage external;
create index article_files_article_idx on article_files (article_id, uploaded_at);

create table news (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body_html text not null,
  body_text text not null,
  important boolean not null default false,
  -- Null: for everyone; otherwise for the staff of this unit and the units below it.
  unit_id uuid references units (id),
  author_id uuid references staff (id),
  published_at timestamptz not null,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index news_published_idx on news (published_at desc, id);
create index news_unit_idx on news (unit_id, published_at desc);

create table news_reads (
  news_id uuid not null references news (id) on delete cascade,
  staff_id uuid not null references staff (id),
  read_at timestamptz not null,
  primary key (news_id, staff_id)
);
create index news_reads_staff_idx on news_reads (staff_id, news_id);

alter table outgoing_messages add column attachment_ids uuid[] not null default '{}';
`,
    )
    .execute(db);
}
