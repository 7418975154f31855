import type { THealth } from '../../../contracts/health.contracts';
import type { Database } from '../../db/database';
import type { MailboxesService } from '../mailboxes/mailboxes.service';

/** A database that does not answer within this time counts as down: a probe must not hang. */
const PING_TIMEOUT_MS = 2_000;

/** The promise's value, or a rejection once the time is up. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out`)), PING_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createHealthService(deps: {
  database: Pick<Database, 'kind' | 'ping'>;
  mailboxes: Pick<MailboxesService, 'health'>;
  version: string;
  startedAt: number;
}) {
  return {
    async check(): Promise<THealth> {
      let reachable = true;
      try {
        await within(deps.database.ping(), 'database ping');
      } catch {
        reachable = false;
      }
      // A mailbox that cannot be read is reported, but the server still serves: the status (and
      // a load balancer's 503) is the database's alone.
      const mailboxes = reachable
        ? await within(deps.mailboxes.health(), 'mailbox states').catch(() => [])
        : [];
      return {
        status: reachable ? 'ok' : 'error',
        database: deps.database.kind,
        databaseReachable: reachable,
        version: deps.version,
        uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
        mailboxes,
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
