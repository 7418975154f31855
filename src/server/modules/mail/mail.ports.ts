import type { Channel } from '../../../domain/channels';
import type { Executor } from '../../db/database';
import type { SpamReasonJson } from '../../db/schema';
import type { ActionContext } from '../../http/access';
import type { MailboxRoute } from '../mailboxes/mailboxes.presenter';
import type { RequestRecord } from '../requests/requests.service';

// Where the mail channel's parts meet (issue 14): the import of a message asks the spam checks
// for a verdict before its transaction, and the automatic replies for theirs inside it; a clerk's
// release from quarantine hands the message back to the import.

/** What the spam checks read of a message. */
export interface MessageToJudge {
  mailboxId: string | null;
  /** The message as received. */
  raw: Buffer;
  /** The envelope or From sender, lower-cased; null when it has none. */
  fromAddress: string | null;
  /** Header fields by lower-case name, each value as received, repeated fields in order. */
  headers: ReadonlyMap<string, readonly string[]>;
  receivedAt: Date;
  /** Who handed it over SMTP: their address and the name they greeted with; rspamd weighs both. */
  client?: SmtpClient | undefined;
  /** The envelope's recipients, when it came over SMTP. */
  recipients?: readonly string[] | undefined;
}

/** The SMTP client that delivered a message: its IP address and its HELO/EHLO name. */
export interface SmtpClient {
  ip: string | null;
  helo: string | null;
}

export interface SpamVerdict {
  spam: boolean;
  score: number | null;
  reasons: SpamReasonJson[];
}

/** Judges a message before it is imported; asked outside any transaction (rspamd is a network call). */
export interface SpamJudge {
  judge(message: MessageToJudge): Promise<SpamVerdict>;
}

/** A message just imported into a request, as the automatic replies see it. */
export interface ImportedMessage {
  inboundId: string;
  mailboxId: string | null;
  channel: 'email' | 'e_address';
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  messageId: string | null;
  referenceIds: string[];
  /** Auto-submitted, a list or a bounce (RFC 3834): never answered automatically. */
  autoSubmitted: boolean;
  /** Its mailbox's acknowledgement, as read before the import's transaction. */
  acknowledgement: MailboxRoute['acknowledgement'] | null;
  /** The staff member the message was addressed to by their own address, if any. */
  addresseeId: string | null;
  receivedAt: Date;
  /** The request it went into, as read in the import's transaction. */
  request: RequestRecord;
  /** It joined a request already open rather than starting one. */
  threaded: boolean;
}

export interface AutoReplies {
  /**
   * Who gets new mail addressed to a staff member at a moment: the substitute while an absence
   * of theirs is running, else the member.
   */
  ownerFor(executor: Executor, staffId: string, at: Date): Promise<string>;
  /** Queues the acknowledgement and out-of-office replies a message earns, in its import's transaction. */
  afterImport(trx: Executor, message: ImportedMessage): Promise<void>;
  /**
   * Queues the acknowledgements of letters that came together and each started a request, in
   * their transaction, as afterImport would one by one: one a sender within the window.
   */
  acknowledgeAll(trx: Executor, letters: readonly NewRequestLetter[]): Promise<void>;
}

/** A letter by email that started a request, to be acknowledged with others (decision 45). */
export interface NewRequestLetter {
  mailbox: { id: string; address: string };
  fromAddress: string;
  messageId: string;
  referenceIds: string[];
  autoSubmitted: boolean;
  acknowledgement: MailboxRoute['acknowledgement'] | null;
  request: { id: string; number: string; due_on: string; channel: Channel };
}

/** Brings a message held in quarantine into the normal flow (a clerk said "nav mēstule"). */
export interface HeldMailImporter {
  importHeld(trx: Executor, ctx: ActionContext, inboundId: string): Promise<{ requestId: string }>;
}

/** A message as a source hands it over: Apkalpo's SMTP receiver, an IMAP reader, the e-address gateway. */
export interface IngestInput {
  /** The mailbox it reached: it gives the unit and the deadline policy of the request. */
  mailboxId: string;
  channel: 'email' | 'e_address';
  source: 'smtp' | 'imap' | 'e_address';
  /** The source's own key, unique per mailbox: IMAP `UIDVALIDITY:UID`, an e-address message id; null over SMTP. */
  sourceKey: string | null;
  raw: Buffer;
  /** SMTP's MAIL FROM and RCPT TO, when it came over SMTP. */
  envelopeFrom?: string | null;
  envelopeTo?: readonly string[];
  /** Who delivered it, when it came over SMTP. */
  smtpClient?: SmtpClient;
  receivedAt: Date;
}

export interface IngestResult {
  inboundId: string;
  state: 'imported' | 'quarantined' | 'flagged';
  requestId: string | null;
  /** It had been imported before (the same Message-ID or source key): nothing new was stored. */
  duplicate: boolean;
}

/**
 * Stores a message and imports it into a request, in one transaction. When it returns, the
 * message is committed: only then may its source be told (250, \Seen, moved, confirmed).
 */
export interface MailIngest {
  ingest(input: IngestInput): Promise<IngestResult>;
}

/** A letter handed to the state's e-address service. */
export interface EAddressLetter {
  /** The recipient's e-address (a personal code or an institution's registration number). */
  to: string;
  subject: string;
  /** The whole letter as MIME (RFC 5322), as over SMTP. */
  raw: Buffer;
  messageId: string;
}

/** A message the e-address service holds for the municipality. */
export interface EAddressIncoming {
  /** The service's own id of the message: the source key. */
  id: string;
  raw: Buffer;
}

/**
 * The exchange with the state's e-address service (send, receive, confirm delivery). The
 * file-folder gateway stands for it in the demo and the tests; production needs the service's
 * agreement and certificates (README).
 */
export interface EAddressGateway {
  /** Hands a letter over; resolves with the service's id of it once accepted. */
  send(letter: EAddressLetter): Promise<{ deliveryId: string }>;
  /** The messages waiting, oldest first. */
  receive(): Promise<EAddressIncoming[]>;
  /** Tells the service a message is stored, so that it is not handed over again. */
  confirm(id: string): Promise<void>;
}
