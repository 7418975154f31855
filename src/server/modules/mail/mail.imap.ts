import { ImapFlow } from 'imapflow';
import type { MailIngest } from './mail.ports';

/** How to reach a mailbox's IMAP account; the password decrypted for this connection only. */
export interface ImapSettings {
  mailboxId: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  folder: string;
  /** Where an imported message is moved; null: it is marked seen and stays. */
  doneFolder: string | null;
}

/** What the reader remembers of a mailbox between polls, and reports for /api/health. */
export interface ImapProgress {
  load(mailboxId: string): Promise<{ uidValidity: number | null; lastUid: number | null }>;
  /** After a message is committed and told to the server: the last UID done. */
  advance(
    mailboxId: string,
    progress: { uidValidity: number; lastUid: number; at: Date },
  ): Promise<void>;
  /** After a poll: whether it reached the server, and its error in words if not. */
  report(
    mailboxId: string,
    report: { connected: boolean; at: Date; error: string | null },
  ): Promise<void>;
}

/** Messages fetched from the server at once: held in memory until each is stored. */
const BATCH = 64;

/** How long a connection or a command may take before the poll gives up until next time. */
const TIMEOUT_MS = 30_000;

/**
 * Reads mailboxes over IMAP. Each new message (by UID, past the last one done) is stored and
 * imported first, and only after its transaction commits is it marked seen (or moved) on the
 * server and the reader's place advanced. A crash in between finds the message again next time,
 * and its source key (`UIDVALIDITY:UID`) makes the import a no-op: each message once. A new
 * UIDVALIDITY (the folder was rebuilt) starts from the beginning; Message-IDs keep that from
 * importing anything twice.
 */
export function createImapReader(deps: {
  ingest: MailIngest['ingest'];
  progress: ImapProgress;
  now?: () => Date;
}) {
  const { ingest, progress } = deps;
  const now = deps.now ?? (() => new Date());

  function connect(settings: ImapSettings): ImapFlow {
    return new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.tls,
      // Without TLS from the start, STARTTLS is still used where the server offers it.
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS * 4,
    });
  }

  /** Imports what is new in the mailbox; how many messages were stored (duplicates not counted). */
  async function poll(settings: ImapSettings): Promise<{ imported: number }> {
    const client = connect(settings);
    let imported = 0;
    try {
      await client.connect();
      const lock = await client.getMailboxLock(settings.folder);
      try {
        const opened = client.mailbox;
        if (!opened) throw new Error(`The folder ${settings.folder} could not be opened.`);
        const uidValidity = Number(opened.uidValidity);
        const seen = await progress.load(settings.mailboxId);
        const after = seen.uidValidity === uidValidity ? (seen.lastUid ?? 0) : 0;
        const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
        // "n:*" always names the last message, even one below n.
        const uids = (found || []).filter((uid) => uid > after).sort((a, b) => a - b);
        for (let start = 0; start < uids.length; start += BATCH) {
          const batch = uids.slice(start, start + BATCH);
          const messages = await client.fetchAll(
            batch.join(','),
            { uid: true, source: true },
            { uid: true },
          );
          messages.sort((a, b) => a.uid - b.uid);
          // All handed over at once, in UID order: they are stored in groups, each group in one
          // transaction (decision 45), and each settles once its group has committed.
          const results = await Promise.allSettled(
            messages.flatMap((message) =>
              message.source
                ? [
                    ingest({
                      mailboxId: settings.mailboxId,
                      channel: 'email',
                      source: 'imap',
                      sourceKey: `${uidValidity}:${message.uid}`,
                      raw: message.source,
                      receivedAt: now(),
                    }),
                  ]
                : [],
            ),
          );
          for (const result of results) {
            // Those committed are found again by their source key next time, and marked then.
            if (result.status === 'rejected') throw result.reason;
            if (!result.value.duplicate) imported += 1;
          }
          // Only now, every message of the batch committed, does the server hear of it.
          const range = messages.map((message) => message.uid).join(',');
          if (range) {
            if (settings.doneFolder)
              await client.messageMove(range, settings.doneFolder, { uid: true });
            else await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
            await progress.advance(settings.mailboxId, {
              uidValidity,
              lastUid: Math.max(...messages.map((message) => message.uid)),
              at: now(),
            });
          }
        }
      } finally {
        lock.release();
      }
      await progress.report(settings.mailboxId, { connected: true, at: now(), error: null });
      return { imported };
    } catch (error) {
      await progress.report(settings.mailboxId, {
        connected: false,
        at: now(),
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  return { poll };
}
export type ImapReader = ReturnType<typeof createImapReader>;
