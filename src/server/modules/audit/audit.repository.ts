import { sql } from 'kysely';
import type { Executor } from '../../db/database';

export interface NewAuditRow {
  at: Date;
  actorStaffId: string | null;
  actorTokenId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  context: unknown;
  requestId: string | null;
  ip: string | null;
}

const json = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);

export async function insertAuditEntries(
  db: Executor,
  entries: readonly NewAuditRow[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        at: entry.at,
        actor_staff_id: entry.actorStaffId,
        actor_token_id: entry.actorTokenId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        before: json(entry.before),
        after: json(entry.after),
        context: json(entry.context),
        request_id: entry.requestId,
        ip: entry.ip,
      })),
    )
    .execute();
}

/** The recorded reads of one record, newest first, with the reader's name. */
export async function findReadsOf(
  db: Executor,
  {
    entityType,
    entityIds,
    limit,
  }: { entityType: string; entityIds: readonly string[]; limit: number },
) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.actor_staff_id')
    .leftJoin('api_tokens as t', 't.id', 'a.actor_token_id')
    .select([
      'a.at',
      'a.actor_staff_id',
      'a.actor_token_id',
      'a.context',
      sql<string | null>`s.given_name || ' ' || s.surname`.as('actor_staff_name'),
      't.name as actor_token_name',
    ])
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', 'in', [...entityIds])
    .where('a.action', '=', 'read')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

/** Newest first, one page past the cursor; the names of actors come along in the same query. */
export async function findAuditEntries(db: Executor, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.actor_staff_id')
    .leftJoin('api_tokens as t', 't.id', 'a.actor_token_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_staff_id',
      'a.actor_token_id',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.before',
      'a.after',
      'a.context',
      'a.request_id',
      sql<string | null>`s.given_name || ' ' || s.surname`.as('actor_staff_name'),
      't.name as actor_token_name',
    ])
    .orderBy('a.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('a.actor_staff_id', '=', filter.actorId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.fromInstant) query = query.where('a.at', '>=', filter.fromInstant);
  if (filter.toInstant) query = query.where('a.at', '<', filter.toInstant);
  if (filter.before) query = query.where('a.id', '<', filter.before);
  return query.execute();
}
export type AuditEntryRow = Awaited<ReturnType<typeof findAuditEntries>>[number];
