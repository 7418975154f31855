import { sql, type Kysely } from 'kysely';

// Praise, complaints and suggestions; escalation; improvement tasks; the yearly unit reports;
// staff ideas (issue 16, section VI of the standard). The whole schema lands at once so that the
// registry, its escalation, the quality work and the standard's control are built against one
// set of tables (decision 47).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff_roles drop constraint staff_roles_role_check`.execute(db);
  await sql`alter table staff_roles add constraint staff_roles_role_check check (role in (
    'specialist', 'unit_head', 'client_service_head', 'administrator',
    'ethics_commission_member', 'auditor', 'deputy_executive_director'))`.execute(db);

  // Clause 29 asks a report of every unit that serves external clients: the centres do, and an
  // administrator marks any other unit that does.
  await sql`alter table units add column serves_external_clients boolean not null default false`.execute(
    db,
  );
  await sql`update units set serves_external_clients = true
    where kind = 'client_service_centre'`.execute(db);

  // One item of feedback, from the public form or registered by staff. The contact details are
  // the client's own words for where an answer goes; the evaluation (26) is the evaluator's and
  // never shown to the person complained about. An answer leaves through a request of its own
  // (or the e-mail's request it was made from), so that it goes through the outbox like every
  // other letter.
  await sql`
    create table feedback_items (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      kind text not null check (kind in ('praise', 'complaint', 'suggestion')),
      channel text not null,
      unit_id uuid not null references units (id),
      staff_id uuid references staff (id),
      text text not null,
      name text,
      email text,
      phone text,
      language text not null default 'lv' check (language in ('lv', 'en')),
      client_id uuid references clients (id),
      source_request_id uuid references service_requests (id),
      answer_request_id uuid references service_requests (id),
      registered_by uuid references staff (id),
      received_at timestamptz not null,
      state text not null check (state in ('new', 'evaluated', 'answered', 'closed')),
      evaluator_id uuid references staff (id),
      topic text,
      justified boolean,
      serious boolean not null default false,
      evaluation_notes text,
      actions text,
      evaluated_by uuid references staff (id),
      evaluated_at timestamptz,
      answer_due_on date,
      answer_due_at timestamptz,
      answered_at timestamptz,
      closed_at timestamptz,
      escalation_level text check (escalation_level in ('manager', 'head', 'ethics')),
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index feedback_items_received_idx on feedback_items (received_at desc)`.execute(
    db,
  );
  await sql`create index feedback_items_unit_idx on feedback_items (unit_id, received_at desc)`.execute(
    db,
  );
  await sql`create index feedback_items_staff_idx on feedback_items (staff_id) where staff_id is not null`.execute(
    db,
  );
  await sql`create index feedback_items_open_idx on feedback_items (answer_due_at)
    where state in ('new', 'evaluated')`.execute(db);
  await sql`create unique index feedback_items_source_request_key on feedback_items (source_request_id)
    where source_request_id is not null`.execute(db);

  await sql`
    create table feedback_attachments (
      id uuid primary key default gen_random_uuid(),
      feedback_id uuid not null references feedback_items (id),
      filename text not null,
      content_type text not null,
      size integer not null,
      content bytea not null,
      uploaded_at timestamptz not null
    )`.execute(db);
  await sql`create index feedback_attachments_item_idx on feedback_attachments (feedback_id)`.execute(
    db,
  );

  // Each level a serious complaint passed through (32–33): the direct manager of the unit, the
  // head of client service or the deputy executive director, the Ethics commission. One level is
  // open at a time; it closes resolved, or passed on (by hand or by its deadline).
  await sql`
    create table feedback_escalations (
      id uuid primary key default gen_random_uuid(),
      feedback_id uuid not null references feedback_items (id),
      level text not null check (level in ('manager', 'head', 'ethics')),
      unit_id uuid references units (id),
      opened_at timestamptz not null,
      opened_by uuid references staff (id),
      reason text,
      due_on date not null,
      due_at timestamptz not null,
      closed_at timestamptz,
      closed_by uuid references staff (id),
      outcome text check (outcome in ('resolved', 'escalated', 'overdue')),
      decision text
    )`.execute(db);
  await sql`create index feedback_escalations_item_idx on feedback_escalations (feedback_id, opened_at)`.execute(
    db,
  );
  await sql`create unique index feedback_escalations_open_key on feedback_escalations (feedback_id)
    where closed_at is null`.execute(db);
  await sql`create index feedback_escalations_due_idx on feedback_escalations (due_at)
    where closed_at is null`.execute(db);
  await sql`create index feedback_escalations_level_idx on feedback_escalations (level, opened_at desc)`.execute(
    db,
  );

  // The public form's submissions per address, for its rate limit; shared by every worker and
  // instance, and pruned as they age.
  await sql`
    create table public_feedback_attempts (
      id bigint generated always as identity primary key,
      address text not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index public_feedback_attempts_address_idx on public_feedback_attempts (address, at)`.execute(
    db,
  );

  // Improvement tasks the client service department sets a unit (30), from feedback, a survey
  // result (the survey map's factor) or an observation.
  await sql`
    create table improvement_tasks (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units (id),
      title text not null,
      description text not null default '',
      owner_id uuid references staff (id),
      due_on date not null,
      state text not null check (state in ('planned', 'in_progress', 'done', 'cancelled')),
      outcome text,
      feedback_id uuid references feedback_items (id),
      survey_id uuid references surveys (id),
      survey_wave_id uuid references survey_waves (id),
      survey_factor text,
      created_by uuid references staff (id),
      completed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index improvement_tasks_unit_idx on improvement_tasks (unit_id, due_on)`.execute(
    db,
  );
  await sql`create index improvement_tasks_due_idx on improvement_tasks (due_on)
    where state in ('planned', 'in_progress')`.execute(db);
  await sql`create index improvement_tasks_feedback_idx on improvement_tasks (feedback_id)
    where feedback_id is not null`.execute(db);

  // A unit's yearly report of shortcomings (29): its figures are taken from the records when the
  // report is started and kept as they were when it was submitted.
  await sql`
    create table unit_reports (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units (id),
      year integer not null,
      state text not null check (state in ('draft', 'submitted')),
      figures jsonb not null,
      shortcomings text not null default '',
      measures text not null default '',
      submitted_by uuid references staff (id),
      submitted_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (unit_id, year)
    )`.execute(db);
  await sql`create index unit_reports_year_idx on unit_reports (year, state)`.execute(db);

  // An employee's idea (31), to their manager, the client service head or the deputy executive
  // director; the author sees what became of it.
  await sql`
    create table staff_ideas (
      id uuid primary key default gen_random_uuid(),
      author_id uuid not null references staff (id),
      addressee text not null check (addressee in ('manager', 'client_service_head',
        'deputy_executive_director')),
      unit_id uuid references units (id),
      title text not null,
      text text not null,
      state text not null check (state in ('submitted', 'under_review', 'accepted', 'rejected',
        'implemented')),
      response text,
      responded_by uuid references staff (id),
      responded_at timestamptz,
      improvement_task_id uuid references improvement_tasks (id),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index staff_ideas_author_idx on staff_ideas (author_id, created_at desc)`.execute(
    db,
  );
  await sql`create index staff_ideas_addressee_idx on staff_ideas (addressee, state, created_at desc)`.execute(
    db,
  );

  // The deadlines of the answer and of each escalation level, kept with the other deadline
  // policies so that the organisation can change them. The standard sets no number of days for
  // them: the answer follows the law on submissions, and each level gets the time a manager, a
  // head and a commission need to meet.
  const policies = [
    {
      code: 'feedback-answer',
      name: 'Atbilde uz uzslavu, sūdzību vai ierosinājumu',
      nameEn: 'Answer to praise, a complaint or a suggestion',
      caseType: 'feedback',
      count: 10,
      source: 'Klientu apkalpošanas standarts, 26. punkts; Iesniegumu likums',
    },
    {
      code: 'escalation-manager',
      name: 'Tiešā vadītāja risinājums',
      nameEn: 'Resolution by the direct manager',
      caseType: 'escalation-manager',
      count: 5,
      source: 'Klientu apkalpošanas standarts, 32. punkts',
    },
    {
      code: 'escalation-head',
      name: 'Klientu apkalpošanas pārvaldes vadītāja vai izpilddirektora vietnieka risinājums',
      nameEn: 'Resolution by the client service head or the deputy executive director',
      caseType: 'escalation-head',
      count: 10,
      source: 'Klientu apkalpošanas standarts, 32.–33. punkts',
    },
    {
      code: 'escalation-ethics',
      name: 'Izskatīšana Ētikas komisijā',
      nameEn: 'Review by the Ethics commission',
      caseType: 'escalation-ethics',
      count: 20,
      source: 'Klientu apkalpošanas standarts, 33. punkts',
    },
  ];
  for (const p of policies) {
    await sql`
      insert into deadline_policies (code, name, name_en, channel, client_kind, case_type, count,
        unit, after_hours_next_day, same_day_cutoff, source, created_at, updated_at)
      values (${p.code}, ${p.name}, ${p.nameEn}, null, null, ${p.caseType}, ${p.count},
        'working_days', true, null, ${p.source}, now(), now())`.execute(db);
  }
}
