import { sql } from 'kysely';
import type { Role } from '../../../domain/roles';
import type { Executor } from '../../db/database';

const tokenColumns = [
  't.id',
  't.name',
  't.staff_id',
  't.roles',
  't.token_prefix',
  't.created_at',
  't.expires_at',
  't.last_used_at',
  't.revoked_at',
  's.given_name',
  's.surname',
  's.position',
  's.phone',
  's.email',
] as const;

function selectTokens(db: Executor) {
  return db
    .selectFrom('api_tokens as t')
    .leftJoin('staff as s', 's.id', 't.staff_id')
    .select(tokenColumns);
}
export type TokenRow = Awaited<ReturnType<typeof findTokenById>> & object;

export async function insertToken(
  db: Executor,
  token: {
    name: string;
    staff_id: string | null;
    roles: Role[];
    token_hash: string;
    token_prefix: string;
    created_by: string | null;
    created_at: Date;
    expires_at: Date | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values(token)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTokenById(db: Executor, id: string) {
  return selectTokens(db).where('t.id', '=', id).executeTakeFirst();
}

export async function findTokens(
  db: Executor,
  { includeRevoked, limit, offset }: { includeRevoked: boolean; limit: number; offset: number },
) {
  let query = selectTokens(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('t.created_at', 'desc')
    .limit(limit)
    .offset(offset);
  if (!includeRevoked) query = query.where('t.revoked_at', 'is', null);
  return query.execute();
}

/** A token that still works: not revoked, not expired and, when personal, its person active. */
export async function findUsableToken(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens as t')
    .leftJoin('staff as s', 's.id', 't.staff_id')
    .select(['t.id', 't.staff_id', 't.roles', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where((eb) => eb.or([eb('t.staff_id', 'is', null), eb('s.active', '=', true)]))
    .executeTakeFirst();
}

export async function touchToken(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeToken(
  db: Executor,
  { id, by, now }: { id: string; by: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokePersonalTokensOf(
  db: Executor,
  { staffId, by, now }: { staffId: string; by: string | null; now: Date },
): Promise<string[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Whether a token may be issued to the person: they exist and still work here. */
export async function isActiveStaff(db: Executor, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('id', '=', staffId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
