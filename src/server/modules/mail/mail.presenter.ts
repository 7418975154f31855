import type {
  TBlocklistEntry,
  TInboundMessage,
  TInboundMessageSummary,
} from '../../../contracts/mail.contracts';
import { safeMailHtml } from '../../lib/safe-html';
import type { InboundMessageRow } from './mail.repository';

type SummaryRow = Pick<
  InboundMessageRow,
  | 'id'
  | 'mailbox_id'
  | 'mailbox_name'
  | 'channel'
  | 'source'
  | 'from_address'
  | 'from_name'
  | 'to_addresses'
  | 'subject'
  | 'sent_at'
  | 'received_at'
  | 'size'
  | 'state'
  | 'spam_score'
  | 'spam_reasons'
  | 'flag_reason'
  | 'request_id'
  | 'reviewed_at'
>;

export function presentInboundSummary(row: SummaryRow): TInboundMessageSummary {
  return {
    id: row.id,
    mailbox:
      row.mailbox_id && row.mailbox_name ? { id: row.mailbox_id, name: row.mailbox_name } : null,
    channel: row.channel,
    source: row.source,
    from: row.from_address ? { address: row.from_address, name: row.from_name } : null,
    to: row.to_addresses,
    subject: row.subject,
    sentAt: row.sent_at?.toISOString() ?? null,
    receivedAt: row.received_at.toISOString(),
    size: row.size,
    state: row.state,
    spamScore: row.spam_score,
    spamReasons: row.spam_reasons,
    flagReason: row.flag_reason,
    requestId: row.request_id,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
  };
}

export function presentInboundMessage(
  row: SummaryRow &
    Pick<
      InboundMessageRow,
      'text_body' | 'html_body' | 'has_remote_images' | 'remote_images_allowed_at'
    >,
  attachments: TInboundMessage['attachments'],
): TInboundMessage {
  const remoteImagesAllowed = row.remote_images_allowed_at !== null;
  return {
    ...presentInboundSummary(row),
    text: row.text_body,
    html: row.html_body ? safeMailHtml(row.html_body, { remoteImages: remoteImagesAllowed }) : null,
    hasRemoteImages: row.has_remote_images,
    remoteImagesAllowed,
    attachments,
  };
}

export function presentBlocklistEntry(row: {
  id: string;
  entry: string;
  note: string | null;
  created_at: Date;
  created_by_name: string | null;
}): TBlocklistEntry {
  return {
    id: row.id,
    entry: row.entry,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
  };
}
