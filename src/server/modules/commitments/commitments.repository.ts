import { sql, type Insertable, type SqlBool } from 'kysely';
import type { WorkScope } from '../../../domain/requests';
import type { Executor } from '../../db/database';
import type { CommitmentsTable } from '../../db/schema';

/** A promise with its request's number and its keeper's contact details. */
function selectCommitments(db: Executor) {
  return db
    .selectFrom('commitments as m')
    .innerJoin('service_requests as r', 'r.id', 'm.request_id')
    .innerJoin('staff as k', 'k.id', 'm.keeper_id')
    .select([
      'm.id',
      'm.request_id',
      'r.number as request_number',
      'm.what',
      'm.due_at',
      'm.form',
      'm.keeper_id',
      'k.given_name as keeper_given_name',
      'k.surname as keeper_surname',
      'k.position as keeper_position',
      'k.phone as keeper_phone',
      'k.email as keeper_email',
      'm.kept_at',
      'm.version',
    ]);
}
export type CommitmentRow = Awaited<ReturnType<typeof findCommitmentById>> & object;

/** The scope as a condition on a promise: its keeper's own, or those of the units' requests. */
function inScope(scope: WorkScope) {
  if (scope.kind === 'mine') return sql<SqlBool>`m.keeper_id = ${scope.staffId}`;
  if (scope.unitIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`r.unit_id in (${sql.join([...scope.unitIds])})`;
}

/** A referred request's open promises go to its new owner; the number handed over. */
export async function handOverCommitments(
  db: Executor,
  { requestId, from, to }: { requestId: string; from: string; to: string },
): Promise<number> {
  const result = await db
    .updateTable('commitments')
    .set({ keeper_id: to, version: sql`version + 1` })
    .where('request_id', '=', requestId)
    .where('keeper_id', '=', from)
    .where('kept_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertCommitment(
  db: Executor,
  row: Insertable<CommitmentsTable>,
): Promise<string> {
  const inserted = await db
    .insertInto('commitments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findCommitmentById(db: Executor, id: string) {
  return selectCommitments(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findCommitmentsOf(db: Executor, requestId: string) {
  return selectCommitments(db).where('m.request_id', '=', requestId).orderBy('m.due_at').execute();
}

/** The promises not yet kept of these requests, the soonest due first. */
export async function findOpenCommitmentsOf(db: Executor, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return selectCommitments(db)
    .where('m.request_id', 'in', [...requestIds])
    .where('m.kept_at', 'is', null)
    .orderBy('m.due_at')
    .orderBy('m.id')
    .execute();
}

/** A person's promises, the open ones first by due time. */
export async function findCommitmentsKeptBy(
  db: Executor,
  {
    keeperId,
    includeKept,
    limit,
    offset,
  }: { keeperId: string; includeKept: boolean; limit: number; offset: number },
) {
  let query = selectCommitments(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('m.keeper_id', '=', keeperId)
    .orderBy('m.due_at')
    .orderBy('m.id')
    .limit(limit)
    .offset(offset);
  if (!includeKept) query = query.where('m.kept_at', 'is', null);
  return query.execute();
}

export async function markCommitmentKept(
  db: Executor,
  { id, version, at }: { id: string; version: number; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set({ kept_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('kept_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * How many open promises in the scope fall due before `soon`: a badge of the work lists and a
 * count of the start page. It runs on the partial index of open promises.
 */
export async function countCommitmentsDueIn(
  db: Executor,
  { scope, soon }: { scope: WorkScope; soon: Date },
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from commitments m join service_requests r on r.id = m.request_id
      where ${inScope(scope)} and m.kept_at is null and m.due_at < ${soon}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/** The first open promises falling due in the scope, the earliest first. */
export async function findCommitmentsDueIn(
  db: Executor,
  { scope, soon, limit }: { scope: WorkScope; soon: Date; limit: number },
) {
  return selectCommitments(db)
    .where(inScope(scope))
    .where('m.kept_at', 'is', null)
    .where('m.due_at', '<', soon)
    .orderBy('m.due_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
