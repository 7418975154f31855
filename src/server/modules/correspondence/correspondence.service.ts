import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel } from '../../../domain/channels';
import { letterBody, quoteOf, type LetterLanguage } from '../../../domain/letters';
import { messageIdFor, threadHeadersFor } from '../../../domain/mail-out';
import { recipientFor } from '../../../domain/notices';
import { canMove } from '../../../domain/requests';
import type {
  TAttachment,
  TDeliveryBody,
  TOutgoingMessage,
  TReplyBody,
} from '../../../contracts/correspondence.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound } from '../../http/errors';
import type { ArticlesService } from '../articles/articles.service';
import type { AuditService } from '../audit/audit.service';
import { assertMayServe } from '../clients/clients.service';
import type { SignaturesService } from '../signatures/signatures.service';
import type { RequestAccess, RequestRecord } from '../requests/requests.service';
import { presentAttachment, presentOutgoingMessage } from './correspondence.presenter';
import {
  findAttachment,
  findAttachmentsOf,
  findLatestLetterOf,
  findMailThreadOf,
  findOutgoingMessage,
  findOutgoingMessagesOf,
  insertAttachment,
  insertOutgoingMessage,
  insertOutgoingMessages,
  markMessageDelivered,
} from './correspondence.repository';

/** Attachments are documents, not archives: one file at most this large. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Where a letter about the request goes: the client's address for the channel they came by. */
function recipientOf(row: RequestRecord): string | null {
  const client =
    row.client_id && row.client_record_kind
      ? { email: row.client_email, phone: row.client_phone, eAddress: row.client_e_address }
      : null;
  return recipientFor(row.channel, client);
}

/**
 * A new letter's Message-ID, given now so that the thread it starts is known before it leaves,
 * and, when the client wrote in by mail, its place in their thread and the mailbox it leaves from.
 */
async function threadingOf(trx: Executor, requestId: string) {
  const { inbound, senderAddress } = await findMailThreadOf(trx, requestId);
  const thread = threadHeadersFor(
    inbound
      ? {
          messageId: inbound.message_id,
          inReplyTo: inbound.in_reply_to,
          referenceIds: inbound.reference_ids,
        }
      : null,
  );
  return {
    message_id: messageIdFor(randomUUID(), senderAddress),
    in_reply_to: thread.inReplyTo,
    reference_ids: thread.references,
    mailbox_id: inbound?.mailbox_id ?? null,
  };
}

/**
 * What goes between the office and the client about a request: its documents, and the letters
 * owed to the client, which wait in the outbox for the mail channel or leave another way.
 */
export function createCorrespondenceService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  articles: ArticlesService;
  requestAccess: RequestAccess;
  signatures: SignaturesService;
}) {
  const { db, audit, clock, articles, requestAccess, signatures } = deps;

  /** The acting person's signature in the language; none for the system's own letters. */
  const signatureOf = (trx: Executor, ctx: ActionContext, language: LetterLanguage) =>
    ctx.principal.staffId ? signatures.signatureIn(trx, ctx.principal.staffId, language) : null;

  return {
    /**
     * A letter owed to the client, due now, put in the outbox in the caller's transaction through
     * the channel the request came by; its id.
     */
    async queueLetterIn(
      trx: Executor,
      ctx: ActionContext,
      request: RequestRecord,
      letter: {
        subject: string;
        body: string;
        attachmentIds?: string[];
        /** What the letter is, when not one a person wrote (an automatic reply, a notice). */
        kind?: 'letter' | 'interim' | 'acknowledgement' | 'out_of_office';
        /** Where it goes when not to the client's address for the channel (a reply to a sender). */
        recipient?: string;
        mailboxId?: string | null;
        inReplyTo?: string | null;
        referenceIds?: string[];
        /** Signed by the acting person, in this language (a letter a clerk's action writes). */
        signedIn?: LetterLanguage;
      },
    ): Promise<string> {
      const signature = letter.signedIn ? await signatureOf(trx, ctx, letter.signedIn) : null;
      const thread = await threadingOf(trx, request.id);
      return insertOutgoingMessage(trx, {
        ...thread,
        request_id: request.id,
        channel: request.channel,
        recipient: letter.recipient ?? recipientOf(request),
        kind: letter.kind ?? 'letter',
        // A letter about a request that came by email answers in that thread, from the mailbox it
        // came to, unless the caller names its own (an automatic reply to one particular letter).
        mailbox_id: letter.mailboxId !== undefined ? letter.mailboxId : thread.mailbox_id,
        in_reply_to: letter.inReplyTo !== undefined ? letter.inReplyTo : thread.in_reply_to,
        ...(letter.referenceIds ? { reference_ids: letter.referenceIds } : {}),
        subject: letter.subject,
        body: letterBody({ text: letter.body, signature, quote: null }),
        ...(letter.attachmentIds ? { attachment_ids: letter.attachmentIds } : {}),
        due_at: clock.now(),
        state: 'due',
        created_by: ctx.principal.staffId,
        created_at: clock.now(),
      });
    },

    /**
     * Automatic letters that answer letters just received (their acknowledgements), several in
     * one statement in the caller's transaction. Each answers its letter in the letter's thread
     * and leaves from the mailbox it came to, as queueLetterIn would send it.
     */
    async queueAnswersIn(
      trx: Executor,
      ctx: ActionContext,
      letters: ReadonlyArray<{
        request: { id: string; channel: Channel };
        subject: string;
        body: string;
        kind: 'acknowledgement';
        recipient: string;
        mailbox: { id: string; address: string };
        inReplyTo: string;
        referenceIds: string[];
      }>,
    ): Promise<void> {
      const now = clock.now();
      await insertOutgoingMessages(
        trx,
        letters.map((letter) => ({
          message_id: messageIdFor(randomUUID(), letter.mailbox.address),
          request_id: letter.request.id,
          channel: letter.request.channel,
          recipient: letter.recipient,
          kind: letter.kind,
          mailbox_id: letter.mailbox.id,
          in_reply_to: letter.inReplyTo,
          reference_ids: letter.referenceIds,
          subject: letter.subject,
          body: letterBody({ text: letter.body, signature: null, quote: null }),
          due_at: now,
          state: 'due' as const,
          created_by: ctx.principal.staffId,
          created_at: now,
        })),
      );
    },

    /** Files that came with a letter from the client, kept with the request in the caller's transaction. */
    async storeAttachmentsIn(
      trx: Executor,
      requestId: string,
      files: ReadonlyArray<{ filename: string; contentType: string; content: Buffer }>,
    ): Promise<string[]> {
      const ids: string[] = [];
      for (const file of files)
        ids.push(
          await insertAttachment(trx, {
            request_id: requestId,
            filename: file.filename,
            content_type: file.contentType,
            size: file.content.length,
            content: file.content,
            uploaded_by: null,
            uploaded_at: clock.now(),
          }),
        );
      return ids;
    },

    /** A request's documents and letters, for its page; the caller has checked that the viewer sees it. */
    async ofRequest(
      executor: Executor,
      requestId: string,
    ): Promise<{ attachments: TAttachment[]; outgoingMessages: TOutgoingMessage[] }> {
      const attachments = await findAttachmentsOf(executor, requestId);
      const messages = await findOutgoingMessagesOf(executor, requestId);
      return {
        attachments: attachments.map(presentAttachment),
        outgoingMessages: messages.map(presentOutgoingMessage),
      };
    },

    /**
     * A written answer to the client through the channel they came by, with articles attached
     * as PDF; it waits in the outbox for the mail channel. It may also mark the request answered.
     */
    async reply(ctx: ActionContext, id: string, body: TReplyBody): Promise<void> {
      requirePermission(ctx.principal, 'requests.work');
      const seen = await requestAccess.visible(db, ctx, id);
      // Laid out before the transaction: PDFs take a moment, and PGlite has one connection.
      // Internal articles may go to a colleague, never to a resident.
      const pdfs = await articles.pdfsFor([...new Set(body.pdfArticleIds)], {
        publicOnly: seen.client_kind === 'external',
      });
      await db.transaction().execute(async (trx) => {
        const row = await requestAccess.forChange(trx, ctx, id, body.version);
        if (body.markAnswered && !canMove(row.state, 'answered'))
          throw invalidField('markAnswered', 'invalid_transition', {
            from: row.state,
            to: 'answered',
          });
        const now = clock.now();
        const attachmentIds: string[] = [];
        for (const pdf of pdfs)
          attachmentIds.push(
            await insertAttachment(trx, {
              request_id: row.id,
              filename: pdf.filename,
              content_type: 'application/pdf',
              size: pdf.content.length,
              content: pdf.content,
              uploaded_by: ctx.principal.staffId,
              uploaded_at: now,
            }),
          );
        const quoted = body.quote ? await findLatestLetterOf(trx, row.id) : undefined;
        const text = letterBody({
          text: body.body,
          signature: await signatureOf(trx, ctx, body.language),
          quote: quoted?.text_body
            ? quoteOf(
                {
                  from: quoted.from_name ?? quoted.from_address,
                  receivedAt: quoted.received_at,
                  text: quoted.text_body,
                },
                body.language,
              )
            : null,
        });
        const messageId = await insertOutgoingMessage(trx, {
          ...(await threadingOf(trx, row.id)),
          kind: 'reply',
          request_id: row.id,
          channel: row.channel,
          recipient: recipientOf(row),
          subject: body.subject,
          body: text,
          attachment_ids: attachmentIds,
          due_at: now,
          state: 'due',
          created_by: ctx.principal.staffId,
          created_at: now,
        });
        const event = {
          kind: 'reply',
          data: {
            messageId,
            subject: body.subject,
            articles: pdfs.map((pdf) => ({ id: pdf.articleId, title: pdf.title })),
          },
        };
        if (body.markAnswered)
          await requestAccess.change(trx, ctx, row, { state: 'answered', answered_at: now }, event);
        else {
          await requestAccess.recordEvent(trx, ctx, row.id, event.kind, event.data);
          await audit.record(trx, ctx, {
            action: 'reply',
            entityType: 'request',
            entityId: row.id,
            context: event.data,
          });
        }
      });
    },

    /**
     * A letter still waiting that left another way: handed to the client, printed, or sent by
     * other means. Who and when go on the letter, the timeline and the audit log.
     */
    async markDelivered(
      ctx: ActionContext,
      id: string,
      messageId: string,
      body: TDeliveryBody,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await requestAccess.forChange(trx, ctx, id);
        const message = await findOutgoingMessage(trx, messageId, row.id);
        if (!message) throw notFound();
        const at = clock.now();
        const delivered = await markMessageDelivered(trx, {
          id: messageId,
          requestId: row.id,
          by: ctx.principal.staffId,
          at,
          method: body.method,
          note: body.note ?? null,
        });
        if (!delivered) throw new AppError('conflict', 'letter_not_due');
        const data = {
          messageId,
          subject: message.subject,
          method: body.method,
          note: body.note ?? null,
        };
        await requestAccess.recordEvent(trx, ctx, row.id, 'letter-delivered', data);
        await audit.record(trx, ctx, {
          action: 'deliver',
          entityType: 'outgoing_message',
          entityId: messageId,
          before: { state: message.state },
          after: { state: 'sent', delivery: body.method, deliveredAt: at.toISOString() },
          context: { requestId: row.id },
        });
      });
    },

    async attach(
      ctx: ActionContext,
      id: string,
      file: { filename: string; contentType: string; content: Buffer },
    ) {
      if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large');
      return db.transaction().execute(async (trx) => {
        const row = await requestAccess.forChange(trx, ctx, id);
        const attachmentId = await insertAttachment(trx, {
          request_id: row.id,
          filename: file.filename,
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
          uploaded_by: ctx.principal.staffId,
          uploaded_at: clock.now(),
        });
        await requestAccess.recordEvent(trx, ctx, row.id, 'attachment', {
          attachmentId,
          filename: file.filename,
        });
        await audit.record(trx, ctx, {
          action: 'attach',
          entityType: 'request',
          entityId: row.id,
          context: { attachmentId, filename: file.filename, size: file.content.length },
        });
        return { id: attachmentId };
      });
    },

    /** Refuses before anything is read when the principal may not change the request. */
    async assertMayChange(ctx: ActionContext, id: string): Promise<void> {
      await requestAccess.forChange(db, ctx, id);
    },

    /** A document of the request; opening it is recorded, as it may hold personal data. */
    async attachment(ctx: ActionContext, id: string, attachmentId: string) {
      assertMayServe(ctx);
      const row = await requestAccess.visible(db, ctx, id);
      const file = await findAttachment(db, { id: attachmentId, requestId: row.id });
      if (!file) throw notFound();
      if (row.client_id && row.client_record_kind !== 'organisation') {
        await audit.recordRead(db, ctx, {
          entityType: 'client',
          entityId: row.client_id,
          context: { requestId: row.id, requestNumber: row.number, attachmentId },
        });
      }
      return { filename: file.filename, contentType: file.content_type, content: file.content };
    },
  };
}
export type CorrespondenceService = ReturnType<typeof createCorrespondenceService>;
