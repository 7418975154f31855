import { z } from 'zod';
import { normaliseBlockEntry } from '../domain/mail-in';
import { OptionalText, PageQuery, pageOf } from './common';

export const INBOUND_STATES = [
  'imported',
  'quarantined',
  'released',
  'flagged',
  'discarded',
] as const;
export const InboundState = z.enum(INBOUND_STATES);

/** Why a check held a message: which check, what it found, its points. */
export const SpamReason = z.object({
  check: z.string(),
  detail: z.string(),
  score: z.number().optional(),
});

/** A message received by email or e-address, as lists show it. */
export const InboundMessageSummary = z.object({
  id: z.uuid(),
  mailbox: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  channel: z.enum(['email', 'e_address']),
  source: z.enum(['smtp', 'imap', 'e_address']),
  from: z.object({ address: z.string(), name: z.string().nullable() }).nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string(),
  size: z.int(),
  /** imported into a request; quarantined as spam; flagged for a person (it cannot be read as it is); released from quarantine; discarded by a person. */
  state: InboundState,
  spamScore: z.number().nullable(),
  spamReasons: z.array(SpamReason),
  flagReason: z.enum(['malformed', 'too_large', 'undecodable']).nullable(),
  requestId: z.uuid().nullable(),
  reviewedAt: z.string().nullable(),
});
export type TInboundMessageSummary = z.infer<typeof InboundMessageSummary>;

/** A message opened: its text and its HTML made safe, pictures from elsewhere left out until allowed. */
export const InboundMessage = InboundMessageSummary.extend({
  text: z.string().nullable(),
  html: z.string().nullable(),
  hasRemoteImages: z.boolean(),
  remoteImagesAllowed: z.boolean(),
  attachments: z.array(
    z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.int() }),
  ),
});
export type TInboundMessage = z.infer<typeof InboundMessage>;

export const InboundMessageList = z.object({ items: z.array(InboundMessage) });
export type TInboundMessageList = z.infer<typeof InboundMessageList>;

export const InboundMessagePage = pageOf(InboundMessageSummary);
export type TInboundMessagePage = z.infer<typeof InboundMessagePage>;

/** The held mail: the quarantine (spam) or the messages flagged for a person. */
export const HeldMailQuery = z.strictObject({
  state: z.enum(['quarantined', 'flagged']).default('quarantined'),
  ...PageQuery,
});
export type THeldMailQuery = z.infer<typeof HeldMailQuery>;

export const BlocklistEntry = z.object({
  id: z.uuid(),
  /** A whole address, or "@domain" for every address of the domain and its subdomains. */
  entry: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TBlocklistEntry = z.infer<typeof BlocklistEntry>;

export const BlocklistPage = pageOf(BlocklistEntry);
export type TBlocklistPage = z.infer<typeof BlocklistPage>;

export const BlocklistQuery = z.strictObject({ ...PageQuery });
export type TBlocklistQuery = z.infer<typeof BlocklistQuery>;

export const CreateBlocklistBody = z.strictObject({
  entry: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const entry = normaliseBlockEntry(value);
      if (entry) return entry;
      ctx.addIssue({ code: 'custom', message: 'block_entry_invalid' });
      return z.NEVER;
    }),
  note: OptionalText(500),
});
export type TCreateBlocklistBody = z.infer<typeof CreateBlocklistBody>;
