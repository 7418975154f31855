import type { Services } from './app';
import type { Database } from './db/database';
import { createImapReader } from './modules/mail/mail.imap';
import type { EAddressGateway } from './modules/mail/mail.ports';

/** Work the server does by itself every so often, wherever it runs. */
export interface Job {
  /** Names the job in the logs and its lock: unique among the jobs. */
  name: string;
  everyMs: number;
  /**
   * One tick. It runs in one place at a time across every worker and instance, but may run
   * again right after another place's tick (a place whose timer fired late): it must find
   * nothing left to do then, as pruning finds nothing left to prune.
   */
  run(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/** The server's periodic jobs. */
export function backgroundJobs(
  services: Services,
  logger?: JobLogger,
  eAddressGateway?: EAddressGateway | null,
): Job[] {
  const imapReader = createImapReader({
    ingest: services.mail.ingest,
    progress: services.mail.imapProgress,
  });
  return [
    { name: 'prune-sessions', everyMs: HOUR_MS, run: () => services.auth.prune() },
    // A complaint's level past its deadline passes to the next one (32–33), within the minute.
    {
      name: 'escalate-overdue',
      everyMs: 60_000,
      run: async () => {
        await services.feedback.escalateOverdue();
      },
    },
    // The public feedback form's attempts are kept only as long as its limits look back.
    {
      name: 'prune-feedback-attempts',
      everyMs: HOUR_MS,
      run: async () => {
        await services.feedback.pruneAttempts();
      },
    },
    // Quarantined mail nobody released within the configured days goes.
    {
      name: 'empty-quarantine',
      everyMs: HOUR_MS,
      run: async () => {
        await services.mail.purgeQuarantine();
      },
    },
    // IMAP mailboxes are read every half minute, one place at a time (the job's lock).
    {
      name: 'read-imap',
      everyMs: 30_000,
      run: async () => {
        await services.mail.readImapMailboxes(imapReader, (mailboxId, error) =>
          logger?.warn(
            { job: 'read-imap', err: error },
            `the IMAP mailbox ${mailboxId} could not be read`,
          ),
        );
      },
    },
    // Letters from the state's e-address service, where a gateway is set up.
    ...(eAddressGateway
      ? [
          {
            name: 'read-e-address',
            everyMs: 30_000,
            run: async () => {
              await services.mail.readEAddress(eAddressGateway);
            },
          },
        ]
      : []),
    // Voicemail left after hours becomes a request once its working day has begun (clause 17);
    // a minute late at most, and a run that finds its messages released makes nothing twice.
    {
      name: 'release-voicemail',
      everyMs: 60_000,
      run: () => services.telephony.releaseVoicemail().then(() => undefined),
    },
    // A voicemail's recording whose fetch failed is tried again, with a growing wait.
    {
      name: 'fetch-recordings',
      everyMs: 60_000,
      run: () => services.telephony.fetchDueRecordings().then(() => undefined),
    },
    // A reply leaves within seconds of the clerk's click; a run finds nothing due most times.
    {
      name: 'send-mail',
      everyMs: 5_000,
      run: () => services.outbox.sendDue().then(() => undefined),
    },
  ];
}

/** What the scheduler says: pino's logger, or a test's stand-in. */
export interface JobLogger {
  warn(fields: { job: string; err: unknown }, message: string): void;
  debug(fields: { job: string }, message: string): void;
}

export interface Scheduler {
  /** Starts the timers: each job ticks at every multiple of its interval on the wall clock. */
  start(): void;
  /** Runs one tick of the named job now; says whether it ran here (it had the lock). */
  tick(name: string): Promise<boolean>;
  /** Stops the timers and waits for the ticks running here to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the jobs in this process, each tick only where it gets the job's lock: every worker of
 * every instance runs a scheduler, their ticks fall on the same moments, and one of them does
 * the work while the others skip it. A failing tick is logged, and the next one tries again.
 */
export function createScheduler({
  jobs,
  database,
  logger,
  now = Date.now,
}: {
  jobs: Job[];
  database: Pick<Database, 'tryExclusively'>;
  logger: JobLogger;
  now?: () => number;
}): Scheduler {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<boolean>>();
  let stopped = false;

  function tick(name: string): Promise<boolean> {
    const job = byName.get(name);
    if (!job) throw new Error(`No job is named ${name}.`);
    const ran = database
      .tryExclusively(`apkalpo:job:${job.name}`, () => job.run())
      .then(
        (ranHere) => {
          if (!ranHere) logger.debug({ job: job.name }, 'job ran elsewhere this time');
          return ranHere;
        },
        (error: unknown) => {
          logger.warn({ err: error, job: job.name }, 'job failed; it runs again next time');
          return true;
        },
      )
      .finally(() => running.delete(ran));
    running.add(ran);
    return ran;
  }

  // Aligned to the wall clock rather than to when this process started, so that every process
  // ticks at the same moment and the ticks meet at the lock.
  function schedule(job: Job): void {
    const delay = job.everyMs - (now() % job.everyMs);
    const timer = setTimeout(() => {
      if (stopped) return;
      schedule(job);
      void tick(job.name);
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  }

  return {
    start() {
      for (const job of jobs) schedule(job);
    },
    tick,
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
