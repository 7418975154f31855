import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, checked once at start. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl: string | null;
  /** Where PGlite keeps its data. */
  dataDir: string;
  production: boolean;
  logLevel: string;
  /** Seed demo data into an empty database (never in production). */
  demoData: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Server processes sharing the port; 1 is a single process without a cluster. */
  workers: number;
  /** PostgreSQL connections each server process may open. */
  databasePoolSize: number;
}

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
    .optional(),
  APKALPO_DATA_DIR: z.string().min(1).default('./data'),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  APKALPO_DEMO_DATA: flag.optional(),
  COOKIE_SECURE: flag.optional(),
  TRUST_PROXY: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
});

export class ConfigError extends Error {}

/**
 * Reads the environment. `cores` is how many processes the machine runs at once: the default
 * number of workers on PostgreSQL.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const databaseUrl = e.DATABASE_URL ?? null;
  // PGlite is a database inside one process, its folder locked to it: a second process could
  // not open it, so the embedded database serves from one.
  if (databaseUrl === null && e.WORKERS !== undefined && e.WORKERS > 1) {
    throw new ConfigError(
      `Invalid configuration:\n  WORKERS: ${e.WORKERS} server processes need PostgreSQL; the ` +
        'embedded PGlite belongs to one process. Set DATABASE_URL, or leave WORKERS out (or 1).',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir: path.resolve(e.APKALPO_DATA_DIR),
    production,
    logLevel: e.LOG_LEVEL,
    demoData: !production && (e.APKALPO_DEMO_DATA ?? true),
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    workers: e.WORKERS ?? (databaseUrl === null ? 1 : cores),
    databasePoolSize: e.DATABASE_POOL_SIZE,
  };
}
