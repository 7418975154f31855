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

/** What the watcher says when a connection fails: pino's logger, or a test's stand-in. */
export interface ImapWatchLogger {
  warn(fields: { mailboxId: string; err: unknown }, message: string): void;
}

/** How long a broken IDLE connection waits before it is tried again; the poll covers meanwhile. */
const RECONNECT_MS = 30_000;
/** How often the watcher looks for mailboxes set up, changed or switched off. */
const REFRESH_MS = 60_000;

const keyOf = (settings: ImapSettings) =>
  JSON.stringify([
    settings.host,
    settings.port,
    settings.tls,
    settings.user,
    settings.password,
    settings.folder,
  ]);

/**
 * Keeps an IDLE connection open to each IMAP mailbox and says at once when a message arrives,
 * so that the poll that imports it runs now rather than at its next half minute. It never
 * imports anything itself: the poll, with its lock and its commit-before-seen order, stays the
 * only way in, and keeps running on its timer in case a connection is down.
 */
export function createImapWatcher(deps: {
  settings: () => Promise<ImapSettings[]>;
  onNewMail: (mailboxId: string) => void;
  logger?: ImapWatchLogger;
  reconnectMs?: number;
  refreshMs?: number;
}) {
  const reconnectMs = deps.reconnectMs ?? RECONNECT_MS;
  const refreshMs = deps.refreshMs ?? REFRESH_MS;
  interface Watch {
    key: string;
    client: ImapFlow | null;
    retry: NodeJS.Timeout | null;
    closed: boolean;
  }
  const watches = new Map<string, Watch>();
  let refresher: NodeJS.Timeout | null = null;
  let stopped = false;

  async function open(settings: ImapSettings, watch: Watch): Promise<void> {
    if (watch.closed) return;
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.tls,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      // Nothing else is asked on this connection: idle at once, and renew it before servers
      // drop an IDLE they think forgotten (RFC 2177 asks for one at least every 29 minutes).
      autoIdleDelay: 1000,
      maxIdleTime: 5 * 60_000,
    });
    watch.client = client;
    const again = () => {
      if (watch.closed || watch.retry) return;
      watch.client = null;
      watch.retry = setTimeout(() => {
        watch.retry = null;
        void open(settings, watch);
      }, reconnectMs);
      watch.retry.unref();
    };
    client.on('error', (error: unknown) => {
      deps.logger?.warn(
        { mailboxId: settings.mailboxId, err: error },
        'IMAP IDLE connection failed',
      );
    });
    client.on('close', again);
    // EXISTS grows when a message is delivered to the open folder; imapflow idles in between.
    client.on('exists', () => deps.onNewMail(settings.mailboxId));
    try {
      await client.connect();
      await client.mailboxOpen(settings.folder, { readOnly: true });
      if (watch.closed) await client.logout();
      // Whatever came while this connection was down is picked up now, not at the next poll.
      else deps.onNewMail(settings.mailboxId);
    } catch (error) {
      deps.logger?.warn({ mailboxId: settings.mailboxId, err: error }, 'IMAP IDLE could not start');
      client.close();
      again();
    }
  }

  function close(mailboxId: string): void {
    const watch = watches.get(mailboxId);
    if (!watch) return;
    watch.closed = true;
    if (watch.retry) clearTimeout(watch.retry);
    watch.client?.close();
    watches.delete(mailboxId);
  }

  async function refresh(): Promise<void> {
    const wanted = new Map(
      (await deps.settings()).map((settings) => [settings.mailboxId, settings]),
    );
    if (stopped) return;
    for (const [mailboxId, watch] of watches) {
      const settings = wanted.get(mailboxId);
      if (!settings || keyOf(settings) !== watch.key) close(mailboxId);
    }
    for (const [mailboxId, settings] of wanted) {
      if (watches.has(mailboxId)) continue;
      const watch: Watch = { key: keyOf(settings), client: null, retry: null, closed: false };
      watches.set(mailboxId, watch);
      void open(settings, watch);
    }
  }

  return {
    /** Opens the connections now and looks for changed mailboxes every minute. */
    async start(): Promise<void> {
      stopped = false;
      const tick = () => {
        refresh()
          .catch((error: unknown) =>
            deps.logger?.warn({ mailboxId: '*', err: error }, 'IMAP mailboxes could not be listed'),
          )
          .finally(() => {
            if (stopped) return;
            refresher = setTimeout(tick, refreshMs);
            refresher.unref();
          });
      };
      await refresh();
      refresher = setTimeout(tick, refreshMs);
      refresher.unref();
    },
    /** How many mailboxes have a connection open now (for the tests and the logs). */
    watching(): number {
      return [...watches.values()].filter((watch) => watch.client?.usable).length;
    },
    stop(): void {
      stopped = true;
      if (refresher) clearTimeout(refresher);
      for (const mailboxId of [...watches.keys()]) close(mailboxId);
    },
  };
}
export type ImapWatcher = ReturnType<typeof createImapWatcher>;
