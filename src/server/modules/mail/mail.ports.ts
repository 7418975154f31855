import type { Executor } from '../../db/database';
import type { SpamReasonJson } from '../../db/schema';
import type { ActionContext } from '../../http/access';

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
}

export interface SpamVerdict {
  spam: boolean;
  score: number | null;
  reasons: SpamReasonJson[];
}

/** Judges a message before it is imported; asked outside any transaction (rspamd is a network call). */
export interface SpamJudge {
  judge(executor: Executor, message: MessageToJudge): Promise<SpamVerdict>;
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
  /** The staff member the message was addressed to by their own address, if any. */
  addresseeId: string | null;
  receivedAt: Date;
  request: { id: string; number: string; dueAt: Date; unitId: string; ownerId: string | null };
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
}

/** Brings a message held in quarantine into the normal flow (a clerk said "nav mēstule"). */
export interface HeldMailImporter {
  importHeld(trx: Executor, ctx: ActionContext, inboundId: string): Promise<{ requestId: string }>;
}
