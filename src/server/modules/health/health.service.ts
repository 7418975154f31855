import type { Kysely } from 'kysely';
import type { THealth } from '../../../contracts/health.contracts';
import type { DatabaseKind } from '../../db/database';
import type { DB } from '../../db/schema';
import { pingDatabase } from './health.repository';

/** A database that does not answer within this time counts as down: a probe must not hang. */
const PING_TIMEOUT_MS = 2_000;

export function createHealthService(deps: {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  version: string;
  startedAt: number;
}) {
  return {
    async check(): Promise<THealth> {
      let reachable = true;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          pingDatabase(deps.db),
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
        database: deps.databaseKind,
        databaseReachable: reachable,
        version: deps.version,
        uptimeSeconds: Math.floor((Date.now() - deps.startedAt) / 1000),
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
