import type { TMailbox } from '../../../contracts/mailboxes.contracts';
import type { MailboxRouteRow, MailboxRow } from './mailboxes.repository';

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

/** A mailbox as the API shows it: the password only as whether there is one. */
export function presentMailbox(row: MailboxRow): TMailbox {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    unitId: row.unit_id,
    unitName: row.unit_name,
    policyCode: row.policy_code,
    smtpEnabled: row.smtp_enabled,
    acceptAnyRecipient: row.accept_any_recipient,
    imapHost: row.imap_host,
    imapPort: row.imap_port,
    imapTls: row.imap_tls,
    imapUser: row.imap_user,
    hasPassword: row.has_password,
    imapFolder: row.imap_folder,
    imapDoneFolder: row.imap_done_folder,
    ackEnabled: row.ack_enabled,
    ackSubjectLv: row.ack_subject_lv,
    ackBodyLv: row.ack_body_lv,
    ackSubjectEn: row.ack_subject_en,
    ackBodyEn: row.ack_body_en,
    active: row.active,
    state:
      row.state_mailbox_id === null
        ? null
        : {
            connected: row.state_connected ?? false,
            checkedAt: iso(row.state_checked_at),
            lastMessageAt: iso(row.state_last_message_at),
            lastError: row.state_last_error,
            lastErrorAt: iso(row.state_last_error_at),
          },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the mail channel files a message and acknowledges it by (issue 14's receivers). */
export interface MailboxRoute {
  id: string;
  name: string;
  address: string;
  unitId: string;
  policyCode: string | null;
  smtpEnabled: boolean;
  acceptAnyRecipient: boolean;
  active: boolean;
  acknowledgement: {
    enabled: boolean;
    subjectLv: string;
    bodyLv: string;
    subjectEn: string;
    bodyEn: string;
  };
}

export function presentRoute(row: MailboxRouteRow): MailboxRoute {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    unitId: row.unit_id,
    policyCode: row.policy_code,
    smtpEnabled: row.smtp_enabled,
    acceptAnyRecipient: row.accept_any_recipient,
    active: row.active,
    acknowledgement: {
      enabled: row.ack_enabled,
      subjectLv: row.ack_subject_lv,
      bodyLv: row.ack_body_lv,
      subjectEn: row.ack_subject_en,
      bodyEn: row.ack_body_en,
    },
  };
}
