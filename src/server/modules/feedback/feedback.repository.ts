import { sql, type Insertable, type Updateable } from 'kysely';
import type { FeedbackLevel } from '../../../domain/feedback';
import type { Executor } from '../../db/database';
import type {
  FeedbackAttachmentsTable,
  FeedbackEscalationsTable,
  FeedbackItemsTable,
} from '../../db/schema';

/** The next reference numbers' running part (migration 0019). */
export async function nextReferenceNumber(db: Executor): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`select nextval('feedback_reference_number') as n`.execute(db);
  return Number(rows[0]?.n);
}

/** A unit a submission names: whether it exists and is in use. */
export async function findUnitRef(db: Executor, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the person works (actively) in the unit. */
export async function isActiveMemberOf(
  db: Executor,
  staffId: string,
  unitId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('staff_units as su')
    .innerJoin('staff as s', 's.id', 'su.staff_id')
    .select('su.staff_id')
    .where('su.staff_id', '=', staffId)
    .where('su.unit_id', '=', unitId)
    .where('s.active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The unit a complaint about the person goes to: their primary unit's. */
export async function primaryUnitOf(db: Executor, staffId: string): Promise<string | null> {
  const row = await db
    .selectFrom('staff_units')
    .select('unit_id')
    .where('staff_id', '=', staffId)
    .orderBy('is_primary', 'desc')
    .orderBy('unit_id')
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/**
 * Serialises the public form's submissions of one address for the rest of the transaction, so
 * that two at once cannot both slip under its limit.
 */
export async function lockAddress(db: Executor, address: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${'feedback:' + address}))`.execute(db);
}

/** The address's accepted submissions since the instant, and forgets its older ones. */
export async function recentAttempts(db: Executor, address: string, since: Date): Promise<Date[]> {
  await db
    .deleteFrom('public_feedback_attempts')
    .where('address', '=', address)
    .where('at', '<', since)
    .execute();
  const rows = await db
    .selectFrom('public_feedback_attempts')
    .select('at')
    .where('address', '=', address)
    .where('at', '>=', since)
    .execute();
  return rows.map((row) => new Date(row.at));
}

export async function insertAttempt(db: Executor, address: string, at: Date): Promise<void> {
  await db.insertInto('public_feedback_attempts').values({ address, at }).execute();
}

/** Forgets every address's submissions older than the instant (the pruning job). */
export async function pruneAttempts(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('public_feedback_attempts')
    .where('at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertItem(
  db: Executor,
  row: Insertable<FeedbackItemsTable>,
): Promise<{ id: string }> {
  return db.insertInto('feedback_items').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertAttachments(
  db: Executor,
  rows: ReadonlyArray<Insertable<FeedbackAttachmentsTable>>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('feedback_attachments')
    .values([...rows])
    .execute();
}

function selectItems(db: Executor) {
  return db
    .selectFrom('feedback_items as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('staff as s', 's.id', 'f.staff_id')
    .selectAll('f')
    .select([
      'u.name as unit_name',
      sql<string | null>`case when s.id is null then null
        else s.given_name || ' ' || s.surname end`.as('staff_name'),
    ]);
}
export type FeedbackRow = NonNullable<Awaited<ReturnType<typeof findItemById>>>;

export async function findItemById(db: Executor, id: string) {
  return selectItems(db).where('f.id', '=', id).executeTakeFirst();
}

/** The item locked for a change. */
export async function findItemForUpdate(db: Executor, id: string) {
  return selectItems(db).where('f.id', '=', id).forUpdate('f').executeTakeFirst();
}

/** The item locked for a change, or none while another transaction holds it (not waited for). */
export async function findItemForUpdateUnlessBusy(db: Executor, id: string) {
  return selectItems(db).where('f.id', '=', id).forUpdate('f').skipLocked().executeTakeFirst();
}

export async function findItemBySourceRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('feedback_items')
    .select(['id', 'reference'])
    .where('source_request_id', '=', requestId)
    .executeTakeFirst();
}

export async function updateItem(
  db: Executor,
  id: string,
  changes: Updateable<FeedbackItemsTable>,
): Promise<void> {
  await db
    .updateTable('feedback_items')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Names of people, for the escalation history and the item's roles. */
export async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', sql<string>`given_name || ' ' || surname`.as('name')])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function unitNamesOf(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function requestNumbersOf(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_requests')
    .select(['id', 'number'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.number]));
}

export async function findAttachmentsOf(db: Executor, feedbackId: string) {
  return db
    .selectFrom('feedback_attachments')
    .select(['id', 'filename', 'content_type', 'size', 'uploaded_at'])
    .where('feedback_id', '=', feedbackId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Executor, feedbackId: string, attachmentId: string) {
  return db
    .selectFrom('feedback_attachments')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function findEscalationsOf(db: Executor, feedbackIds: readonly string[]) {
  if (feedbackIds.length === 0) return [];
  return (
    db
      .selectFrom('feedback_escalations')
      .selectAll()
      .where('feedback_id', 'in', [...feedbackIds])
      .orderBy('opened_at')
      // Levels only climb: two opened at one instant (passed on at once) are in the order of levels.
      .orderBy(sql`array_position(array['manager', 'head', 'ethics'], level)`)
      .orderBy('id')
      .execute()
  );
}
export type EscalationRow = Awaited<ReturnType<typeof findEscalationsOf>>[number];

export async function insertEscalation(
  db: Executor,
  row: Insertable<FeedbackEscalationsTable>,
): Promise<void> {
  await db.insertInto('feedback_escalations').values(row).execute();
}

export async function closeEscalation(
  db: Executor,
  id: string,
  changes: {
    closed_at: Date;
    closed_by: string | null;
    outcome: 'resolved' | 'escalated' | 'overdue';
    decision?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('feedback_escalations')
    .set(changes)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** The open levels past their deadline, the earliest first: the Ethics level stays open. */
export async function findOverdueEscalations(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('feedback_escalations')
    .select(['id', 'feedback_id', 'level', 'due_at'])
    .where('closed_at', 'is', null)
    .where('due_at', '<=', now)
    .where('level', '!=', 'ethics')
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/**
 * The level, locked for this worker, while it is still open and overdue; none when another
 * worker holds it (skipped, not waited for) or has passed it on already.
 */
export async function claimEscalation(db: Executor, id: string, now: Date) {
  return db
    .selectFrom('feedback_escalations')
    .selectAll()
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .where('due_at', '<=', now)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Whether the person is on the staff and active. */
export async function isActiveStaff(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Filters of the list, and whom it is for. */
export interface FeedbackFilter {
  kind?: FeedbackItemsTable['kind'] | undefined;
  state?: FeedbackItemsTable['state'] | undefined;
  unitId?: string | undefined;
  staffId?: string | undefined;
  escalationLevel?: FeedbackLevel | 'none' | undefined;
  channel?: string | undefined;
  /**
   * Folded words (letters, digits, `@` and `.`: no LIKE wildcard) that must all occur in the
   * item's search text, found through its trigram index (migration 0022).
   */
  words?: readonly string[] | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  /**
   * Whom the list is for: null sees all (feedback.evaluate); otherwise the items the viewer
   * evaluates, registered, or reaches through their units or the Ethics commission.
   */
  scope: {
    staffId: string | null;
    unitIds: readonly string[] | null;
    ethics: boolean;
  } | null;
  limit: number;
  offset: number;
}

export async function findItems(db: Executor, filter: FeedbackFilter) {
  let query = selectItems(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('f.received_at', 'desc')
    .orderBy('f.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  if (filter.state) query = query.where('f.state', '=', filter.state);
  if (filter.unitId) query = query.where('f.unit_id', '=', filter.unitId);
  if (filter.staffId) query = query.where('f.staff_id', '=', filter.staffId);
  if (filter.channel) query = query.where('f.channel', '=', filter.channel as never);
  if (filter.escalationLevel === 'none') query = query.where('f.escalation_level', 'is', null);
  else if (filter.escalationLevel)
    query = query.where('f.escalation_level', '=', filter.escalationLevel);
  if (filter.receivedFrom) query = query.where('f.received_at', '>=', filter.receivedFrom);
  if (filter.receivedBefore) query = query.where('f.received_at', '<', filter.receivedBefore);
  for (const word of filter.words ?? []) {
    query = query.where('f.search_text', 'like', `%${word}%`);
  }
  const scope = filter.scope;
  if (scope) {
    query = query.where((eb) => {
      const reach = [];
      if (scope.staffId !== null) {
        reach.push(eb('f.evaluator_id', '=', scope.staffId));
        reach.push(eb('f.registered_by', '=', scope.staffId));
      }
      if (scope.unitIds && scope.unitIds.length > 0) {
        const unitIds = [...scope.unitIds];
        reach.push(eb('f.unit_id', 'in', unitIds));
        reach.push(
          eb.exists(
            eb
              .selectFrom('feedback_escalations as e')
              .select('e.id')
              .whereRef('e.feedback_id', '=', 'f.id')
              .where('e.level', '=', 'manager')
              .where('e.unit_id', 'in', unitIds),
          ),
        );
      }
      if (scope.ethics) {
        reach.push(
          eb.exists(
            eb
              .selectFrom('feedback_escalations as e')
              .select('e.id')
              .whereRef('e.feedback_id', '=', 'f.id')
              .where('e.level', '=', 'ethics'),
          ),
        );
      }
      return reach.length > 0 ? eb.or(reach) : eb.val(false);
    });
  }
  return query.execute();
}

/** Each item's escalation history, by item. */
export async function escalationsByItem(db: Executor, feedbackIds: readonly string[]) {
  const rows = await findEscalationsOf(db, feedbackIds);
  const byItem = new Map<string, EscalationRow[]>();
  for (const row of rows) {
    const list = byItem.get(row.feedback_id) ?? [];
    list.push(row);
    byItem.set(row.feedback_id, list);
  }
  return byItem;
}

/** What a request (an e-mail's, typically) says: its first letter, else its contact's reason. */
export async function findRequestWords(db: Executor, requestId: string) {
  const letter = await db
    .selectFrom('inbound_messages')
    .select(['subject', 'text_body'])
    .where('request_id', '=', requestId)
    .orderBy('received_at')
    .orderBy('id')
    .executeTakeFirst();
  const contact = await db
    .selectFrom('service_requests as r')
    .innerJoin('contacts as c', 'c.id', 'r.contact_id')
    .select(['r.service', 'c.reason'])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  return {
    letter: letter ?? null,
    service: contact?.service ?? null,
    reason: contact?.reason ?? null,
  };
}
