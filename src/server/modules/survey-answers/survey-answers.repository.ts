import { sql } from 'kysely';
import type { RatingAnswer } from '../../../domain/questionnaire';
import type { RatingCounts } from '../../../domain/survey-stats';
import type { Executor } from '../../db/database';
import type { SurveyResponsesTable } from '../../db/schema';

/** Waves with the questionnaire version each runs. */
function selectWaves(db: Executor) {
  return db
    .selectFrom('survey_waves as w')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .select([
      'w.id',
      'w.survey_id',
      'w.name',
      'w.state',
      'w.questionnaire_version_id',
      'q.number as questionnaire_number',
      'q.definition',
      'q.frozen_at',
    ]);
}

/** A wave with the questionnaire version it runs. */
export async function findWaveWithQuestionnaire(db: Executor, waveId: string) {
  return selectWaves(db).where('w.id', '=', waveId).executeTakeFirst();
}

/** The waves of a survey with their questionnaires, oldest first. */
export async function findWavesOfSurvey(db: Executor, surveyId: string, forUpdate = false) {
  let query = selectWaves(db).where('w.survey_id', '=', surveyId).orderBy('w.created_at');
  if (forUpdate) query = query.forUpdate('w');
  return query.execute();
}

/**
 * Questionnaire versions, locked against change until the transaction ends: answers are checked
 * against the text that is then frozen with them, never one rewritten in between.
 */
export async function lockVersions(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, unknown>();
  const rows = await db
    .selectFrom('questionnaire_versions')
    .select(['id', 'definition'])
    .where('id', 'in', ids)
    .forShare()
    .execute();
  return new Map(rows.map((row) => [row.id, row.definition]));
}

export async function findResponse(db: Executor, id: string) {
  return db.selectFrom('survey_responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findResponseByResumeToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('resume_token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export interface ResponseInput {
  waveId: string;
  respondent: string;
  stratum: string | null;
  source: SurveyResponsesTable['source'];
  state: 'in_progress' | 'complete';
  answers: Record<string, string>;
  interviewerId: string | null;
  resumeTokenHash: string | null;
  at: Date;
}

export async function insertResponse(db: Executor, input: ResponseInput): Promise<string> {
  const row = await db
    .insertInto('survey_responses')
    .values({
      wave_id: input.waveId,
      respondent: input.respondent,
      stratum: input.stratum,
      source: input.source,
      state: input.state,
      answers: JSON.stringify(input.answers),
      interviewer_id: input.interviewerId,
      resume_token_hash: input.resumeTokenHash,
      started_at: input.at,
      completed_at: input.state === 'complete' ? input.at : null,
      updated_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the answers of a response still in progress; false when it is complete already. */
export async function updateResponseInProgress(
  db: Executor,
  id: string,
  change: {
    answers: Record<string, string>;
    complete: boolean;
    at: Date;
    /** An interviewer taking over: QC counts the interview as theirs. */
    interviewerId?: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('survey_responses')
    .set({
      answers: JSON.stringify(change.answers),
      ...(change.interviewerId ? { interviewer_id: change.interviewerId } : {}),
      state: change.complete ? 'complete' : 'in_progress',
      completed_at: change.complete ? change.at : null,
      updated_at: change.at,
    })
    .where('id', '=', id)
    .where('state', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Respondents of a wave already stored, of those given. */
export async function findExistingRespondents(
  db: Executor,
  waveId: string,
  respondents: readonly string[],
): Promise<Set<string>> {
  if (respondents.length === 0) return new Set();
  const rows = await db
    .selectFrom('survey_responses')
    .select('respondent')
    .where('wave_id', '=', waveId)
    .where('respondent', 'in', respondents)
    .execute();
  return new Set(rows.map((row) => row.respondent));
}

/** Many responses at once (an import): a few statements however many rows. */
export async function insertResponses(db: Executor, rows: readonly ResponseInput[]): Promise<void> {
  // PostgreSQL allows 65 535 parameters per statement; 11 per row.
  const batch = 5000;
  for (let from = 0; from < rows.length; from += batch) {
    await db
      .insertInto('survey_responses')
      .values(
        rows.slice(from, from + batch).map((input) => ({
          wave_id: input.waveId,
          respondent: input.respondent,
          stratum: input.stratum,
          source: input.source,
          state: input.state,
          answers: JSON.stringify(input.answers),
          interviewer_id: input.interviewerId,
          resume_token_hash: input.resumeTokenHash,
          started_at: input.at,
          completed_at: input.state === 'complete' ? input.at : null,
          updated_at: input.at,
        })),
      )
      .execute();
  }
}

export interface TallyIncrement {
  waveId: string;
  stratum: string;
  factor: string;
  dimension: RatingAnswer['dimension'];
  counts: RatingCounts;
}

/** Adds counts to the tallies, creating the rows that are missing. */
export async function addToTallies(
  db: Executor,
  increments: readonly TallyIncrement[],
): Promise<void> {
  const batch = 2000;
  for (let from = 0; from < increments.length; from += batch) {
    await db
      .insertInto('survey_tallies')
      .values(
        increments.slice(from, from + batch).map((entry) => ({
          wave_id: entry.waveId,
          stratum: entry.stratum,
          factor: entry.factor,
          dimension: entry.dimension,
          c1: entry.counts['1'],
          c2: entry.counts['2'],
          c3: entry.counts['3'],
          c4: entry.counts['4'],
          dk: entry.counts.dk,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['wave_id', 'stratum', 'factor', 'dimension']).doUpdateSet({
          c1: sql`survey_tallies.c1 + excluded.c1`,
          c2: sql`survey_tallies.c2 + excluded.c2`,
          c3: sql`survey_tallies.c3 + excluded.c3`,
          c4: sql`survey_tallies.c4 + excluded.c4`,
          dk: sql`survey_tallies.dk + excluded.dk`,
        }),
      )
      .execute();
  }
}

/** Completed responses of waves in pages by id, for an export that never holds them all. */
export async function findCompletedPage(
  db: Executor,
  waveIds: readonly string[],
  after: string | null,
  limit: number,
) {
  if (waveIds.length === 0) return [];
  let query = db
    .selectFrom('survey_responses as r')
    .innerJoin('survey_waves as w', 'w.id', 'r.wave_id')
    .select(['r.id', 'r.respondent', 'w.name as wave', 'r.stratum', 'r.answers'])
    .where('r.wave_id', 'in', waveIds)
    .where('r.state', '=', 'complete')
    .orderBy('r.id')
    .limit(limit);
  if (after !== null) query = query.where('r.id', '>', after);
  return query.execute();
}

/** The answer columns found in responses beyond the questionnaires (kept from an import). */
export async function findAnswerColumns(db: Executor, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_responses')
    .select(sql<string>`jsonb_object_keys(answers)`.as('column'))
    .distinct()
    .where('wave_id', 'in', waveIds)
    .where('state', '=', 'complete')
    .execute();
  return rows.map((row) => row.column);
}

/** A survey's newest questionnaire version: what a wave made by an import runs. */
export async function findLatestVersion(db: Executor, surveyId: string) {
  return db
    .selectFrom('questionnaire_versions')
    .select(['id', 'definition'])
    .where('survey_id', '=', surveyId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findSurveyTitle(db: Executor, surveyId: string) {
  return db.selectFrom('surveys').select('title').where('id', '=', surveyId).executeTakeFirst();
}

/** Marks interviews as considered by a QC draw, drawn or not. */
export async function markQcConsidered(
  db: Executor,
  ids: readonly string[],
  at: Date,
): Promise<void> {
  const batch = 5000;
  for (let from = 0; from < ids.length; from += batch) {
    await db
      .updateTable('survey_responses')
      .set({ qc_considered_at: at })
      .where('id', 'in', ids.slice(from, from + batch))
      .execute();
  }
}
