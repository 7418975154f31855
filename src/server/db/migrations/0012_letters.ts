import { sql, type Kysely } from 'kysely';
import { DEFAULT_SIGNATURES } from '../../../domain/letters';

// What a written answer is made of besides the clerk's own words (issue 14, clause 21.2): the
// signature template per language that the administrator keeps, and the text modules clerks
// start from. The signature is filled from the writer's profile when a letter is queued, so the
// template here holds placeholders only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signature_templates (
      language text primary key check (language in ('lv', 'en')),
      template text not null,
      version integer not null default 1,
      updated_by uuid references staff (id),
      updated_at timestamptz not null
    )`.execute(db);
  await sql`insert into signature_templates (language, template, updated_at)
    values ('lv', ${DEFAULT_SIGNATURES.lv}, now()), ('en', ${DEFAULT_SIGNATURES.en}, now())`.execute(
    db,
  );
  await sql`
    create table text_modules (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      language text not null check (language in ('lv', 'en')),
      body text not null,
      active boolean not null default true,
      search_text text not null default '',
      created_by uuid references staff (id),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  // The composer lists a language's active modules by title; the search box folds diacritics.
  await sql`create index text_modules_list_idx on text_modules (language, active, lower(title), id)`.execute(
    db,
  );
  await sql`create index text_modules_search_idx on text_modules using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
