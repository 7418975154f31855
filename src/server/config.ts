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
  mail: MailConfig;
}

/** The mail channel's settings (issue 14). */
export interface MailConfig {
  /** Port of Apkalpo's own SMTP receiver; null: it does not listen. */
  smtpPort: number | null;
  /** Where outgoing mail goes (smtp:// or smtps:// URL); null: it waits as "no mail server configured". */
  relayUrl: string | null;
  /** A message larger than this is kept raw and flagged for a person, not imported. */
  maxMessageBytes: number;
  /** Encrypts mailbox passwords (32 bytes, base64 or hex); null: passwords cannot be stored. */
  secretKey: Buffer | null;
  /** rspamd's controller/normal worker address (http://host:11333); null: built-in checks only. */
  rspamdUrl: string | null;
  /** Quarantined mail nobody released is emptied after this many days. */
  quarantineDays: number;
  /** An automatic reply goes to one sender at most once in this many hours. */
  autoReplyWindowHours: number;
  /** More messages than this from one sender in an hour are held as spam. */
  senderLimitPerHour: number;
  /** The e-address gateway's folder (the file-folder gateway). */
  eAddressDir: string;
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
  APKALPO_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  APKALPO_MAIL_RELAY: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  APKALPO_MAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(25 * 1024 * 1024),
  // Checked by its form, not by what Buffer decodes: base64 decoding skips characters it does not
  // know, so a mistyped key could otherwise come out 32 bytes long and silently be another key.
  APKALPO_SECRET_KEY: z
    .string()
    .trim()
    .regex(
      /^(?:[0-9a-f]{64}|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43})$/i,
      'must be 32 bytes, written as 64 hex digits or 44 characters of base64 (openssl rand -base64 32)',
    )
    .transform((value) => Buffer.from(value, /^[0-9a-f]{64}$/i.test(value) ? 'hex' : 'base64'))
    .optional(),
  APKALPO_RSPAMD_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  APKALPO_QUARANTINE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  APKALPO_AUTO_REPLY_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  APKALPO_SENDER_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(30),
  APKALPO_EADDRESS_DIR: z.string().min(1).optional(),
});

/** The receiver's port outside production when none is set. */
export const DEVELOPMENT_SMTP_PORT = 2525;

/** The mail settings of an application built without the environment (tests, the command line). */
export const DEFAULT_MAIL_CONFIG: MailConfig = {
  smtpPort: null,
  relayUrl: null,
  maxMessageBytes: 25 * 1024 * 1024,
  secretKey: null,
  rspamdUrl: null,
  quarantineDays: 30,
  autoReplyWindowHours: 24,
  senderLimitPerHour: 30,
  eAddressDir: path.resolve('data', 'e-address'),
};

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
    mail: {
      // Port 0 turns the receiver off; in production it listens only where it is asked to.
      smtpPort:
        e.APKALPO_SMTP_PORT === 0
          ? null
          : (e.APKALPO_SMTP_PORT ?? (production ? null : DEVELOPMENT_SMTP_PORT)),
      relayUrl: e.APKALPO_MAIL_RELAY ?? null,
      maxMessageBytes: e.APKALPO_MAIL_MAX_BYTES,
      secretKey: e.APKALPO_SECRET_KEY ?? null,
      rspamdUrl: e.APKALPO_RSPAMD_URL ?? null,
      quarantineDays: e.APKALPO_QUARANTINE_DAYS,
      autoReplyWindowHours: e.APKALPO_AUTO_REPLY_WINDOW_HOURS,
      senderLimitPerHour: e.APKALPO_SENDER_LIMIT_PER_HOUR,
      eAddressDir: path.resolve(
        e.APKALPO_EADDRESS_DIR ?? path.join(e.APKALPO_DATA_DIR, 'e-address'),
      ),
    },
  };
}
