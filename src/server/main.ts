import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { createArgon2Hasher } from './adapters/password-hasher';
import { systemClock } from './adapters/clock';
import { ConfigError, loadConfig } from './config';
import { DatabaseInUseError } from './db/database';
import { createLogger, openMigratedDatabase, seedDemoIfEmpty } from './runtime';
import { WEB_ROOT } from './web-root';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openMigratedDatabase(config, logger, (error) => {
    // Without its database the server can only fail every request. It stops as after any fatal
    // error (below: requests in flight finished, exit code 1), so that a supervisor starts it
    // again on the same folder, as PostgreSQL recovers after a crash (decision 37).
    process.nextTick(() => {
      throw error;
    });
  });
  const { app, services } = await buildApp({
    database,
    clock: systemClock,
    hasher: createArgon2Hasher(),
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    sessionPolicy: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
    webRoot: WEB_ROOT,
    checkResponses: !config.production,
    logger: logger.child({}, { msgPrefix: '' }),
  });

  if (config.demoData && (await seedDemoIfEmpty(services, database))) {
    logger.info('demo data seeded into the empty database');
  }

  const prune = setInterval(() => {
    services.auth
      .prune()
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning sessions failed'));
  }, PRUNE_INTERVAL_MS);
  prune.unref();

  // Finish the requests in flight, then close the database, on SIGTERM/SIGINT or a fatal error.
  closeWithGrace({ delay: 10_000, logger }, async ({ err, signal }) => {
    if (err) logger.error({ err }, 'stopping after a fatal error');
    else logger.info(`stopping on ${signal ?? 'request'}: finishing requests in flight`);
    clearInterval(prune);
    await app.close();
    await database.close();
    logger.info('stopped');
  });

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`Apkalpo is running at http://localhost:${config.port} (database: ${where})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseInUseError) {
    console.error(error.message);
  } else {
    console.error('Apkalpo could not start:', error);
  }
  process.exit(1);
});
