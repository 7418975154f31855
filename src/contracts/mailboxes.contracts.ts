import { z } from 'zod';
import { unknownPlaceholders } from '../domain/acknowledgement';
import { Email, OptionalText, PageQuery, SearchText, Text, Version, pageOf } from './common';

/** Text of an acknowledgement template: only the placeholders the sender knows how to fill. */
const Template = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => unknownPlaceholders(text).length === 0, {
      message: 'unknown_placeholder',
    });

const mailboxFields = {
  name: Text(200),
  /** Where residents write; unique whatever its case. */
  address: Email,
  unitId: z.uuid(),
  /** A deadline policy's code; none: the policy is chosen by channel and client kind. */
  policyCode: OptionalText(60),
  /** Receives through Apkalpo's own SMTP receiver. */
  smtpEnabled: z.boolean(),
  /** Takes mail for any recipient the receiver is given; one active mailbox at most. */
  acceptAnyRecipient: z.boolean(),
  /** No host: the mailbox is not read over IMAP. */
  imapHost: OptionalText(253),
  imapPort: z.int().min(1).max(65535).nullable(),
  imapTls: z.boolean(),
  imapUser: OptionalText(254),
  imapFolder: Text(200),
  /** Where an imported message is moved; none: it is marked seen. */
  imapDoneFolder: OptionalText(200),
  ackEnabled: z.boolean(),
  ackSubjectLv: Template(200),
  ackBodyLv: Template(5000),
  ackSubjectEn: Template(200),
  ackBodyEn: Template(5000),
  active: z.boolean(),
};

/**
 * The IMAP password, write-only: a text sets it, null removes it, leaving it out keeps it. It is
 * stored encrypted and never sent back (a mailbox says only whether it has one).
 */
const ImapPassword = z.string().min(1).max(500).nullable().optional();

export const CreateMailboxBody = z.strictObject({
  name: mailboxFields.name,
  address: mailboxFields.address,
  unitId: mailboxFields.unitId,
  policyCode: mailboxFields.policyCode,
  smtpEnabled: mailboxFields.smtpEnabled.default(false),
  acceptAnyRecipient: mailboxFields.acceptAnyRecipient.default(false),
  imapHost: mailboxFields.imapHost,
  imapPort: mailboxFields.imapPort.optional(),
  imapTls: mailboxFields.imapTls.default(true),
  imapUser: mailboxFields.imapUser,
  imapPassword: ImapPassword,
  imapFolder: mailboxFields.imapFolder.default('INBOX'),
  imapDoneFolder: mailboxFields.imapDoneFolder,
  ackEnabled: mailboxFields.ackEnabled.default(false),
  ackSubjectLv: mailboxFields.ackSubjectLv.default(''),
  ackBodyLv: mailboxFields.ackBodyLv.default(''),
  ackSubjectEn: mailboxFields.ackSubjectEn.default(''),
  ackBodyEn: mailboxFields.ackBodyEn.default(''),
  active: mailboxFields.active.default(true),
});
export type TCreateMailboxBody = z.infer<typeof CreateMailboxBody>;

export const UpdateMailboxBody = z.strictObject({
  ...z.object(mailboxFields).partial().shape,
  imapPassword: ImapPassword,
  version: Version,
});
export type TUpdateMailboxBody = z.infer<typeof UpdateMailboxBody>;

/** What the mailbox's reader last saw; null until it first looked. */
export const MailboxState = z.object({
  connected: z.boolean(),
  checkedAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type TMailboxState = z.infer<typeof MailboxState>;

export const Mailbox = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  policyCode: z.string().nullable(),
  smtpEnabled: z.boolean(),
  acceptAnyRecipient: z.boolean(),
  imapHost: z.string().nullable(),
  imapPort: z.int().nullable(),
  imapTls: z.boolean(),
  imapUser: z.string().nullable(),
  /** Whether an IMAP password is stored; the password itself never leaves the server. */
  hasPassword: z.boolean(),
  imapFolder: z.string(),
  imapDoneFolder: z.string().nullable(),
  ackEnabled: z.boolean(),
  ackSubjectLv: z.string(),
  ackBodyLv: z.string(),
  ackSubjectEn: z.string(),
  ackBodyEn: z.string(),
  active: z.boolean(),
  state: MailboxState.nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TMailbox = z.infer<typeof Mailbox>;

export const ListMailboxesQuery = z.strictObject({
  q: SearchText(100).optional(),
  active: z.stringbool().optional(),
  ...PageQuery,
});
export type TListMailboxesQuery = z.infer<typeof ListMailboxesQuery>;

export const MailboxPage = pageOf(Mailbox).extend({
  /** Whether the server has a key to encrypt IMAP passwords with (APKALPO_SECRET_KEY). */
  passwordsCanBeStored: z.boolean(),
});
export type TMailboxPage = z.infer<typeof MailboxPage>;
