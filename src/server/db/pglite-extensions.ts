import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * PGlite's extensions the migrations create; PostgreSQL ships them in contrib. Apart from
 * database.ts so that PGlite's thread loads them without the driver and Kysely.
 */
export const pgliteExtensions = { pg_trgm, unaccent };
