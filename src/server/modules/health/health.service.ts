import type { THealth } from '../../../contracts/health.contracts';
import type { Database } from '../../db/database';

/** A database that does not answer within this time counts as down: a probe must not hang. */
const PING_TIMEOUT_MS = 2_000;

export function createHealthService(deps: {
  database: Pick<Database, 'kind' | 'ping'>;
  version: string;
  startedAt: number;
}) {
  return {
    async check(): Promise<THealth> {
      let reachable = true;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          deps.database.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS);
          }),
        ]);
      } catch {
        reachable = false;
      } finally {
        clearTimeout(timer);
      }
      return {
        status: reachable ? 'ok' : 'error',
        database: deps.database.kind,
        databaseReachable: reachable,
        version: deps.version,
        uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
