/**
 * Mail that leaves Apkalpo (issue 14): when a letter the mail server would not take is tried
 * again, which refusals are final, the headers that let a resident's mail program thread the
 * answers, and which messages must never be answered automatically (RFC 3834).
 */

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last, every 240 minutes. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240] as const;

/** After this many failed attempts (about a day and a half) a letter is given up as failed. */
export const MAX_SEND_ATTEMPTS = 12;

/**
 * References keeps the thread's first message and the latest ones: mail programs thread by
 * either end, and a header growing with every answer of a long thread would be refused by some
 * servers at last (RFC 5322 sets no limit; netnews' RFC 5537 trims the same way).
 */
export const MAX_REFERENCES = 10;

const MINUTE_MS = 60_000;

/** How long to wait before the next attempt, given how many attempts have failed (1 or more). */
export function retryDelayMinutes(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MINUTES.length) - 1;
  return RETRY_DELAYS_MINUTES[index] ?? 240;
}

/**
 * A refusal is final when the server answered with a 5xx code (RFC 5321: "do not repeat the
 * request"); a 4xx answer, or no answer at all (the connection failed, timed out), may pass.
 */
export function isPermanentFailure(responseCode: number | null): boolean {
  return responseCode !== null && responseCode >= 500 && responseCode < 600;
}

export type AfterFailure = { state: 'due'; nextAttemptAt: Date } | { state: 'failed' };

/** What becomes of a letter whose attempt failed: tried again later, or failed for good. */
export function afterFailure(args: {
  /** Attempts made, this one included. */
  attempts: number;
  responseCode: number | null;
  now: Date;
}): AfterFailure {
  if (isPermanentFailure(args.responseCode) || args.attempts >= MAX_SEND_ATTEMPTS)
    return { state: 'failed' };
  return {
    state: 'due',
    nextAttemptAt: new Date(args.now.getTime() + retryDelayMinutes(args.attempts) * MINUTE_MS),
  };
}

/** The domain part of an address, lower-cased; null when it has none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).trim();
  return domain === '' ? null : domain.toLowerCase();
}

/**
 * A Message-ID (RFC 5322 msg-id) from a unique id and the sender's domain: unique world-wide as
 * long as the domain is the sender's own. Without a domain, `.invalid` (RFC 2606) says so.
 */
export function messageIdFor(uniqueId: string, senderAddress: string | null): string {
  const domain = (senderAddress ? domainOf(senderAddress) : null) ?? 'apkalpo.invalid';
  return `<${uniqueId}@${domain}>`;
}

/** The threading headers of an answer to a message (RFC 5322 3.6.4). */
export interface ThreadHeaders {
  inReplyTo: string | null;
  references: string[];
}

/**
 * An answer's In-Reply-To is the message answered; its References are that message's References
 * (or its In-Reply-To, when it had none) followed by its Message-ID, trimmed to MAX_REFERENCES.
 */
export function threadHeadersFor(
  parent: {
    messageId: string | null;
    inReplyTo?: string | null;
    referenceIds: readonly string[];
  } | null,
): ThreadHeaders {
  if (!parent?.messageId) return { inReplyTo: null, references: [] };
  const earlier =
    parent.referenceIds.length > 0
      ? parent.referenceIds
      : parent.inReplyTo
        ? [parent.inReplyTo]
        : [];
  const chain = [...new Set([...earlier, parent.messageId])];
  const references =
    chain.length <= MAX_REFERENCES
      ? chain
      : [chain[0] as string, ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
  return { inReplyTo: parent.messageId, references };
}

/**
 * The subject with the request's number in brackets, so that the resident's answer finds its
 * request even when their mail program drops the threading headers.
 */
export function subjectWithNumber(subject: string, requestNumber: string): string {
  const tag = `[${requestNumber}]`;
  const trimmed = subject.trim();
  if (trimmed.includes(tag)) return trimmed;
  return trimmed === '' ? tag : `${trimmed} ${tag}`;
}

const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);
const SYSTEM_SENDERS = new Set(['mailer-daemon', 'postmaster']);

/** An envelope sender that marks a bounce or a mail system: empty (`<>`), MAILER-DAEMON, postmaster. */
function isSystemSender(sender: string): boolean {
  const address = sender.trim().replace(/^<|>$/g, '').trim();
  if (address === '') return true;
  const at = address.lastIndexOf('@');
  const local = (at < 0 ? address : address.slice(0, at)).toLowerCase();
  return SYSTEM_SENDERS.has(local);
}

/**
 * A message that must never get an automatic reply (RFC 3834 section 2): automatically
 * submitted (Auto-Submitted other than "no"), sent to a list or in bulk (Precedence bulk, list,
 * junk; List-Id; List-Unsubscribe), or a bounce (an empty, MAILER-DAEMON or postmaster return
 * path). Header names are lower-case; the envelope sender is null when it is not known (IMAP),
 * and then the Return-Path header stands for it.
 */
export function isAutomatic(
  headers: ReadonlyMap<string, readonly string[]>,
  envelopeFrom: string | null,
): boolean {
  const values = (name: string) => headers.get(name) ?? [];
  const token = (value: string) => (value.split(';')[0] ?? '').trim().toLowerCase();
  if (values('auto-submitted').some((value) => token(value) !== 'no')) return true;
  if (values('precedence').some((value) => BULK_PRECEDENCE.has(token(value)))) return true;
  if (values('list-id').length > 0 || values('list-unsubscribe').length > 0) return true;
  const returnPath = envelopeFrom ?? values('return-path')[0] ?? null;
  return returnPath !== null && isSystemSender(returnPath);
}
