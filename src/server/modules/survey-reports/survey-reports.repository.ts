import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { SurveyReportsTable } from '../../db/schema';
import type { Insertable, Updateable } from 'kysely';

function selectReports(db: Executor) {
  return db
    .selectFrom('survey_reports as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .innerJoin('survey_waves as w', 'w.id', 'r.wave_id')
    .select([
      'r.id',
      'r.survey_id',
      's.title as survey_title',
      'r.wave_id',
      'w.name as wave_name',
      'r.title',
      'r.border_waves',
      'r.method_html',
      'r.conclusions_html',
      'r.recommendations_html',
      'r.quotes',
      'r.published_at',
      'r.published_figures',
      'r.version',
      'r.updated_at',
    ]);
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function findReport(db: Executor, id: string) {
  return selectReports(db).where('r.id', '=', id).executeTakeFirst();
}

/** A survey's reports, newest first; or every published report, newest first. */
export async function findReports(
  db: Executor,
  filter: { surveyId: string } | { published: true },
  page: { limit: number; offset: number },
) {
  let query = selectReports(db).select(sql<number>`(count(*) over ())::int`.as('total'));
  query =
    'surveyId' in filter
      ? query.where('r.survey_id', '=', filter.surveyId).orderBy('r.created_at', 'desc')
      : query.where('r.published_at', 'is not', null).orderBy('r.published_at', 'desc');
  return query.orderBy('r.id').limit(page.limit).offset(page.offset).execute();
}

export async function insertReport(
  db: Executor,
  row: Insertable<SurveyReportsTable>,
): Promise<string> {
  const inserted = await db
    .insertInto('survey_reports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateReport(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<SurveyReportsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_reports')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The telephone sample of a wave per stratum: cases, completes and refusals. */
export async function catiStrata(db: Executor, waveId: string) {
  return db
    .selectFrom('cati_sample')
    .select([
      sql<string>`coalesce(stratum, '')`.as('stratum'),
      sql<number>`count(*)::int`.as('sample'),
      sql<number>`(count(*) filter (where state = 'complete'))::int`.as('completes'),
      sql<number>`(count(*) filter (where state = 'refused'))::int`.as('refusals'),
      sql<number>`(count(*) filter (where state = 'ineligible'))::int`.as('ineligible'),
    ])
    .where('wave_id', '=', waveId)
    .groupBy(sql`coalesce(stratum, '')`)
    .orderBy(sql`coalesce(stratum, '')`)
    .execute();
}

/** Why people refused, over every refusal call of the wave's telephone sample. */
export async function refusalReasons(db: Executor, waveId: string) {
  return db
    .selectFrom('cati_attempts as a')
    .innerJoin('cati_sample as c', 'c.id', 'a.sample_id')
    .select([
      sql<string>`coalesce(nullif(trim(a.refusal_reason), ''), '—')`.as('reason'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('c.wave_id', '=', waveId)
    .where('a.outcome', 'in', ['soft_refusal', 'hard_refusal'])
    .groupBy(sql`coalesce(nullif(trim(a.refusal_reason), ''), '—')`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('reason')
    .execute();
}

/** Completed answers of a wave per stratum (for a wave without a telephone sample). */
export async function completesByStratum(db: Executor, waveId: string) {
  return db
    .selectFrom('survey_responses')
    .select([
      sql<string>`coalesce(stratum, '')`.as('stratum'),
      sql<number>`count(*)::int`.as('completes'),
    ])
    .where('wave_id', '=', waveId)
    .where('state', '=', 'complete')
    .groupBy(sql`coalesce(stratum, '')`)
    .orderBy(sql`coalesce(stratum, '')`)
    .execute();
}

/** Open answers (comments and text questions) of a wave, to choose verbatim quotes from. */
export async function findComments(
  db: Executor,
  waveId: string,
  columns: readonly string[],
  page: { limit: number; offset: number },
) {
  if (columns.length === 0) return [];
  return db
    .selectFrom('survey_responses as r')
    .innerJoin(sql<{ key: string; value: string }>`jsonb_each_text(r.answers)`.as('a'), (join) =>
      join.onTrue(),
    )
    .select([
      'r.id as response_id',
      sql<string>`a.key`.as('column'),
      sql<string>`a.value`.as('text'),
      'r.stratum',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .where('r.wave_id', '=', waveId)
    .where('r.state', '=', 'complete')
    .where(sql<boolean>`a.key in (${sql.join(columns)})`)
    .where(sql<boolean>`length(trim(a.value)) > 0`)
    .orderBy(sql`a.key`)
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The survey a report belongs to: its title and the map's quadrant names. */
export async function findSurveyOfReport(db: Executor, surveyId: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'title', 'quadrant_labels'])
    .where('id', '=', surveyId)
    .executeTakeFirst();
}

/** A report's wave: its survey, fieldwork dates, questionnaire and sample plan's allocation. */
export async function findWaveOfReport(db: Executor, waveId: string) {
  return db
    .selectFrom('survey_waves as w')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .leftJoin('survey_sample_plans as p', 'p.wave_id', 'w.id')
    .select([
      'w.id',
      'w.survey_id',
      'w.name',
      'w.fieldwork_start',
      'w.fieldwork_end',
      'q.definition',
      'p.total as planned',
      'p.allocation',
    ])
    .where('w.id', '=', waveId)
    .executeTakeFirst();
}

/** Whether a survey has a wave of this name. */
export async function hasWaveNamed(db: Executor, surveyId: string, name: string) {
  const row = await db
    .selectFrom('survey_waves')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** The answers of the given responses, of those completed in the wave. */
export async function findCompleteAnswers(db: Executor, waveId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Record<string, string>>();
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'answers'])
    .where('wave_id', '=', waveId)
    .where('state', '=', 'complete')
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.answers]));
}
