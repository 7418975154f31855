import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import { createArgon2Hasher } from './adapters/password-hasher';
import { systemClock, type Clock } from './adapters/clock';
import { buildServices, type Services } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemoData } from './demo/seed-demo';

export function createLogger(config: Config): Logger {
  const pretty = !config.production && process.stdout.isTTY && prettyPrinterInstalled();
  return pino({
    level: config.logLevel,
    // No personal data in logs: a query string may hold a name or a personal code, and an
    // address identifies a person, so a request is logged by method and path alone.
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
      : {}),
  });
}

/** pino-pretty is a development dependency: a production install logs JSON even to a terminal. */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite. `onStop` is
 * told if PGlite's thread stops while the database is open.
 */
export function openConfiguredDatabase(
  config: Config,
  logger?: Logger,
  onStop?: (error: Error) => void,
): Promise<Database> {
  const options = { checkTransactions: !config.production };
  return config.databaseUrl
    ? openDatabase(
        {
          kind: 'postgresql',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          onIdleError: (error) =>
            logger?.warn({ err: error }, 'an idle database connection failed'),
        },
        options,
      )
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir, onStop }, options);
}

/** Opens the configured database and migrates it. */
export async function openMigratedDatabase(
  config: Config,
  logger?: Logger,
  onStop?: (error: Error) => void,
): Promise<Database> {
  const database = await openConfiguredDatabase(config, logger, onStop);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function servicesFor(database: Database): Services {
  return buildServices({ database, clock: systemClock, hasher: createArgon2Hasher() });
}

/**
 * Seeds the demo organisation when the database has nobody in it; says whether it did. Instances
 * started together on one empty database take turns, so the demo is seeded once: the others
 * find it there.
 */
export async function seedDemoIfEmpty(
  services: Services,
  database: Database,
  clock: Clock = systemClock,
): Promise<boolean> {
  return database.exclusively('apkalpo:seed-demo', async () => {
    if (await services.staff.anyExists()) return false;
    await seedDemoData(services, clock, database.db);
    return true;
  });
}
