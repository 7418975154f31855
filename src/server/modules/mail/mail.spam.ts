import {
  authenticationReasons,
  blockEntriesFor,
  rateReasons,
  spamVerdictOf,
  SPAM_THRESHOLD,
  type SpamReason,
} from '../../../domain/mail-in';
import type { MailConfig } from '../../config';
import type { MessageToJudge, SpamJudge } from './mail.ports';
import type { Executor } from '../../db/database';
import { createBatchedLookup, LOOKUP_BATCHES } from './mail.group-commit';
import { countsFromSendersSince, findBlockedEntries } from './mail.repository';

const HOUR_MS = 60 * 60 * 1000;

/** How long rspamd may think about one message before the built-in checks decide alone. */
const RSPAMD_TIMEOUT_MS = 10_000;

/** What rspamd answers to `/checkv2` (its HTTP protocol), as far as Apkalpo reads it. */
interface RspamdAnswer {
  score?: number;
  required_score?: number;
  action?: string;
  symbols?: Record<string, { name?: string; score?: number; description?: string }>;
  messages?: { smtp_message?: string };
}

/**
 * rspamd's actions that hold a message by themselves. Its "add header" level is too eager for
 * Latvian letters (its mixed-charset rule weighs ordinary diacritics): there it only adds half
 * the threshold, so that it takes another sign (a forged sender, a flood) to hold the message.
 */
const SPAM_ACTIONS = new Set(['reject', 'rewrite subject']);
const SUSPECT_ACTIONS = new Set(['add header']);

/** One of rspamd's HTTP endpoints under its configured address, with or without a trailing slash. */
const rspamdEndpoint = (base: string, path: string) =>
  new URL(path, base.endsWith('/') ? base : `${base}/`);

/** Asks rspamd about a message; its reasons, or null when it cannot answer now. */
async function askRspamd(
  url: string,
  message: Pick<MessageToJudge, 'raw' | 'fromAddress' | 'client' | 'recipients'>,
): Promise<{ reasons: SpamReason[]; spam: boolean; score: number } | null> {
  // rspamd's HTTP protocol takes the SMTP transaction in headers: without the client's IP and
  // HELO its checks of the sending host (SPF, DNS lists, HELO rules) have nothing to go on.
  const headers: Record<string, string> = { 'content-type': 'message/rfc822' };
  if (message.fromAddress) headers.from = message.fromAddress;
  if (message.client?.ip) headers.ip = message.client.ip;
  if (message.client?.helo) headers.helo = message.client.helo;
  // The protocol takes one recipient per header; the first tells rspamd's rules enough.
  const recipient = message.recipients?.[0];
  if (recipient) headers.rcpt = recipient;
  try {
    const response = await fetch(rspamdEndpoint(url, 'checkv2'), {
      method: 'POST',
      headers,
      body: new Uint8Array(message.raw),
      signal: AbortSignal.timeout(RSPAMD_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const answer = (await response.json()) as RspamdAnswer;
    const score = answer.score ?? 0;
    const all = Object.entries(answer.symbols ?? {}).map(([name, symbol]) => ({
      name: symbol.name ?? name,
      score: symbol.score ?? 0,
    }));
    const spam = SPAM_ACTIONS.has(answer.action ?? '');
    // The symbols that weighed; a pattern that decides alone (GTUBE) weighs nothing itself.
    const weighed = all.filter((symbol) => symbol.score > 0);
    const symbols = (weighed.length > 0 || !spam ? weighed : all)
      .sort((a, b) => b.score - a.score)
      .slice(0, 8);
    return {
      spam,
      score,
      reasons: [
        {
          check: 'rspamd',
          detail: [
            answer.action ?? 'no action',
            ...symbols.map((symbol) => symbol.name),
            ...(answer.messages?.smtp_message ? [answer.messages.smtp_message] : []),
          ].join(', '),
          // rspamd's own decision counts in full: spam reaches the threshold by itself.
          score: spam
            ? Math.max(score, SPAM_THRESHOLD)
            : SUSPECT_ACTIONS.has(answer.action ?? '')
              ? SPAM_THRESHOLD / 2
              : 0,
        },
      ],
    };
  } catch {
    return null;
  }
}

/**
 * The spam checks: rspamd when it is configured, and always the built-in ones (the receiving
 * server's authentication verdicts, a sender's rate, the block list). When rspamd does not
 * answer, the built-in checks decide alone and the message is not held back.
 */
export function createSpamJudge(deps: { config: MailConfig; db: Executor }): SpamJudge & {
  /** Tells rspamd a message it held is not spam ("nav mēstule"), where it keeps statistics. */
  learnHam(raw: Buffer): Promise<void>;
} {
  const { config, db } = deps;
  // The senders of letters arriving together are looked up together: the block list and their
  // letters of the last hour, two statements for them all.
  const senderFacts = createBatchedLookup({
    ...LOOKUP_BATCHES,
    load: async (senders: Array<{ address: string; since: Date }>) => {
      const entries = senders.map((sender) => blockEntriesFor(sender.address));
      const [blocked, counts] = await Promise.all([
        findBlockedEntries(db, entries.flat()),
        countsFromSendersSince(db, senders),
      ]);
      return senders.map((_, index) => ({
        blocked: entries[index]?.find((entry) => blocked.has(entry)) ?? null,
        recent: counts[index] ?? 0,
      }));
    },
  });
  return {
    async judge(message) {
      const reasons: SpamReason[] = [
        ...authenticationReasons(message.headers.get('authentication-results') ?? []),
      ];
      const [sender, rspamd] = await Promise.all([
        message.fromAddress
          ? senderFacts({
              address: message.fromAddress,
              since: new Date(message.receivedAt.getTime() - HOUR_MS),
            })
          : null,
        config.rspamdUrl ? askRspamd(config.rspamdUrl, message) : null,
      ]);
      if (sender?.blocked) {
        reasons.push({ check: 'block_list', detail: sender.blocked, score: SPAM_THRESHOLD });
      }
      if (sender) reasons.push(...rateReasons(sender.recent, config.senderLimitPerHour));
      if (rspamd) reasons.push(...rspamd.reasons);
      const verdict = spamVerdictOf(reasons);
      return {
        spam: verdict.spam,
        score: rspamd ? rspamd.score : verdict.score,
        reasons: reasons.filter((reason) => reason.score > 0 || reason.check === 'rspamd'),
      };
    },

    async learnHam(raw) {
      if (!config.rspamdUrl) return;
      // Learning needs rspamd's statistics backend (Redis); without one rspamd refuses, and the
      // release stands all the same.
      await fetch(rspamdEndpoint(config.rspamdUrl, 'learnham'), {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822' },
        body: new Uint8Array(raw),
        signal: AbortSignal.timeout(RSPAMD_TIMEOUT_MS),
      }).catch(() => undefined);
    },
  };
}
export type SpamJudgeService = ReturnType<typeof createSpamJudge>;
