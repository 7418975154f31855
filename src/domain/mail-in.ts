/**
 * The rules of mail coming in (issue 14): which request a message belongs to, whether it may be
 * answered automatically (RFC 3834), and the checks that keep spam away from staff without any
 * outside service. Pure: headers, addresses and counts are parameters.
 */

/** Header fields by lower-case name, each value as received (unfolded), repeated fields in order. */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

/** A request's number in a subject as Apkalpo writes it into its letters: "[2026-001234]". */
const NUMBER_IN_SUBJECT = /\[(\d{4}-\d{6})\]/;

/** The request number a reply carries in its subject, if any. */
export function requestNumberIn(subject: string): string | null {
  return NUMBER_IN_SUBJECT.exec(subject)?.[1] ?? null;
}

/**
 * Message-IDs as written in Message-ID, In-Reply-To and References (`<id@host>` each, or bare),
 * without their angle brackets, as they are stored.
 */
export function messageIdsIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  const ids = bracketed ?? value.split(/\s+/);
  return ids.map((id) => id.replace(/^<|>$/g, '').trim()).filter((id) => id.length > 0);
}

/** The ids a reply may thread by, nearest first: In-Reply-To, then References from the newest. */
export function threadIdsOf(inReplyTo: readonly string[], references: readonly string[]): string[] {
  const ids = [...inReplyTo, ...[...references].reverse()];
  return [...new Set(ids)];
}

/** One reason a message was judged spam or suspicious, as stored with it and shown to a clerk. */
export interface SpamReason {
  /** Which check: `rspamd`, `authentication`, `rate_limit`, `block_list`. */
  check: string;
  /** What it found, in the check's own words (a symbol, a verdict, a count). */
  detail: string;
  /** Points towards spam; the built-in checks give enough to quarantine on their own. */
  score: number;
}

/** The score at which a message goes to quarantine: rspamd's own "add header" level. */
export const SPAM_THRESHOLD = 6;

const AUTH_RESULT = /\b(dmarc|spf|dkim)\s*=\s*([a-z]+)/gi;

/**
 * What the receiving mail server said of the sender's authentication (RFC 8601). Only the
 * outcome that shows forgery counts: DMARC failing, or SPF and DKIM both failing. A missing
 * verdict is not held against the sender: many honest small servers sign nothing.
 */
export function authenticationReasons(values: readonly string[]): SpamReason[] {
  const results = new Map<string, string>();
  for (const value of values) {
    for (const match of value.matchAll(AUTH_RESULT)) {
      const method = (match[1] as string).toLowerCase();
      const result = (match[2] as string).toLowerCase();
      // The first verdict per method wins: the nearest server's header comes first.
      if (!results.has(method)) results.set(method, result);
    }
  }
  if (results.get('dmarc') === 'fail') {
    return [{ check: 'authentication', detail: 'dmarc=fail', score: SPAM_THRESHOLD }];
  }
  const spf = results.get('spf');
  const dkim = results.get('dkim');
  if ((spf === 'fail' || spf === 'softfail') && (dkim === 'fail' || dkim === 'none')) {
    return [{ check: 'authentication', detail: `spf=${spf} dkim=${dkim}`, score: SPAM_THRESHOLD }];
  }
  return [];
}

/** A sender writing more often than a person does in an hour is a machine. */
export function rateReasons(messagesInLastHour: number, limitPerHour: number): SpamReason[] {
  if (limitPerHour <= 0 || messagesInLastHour < limitPerHour) return [];
  return [
    {
      check: 'rate_limit',
      detail: `${messagesInLastHour + 1}/${limitPerHour}`,
      score: SPAM_THRESHOLD,
    },
  ];
}

/**
 * The block-list entries that would hold mail from an address: the address itself, and its
 * domain and each domain above it as "@domain" (an entry for a domain covers its subdomains),
 * so that the list is asked for these few, however long it grows.
 */
export function blockEntriesFor(address: string): string[] {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return [lower];
  const labels = lower.slice(at + 1).split('.');
  // Down to the registrable part: "@lv" alone would block a whole country.
  const domains = labels.slice(0, -1).map((_, index) => `@${labels.slice(index).join('.')}`);
  return [lower, ...domains];
}

/** A block-list entry as typed: a whole address or `@domain`, lower-cased; null when it is neither. */
export function normaliseBlockEntry(value: string): string | null {
  const entry = value.trim().toLowerCase();
  if (/^@[a-z0-9.-]+\.[a-z]{2,}$/.test(entry)) return entry;
  if (/^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(entry)) return entry;
  return null;
}

/** The total verdict of every check: spam when the points reach the threshold. */
export function spamVerdictOf(reasons: readonly SpamReason[]): { spam: boolean; score: number } {
  const score = reasons.reduce((sum, reason) => sum + reason.score, 0);
  return { spam: score >= SPAM_THRESHOLD, score };
}

/**
 * A new client's name from the From header's display name; without one, the address's local
 * part stands for it, so that the record can be found and completed by a clerk.
 */
export function nameFromSender(
  displayName: string | null,
  address: string,
): { givenName: string; surname: string } {
  const cleaned = (displayName ?? '')
    .replace(/["'<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned.includes('@') ? [] : cleaned.split(' ').filter((word) => word.length > 0);
  if (words.length >= 2) {
    return {
      givenName: words.slice(0, -1).join(' ').slice(0, 100),
      surname: (words.at(-1) as string).slice(0, 100),
    };
  }
  // One word, or none: it stands as the surname (the name a list sorts by) until a clerk
  // completes the record.
  const local = address.slice(0, address.indexOf('@')) || address;
  return { givenName: '', surname: (words[0] ?? local).slice(0, 100) };
}

/** The subject a request from a message gets: the mail's own, or a stand-in when it has none. */
export function requestTitleOf(subject: string, fallback: string): string {
  const title = subject.replace(/\s+/g, ' ').trim();
  return (title || fallback).slice(0, 300);
}

/** Images an HTML body would fetch from elsewhere: they tell the sender the mail was read. */
export function hasRemoteImages(html: string | null): boolean {
  if (!html) return false;
  return (
    /<img\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//i.test(html) ||
    /url\(\s*["']?\s*(https?:)?\/\//i.test(html)
  );
}
