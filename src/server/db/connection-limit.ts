import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * How many connections the PostgreSQL server lets an ordinary role open at once: its
 * `max_connections` less those it keeps for superusers.
 */
export async function connectionLimit(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ limit: number }>`
    select current_setting('max_connections')::int
      - current_setting('superuser_reserved_connections')::int as limit
  `.execute(db);
  return rows[0]?.limit ?? 0;
}
