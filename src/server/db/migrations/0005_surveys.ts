import { sql, type Kysely } from 'kysely';

// Surveys and quality research (standard clauses 27–28): questionnaires in versions, waves that
// run one version, answers from the web, telephone interviews (CATI) or a contractor's file, and
// reports published to staff.
//
// `survey_tallies` keeps, per wave, stratum, factor and dimension, how many gave each rating. It
// changes in the same transaction as the answers it counts, so the analysis reads a few hundred
// rows however many respondents there are, and a stratum filter is a `where` (decision 20).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table surveys (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  title_en text,
  kind text not null check (kind in ('client', 'staff', 'other')),
  description text not null default '',
  -- The map's quadrant names where the analyst changed them: {"improve": {"lv": …, "en": …}}.
  quadrant_labels jsonb not null default '{}',
  owner_id uuid references staff (id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index surveys_updated_idx on surveys (updated_at desc, id);

-- A questionnaire changes by new versions; a version with answers is frozen and never changes.
create table questionnaire_versions (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id),
  number integer not null,
  definition jsonb not null,
  frozen_at timestamptz,
  created_by uuid references staff (id),
  created_at timestamptz not null,
  unique (survey_id, number)
);

create table survey_waves (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id),
  questionnaire_version_id uuid not null references questionnaire_versions (id),
  name text not null,
  state text not null default 'draft' check (state in ('draft', 'open', 'closed')),
  -- The anonymous web link is /s/<public_token>; null while the wave has none.
  public_token text unique,
  fieldwork_start date,
  fieldwork_end date,
  -- CATI: when to call again after each outcome, and how many attempts at most.
  retry_rules jsonb not null default '{}',
  -- The share of completed interviews drawn for listening (quality control).
  qc_fraction numeric(4, 3) not null default 0.1 check (qc_fraction > 0 and qc_fraction <= 1),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (survey_id, name)
);
create index survey_waves_version_idx on survey_waves (questionnaire_version_id);

-- The sample plan of a wave: strata with their sizes, and the allocation drawn from them.
create table survey_sample_plans (
  wave_id uuid primary key references survey_waves (id),
  total integer not null check (total > 0),
  min_per_stratum integer check (min_per_stratum >= 0),
  strata jsonb not null,
  allocation jsonb not null,
  -- Two stages: at most this many interviews in one listed unit (a centre), then its next one.
  per_unit_cap integer check (per_unit_cap > 0),
  version integer not null default 1,
  updated_at timestamptz not null
);

create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  wave_id uuid not null references survey_waves (id),
  respondent text not null,
  stratum text,
  source text not null check (source in ('web', 'cati', 'import')),
  state text not null check (state in ('in_progress', 'complete')),
  -- Answers by CSV column name: "waiting:satisfaction" → "3" | "dk", "waiting:comment" → text.
  answers jsonb not null default '{}',
  interviewer_id uuid references staff (id),
  -- A web respondent resumes with a cookie that holds this token; kept hashed.
  resume_token_hash text unique,
  -- When a QC draw of telephone interviews first considered this one (drawn or not).
  qc_considered_at timestamptz,
  started_at timestamptz not null,
  completed_at timestamptz,
  updated_at timestamptz not null,
  unique (wave_id, respondent)
);
create index survey_responses_wave_idx on survey_responses (wave_id, state, completed_at, id);
create index survey_responses_stratum_idx on survey_responses (wave_id, stratum)
  where state = 'complete';
create index survey_responses_interviewer_idx on survey_responses (interviewer_id, wave_id)
  where interviewer_id is not null;

create table survey_tallies (
  wave_id uuid not null references survey_waves (id),
  stratum text not null default '',
  factor text not null,
  dimension text not null check (dimension in ('importance', 'satisfaction')),
  c1 integer not null default 0,
  c2 integer not null default 0,
  c3 integer not null default 0,
  c4 integer not null default 0,
  dk integer not null default 0,
  primary key (wave_id, stratum, factor, dimension)
);

-- Personal web invitations: one answer per token; the token is kept hashed.
create table survey_invitations (
  id uuid primary key default gen_random_uuid(),
  wave_id uuid not null references survey_waves (id),
  email text not null,
  token_hash text not null unique,
  response_id uuid references survey_responses (id),
  created_at timestamptz not null,
  used_at timestamptz,
  unique (wave_id, email)
);

-- CATI: the people to call, each call and its outcome, and the interviews drawn for listening.
create table cati_sample (
  id uuid primary key default gen_random_uuid(),
  wave_id uuid not null references survey_waves (id),
  name text not null,
  phone text not null,
  organisation text,
  stratum text,
  state text not null default 'new'
    check (state in ('new', 'retry', 'appointment', 'complete', 'refused', 'ineligible', 'exhausted')),
  attempts integer not null default 0,
  next_call_at timestamptz,
  -- AAPOR final disposition code once the case is closed (1.1 complete, 2.11 refusal, …).
  final_disposition text,
  -- Who has the case on their screen, until when; another interviewer is not given it meanwhile.
  assigned_to uuid references staff (id),
  assigned_until timestamptz,
  response_id uuid references survey_responses (id),
  created_at timestamptz not null
);
create index cati_sample_queue_idx on cati_sample (wave_id, next_call_at, id)
  where state in ('new', 'retry', 'appointment');
create index cati_sample_wave_idx on cati_sample (wave_id, stratum, state);
-- Two-stage plans: the completes of one organisation, counted for every case offered next.
create index cati_sample_done_idx on cati_sample (wave_id, organisation) where state = 'complete';

create table cati_attempts (
  id uuid primary key default gen_random_uuid(),
  sample_id uuid not null references cati_sample (id),
  interviewer_id uuid references staff (id),
  called_at timestamptz not null,
  outcome text not null check (outcome in ('no_answer', 'busy', 'appointment', 'soft_refusal',
    'hard_refusal', 'complete', 'wrong_number', 'ineligible')),
  refusal_reason text,
  appointment_at timestamptz,
  note text
);
create index cati_attempts_sample_idx on cati_attempts (sample_id, called_at);

create table cati_qc_checks (
  response_id uuid primary key references survey_responses (id),
  wave_id uuid not null references survey_waves (id),
  interviewer_id uuid references staff (id),
  drawn_at timestamptz not null,
  verdict text check (verdict in ('pass', 'remarks', 'fail')),
  feedback text,
  checked_by uuid references staff (id),
  checked_at timestamptz
);
create index cati_qc_checks_wave_idx on cati_qc_checks (wave_id, drawn_at);

create table survey_reports (
  id uuid primary key default gen_random_uuid(),
  survey_id uuid not null references surveys (id),
  wave_id uuid not null references survey_waves (id),
  title text not null,
  -- Wave names pooled for the map's borders; empty: the report's wave and the one before.
  border_waves text[] not null default '{}',
  method_html text not null default '',
  conclusions_html text not null default '',
  recommendations_html text not null default '',
  -- Verbatim comments chosen for the report: [{"responseId", "column", "text"}].
  quotes jsonb not null default '[]',
  published_at timestamptz,
  published_by uuid references staff (id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index survey_reports_survey_idx on survey_reports (survey_id, created_at desc);
create index survey_reports_published_idx on survey_reports (published_at desc, id)
  where published_at is not null;
`,
    )
    .execute(db);
}
