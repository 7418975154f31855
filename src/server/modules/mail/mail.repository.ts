import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { InboundMessagesTable, MailboxStatesTable } from '../../db/schema';

/** A message stored before, by its Message-ID or its source's key in the mailbox. */
export async function findStoredMessage(
  db: Executor,
  key: { mailboxId: string | null; messageId: string | null; sourceKey: string | null },
) {
  if (!key.messageId && !key.sourceKey) return undefined;
  return db
    .selectFrom('inbound_messages')
    .select(['id', 'state', 'request_id'])
    .where((eb) => {
      const mailbox =
        key.mailboxId === null
          ? eb('mailbox_id', 'is', null)
          : eb('mailbox_id', '=', key.mailboxId);
      const keys = [];
      if (key.messageId) keys.push(eb('message_id', '=', key.messageId));
      if (key.sourceKey) keys.push(eb('source_key', '=', key.sourceKey));
      return eb.and([mailbox, eb.or(keys)]);
    })
    .limit(1)
    .executeTakeFirst();
}

/** A message's keys, as findStoredMessage takes them. */
export interface StoredMessageKey {
  mailboxId: string | null;
  messageId: string | null;
  sourceKey: string | null;
}

/** The message stored under each of the keys, if any, in order: one statement for them all. */
export async function findStoredMessages(db: Executor, keys: readonly StoredMessageKey[]) {
  const messageIds = [...new Set(keys.flatMap((key) => key.messageId ?? []))];
  const sourceKeys = [...new Set(keys.flatMap((key) => key.sourceKey ?? []))];
  // A source key (a mailbox's UID) is looked up with its mailbox, as the index has it.
  const mailboxIds = [...new Set(keys.flatMap((key) => key.mailboxId ?? []))];
  if (messageIds.length === 0 && sourceKeys.length === 0) return keys.map(() => undefined);
  const { rows } = await sql<{
    id: string;
    state: InboundMessagesTable['state'];
    request_id: string | null;
    mailbox_id: string | null;
    message_id: string | null;
    source_key: string | null;
  }>`
    select id, state, request_id, mailbox_id, message_id, source_key from inbound_messages
      where message_id = any(${sql.val(messageIds)}::text[])
        or (mailbox_id = any(${sql.val(mailboxIds)}::uuid[])
          and source_key = any(${sql.val(sourceKeys)}::text[]))
        or (mailbox_id is null and source_key = any(${sql.val(sourceKeys)}::text[]))`.execute(db);
  return keys.map((key) =>
    rows.find(
      (row) =>
        row.mailbox_id === key.mailboxId &&
        ((key.messageId !== null && row.message_id === key.messageId) ||
          (key.sourceKey !== null && row.source_key === key.sourceKey)),
    ),
  );
}

/**
 * Stores a message; null when the same message (Message-ID or source key) was stored meanwhile,
 * by a delivery racing this one.
 */
export async function insertInboundMessage(
  db: Executor,
  row: Insertable<InboundMessagesTable>,
): Promise<string | null> {
  const inserted = await db
    .insertInto('inbound_messages')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * Stores messages already imported (their ids given them beforehand), several in one statement.
 * One stored meanwhile fails the statement: the caller stores the group's letters one by one.
 */
export async function insertInboundMessages(
  db: Executor,
  rows: ReadonlyArray<Insertable<InboundMessagesTable> & { id: string }>,
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('inbound_messages')
      .values([...rows])
      .execute();
}

export async function updateInboundMessage(
  db: Executor,
  id: string,
  changes: Updateable<InboundMessagesTable>,
): Promise<void> {
  await db.updateTable('inbound_messages').set(changes).where('id', '=', id).execute();
}

/**
 * The request a reply belongs to, by the ids it refers to: a message received into a request,
 * or a letter sent from one. The nearest id that is known wins.
 */
export async function findThreadRequest(db: Executor, ids: readonly string[]) {
  const byId = await findThreadRequests(db, ids);
  for (const id of ids) {
    const requestId = byId.get(id);
    if (requestId) return requestId;
  }
  return null;
}

/** The request of each of the ids that is known: a message received into one, or a letter sent from one. */
export async function findThreadRequests(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ message_id: string; request_id: string }>`
    select message_id, request_id from inbound_messages
      where message_id = any(${ids}::text[]) and request_id is not null
    union all
    select message_id, request_id from outgoing_messages
      where message_id = any(${ids}::text[])`.execute(db);
  return new Map(rows.map((row) => [row.message_id, row.request_id] as const));
}

/** The request with the number, if its client writes from the address (or it came from it). */
export async function findRequestOfSender(db: Executor, number: string, address: string) {
  const row = await db
    .selectFrom('service_requests as r')
    .leftJoin('clients as c', 'c.id', 'r.client_id')
    .select('r.id')
    .where('r.number', '=', number)
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(c.email)`, '=', address.toLowerCase()),
        eb.exists(
          eb
            .selectFrom('inbound_messages as m')
            .select(sql`1`.as('one'))
            .whereRef('m.request_id', '=', 'r.id')
            .where(sql<string>`lower(m.from_address)`, '=', address.toLowerCase()),
        ),
      ]),
    )
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How many messages the sender's address sent to Apkalpo since the moment. */
/** The letters from each of the senders since its moment, in order: one statement for them all. */
export async function countsFromSendersSince(
  db: Executor,
  senders: ReadonlyArray<{ address: string; since: Date }>,
): Promise<number[]> {
  if (senders.length === 0) return [];
  const { rows } = await sql<{ n: string }>`
    select (select count(*) from inbound_messages m
        where lower(m.from_address) = s.address and m.received_at >= s.since) as n
      from unnest(
        ${sql.val(senders.map((sender) => sender.address.toLowerCase()))}::text[],
        ${sql.val(senders.map((sender) => sender.since.toISOString()))}::timestamptz[]
      ) with ordinality as s(address, since, position)
      order by s.position`.execute(db);
  return rows.map((row) => Number(row.n));
}

/** Which of the entries are on the block list. */
export async function findBlockedEntries(
  db: Executor,
  entries: readonly string[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const rows = await db
    .selectFrom('mail_blocklist')
    .select('entry')
    .where('entry', 'in', [...new Set(entries)])
    .execute();
  return new Set(rows.map((row) => row.entry));
}

export async function listBlocklist(
  db: Executor,
  { limit, offset }: { limit: number; offset: number },
) {
  return db
    .selectFrom('mail_blocklist as b')
    .leftJoin('staff as s', 's.id', 'b.created_by')
    .select([
      'b.id',
      'b.entry',
      'b.note',
      'b.created_at',
      sql<string | null>`s.given_name || ' ' || s.surname`.as('created_by_name'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('b.entry')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function insertBlocklistEntry(
  db: Executor,
  row: { entry: string; note: string | null; created_by: string | null; created_at: Date },
): Promise<string | null> {
  const inserted = await db
    .insertInto('mail_blocklist')
    .values(row)
    .onConflict((oc) => oc.column('entry').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function deleteBlocklistEntry(db: Executor, id: string) {
  return db.deleteFrom('mail_blocklist').where('id', '=', id).returning('entry').executeTakeFirst();
}

const listColumns = [
  'm.id',
  'm.mailbox_id',
  'm.channel',
  'm.source',
  'm.message_id',
  'm.from_address',
  'm.from_name',
  'm.to_addresses',
  'm.subject',
  'm.sent_at',
  'm.received_at',
  'm.size',
  'm.state',
  'm.spam_score',
  'm.spam_reasons',
  'm.flag_reason',
  'm.request_id',
  'm.reviewed_at',
] as const;

/** A message opened: what lists show, and its bodies and attachments (not the raw bytes). */
const bodyColumns = [
  ...listColumns,
  'm.text_body',
  'm.html_body',
  'm.has_remote_images',
  'm.remote_images_allowed_at',
  'm.attachment_ids',
] as const;

/** The held messages (quarantined or flagged), newest first, with the mailbox's unit. */
export async function findHeldMessages(
  db: Executor,
  filter: {
    state: 'quarantined' | 'flagged';
    unitIds: readonly string[] | null;
    limit: number;
    offset: number;
  },
) {
  let query = db
    .selectFrom('inbound_messages as m')
    .leftJoin('mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([...listColumns, 'b.name as mailbox_name', sql<string>`count(*) over ()`.as('total')])
    .where('m.state', '=', filter.state);
  if (filter.unitIds !== null) {
    if (filter.unitIds.length === 0) return [];
    query = query.where('b.unit_id', 'in', [...filter.unitIds]);
  }
  return query.orderBy('m.received_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/** One message with its bodies (not the raw bytes). */
export async function findInboundMessage(db: Executor, id: string) {
  return db
    .selectFrom('inbound_messages as m')
    .leftJoin('mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([
      ...bodyColumns,
      'm.auto_submitted',
      'b.name as mailbox_name',
      'b.unit_id as mailbox_unit_id',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
export type InboundMessageRow = NonNullable<Awaited<ReturnType<typeof findInboundMessage>>>;

/** The raw message (.eml) and what it is, to download it. */
export async function findRawMessage(db: Executor, id: string) {
  return db
    .selectFrom('inbound_messages')
    .select(['id', 'raw', 'subject', 'request_id', 'mailbox_id', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The messages received into a request, oldest first. */
export async function findMessagesOfRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('inbound_messages as m')
    .leftJoin('mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([...bodyColumns, 'b.name as mailbox_name'])
    .where('m.request_id', '=', requestId)
    .orderBy('m.received_at')
    .execute();
}

/** Quarantined messages older than the moment, which nobody released: their ids. */
export async function deleteQuarantinedBefore(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('inbound_messages')
    .where('state', 'in', ['quarantined', 'discarded'])
    .where('received_at', '<', before)
    .where('request_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether a letter of the kind went to the address since the moment (one reply per window). */
export async function repliedSince(
  db: Executor,
  reply: {
    kind: 'acknowledgement' | 'out_of_office';
    recipient: string;
    since: Date;
    requestId?: string;
  },
): Promise<boolean> {
  let query = db
    .selectFrom('outgoing_messages')
    .select('id')
    // The kind written into the statement, not a parameter: the index covers only these two
    // kinds, and a prepared statement's generic plan could not know $1 is one of them, so it
    // read the whole outbox for every letter.
    .where('kind', '=', sql.lit(reply.kind))
    .where(sql<string>`lower(recipient)`, '=', reply.recipient.toLowerCase())
    .where('created_at', '>=', reply.since);
  if (reply.requestId) query = query.where('request_id', '=', reply.requestId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** Which of the recipients got a reply of the kind since the moment (in lower case). */
export async function repliedToSince(
  db: Executor,
  reply: { kind: 'acknowledgement' | 'out_of_office'; recipients: readonly string[]; since: Date },
): Promise<Set<string>> {
  if (reply.recipients.length === 0) return new Set();
  const rows = await db
    .selectFrom('outgoing_messages')
    .select(sql<string>`lower(recipient)`.as('recipient'))
    .distinct()
    // The kind written into the statement, as in repliedSince: the index covers only these kinds.
    .where('kind', '=', sql.lit(reply.kind))
    .where(
      sql<string>`lower(recipient)`,
      '=',
      sql<string>`any(${reply.recipients.map((r) => r.toLowerCase())}::text[])`,
    )
    .where('created_at', '>=', reply.since)
    .execute();
  return new Set(rows.map((row) => row.recipient));
}

/** The descriptions of attachments, without their content. */
export async function findAttachmentDescriptions(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'size'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Marks a held message reviewed, if it is still held; false when someone else came first. */
export async function markReviewed(
  db: Executor,
  change: { id: string; state: 'released' | 'discarded'; by: string | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('inbound_messages')
    .set({ state: change.state, reviewed_by: change.by, reviewed_at: change.at })
    .where('id', '=', change.id)
    .where('state', 'in', ['quarantined', 'flagged'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function allowRemoteImages(db: Executor, id: string, by: string | null, at: Date) {
  await db
    .updateTable('inbound_messages')
    .set({ remote_images_allowed_by: by, remote_images_allowed_at: at })
    .where('id', '=', id)
    .where('remote_images_allowed_at', 'is', null)
    .execute();
}

/** What a mailbox's reader last saw. */
export async function findMailboxState(db: Executor, mailboxId: string) {
  return db
    .selectFrom('mailbox_states')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .executeTakeFirst();
}

/** Writes what a mailbox's reader saw, creating the mailbox's state on its first report. */
export async function saveMailboxState(
  db: Executor,
  mailboxId: string,
  state: Omit<Updateable<MailboxStatesTable>, 'mailbox_id'>,
): Promise<void> {
  await db
    .insertInto('mailbox_states')
    .values({ mailbox_id: mailboxId, ...state })
    .onConflict((oc) => oc.column('mailbox_id').doUpdateSet(state))
    .execute();
}
