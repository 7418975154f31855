import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import type { Insertable, Updateable } from 'kysely';
import type { DB, ImprovementTaskState, ImprovementTasksTable } from '../../db/schema';

/** Whose tasks a list shows: all, or those of some units and those the person owns. */
export type TaskVisibility =
  { all: true } | { all: false; unitIds: string[]; ownerId: string | null };

export interface TaskFilter {
  visibility: TaskVisibility;
  unitId?: string | undefined;
  state?: ImprovementTaskState | undefined;
  ownerId?: string | undefined;
  /** Open tasks due before this date. */
  overdueOn?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  limit: number;
  offset: number;
}

/** A task with the names it shows: its unit, owner, author, survey and wave. */
function tasksWithNames(db: Executor) {
  return db
    .selectFrom('improvement_tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('staff as o', 'o.id', 't.owner_id')
    .leftJoin('staff as c', 'c.id', 't.created_by')
    .leftJoin('surveys as s', 's.id', 't.survey_id')
    .leftJoin('survey_waves as w', 'w.id', 't.survey_wave_id')
    .selectAll('t')
    .select([
      'u.name as unit_name',
      'o.given_name as owner_given_name',
      'o.surname as owner_surname',
      'c.given_name as creator_given_name',
      'c.surname as creator_surname',
      's.title as survey_title',
      'w.name as wave_name',
    ]);
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTaskById>>>;

export async function findTaskById(db: Executor, id: string) {
  return tasksWithNames(db).where('t.id', '=', id).executeTakeFirst();
}

/** Whether the person wrote an idea that led to the task (the ideas module's table, read only). */
export async function isTaskOfOwnIdea(db: Executor, taskId: string, staffId: string) {
  const row = await db
    .selectFrom('staff_ideas')
    .select('id')
    .where('improvement_task_id', '=', taskId)
    .where('author_id', '=', staffId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const visibleIn =
  (visibility: TaskVisibility) =>
  (eb: ExpressionBuilder<DB & { t: DB['improvement_tasks'] }, 't'>) => {
    if (visibility.all) return eb.lit(true);
    const seen = [];
    if (visibility.ownerId !== null) seen.push(eb('t.owner_id', '=', visibility.ownerId));
    if (visibility.unitIds.length > 0) seen.push(eb('t.unit_id', 'in', visibility.unitIds));
    return eb.or(seen);
  };

export async function findTasks(db: Executor, filter: TaskFilter) {
  let query = tasksWithNames(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where(visibleIn(filter.visibility))
    .orderBy('t.due_on')
    .orderBy('t.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.unitId) query = query.where('t.unit_id', '=', filter.unitId);
  if (filter.state) query = query.where('t.state', '=', filter.state);
  if (filter.ownerId) query = query.where('t.owner_id', '=', filter.ownerId);
  if (filter.overdueOn)
    query = query
      .where('t.state', 'in', ['planned', 'in_progress'])
      .where('t.due_on', '<', filter.overdueOn);
  if (filter.dueFrom) query = query.where('t.due_on', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('t.due_on', '<=', filter.dueTo);
  return query.execute();
}

export async function insertTask(db: Executor, row: Insertable<ImprovementTasksTable>) {
  return db.insertInto('improvement_tasks').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateTask(
  db: Executor,
  {
    id,
    version,
    changes,
  }: { id: string; version: number; changes: Updateable<ImprovementTasksTable> },
) {
  return db
    .updateTable('improvement_tasks')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// The records a task refers to belong to other modules; these only read whether they exist.

export async function unitExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function findStaffActive(db: Executor, id: string) {
  return db.selectFrom('staff').select(['id', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function feedbackExists(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('feedback_items')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function surveyExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('surveys').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function findWaveSurveyId(db: Executor, waveId: string) {
  const row = await db
    .selectFrom('survey_waves')
    .select('survey_id')
    .where('id', '=', waveId)
    .executeTakeFirst();
  return row?.survey_id;
}
