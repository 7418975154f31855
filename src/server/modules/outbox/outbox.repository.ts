import { sql } from 'kysely';
import type { Channel } from '../../../domain/channels';
import type { Executor } from '../../db/database';

/**
 * Claims the email letter whose time came first, if any: its attempt is counted and it is
 * leased until `leaseUntil` (its next attempt moves there), so that another sender, here or on
 * another instance, passes over it while this one talks to the mail server, and a sender that
 * dies mid-way leaves it to be tried again when the lease ends (decision 42). A row another
 * transaction is claiming is skipped, not waited for. One at a time, so that a lease covers one
 * attempt, never a queue of them.
 */
export async function claimNextLetter(
  db: Executor,
  claim: { channels: readonly Channel[]; now: Date; leaseUntil: Date },
) {
  const next = db
    .selectFrom('outgoing_messages')
    .select('id')
    .where('state', '=', 'due')
    .where('channel', 'in', [...claim.channels])
    .where('recipient', 'is not', null)
    .where(sql<boolean>`coalesce(next_attempt_at, due_at) <= ${claim.now}`)
    .orderBy(sql`coalesce(next_attempt_at, due_at)`)
    .limit(1)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('outgoing_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: claim.leaseUntil }))
    .where('id', '=', next)
    .where('state', '=', 'due')
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * What a claimed letter is sent with: its words and threading, its request's number, and who
 * it is from: the mailbox it leaves from, else the request's unit, else the unit's institution.
 */
export async function findLetterToSend(db: Executor, id: string) {
  return db
    .selectFrom('outgoing_messages as m')
    .innerJoin('service_requests as r', 'r.id', 'm.request_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .leftJoin('mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([
      'm.id',
      'm.request_id',
      'm.channel',
      'm.kind',
      'm.state',
      'm.recipient',
      'm.subject',
      'm.body',
      'm.attachment_ids',
      'm.message_id',
      'm.in_reply_to',
      'm.reference_ids',
      'm.attempts',
      'r.number as request_number',
      sql<string | null>`coalesce(b.address, u.email, i.email)`.as('sender_address'),
      sql<string>`coalesce(b.name, i.name)`.as('sender_name'),
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** The files that go with a letter: the request's attachments it names. */
export async function findLetterAttachments(db: Executor, requestId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'content_type', 'content'])
    .where('request_id', '=', requestId)
    .where('id', 'in', ids)
    .execute();
}

/** The letter left: sent now with this Message-ID. False when it is no longer due. */
export async function markLetterSent(
  db: Executor,
  change: { id: string; at: Date; messageId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({
      state: 'sent',
      sent_at: change.at,
      message_id: change.messageId,
      next_attempt_at: null,
      last_error: null,
    })
    .where('id', '=', change.id)
    .where('state', '=', 'due')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The mail server did not take the letter for now: it is tried again at `nextAttemptAt`. */
export async function markLetterRetry(
  db: Executor,
  change: { id: string; nextAttemptAt: Date; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({ next_attempt_at: change.nextAttemptAt, last_error: change.error })
    .where('id', '=', change.id)
    .where('state', '=', 'due')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The letter cannot be sent: refused for good, or too many attempts. */
export async function markLetterFailed(
  db: Executor,
  change: { id: string; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({ state: 'failed', next_attempt_at: null, last_error: change.error })
    .where('id', '=', change.id)
    .where('state', '=', 'due')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Notes on every email letter waiting that there is no mail server to send it through; the
 * ones already noted are left as they are, so that the job rewrites nothing each tick.
 */
export async function markWaitingForMailServer(db: Executor, marker: string): Promise<number> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({ last_error: marker })
    .where('state', '=', 'due')
    .where('channel', '=', 'email')
    .where('recipient', 'is not', null)
    .where(sql<boolean>`last_error is distinct from ${marker}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The letters that could not be sent, newest first, a page of them with the total. */
export async function findFailedLetters(db: Executor, page: { limit: number; offset: number }) {
  return db
    .selectFrom('outgoing_messages as m')
    .innerJoin('service_requests as r', 'r.id', 'm.request_id')
    .select([
      'm.id',
      'm.request_id',
      'm.recipient',
      'm.subject',
      'm.attempts',
      'm.last_error',
      'm.created_at',
      'r.number as request_number',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('m.state', '=', 'failed')
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function findLetter(db: Executor, id: string) {
  return db
    .selectFrom('outgoing_messages')
    .select(['id', 'request_id', 'subject', 'state', 'attempts', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A failed letter goes back to the outbox to be tried afresh now. False when it had not failed. */
export async function markLetterDueAgain(
  db: Executor,
  change: { id: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('outgoing_messages')
    .set({ state: 'due', attempts: 0, next_attempt_at: change.at, last_error: null })
    .where('id', '=', change.id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
