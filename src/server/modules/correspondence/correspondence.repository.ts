import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import type { OutgoingMessagesTable } from '../../db/schema';

export async function insertAttachment(
  db: Executor,
  row: {
    request_id: string;
    filename: string;
    content_type: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    uploaded_at: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('attachments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The attachments' descriptions, without their content. */
export async function findAttachmentsOf(db: Executor, requestId: string) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('staff as s', 's.id', 'a.uploaded_by')
    .select([
      'a.id',
      'a.filename',
      'a.content_type',
      'a.size',
      'a.uploaded_at',
      sql<string | null>`s.given_name || ' ' || s.surname`.as('uploaded_by_name'),
    ])
    .where('a.request_id', '=', requestId)
    .orderBy('a.uploaded_at')
    .execute();
}

export async function findAttachment(
  db: Executor,
  { id, requestId }: { id: string; requestId: string },
) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size', 'content'])
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function insertOutgoingMessage(
  db: Executor,
  row: Insertable<OutgoingMessagesTable>,
): Promise<string> {
  const inserted = await db
    .insertInto('outgoing_messages')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Inserts several letters in one statement. */
export async function insertOutgoingMessages(
  db: Executor,
  rows: ReadonlyArray<Insertable<OutgoingMessagesTable>>,
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('outgoing_messages')
      .values([...rows])
      .execute();
}

export async function findOutgoingMessagesOf(db: Executor, requestId: string) {
  return db
    .selectFrom('outgoing_messages as m')
    .leftJoin('staff as s', 's.id', 'm.delivered_by')
    .selectAll('m')
    .select(sql<string | null>`s.given_name || ' ' || s.surname`.as('delivered_by_name'))
    .where('m.request_id', '=', requestId)
    .orderBy('m.created_at')
    .execute();
}

/** Marks a letter still due as gone another way; false when it is no longer due. */
export async function markMessageDelivered(
  db: Executor,
  change: {
    id: string;
    requestId: string;
    by: string | null;
    at: Date;
    method: 'handed_over' | 'printed' | 'other';
    note: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({
      state: 'sent',
      delivered_by: change.by,
      delivered_at: change.at,
      delivery: change.method,
      delivery_note: change.note,
    })
    .where('id', '=', change.id)
    .where('request_id', '=', change.requestId)
    .where('state', '=', 'due')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findOutgoingMessage(db: Executor, id: string, requestId: string) {
  return db
    .selectFrom('outgoing_messages')
    .select(['id', 'subject', 'state'])
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/**
 * What a new letter about the request threads on: the latest message the client sent in by
 * mail (its mailbox is where the answer leaves from), and the address the letter will leave
 * from, whose domain its Message-ID takes: that mailbox's, else the unit's, else its institution's.
 */
export async function findMailThreadOf(db: Executor, requestId: string) {
  const inbound = await db
    .selectFrom('inbound_messages as m')
    .leftJoin('mailboxes as b', 'b.id', 'm.mailbox_id')
    .select(['m.message_id', 'm.in_reply_to', 'm.reference_ids', 'm.mailbox_id', 'b.address'])
    .where('m.request_id', '=', requestId)
    .where('m.message_id', 'is not', null)
    .orderBy('m.received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const unit = await db
    .selectFrom('service_requests as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .select(sql<string | null>`coalesce(u.email, i.email)`.as('address'))
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  return { inbound: inbound ?? null, senderAddress: inbound?.address ?? unit?.address ?? null };
}

/** The client's latest letter on the request that a person let in, for quoting in an answer. */
export async function findLatestLetterOf(db: Executor, requestId: string) {
  return db
    .selectFrom('inbound_messages')
    .select(['from_name', 'from_address', 'received_at', 'text_body'])
    .where('request_id', '=', requestId)
    .where('state', 'in', ['imported', 'released'])
    .where('text_body', 'is not', null)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
