import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type {
  NewSurveyRow,
  SurveySamplePlansTable,
  SurveyUpdate,
  SurveyWaveUpdate,
} from '../../db/schema';
import type { Insertable } from 'kysely';

export async function findSurveys(db: Executor, page: { limit: number; offset: number }) {
  return db
    .selectFrom('surveys')
    .select([
      'id',
      'title',
      'title_en',
      'kind',
      'description',
      'quadrant_labels',
      'version',
      'updated_at',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function findSurvey(db: Executor, id: string, forUpdate = false) {
  let query = db
    .selectFrom('surveys')
    .select([
      'id',
      'title',
      'title_en',
      'kind',
      'description',
      'quadrant_labels',
      'version',
      'updated_at',
    ])
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}
export type SurveyRecord = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function insertSurvey(db: Executor, row: NewSurveyRow): Promise<string> {
  const inserted = await db
    .insertInto('surveys')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSurvey(
  db: Executor,
  id: string,
  version: number,
  changes: SurveyUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('surveys')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Waves of the given surveys with their completed answers, oldest first. */
export async function findWaveSummaries(db: Executor, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return db
    .selectFrom('survey_waves as w')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .select([
      'w.id',
      'w.survey_id',
      'w.name',
      'w.state',
      'w.fieldwork_start',
      'w.fieldwork_end',
      'w.created_at',
      'q.number as questionnaire_number',
      (eb) =>
        eb
          .selectFrom('survey_responses as r')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('r.wave_id', '=', 'w.id')
          .where('r.state', '=', 'complete')
          .as('responses'),
    ])
    .where('w.survey_id', 'in', surveyIds)
    .orderBy('w.created_at')
    .orderBy('w.name')
    .execute();
}
export type WaveSummaryRow = Awaited<ReturnType<typeof findWaveSummaries>>[number];

export async function findVersions(db: Executor, surveyId: string) {
  return db
    .selectFrom('questionnaire_versions')
    .select(['id', 'number', 'frozen_at', 'created_at'])
    .where('survey_id', '=', surveyId)
    .orderBy('number')
    .execute();
}

export async function findVersion(db: Executor, surveyId: string, number: number | null) {
  let query = db
    .selectFrom('questionnaire_versions')
    .select(['id', 'number', 'definition', 'frozen_at'])
    .where('survey_id', '=', surveyId);
  query =
    number === null ? query.orderBy('number', 'desc').limit(1) : query.where('number', '=', number);
  return query.executeTakeFirst();
}

export async function insertVersion(
  db: Executor,
  row: { surveyId: string; number: number; definition: unknown; by: string | null; at: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('questionnaire_versions')
    .values({
      survey_id: row.surveyId,
      number: row.number,
      definition: JSON.stringify(row.definition),
      created_by: row.by,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Rewrites a version that has no answers yet; false when it was frozen meanwhile. */
export async function updateUnfrozenVersion(
  db: Executor,
  id: string,
  definition: unknown,
): Promise<boolean> {
  const result = await db
    .updateTable('questionnaire_versions')
    .set({ definition: JSON.stringify(definition) })
    .where('id', '=', id)
    .where('frozen_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findWave(db: Executor, id: string, forUpdate = false) {
  let query = db
    .selectFrom('survey_waves as w')
    .innerJoin('surveys as s', 's.id', 'w.survey_id')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .select([
      'w.id',
      'w.survey_id',
      's.title as survey_title',
      'w.name',
      'w.state',
      'w.public_token',
      'w.fieldwork_start',
      'w.fieldwork_end',
      'w.retry_rules',
      'w.qc_fraction',
      'w.version',
      'w.questionnaire_version_id',
      'q.number as questionnaire_number',
      'q.definition',
      'q.frozen_at',
    ])
    .where('w.id', '=', id);
  if (forUpdate) query = query.forUpdate('w');
  return query.executeTakeFirst();
}
export type WaveRecord = NonNullable<Awaited<ReturnType<typeof findWave>>>;

export async function findWaveByName(db: Executor, surveyId: string, name: string) {
  return db
    .selectFrom('survey_waves')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertWave(
  db: Executor,
  row: {
    surveyId: string;
    versionId: string;
    name: string;
    fieldworkStart: string | null;
    fieldworkEnd: string | null;
    at: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('survey_waves')
    .values({
      survey_id: row.surveyId,
      questionnaire_version_id: row.versionId,
      name: row.name,
      fieldwork_start: row.fieldworkStart,
      fieldwork_end: row.fieldworkEnd,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateWave(
  db: Executor,
  id: string,
  version: number,
  changes: SurveyWaveUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_waves')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchSurvey(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('surveys').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Answers of a wave per source: completed and started. */
export async function countBySource(db: Executor, waveId: string) {
  return db
    .selectFrom('survey_responses')
    .select([
      'source',
      sql<number>`(count(*) filter (where state = 'complete'))::int`.as('complete'),
      sql<number>`(count(*) filter (where state = 'in_progress'))::int`.as('in_progress'),
    ])
    .where('wave_id', '=', waveId)
    .groupBy('source')
    .orderBy('source')
    .execute();
}

export async function findPlan(db: Executor, waveId: string) {
  return db
    .selectFrom('survey_sample_plans')
    .selectAll()
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
}

export async function upsertPlan(
  db: Executor,
  row: Insertable<SurveySamplePlansTable>,
): Promise<void> {
  await db
    .insertInto('survey_sample_plans')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('wave_id').doUpdateSet({
        total: row.total,
        min_per_stratum: row.min_per_stratum ?? null,
        strata: row.strata,
        allocation: row.allocation,
        per_unit_cap: row.per_unit_cap ?? null,
        updated_at: row.updated_at,
        version: sql`survey_sample_plans.version + 1`,
      }),
    )
    .execute();
}

/**
 * Tallies of the given waves summed over strata (or of one stratum), one row per wave, factor
 * and dimension.
 */
export async function sumTallies(db: Executor, waveIds: readonly string[], stratum: string | null) {
  if (waveIds.length === 0) return [];
  let query = db
    .selectFrom('survey_tallies')
    .select((eb) => [
      'wave_id',
      'factor',
      'dimension',
      eb.fn.sum<string>('c1').as('c1'),
      eb.fn.sum<string>('c2').as('c2'),
      eb.fn.sum<string>('c3').as('c3'),
      eb.fn.sum<string>('c4').as('c4'),
      eb.fn.sum<string>('dk').as('dk'),
    ])
    .where('wave_id', 'in', waveIds)
    .groupBy(['wave_id', 'factor', 'dimension']);
  if (stratum !== null) query = query.where('stratum', '=', stratum);
  return query.execute();
}

/** The strata whose respondents rated something in the given waves. */
export async function findStrata(db: Executor, waveIds: readonly string[]): Promise<string[]> {
  if (waveIds.length === 0) return [];
  // The tallies hold every stratum that rated anything, in a few hundred rows.
  const rows = await db
    .selectFrom('survey_tallies')
    .select('stratum')
    .distinct()
    .where('wave_id', 'in', waveIds)
    .where('stratum', '<>', '')
    .orderBy('stratum')
    .execute();
  return rows.map((row) => row.stratum);
}

/** Completed responses per wave, in one stratum when given. */
export async function countCompleted(
  db: Executor,
  waveIds: readonly string[],
  stratum: string | null,
) {
  if (waveIds.length === 0) return [];
  let query = db
    .selectFrom('survey_responses')
    .select((eb) => ['wave_id', eb.fn.countAll<string>().as('count')])
    .where('wave_id', 'in', waveIds)
    .where('state', '=', 'complete')
    .groupBy('wave_id');
  if (stratum !== null) query = query.where('stratum', '=', stratum);
  return query.execute();
}

/** The first answer freezes its questionnaire version: it can no more be rewritten. */
export async function freezeVersion(db: Executor, versionId: string, at: Date): Promise<void> {
  await db
    .updateTable('questionnaire_versions')
    .set({ frozen_at: at })
    .where('id', '=', versionId)
    .where('frozen_at', 'is', null)
    .execute();
}

/** A wave named in an imported file that the survey lacked: its fieldwork is over. */
export async function insertImportedWave(
  db: Executor,
  row: { surveyId: string; versionId: string; name: string; at: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('survey_waves')
    .values({
      survey_id: row.surveyId,
      questionnaire_version_id: row.versionId,
      name: row.name,
      state: 'closed',
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
