import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database';

// The standard's control reads the records of requests, promises, feedback, escalations,
// improvement tasks and callbacks, never writes them: one query a family of figures, grouped by
// unit and Riga month, so that a year of every unit is a handful of statements.

/** Which units, which months: the instants and dates a period's records fall between. */
export interface ControlPeriod {
  unitIds: readonly string[];
  /** The first instant of the first month and the first instant after the last (Riga). */
  start: Date;
  end: Date;
  /** The first day of the first month and the first day after the last. */
  startDate: string;
  endDate: string;
  /** Each month with the instant its state is read at (its end, or now). */
  cutoffs: ReadonlyArray<{ month: string; cutoff: Date }>;
  now: Date;
}

const rigaMonth = (column: RawBuilder<unknown>) =>
  sql<string>`to_char(${column} at time zone 'Europe/Riga', 'YYYY-MM')`;

const count = (condition: RawBuilder<unknown>) =>
  sql<number>`(count(*) filter (where ${condition}))::int`;

const unitsIn = (column: RawBuilder<unknown>, unitIds: readonly string[]) =>
  sql<boolean>`${column} in (${sql.join([...unitIds])})`;

/** The months and their cutoffs as a table to join: one row a month. */
const cutoffTable = (cutoffs: ControlPeriod['cutoffs']) =>
  sql`(values ${sql.join(
    cutoffs.map(({ month, cutoff }) => sql`(${month}::text, ${cutoff.toISOString()}::timestamptz)`),
  )}) as m(month, cutoff)`;

/** The units looked at, by name. */
export async function findControlUnits(
  db: Executor,
  scope: { all: true } | { all: false; unitIds: readonly string[] },
) {
  let query = db
    .selectFrom('units as u')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .select(['u.id', 'u.name', 'i.name as institution_name'])
    .where('u.active', '=', true)
    .orderBy('i.name')
    .orderBy('u.name')
    .orderBy('u.id');
  if (!scope.all) {
    if (scope.unitIds.length === 0) return [];
    query = query.where('u.id', 'in', [...scope.unitIds]);
  }
  return query.execute();
}

/**
 * Written answers due in each month (clause 21.1), external (3 working days) and internal
 * (1): on time when answered by the due instant, late after it, and still open past it now.
 */
export async function countWrittenAnswers(db: Executor, period: ControlPeriod) {
  const external = sql`r.policy_code = 'external-written'`;
  const internal = sql`r.policy_code = 'internal'`;
  const openOverdue = sql`r.answered_at is null and r.state not in ('answered', 'closed')
    and r.due_at < ${period.now}`;
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    externalDue: number;
    externalOnTime: number;
    externalLate: number;
    externalOpenOverdue: number;
    internalDue: number;
    internalOnTime: number;
    internalLate: number;
    internalOpenOverdue: number;
  }>`
    select r.unit_id, to_char(r.due_on, 'YYYY-MM') as month,
      ${count(external)} as "externalDue",
      ${count(sql`${external} and r.answered_at <= r.due_at`)} as "externalOnTime",
      ${count(sql`${external} and r.answered_at > r.due_at`)} as "externalLate",
      ${count(sql`${external} and ${openOverdue}`)} as "externalOpenOverdue",
      ${count(internal)} as "internalDue",
      ${count(sql`${internal} and r.answered_at <= r.due_at`)} as "internalOnTime",
      ${count(sql`${internal} and r.answered_at > r.due_at`)} as "internalLate",
      ${count(sql`${internal} and ${openOverdue}`)} as "internalOpenOverdue"
    from service_requests r
    where ${unitsIn(sql.ref('r.unit_id'), period.unitIds)}
      and r.due_on >= ${period.startDate}::date and r.due_on < ${period.endDate}::date
      and r.policy_code in ('external-written', 'internal')
    group by r.unit_id, month`.execute(db);
  return rows;
}

const extensionInTime = sql<boolean>`(e.at at time zone 'Europe/Riga')::date <= (e.data->>'from')::date`;

/**
 * Extensions made in each month; each sent the client an interim reply (clause 23.2), in time
 * when it left no later than the due date it moved.
 */
export async function countExtensions(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    extensions: number;
    interimInTime: number;
  }>`
    select r.unit_id, ${rigaMonth(sql.ref('e.at'))} as month,
      count(*)::int as extensions,
      ${count(extensionInTime)} as "interimInTime"
    from request_events e
    join service_requests r on r.id = e.request_id
    where e.kind = 'extension' and e.at >= ${period.start} and e.at < ${period.end}
      and ${unitsIn(sql.ref('r.unit_id'), period.unitIds)}
    group by r.unit_id, month`.execute(db);
  return rows;
}

/** The period's extensions with their reasons, the latest first; `limit` null: all of them. */
export async function findExtensions(db: Executor, period: ControlPeriod, limit: number | null) {
  const { rows } = await sql<{
    request_id: string;
    request_number: string;
    unit_id: string;
    at: Date;
    from_date: string;
    to_date: string;
    reason: string;
    in_time: boolean;
  }>`
    select r.id as request_id, r.number as request_number, r.unit_id, e.at,
      coalesce(e.data->>'from', '') as from_date, coalesce(e.data->>'to', '') as to_date,
      coalesce(e.data->>'reason', '') as reason, ${extensionInTime} as in_time
    from request_events e
    join service_requests r on r.id = e.request_id
    where e.kind = 'extension' and e.at >= ${period.start} and e.at < ${period.end}
      and ${unitsIn(sql.ref('r.unit_id'), period.unitIds)}
    order by e.at desc, e.id desc
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
  return rows;
}

/** Promises to clients due in each month: kept by their time, kept later, open past it now. */
export async function countCommitments(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    commitmentsDue: number;
    commitmentsKeptOnTime: number;
    commitmentsKeptLate: number;
    commitmentsOpenOverdue: number;
  }>`
    select r.unit_id, ${rigaMonth(sql.ref('c.due_at'))} as month,
      count(*)::int as "commitmentsDue",
      ${count(sql`c.kept_at <= c.due_at`)} as "commitmentsKeptOnTime",
      ${count(sql`c.kept_at > c.due_at`)} as "commitmentsKeptLate",
      ${count(sql`c.kept_at is null and c.due_at < ${period.now}`)} as "commitmentsOpenOverdue"
    from commitments c
    join service_requests r on r.id = c.request_id
    where c.due_at >= ${period.start} and c.due_at < ${period.end}
      and ${unitsIn(sql.ref('r.unit_id'), period.unitIds)}
    group by r.unit_id, month`.execute(db);
  return rows;
}

/**
 * Requests of any kind still owed at each month's cutoff and already past their due instant:
 * received before it, neither answered nor closed by it.
 */
export async function countOverdueRequests(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{ unit_id: string; month: string; overdueRequests: number }>`
    select r.unit_id, m.month, count(*)::int as "overdueRequests"
    from ${cutoffTable(period.cutoffs)}
    join service_requests r
      on r.due_at < m.cutoff and r.received_at < m.cutoff
      and (r.answered_at is null or r.answered_at >= m.cutoff)
      and (r.closed_at is null or r.closed_at >= m.cutoff)
    where ${unitsIn(sql.ref('r.unit_id'), period.unitIds)}
    group by r.unit_id, m.month`.execute(db);
  return rows;
}

/** Praise, complaints and suggestions received in each month, by the unit they are about. */
export async function countFeedback(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    praise: number;
    complaints: number;
    suggestions: number;
  }>`
    select f.unit_id, ${rigaMonth(sql.ref('f.received_at'))} as month,
      ${count(sql`f.kind = 'praise'`)} as praise,
      ${count(sql`f.kind = 'complaint'`)} as complaints,
      ${count(sql`f.kind = 'suggestion'`)} as suggestions
    from feedback_items f
    where ${unitsIn(sql.ref('f.unit_id'), period.unitIds)}
      and f.received_at >= ${period.start} and f.received_at < ${period.end}
    group by f.unit_id, month`.execute(db);
  return rows;
}

/** Feedback received in each month by the topic its evaluation gave it. */
export async function countFeedbackTopics(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{ unit_id: string; month: string; topic: string; count: number }>`
    select f.unit_id, ${rigaMonth(sql.ref('f.received_at'))} as month, f.topic,
      count(*)::int as count
    from feedback_items f
    where ${unitsIn(sql.ref('f.unit_id'), period.unitIds)}
      and f.received_at >= ${period.start} and f.received_at < ${period.end}
      and f.topic is not null
    group by f.unit_id, month, f.topic
    order by month, f.unit_id, f.topic`.execute(db);
  return rows;
}

/** Escalations open at each month's cutoff, by level, under the unit the feedback is about. */
export async function countOpenEscalations(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    escalationsManager: number;
    escalationsHead: number;
    escalationsEthics: number;
  }>`
    select f.unit_id, m.month,
      ${count(sql`x.level = 'manager'`)} as "escalationsManager",
      ${count(sql`x.level = 'head'`)} as "escalationsHead",
      ${count(sql`x.level = 'ethics'`)} as "escalationsEthics"
    from ${cutoffTable(period.cutoffs)}
    join feedback_escalations x
      on x.opened_at < m.cutoff and (x.closed_at is null or x.closed_at >= m.cutoff)
    join feedback_items f on f.id = x.feedback_id
    where ${unitsIn(sql.ref('f.unit_id'), period.unitIds)}
    group by f.unit_id, m.month`.execute(db);
  return rows;
}

/** Improvement tasks due in each month by their state now; overdue: still to do, date gone. */
export async function countImprovementTasks(db: Executor, period: ControlPeriod, today: string) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    tasksPlanned: number;
    tasksInProgress: number;
    tasksDone: number;
    tasksCancelled: number;
    tasksOverdue: number;
  }>`
    select t.unit_id, to_char(t.due_on, 'YYYY-MM') as month,
      ${count(sql`t.state = 'planned'`)} as "tasksPlanned",
      ${count(sql`t.state = 'in_progress'`)} as "tasksInProgress",
      ${count(sql`t.state = 'done'`)} as "tasksDone",
      ${count(sql`t.state = 'cancelled'`)} as "tasksCancelled",
      ${count(sql`t.state in ('planned', 'in_progress') and t.due_on < ${today}::date`)} as "tasksOverdue"
    from improvement_tasks t
    where ${unitsIn(sql.ref('t.unit_id'), period.unitIds)}
      and t.due_on >= ${period.startDate}::date and t.due_on < ${period.endDate}::date
    group by t.unit_id, month`.execute(db);
  return rows;
}

/** Missed calls to ring back due in each month: closed by their due instant, or not. */
export async function countCallbacks(db: Executor, period: ControlPeriod) {
  const { rows } = await sql<{
    unit_id: string;
    month: string;
    callbacksDue: number;
    callbacksInTime: number;
    callbacksLate: number;
  }>`
    select c.unit_id, ${rigaMonth(sql.ref('c.due_at'))} as month,
      count(*)::int as "callbacksDue",
      ${count(sql`c.closed_at <= c.due_at`)} as "callbacksInTime",
      ${count(sql`c.closed_at > c.due_at or (c.closed_at is null and c.due_at < ${period.now})`)} as "callbacksLate"
    from callbacks c
    where ${unitsIn(sql.ref('c.unit_id'), period.unitIds)}
      and c.due_at >= ${period.start} and c.due_at < ${period.end}
    group by c.unit_id, month`.execute(db);
  return rows;
}
