import type { TAttachment, TOutgoingMessage } from '../../../contracts/correspondence.contracts';
import { NO_MAIL_SERVER } from '../../../contracts/outbox.contracts';
import type { findAttachmentsOf, findOutgoingMessagesOf } from './correspondence.repository';

/** A document of a request, described without its content. */
export function presentAttachment(
  row: Awaited<ReturnType<typeof findAttachmentsOf>>[number],
): TAttachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by_name,
  };
}

/** A letter to the client: waiting to leave, or gone, and how if not through its channel. */
export function presentOutgoingMessage(
  m: Awaited<ReturnType<typeof findOutgoingMessagesOf>>[number],
): TOutgoingMessage {
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    attachmentIds: m.attachment_ids,
    dueAt: m.due_at.toISOString(),
    state: m.state,
    attempts: m.attempts,
    nextAttemptAt: m.next_attempt_at?.toISOString() ?? null,
    sentAt: m.sent_at?.toISOString() ?? null,
    lastError: m.last_error === NO_MAIL_SERVER ? null : m.last_error,
    noMailServer: m.state === 'due' && m.last_error === NO_MAIL_SERVER,
    delivery:
      m.delivery && m.delivered_at
        ? {
            method: m.delivery,
            note: m.delivery_note,
            by:
              m.delivered_by && m.delivered_by_name
                ? { id: m.delivered_by, name: m.delivered_by_name }
                : null,
            at: m.delivered_at.toISOString(),
          }
        : null,
  };
}
