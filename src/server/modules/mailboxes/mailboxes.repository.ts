import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { MailboxesTable } from '../../db/schema';

/** A mailbox with its unit's name and its reader's last state; the password only as a flag. */
function selectMailboxes(db: Executor) {
  return db
    .selectFrom('mailboxes as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('mailbox_states as s', 's.mailbox_id', 'm.id')
    .select([
      'm.id',
      'm.name',
      'm.address',
      'm.unit_id',
      'u.name as unit_name',
      'm.policy_code',
      'm.smtp_enabled',
      'm.accept_any_recipient',
      'm.imap_host',
      'm.imap_port',
      'm.imap_tls',
      'm.imap_user',
      sql<boolean>`m.imap_password is not null`.as('has_password'),
      'm.imap_folder',
      'm.imap_done_folder',
      'm.ack_enabled',
      'm.ack_subject_lv',
      'm.ack_body_lv',
      'm.ack_subject_en',
      'm.ack_body_en',
      'm.active',
      'm.version',
      'm.created_at',
      'm.updated_at',
      's.mailbox_id as state_mailbox_id',
      's.connected as state_connected',
      's.checked_at as state_checked_at',
      's.last_message_at as state_last_message_at',
      's.last_error as state_last_error',
      's.last_error_at as state_last_error_at',
    ]);
}
export type MailboxRow = Awaited<ReturnType<typeof findMailboxById>> & object;

export interface MailboxFilter {
  terms: string[];
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function findMailboxes(db: Executor, filter: MailboxFilter) {
  let query = selectMailboxes(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('m.name')
    .orderBy('m.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.active !== undefined) query = query.where('m.active', '=', filter.active);
  // A few tens of mailboxes at most: a plain case-insensitive match is enough.
  for (const term of filter.terms) {
    query = query.where((eb) =>
      eb.or([
        eb('m.name', 'ilike', `%${term}%`),
        eb('m.address', 'ilike', `%${term}%`),
        eb('u.name', 'ilike', `%${term}%`),
      ]),
    );
  }
  return query.execute();
}

export async function findMailboxById(db: Executor, id: string) {
  return selectMailboxes(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findMailboxIdByAddress(db: Executor, address: string) {
  return db
    .selectFrom('mailboxes')
    .select('id')
    .where(sql<string>`lower(address)`, '=', address.toLowerCase())
    .executeTakeFirst();
}

/** The active mailboxes that take mail for any recipient (at most one, by the service's rule). */
export async function findCatchAllIds(db: Executor) {
  return db
    .selectFrom('mailboxes')
    .select('id')
    .where('active', '=', true)
    .where('smtp_enabled', '=', true)
    .where('accept_any_recipient', '=', true)
    .execute();
}

/** What the mail channel needs of a mailbox to file and acknowledge a message. */
function selectRoutes(db: Executor) {
  return db
    .selectFrom('mailboxes')
    .select([
      'id',
      'name',
      'address',
      'unit_id',
      'policy_code',
      'smtp_enabled',
      'accept_any_recipient',
      'ack_enabled',
      'ack_subject_lv',
      'ack_body_lv',
      'ack_subject_en',
      'ack_body_en',
      'active',
    ]);
}
export type MailboxRouteRow = Awaited<ReturnType<typeof findRouteById>> & object;

export async function findRouteById(db: Executor, id: string) {
  return selectRoutes(db).where('id', '=', id).executeTakeFirst();
}

/**
 * The active SMTP mailbox for the first recipient that names one, in the recipients' order; else
 * the catch-all. Recipients compare whatever their case, as the address's unique index does.
 */
export async function findSmtpRoute(db: Executor, recipients: readonly string[]) {
  const lowered = recipients.map((recipient) => recipient.toLowerCase());
  let query = selectRoutes(db).where('active', '=', true).where('smtp_enabled', '=', true);
  query =
    lowered.length === 0
      ? query.where('accept_any_recipient', '=', true)
      : query.where((eb) =>
          eb.or([
            eb(sql<string>`lower(address)`, 'in', lowered),
            eb('accept_any_recipient', '=', true),
          ]),
        );
  return query
    .orderBy(
      sql`case when lower(address) = any(${sql.val(lowered)}::text[])
        then array_position(${sql.val(lowered)}::text[], lower(address)) else ${lowered.length + 1} end`,
    )
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function findImapSettings(db: Executor, id: string) {
  return db
    .selectFrom('mailboxes')
    .select([
      'id',
      'active',
      'imap_host',
      'imap_port',
      'imap_tls',
      'imap_user',
      'imap_password',
      'imap_folder',
      'imap_done_folder',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findImapMailboxIds(db: Executor) {
  const rows = await db
    .selectFrom('mailboxes')
    .select('id')
    .where('active', '=', true)
    .where('imap_host', 'is not', null)
    .orderBy('name')
    .execute();
  return rows.map((row) => row.id);
}

/** The active mailboxes and what their readers last saw, for the health check. */
export async function findActiveStates(db: Executor) {
  return db
    .selectFrom('mailboxes as m')
    .leftJoin('mailbox_states as s', 's.mailbox_id', 'm.id')
    .select(['m.name', 's.connected', 's.checked_at', 's.last_message_at', 's.last_error_at'])
    .where('m.active', '=', true)
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
}

export async function insertMailbox(
  db: Executor,
  row: Insertable<MailboxesTable>,
): Promise<string> {
  const inserted = await db
    .insertInto('mailboxes')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateMailbox(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: Updateable<MailboxesTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('mailboxes')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
