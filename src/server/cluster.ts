import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config';
import { connectionLimit } from './db/connection-limit';
import { LISTEN_CONNECTIONS, LOCK_CONNECTIONS } from './db/database';
import { openMigratedDatabase, seedDemoIfEmpty, servicesFor } from './runtime';

/** What the primary sends a worker to make it stop as it would on SIGTERM. */
/** The environment variable a worker finds its place among the workers in (0, 1, …). */
export const WORKER_INDEX_VARIABLE = 'APKALPO_WORKER_INDEX';

export const STOP_MESSAGE = 'apkalpo:stop';

const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 60_000;
/** A worker that served this long before it died was not caught in a crash loop. */
const STEADY_MS = 60_000;

/**
 * How long to wait before starting a worker again in place of one that died: a second at first,
 * twice as long each time one dies soon after its start (a crash loop does not spin), and a
 * second again once a worker has run steadily.
 */
export function restartDelay(previousMs: number | null, livedMs: number): number {
  if (previousMs === null || livedMs >= STEADY_MS) return FIRST_RESTART_MS;
  return Math.min(previousMs * 2, LONGEST_RESTART_MS);
}

interface Slot {
  index: number;
  worker: Worker;
  startedAt: number;
  listening: boolean;
  restartMs: number | null;
  restart: NodeJS.Timeout | null;
}

/**
 * The primary of several server processes sharing the port: it migrates the database and seeds
 * the demo once, forks the workers, starts a new one in place of any that dies, and on
 * SIGTERM/SIGINT tells each to stop (finishing its requests in flight) and waits for them. It
 * keeps no database connection and serves nothing itself; the workers run the background jobs
 * (jobs.ts), once across them by the jobs' locks.
 */
export async function superviseWorkers(
  config: Config,
  logger: Logger,
  graceMs: number,
): Promise<void> {
  const database = await openMigratedDatabase(config, logger);
  try {
    const limit = await connectionLimit(database.db);
    const each = config.databasePoolSize + LOCK_CONNECTIONS + LISTEN_CONNECTIONS;
    const wanted = config.workers * each;
    if (wanted > limit) {
      logger.warn(
        `${config.workers} workers with ${each} connections each may open ` +
          `${wanted}, but PostgreSQL allows ${limit}: lower WORKERS or DATABASE_POOL_SIZE, or ` +
          'raise max_connections',
      );
    }
    if (config.demoData && (await seedDemoIfEmpty(servicesFor(database), database))) {
      logger.info('demo data seeded into the empty database');
    }
  } finally {
    await database.close();
  }

  // The workers run this same entry point under the same Node options as the primary: from the
  // build plain node, from the sources tsx's loader (`--import tsx`).
  cluster.setupPrimary({ execArgv: process.execArgv });

  const slots = new Map<number, Slot>();
  const slotOf = (worker: Worker) => [...slots.values()].find((slot) => slot.worker === worker);
  let ready = false;
  let stopping = false;

  function fork(index: number, restartMs: number | null): void {
    // The worker's place: the first one alone keeps IDLE connections to the IMAP mailboxes.
    const worker = cluster.fork({ [WORKER_INDEX_VARIABLE]: String(index) });
    slots.set(index, {
      index,
      worker,
      startedAt: Date.now(),
      listening: false,
      restartMs,
      restart: null,
    });
    logger.info({ worker: index, workerPid: worker.process.pid }, 'worker started');
  }

  let stopped: () => void = () => undefined;
  const allStopped = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const live = () => [...slots.values()].filter((slot) => !slot.worker.isDead());

  function stop(signal: string, code: number): void {
    if (stopping) return;
    stopping = true;
    logger.info(`stopping on ${signal}: the workers finish their requests in flight`);
    for (const slot of slots.values()) {
      if (slot.restart) clearTimeout(slot.restart);
    }
    for (const { worker, listening } of live()) {
      // A worker still starting serves nothing yet, and would not hear the message.
      if (listening && worker.isConnected()) worker.send(STOP_MESSAGE);
      else worker.process.kill('SIGKILL');
    }
    const deadline = setTimeout(() => {
      for (const slot of live()) {
        logger.error({ worker: slot.index, workerPid: slot.worker.process.pid }, 'worker killed');
        slot.worker.process.kill('SIGKILL');
      }
      process.exit(1);
    }, graceMs + 5_000);
    void allStopped.then(() => {
      clearTimeout(deadline);
      logger.info('stopped');
      process.exit(code);
    });
    if (live().length === 0) stopped();
  }

  cluster.on('listening', (worker) => {
    const slot = slotOf(worker);
    if (!slot) return;
    slot.listening = true;
    if (ready) {
      logger.info({ worker: slot.index, workerPid: worker.process.pid }, 'worker listening');
      return;
    }
    if ([...slots.values()].every((each) => each.listening)) {
      ready = true;
      console.log(
        `Apkalpo is running at http://localhost:${config.port} ` +
          `(database: PostgreSQL, ${config.workers} workers)`,
      );
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const slot = slotOf(worker);
    if (!slot) return;
    const how = { worker: slot.index, workerPid: worker.process.pid, code, signal };
    if (stopping) {
      if (live().length === 0) stopped();
      return;
    }
    // Before every worker has listened once, a worker that dies has met what the next one will
    // meet too (the port taken, the database unreachable): stop rather than loop.
    if (!ready) {
      logger.error(how, 'a worker could not start: stopping');
      stop('a failed start', 1);
      return;
    }
    const restartMs = restartDelay(slot.restartMs, Date.now() - slot.startedAt);
    logger.error(
      { ...how, restartInMs: restartMs },
      'worker stopped unexpectedly: starting another',
    );
    slot.restart = setTimeout(() => fork(slot.index, restartMs), restartMs);
  });

  process.once('SIGTERM', () => stop('SIGTERM', 0));
  process.once('SIGINT', () => stop('SIGINT', 0));

  for (let index = 0; index < config.workers; index += 1) fork(index, null);
}
