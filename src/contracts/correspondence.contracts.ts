import { z } from 'zod';
import { LETTER_LANGUAGES } from '../domain/letters';
import { OptionalText, Text, Version } from './common';

/** Ways a letter leaves other than through its channel: handed over, printed, sent another way. */
export const LETTER_DELIVERIES = ['handed_over', 'printed', 'other'] as const;

export const Attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type TAttachment = z.infer<typeof Attachment>;

export const OutgoingMessage = z.object({
  id: z.uuid(),
  channel: z.string(),
  recipient: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** The request's attachments that go with it. */
  attachmentIds: z.array(z.uuid()),
  dueAt: z.string(),
  /**
   * `due` waits to leave; `sent` has left, through its channel or as `delivery` says; `failed`
   * was refused by the mail server for good or after every attempt.
   */
  state: z.enum(['due', 'sent', 'failed', 'cancelled']),
  /** Attempts to hand it to the mail server so far. */
  attempts: z.int(),
  /** When it is tried again after the mail server did not take it. */
  nextAttemptAt: z.string().nullable(),
  /** When the mail server took it. */
  sentAt: z.string().nullable(),
  /** The mail server's last answer when it did not take it, or what went wrong on the way. */
  lastError: z.string().nullable(),
  /** It waits because no mail server is configured to send it through. */
  noMailServer: z.boolean(),
  /** How a letter left when not through its channel: by whom and when. */
  delivery: z
    .object({
      method: z.enum(LETTER_DELIVERIES),
      note: z.string().nullable(),
      by: z.object({ id: z.string(), name: z.string() }).nullable(),
      at: z.string(),
    })
    .nullable(),
});
export type TOutgoingMessage = z.infer<typeof OutgoingMessage>;

/**
 * A written answer to the client, sent through the channel they came by (clause 21.2). The
 * signature is not part of it: the server adds the writer's, built from the template.
 */
export const ReplyBody = z.strictObject({
  subject: Text(300),
  body: Text(20_000),
  /** Knowledge-base articles attached as PDF. */
  pdfArticleIds: z.array(z.uuid()).max(5).default([]),
  /** The reply answers the request: it moves to "answered". */
  markAnswered: z.boolean().default(false),
  /** The letter's language: the signature under it is the template of this language. */
  language: z.enum(LETTER_LANGUAGES).default('lv'),
  /** Quote the client's latest letter under the answer (clause 21.2.2). */
  quote: z.boolean().default(false),
  version: Version,
});
export type TReplyBody = z.infer<typeof ReplyBody>;

/** A letter that left other than through its channel: how, and a word on it. */
export const DeliveryBody = z.strictObject({
  method: z.enum(LETTER_DELIVERIES),
  note: OptionalText(500),
});
export type TDeliveryBody = z.infer<typeof DeliveryBody>;

export const MessageParams = z.strictObject({ id: z.uuid(), messageId: z.uuid() });

export const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
/** What a new attachment's upload answers: its id. */
export const AttachmentCreated = z.object({ id: z.uuid() });
