import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildApp } from './app';
import { createFolderGateway } from './adapters/e-address-folder';
import { createArgon2Hasher } from './adapters/password-hasher';
import { systemClock } from './adapters/clock';
import { superviseWorkers, STOP_MESSAGE, WORKER_INDEX_VARIABLE } from './cluster';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseInUseError } from './db/database';
import { backgroundJobs, createScheduler } from './jobs';
import { createImapWatcher } from './modules/mail/mail.imap';
import { createSmtpReceiver } from './modules/mail/mail.smtp';
import {
  createLogger,
  openConfiguredDatabase,
  openMigratedDatabase,
  seedDemoIfEmpty,
} from './runtime';
import { WEB_ROOT } from './web-root';

/** How long requests in flight may take to finish when the server stops. */
const GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  if (config.workers === 1) await serve(config, logger, 'alone');
  else if (cluster.isPrimary) await superviseWorkers(config, logger, GRACE_MS);
  else await serve(config, logger, 'worker');
}

/**
 * Serves requests and runs the background jobs. Alone, the process also migrates the database
 * and seeds the demo; a worker finds both done by the primary (cluster.ts), which also says when
 * all its workers are listening and tells each when to stop.
 */
async function serve(config: Config, logger: Logger, role: 'alone' | 'worker'): Promise<void> {
  const onStop = (error: Error) => {
    // Without its database the server can only fail every request. It stops as after any fatal
    // error (below: requests in flight finished, exit code 1), so that a supervisor starts it
    // again on the same folder, as PostgreSQL recovers after a crash (decision 37).
    process.nextTick(() => {
      throw error;
    });
  };
  const database =
    role === 'alone'
      ? await openMigratedDatabase(config, logger, onStop)
      : await openConfiguredDatabase(config, logger, onStop);
  // The folder stands for the state's e-address service outside production (README).
  const eAddressGateway = config.production ? null : createFolderGateway(config.mail.eAddressDir);
  const { app, services } = await buildApp({
    database,
    clock: systemClock,
    hasher: createArgon2Hasher(),
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    sessionPolicy: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
    webRoot: WEB_ROOT,
    checkResponses: !config.production,
    mail: config.mail,
    eAddressGateway,
    logger: logger.child({}, { msgPrefix: '' }),
  });

  if (role === 'alone' && config.demoData && (await seedDemoIfEmpty(services, database))) {
    logger.info('demo data seeded into the empty database');
  }

  const scheduler = createScheduler({
    jobs: backgroundJobs(services, logger, eAddressGateway),
    database,
    logger,
  });
  scheduler.start();

  // IMAP mailboxes are also watched with IDLE from one process, so that a letter is read the
  // moment it arrives; the read-imap job's poll stays, for a connection that is down.
  let readAgain = false;
  let reading: Promise<unknown> | null = null;
  const readImapNow = () => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = scheduler.tick('read-imap').finally(() => {
      reading = null;
      if (readAgain) {
        readAgain = false;
        readImapNow();
      }
    });
  };
  const imapWatcher =
    role === 'alone' || process.env[WORKER_INDEX_VARIABLE] === '0'
      ? createImapWatcher({
          settings: () => services.mail.imapSettings(),
          onNewMail: readImapNow,
          logger,
        })
      : null;
  await imapWatcher?.start();

  // Apkalpo's own SMTP receiver, for a mail server that forwards residents' mail to it.
  const smtp =
    config.mail.smtpPort === null
      ? null
      : createSmtpReceiver({
          mail: services.mail,
          maxMessageBytes: config.mail.maxMessageBytes,
          logger,
        });

  // Finish the requests in flight and the job running here, then close the database, on
  // SIGTERM/SIGINT (alone) or the primary's word (a worker), or a fatal error.
  let stopping = false;
  const graceful = closeWithGrace(
    {
      delay: GRACE_MS,
      logger,
      // A worker takes its stop from the primary. Ctrl-C in a terminal (or a service manager
      // stopping the whole group) signals the primary and every worker at once, and a second
      // stop would make close-with-grace give up on the requests in flight.
      ...(role === 'worker' ? { skip: ['SIGINT', 'SIGTERM'] as const } : {}),
    },
    async ({ err, signal }) => {
      stopping = true;
      if (err) logger.error({ err }, 'stopping after a fatal error');
      else {
        const why = signal ?? (role === 'worker' ? "the primary's word" : 'request');
        logger.info(`stopping on ${why}: finishing requests in flight`);
      }
      await smtp?.close();
      imapWatcher?.stop();
      await app.close();
      await scheduler.stop();
      await database.close();
      logger.info('stopped');
    },
  );
  if (role === 'worker') {
    const stop = () => {
      if (!stopping) void graceful.close();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('message', (message) => {
      if (message === STOP_MESSAGE) stop();
    });
  }

  await app.listen({ port: config.port, host: config.host });
  if (smtp && config.mail.smtpPort !== null) {
    await smtp.listen(config.mail.smtpPort, config.host);
    if (role === 'alone') logger.info(`SMTP receiver listening on port ${config.mail.smtpPort}`);
  }
  if (role === 'alone') {
    const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
    console.log(`Apkalpo is running at http://localhost:${config.port} (database: ${where})`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseInUseError) {
    console.error(error.message);
  } else {
    console.error('Apkalpo could not start:', error);
  }
  process.exit(1);
});
