import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel } from '../../../domain/channels';
import {
  NO_MAIL_SERVER,
  type TFailedLetterPage,
  type TFailedLettersQuery,
} from '../../../contracts/outbox.contracts';
import { afterFailure, messageIdFor, subjectWithNumber } from '../../../domain/mail-out';
import type { Clock } from '../../adapters/clock';
import type { DB } from '../../db/schema';
import { requirePermission, systemContext, type ActionContext } from '../../http/access';
import { AppError, notFound } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { RequestAccess } from '../requests/requests.service';
import { presentFailedLetter } from './outbox.presenter';
import {
  claimNextLetter,
  findFailedLetters,
  findLetter,
  findLetterAttachments,
  findLetterToSend,
  markLetterDueAgain,
  markLetterFailed,
  markLetterRetry,
  markLetterSent,
  markWaitingForMailServer,
} from './outbox.repository';
import type { MailTransport, SendResult } from './outbox.transport';

/**
 * How long a claimed letter is kept from other senders: well over one attempt's worst case
 * (the transport's timeouts), so that a letter is never handed to the server twice at once, yet
 * short enough that a sender that died leaves it for little time (decision 42).
 */
export const LEASE_MS = 10 * 60_000;

/** Letters sent in one run at most, so that one run of the job ends in good time. */
export const LETTERS_PER_RUN = 50;

/**
 * The last resort when neither the letter's mailbox, the request's unit nor its institution has
 * an address: a domain that cannot exist (RFC 2606), so that a relay refuses it visibly rather
 * than sending under an address nobody reads.
 */
export const FALLBACK_SENDER = 'apkalpo@apkalpo.invalid';

/** The kinds of letter written by no person: marked so that other systems do not answer them (RFC 3834). */
const AUTOMATIC_KINDS = new Set(['acknowledgement', 'out_of_office']);

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the email letters of the outbox through the mail server (issue 14): each letter is
 * claimed, sent outside any transaction, and its result recorded in a transaction of its own
 * with the request's timeline and the audit log. Without a mail server the letters wait and say
 * so on their request.
 */
export function createOutboxService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  requestAccess: RequestAccess;
  /** Null: no mail server is configured. */
  transport: MailTransport | null;
  /** The e-address gateway's transport; null: e-address letters wait. */
  eAddress?: MailTransport | null;
}) {
  const { db, audit, clock, requestAccess } = deps;
  const byChannel: Partial<Record<Channel, MailTransport>> = {
    ...(deps.transport ? { email: deps.transport } : {}),
    ...(deps.eAddress ? { e_address: deps.eAddress } : {}),
  };
  const channels = (['email', 'e_address'] as const).filter((channel) => byChannel[channel]);
  const ctx = systemContext('send-mail');

  async function sendOne(letterId: string): Promise<keyof SendReport | null> {
    const letter = await findLetterToSend(db, letterId);
    const transport = letter ? byChannel[letter.channel] : undefined;
    if (!letter?.recipient || !transport) return null;
    const files = await findLetterAttachments(db, letter.request_id, letter.attachment_ids);
    const sender = letter.sender_address ?? FALLBACK_SENDER;
    // Letters queued before Message-IDs were given get theirs now.
    const messageId = letter.message_id ?? messageIdFor(randomUUID(), sender);
    const result: SendResult = await transport.send({
      from: { name: letter.sender_name, address: sender },
      to: letter.recipient,
      subject: subjectWithNumber(letter.subject, letter.request_number),
      text: letter.body,
      date: clock.now(),
      messageId,
      inReplyTo: letter.in_reply_to,
      references: letter.reference_ids,
      headers: AUTOMATIC_KINDS.has(letter.kind) ? { 'Auto-Submitted': 'auto-replied' } : {},
      attachments: files.map((file) => ({
        filename: file.filename,
        contentType: file.content_type,
        content: file.content,
      })),
    });
    const now = clock.now();
    const about = { messageId: letter.id, subject: letter.subject, recipient: letter.recipient };
    if (result.accepted) {
      await db.transaction().execute(async (trx) => {
        if (!(await markLetterSent(trx, { id: letter.id, at: now, messageId }))) return;
        await requestAccess.recordEvent(trx, ctx, letter.request_id, 'letter-sent', about);
        await audit.record(trx, ctx, {
          action: 'send',
          entityType: 'outgoing_message',
          entityId: letter.id,
          before: { state: 'due', attempts: letter.attempts },
          after: { state: 'sent', sentAt: now.toISOString(), messageId },
          context: { requestId: letter.request_id, response: result.response },
        });
      });
      return 'sent';
    }
    const next = afterFailure({
      attempts: letter.attempts,
      responseCode: result.responseCode,
      now,
    });
    if (next.state === 'due') {
      // A passing refusal changes no state: the letter shows its answer and next attempt.
      await markLetterRetry(db, {
        id: letter.id,
        nextAttemptAt: next.nextAttemptAt,
        error: result.error,
      });
      return 'retried';
    }
    await db.transaction().execute(async (trx) => {
      if (!(await markLetterFailed(trx, { id: letter.id, error: result.error }))) return;
      await requestAccess.recordEvent(trx, ctx, letter.request_id, 'letter-failed', {
        ...about,
        error: result.error,
        attempts: letter.attempts,
      });
      await audit.record(trx, ctx, {
        action: 'send-failed',
        entityType: 'outgoing_message',
        entityId: letter.id,
        before: { state: 'due', attempts: letter.attempts },
        after: { state: 'failed', lastError: result.error },
        context: { requestId: letter.request_id },
      });
    });
    return 'failed';
  }

  return {
    /**
     * Sends the email letters whose time has come, one claimed at a time, up to LETTERS_PER_RUN;
     * without a mail server, notes on each that it waits for one.
     */
    async sendDue(): Promise<SendReport> {
      const report: SendReport = { sent: 0, retried: 0, failed: 0 };
      if (!byChannel.email) await markWaitingForMailServer(db, NO_MAIL_SERVER);
      if (channels.length === 0) return report;
      for (let run = 0; run < LETTERS_PER_RUN; run += 1) {
        const now = clock.now();
        const claimed = await claimNextLetter(db, {
          channels,
          now,
          leaseUntil: new Date(now.getTime() + LEASE_MS),
        });
        if (!claimed) break;
        const outcome = await sendOne(claimed.id);
        if (outcome) report[outcome] += 1;
      }
      return report;
    },

    /** The letters that could not be sent, newest first, for the administrator. */
    async listFailed(ctx: ActionContext, query: TFailedLettersQuery): Promise<TFailedLetterPage> {
      requirePermission(ctx.principal, 'outbox.manage');
      const rows = await findFailedLetters(db, {
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentFailedLetter);
    },

    /** Puts a letter that could not be sent back in the outbox, to be tried afresh now. */
    async retry(actor: ActionContext, id: string): Promise<void> {
      requirePermission(actor.principal, 'outbox.manage');
      await db.transaction().execute(async (trx) => {
        const letter = await findLetter(trx, id);
        if (!letter) throw notFound();
        const now = clock.now();
        if (!(await markLetterDueAgain(trx, { id, at: now })))
          throw new AppError('conflict', 'letter_not_failed');
        await requestAccess.recordEvent(trx, actor, letter.request_id, 'letter-retry', {
          messageId: id,
          subject: letter.subject,
        });
        await audit.record(trx, actor, {
          action: 'retry',
          entityType: 'outgoing_message',
          entityId: id,
          before: { state: letter.state, attempts: letter.attempts, lastError: letter.last_error },
          after: { state: 'due', attempts: 0 },
          context: { requestId: letter.request_id },
        });
      });
    },
  };
}
export type OutboxService = ReturnType<typeof createOutboxService>;
