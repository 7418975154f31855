import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database';
import type { CatiOutcome, CatiState, Disposition, RefusalReason } from '../../../domain/cati';

/** A wave with what CATI needs of it: its questionnaire, retry rules, QC share and plan. */
export async function findWave(db: Executor, waveId: string, forUpdate = false) {
  let query = db
    .selectFrom('survey_waves as w')
    .innerJoin('surveys as s', 's.id', 'w.survey_id')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .leftJoin('survey_sample_plans as p', 'p.wave_id', 'w.id')
    .select([
      'w.id',
      'w.name',
      'w.state',
      'w.retry_rules',
      'w.qc_fraction',
      's.title as survey_title',
      'q.definition',
      'p.allocation',
      'p.per_unit_cap',
    ])
    .where('w.id', '=', waveId);
  if (forUpdate) query = query.forUpdate('w');
  return query.executeTakeFirst();
}
export type CatiWaveRow = NonNullable<Awaited<ReturnType<typeof findWave>>>;

export interface NewSampleMember {
  name: string;
  phone: string;
  organisation: string | null;
  stratum: string | null;
}

/** Adds members to a wave's sample, a few statements however many. */
export async function insertSampleMembers(
  db: Executor,
  waveId: string,
  members: readonly NewSampleMember[],
  at: Date,
): Promise<void> {
  // PostgreSQL allows 65 535 parameters per statement; 6 per row.
  const batch = 5000;
  for (let from = 0; from < members.length; from += batch) {
    await db
      .insertInto('cati_sample')
      .values(
        members.slice(from, from + batch).map((member) => ({
          wave_id: waveId,
          name: member.name,
          phone: member.phone,
          organisation: member.organisation,
          stratum: member.stratum,
          created_at: at,
        })),
      )
      .execute();
  }
}

/** The holder of a case shows only while their hold lasts. */
function selectCases(db: Executor, now: Date) {
  return db
    .selectFrom('cati_sample as c')
    .leftJoin('staff as h', (join) =>
      join.onRef('h.id', '=', 'c.assigned_to').on('c.assigned_until', '>', now),
    )
    .select([
      'c.id',
      'c.wave_id',
      'c.name',
      'c.phone',
      'c.organisation',
      'c.stratum',
      'c.state',
      'c.attempts',
      'c.next_call_at',
      'c.final_disposition',
      'c.assigned_to',
      'c.assigned_until',
      'c.response_id',
      'h.id as holder_id',
      'h.given_name as holder_given_name',
      'h.surname as holder_surname',
    ]);
}
export type CaseRow = Awaited<ReturnType<typeof findCase>> & object;

/** A wave's sample in the order it was added (a batch by name), filtered by stratum and state. */
export async function findSamplePage(
  db: Executor,
  filter: {
    waveId: string;
    stratum?: string;
    state?: CatiState;
    now: Date;
    limit: number;
    offset: number;
  },
) {
  let query = selectCases(db, filter.now)
    .select(sql<number>`(count(*) over ())::int`.as('total'))
    .where('c.wave_id', '=', filter.waveId)
    .orderBy('c.created_at')
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.stratum !== undefined) query = query.where('c.stratum', '=', filter.stratum);
  if (filter.state !== undefined) query = query.where('c.state', '=', filter.state);
  return query.execute();
}

export async function findCase(db: Executor, id: string, now: Date) {
  return selectCases(db, now).where('c.id', '=', id).executeTakeFirst();
}

/** Locks a case for a change: calls on it are recorded one at a time. */
export async function lockCase(db: Executor, id: string) {
  return db
    .selectFrom('cati_sample')
    .select(['id', 'wave_id', 'state', 'attempts', 'assigned_to', 'stratum', 'response_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The open case the interviewer holds, if any (in the wave, when given), locked. */
export async function findHeldCase(
  db: Executor,
  filter: { staffId: string; waveId?: string; now: Date },
) {
  let query = db
    .selectFrom('cati_sample as c')
    .innerJoin('survey_waves as w', 'w.id', 'c.wave_id')
    .select('c.id')
    .where('c.assigned_to', '=', filter.staffId)
    .where('c.assigned_until', '>', filter.now)
    .where('c.state', 'in', ['new', 'retry', 'appointment'])
    .where('w.state', '=', 'open')
    .orderBy('c.assigned_until')
    .limit(1)
    .forUpdate('c');
  if (filter.waveId !== undefined) query = query.where('c.wave_id', '=', filter.waveId);
  return query.executeTakeFirst();
}

/**
 * The next case to call in open waves, locked: appointments that are due by their time, then
 * retries that are due by theirs, then new cases in the order added (those added together by
 * their random id, so a file's own order does not decide who is called first). A case another
 * interviewer holds is passed over, and so is one whose row another transaction has locked
 * (`skip locked`), so two interviewers asking at once get different cases. A case of an
 * organisation that has as many completes as the plan's cap per unit is passed over too.
 */
export async function findNextCase(db: Executor, filter: { waveId?: string; now: Date }) {
  const { now } = filter;
  let query = db
    .selectFrom('cati_sample as c')
    .innerJoin('survey_waves as w', 'w.id', 'c.wave_id')
    .leftJoin('survey_sample_plans as p', 'p.wave_id', 'c.wave_id')
    .select('c.id')
    .where('w.state', '=', 'open')
    .where('c.state', 'in', ['new', 'retry', 'appointment'])
    .where((eb) => eb.or([eb('c.next_call_at', 'is', null), eb('c.next_call_at', '<=', now)]))
    .where((eb) => eb.or([eb('c.assigned_until', 'is', null), eb('c.assigned_until', '<=', now)]))
    .where(
      sql<SqlBool>`(p.per_unit_cap is null or c.organisation is null or (
        select count(*) from cati_sample done
        where done.wave_id = c.wave_id and done.organisation = c.organisation
          and done.state = 'complete') < p.per_unit_cap)`,
    )
    .orderBy(sql`case c.state when 'appointment' then 0 when 'retry' then 1 else 2 end`)
    .orderBy('c.next_call_at')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(1)
    .forUpdate('c')
    .skipLocked();
  if (filter.waveId !== undefined) query = query.where('c.wave_id', '=', filter.waveId);
  return query.executeTakeFirst();
}

/** Gives the case to the interviewer until the given time. */
export async function holdCase(
  db: Executor,
  change: { id: string; staffId: string; until: Date },
): Promise<void> {
  await db
    .updateTable('cati_sample')
    .set({ assigned_to: change.staffId, assigned_until: change.until })
    .where('id', '=', change.id)
    .execute();
}

export async function setCaseResponse(db: Executor, id: string, responseId: string) {
  await db
    .updateTable('cati_sample')
    .set({ response_id: responseId })
    .where('id', '=', id)
    .execute();
}

/** The case after a call; the hold ends, so whoever is free makes the next call. */
export async function updateCaseAfterAttempt(
  db: Executor,
  change: {
    id: string;
    state: CatiState;
    attempts: number;
    nextCallAt: Date | null;
    finalDisposition: Disposition | null;
  },
): Promise<void> {
  await db
    .updateTable('cati_sample')
    .set({
      state: change.state,
      attempts: change.attempts,
      next_call_at: change.nextCallAt,
      final_disposition: change.finalDisposition,
      assigned_to: null,
      assigned_until: null,
    })
    .where('id', '=', change.id)
    .execute();
}

/** A case's calls, oldest first, with the interviewer who made each. */
export async function findAttempts(db: Executor, sampleId: string) {
  return db
    .selectFrom('cati_attempts as a')
    .leftJoin('staff as i', 'i.id', 'a.interviewer_id')
    .select([
      'a.id',
      'a.called_at',
      'a.outcome',
      'a.refusal_reason',
      'a.appointment_at',
      'a.note',
      'i.id as interviewer_id',
      'i.given_name as interviewer_given_name',
      'i.surname as interviewer_surname',
    ])
    .where('a.sample_id', '=', sampleId)
    .orderBy('a.called_at')
    .orderBy('a.id')
    .execute();
}
export type AttemptRow = Awaited<ReturnType<typeof findAttempts>>[number];

export async function insertAttempt(
  db: Executor,
  attempt: {
    sampleId: string;
    interviewerId: string | null;
    calledAt: Date;
    outcome: CatiOutcome;
    refusalReason: RefusalReason | null;
    appointmentAt: Date | null;
    note: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('cati_attempts')
    .values({
      sample_id: attempt.sampleId,
      interviewer_id: attempt.interviewerId,
      called_at: attempt.calledAt,
      outcome: attempt.outcome,
      refusal_reason: attempt.refusalReason,
      appointment_at: attempt.appointmentAt,
      note: attempt.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A response's answers, for the interviewer continuing it. */
export async function findResponseAnswers(db: Executor, responseId: string) {
  const row = await db
    .selectFrom('survey_responses')
    .select('answers')
    .where('id', '=', responseId)
    .executeTakeFirst();
  return row?.answers ?? {};
}

/** Cases of a wave per stratum, state and final disposition. */
export async function countCases(db: Executor, waveId: string) {
  return db
    .selectFrom('cati_sample')
    .select([
      'stratum',
      'state',
      'final_disposition',
      sql<number>`(count(*))::int`.as('cases'),
      sql<number>`(sum(attempts))::int`.as('attempts'),
    ])
    .where('wave_id', '=', waveId)
    .groupBy(['stratum', 'state', 'final_disposition'])
    .execute();
}

/** Refusal calls of a wave per stratum, kind and reason. */
export async function countRefusals(db: Executor, waveId: string) {
  return db
    .selectFrom('cati_attempts as a')
    .innerJoin('cati_sample as c', 'c.id', 'a.sample_id')
    .select([
      'c.stratum',
      'a.outcome',
      'a.refusal_reason',
      sql<number>`(count(*))::int`.as('calls'),
    ])
    .where('c.wave_id', '=', waveId)
    .where('a.outcome', 'in', ['soft_refusal', 'hard_refusal'])
    .groupBy(['c.stratum', 'a.outcome', 'a.refusal_reason'])
    .execute();
}

/**
 * Completed telephone interviews of a wave; only those no draw has yet considered, when asked.
 * "Considered" is marked on the interview itself, not judged by time: an interview completed
 * while a draw runs commits after it, unmarked, and the next draw sees it.
 */
export async function findCompletedInterviews(
  db: Executor,
  waveId: string,
  onlyNotConsidered: boolean,
) {
  let query = db
    .selectFrom('survey_responses')
    .select(['id', 'interviewer_id'])
    .where('wave_id', '=', waveId)
    .where('source', '=', 'cati')
    .where('state', '=', 'complete')
    .where('interviewer_id', 'is not', null)
    .orderBy('id');
  if (onlyNotConsidered) query = query.where('qc_considered_at', 'is', null);
  return query.execute();
}

export async function countDrawn(db: Executor, waveId: string): Promise<number> {
  const row = await db
    .selectFrom('cati_qc_checks')
    .select(sql<number>`(count(*))::int`.as('count'))
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function insertQcChecks(
  db: Executor,
  waveId: string,
  drawn: ReadonlyArray<{ responseId: string; interviewerId: string }>,
  at: Date,
): Promise<void> {
  if (drawn.length === 0) return;
  await db
    .insertInto('cati_qc_checks')
    .values(
      drawn.map((item) => ({
        response_id: item.responseId,
        wave_id: waveId,
        interviewer_id: item.interviewerId,
        drawn_at: at,
      })),
    )
    .execute();
}

function selectQcItems(db: Executor) {
  return db
    .selectFrom('cati_qc_checks as q')
    .innerJoin('survey_responses as r', 'r.id', 'q.response_id')
    .leftJoin('cati_sample as c', 'c.response_id', 'r.id')
    .leftJoin('staff as i', 'i.id', 'q.interviewer_id')
    .leftJoin('staff as k', 'k.id', 'q.checked_by')
    .select([
      'q.response_id',
      'q.drawn_at',
      'q.verdict',
      'q.feedback',
      'q.checked_at',
      'r.answers',
      'r.stratum',
      'r.completed_at',
      'c.id as sample_id',
      'c.name as respondent',
      'i.id as interviewer_id',
      'i.given_name as interviewer_given_name',
      'i.surname as interviewer_surname',
      'k.id as checker_id',
      'k.given_name as checker_given_name',
      'k.surname as checker_surname',
    ]);
}
export type QcItemRow = Awaited<ReturnType<typeof findQcItems>>[number];

/** The interviews drawn for listening, by interviewer, then as drawn. */
export async function findQcItems(db: Executor, waveId: string) {
  return selectQcItems(db)
    .where('q.wave_id', '=', waveId)
    .orderBy('i.surname')
    .orderBy('i.given_name')
    .orderBy('q.drawn_at')
    .orderBy('r.completed_at')
    .orderBy('q.response_id')
    .execute();
}

export async function findQcItem(db: Executor, waveId: string, responseId: string) {
  return selectQcItems(db)
    .where('q.wave_id', '=', waveId)
    .where('q.response_id', '=', responseId)
    .executeTakeFirst();
}

export async function updateQcVerdict(
  db: Executor,
  change: {
    responseId: string;
    verdict: 'pass' | 'remarks' | 'fail';
    feedback: string | null;
    checkedBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('cati_qc_checks')
    .set({
      verdict: change.verdict,
      feedback: change.feedback,
      checked_by: change.checkedBy,
      checked_at: change.at,
    })
    .where('response_id', '=', change.responseId)
    .execute();
}

/** Completed CATI interviews of a wave. */
export async function countCompletes(db: Executor, waveId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select(sql<number>`(count(*))::int`.as('count'))
    .where('wave_id', '=', waveId)
    .where('source', '=', 'cati')
    .where('state', '=', 'complete')
    .executeTakeFirstOrThrow();
  return row.count;
}
