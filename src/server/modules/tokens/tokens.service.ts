import type { Kysely } from 'kysely';
import { permissionsOf } from '../../../domain/roles';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from '../../../domain/riga-time';
import type {
  TApiToken,
  TCreateTokenBody,
  TCreatedToken,
  TListTokensQuery,
} from '../../../contracts/tokens.contracts';
import type { Clock } from '../../adapters/clock';
import type { DB } from '../../db/schema';
import type { Executor } from '../../db/database';
import { hasPermission, requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound } from '../../http/errors';
import { digestOf, newSecret } from '../../http/secrets';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import { presentToken } from './tokens.presenter';
import {
  findTokenById,
  findTokens,
  findUsableToken,
  insertToken,
  isActiveStaff,
  revokePersonalTokensOf,
  revokeToken,
  touchToken,
} from './tokens.repository';

const TOKEN_PREFIX = 'apk_';
/** Writing "last used" on every call would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createTokensService(deps: { db: Kysely<DB>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function load(executor: Executor, id: string): Promise<TApiToken> {
    const row = await findTokenById(executor, id);
    if (!row) throw notFound();
    return presentToken(row);
  }

  return {
    async list(ctx: ActionContext, query: TListTokensQuery) {
      requirePermission(ctx.principal, 'tokens.manage');
      const rows = await findTokens(db, {
        includeRevoked: query.includeRevoked,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentToken);
    },

    async create(ctx: ActionContext, body: TCreateTokenBody): Promise<TCreatedToken> {
      requirePermission(ctx.principal, 'tokens.manage');
      // A token never reaches further than whoever issues it: a personal token acts as its
      // issuer, and a system token holds only permissions the issuer holds. The operator on the
      // server itself (command line, demo data) is nobody in particular and may issue any.
      const operator = ctx.principal.kind === 'system' && ctx.principal.tokenId === null;
      if (body.staffId !== undefined && body.staffId !== ctx.principal.staffId && !operator) {
        throw new AppError('forbidden', 'token_for_another');
      }
      const granted = permissionsOf(body.roles ?? []);
      if ([...granted].some((permission) => !hasPermission(ctx.principal, permission))) {
        throw new AppError('forbidden', 'token_beyond_issuer');
      }
      const secret = newSecret(TOKEN_PREFIX);
      return db.transaction().execute(async (trx) => {
        if (body.staffId && !(await isActiveStaff(trx, body.staffId))) {
          throw invalidField('staffId', 'unknown_reference');
        }
        // A token that expired before it was issued would only puzzle whoever installs it.
        if (body.expiresOn && body.expiresOn < rigaDateOf(clock.now())) {
          throw invalidField('expiresOn', 'date_in_past');
        }
        const id = await insertToken(trx, {
          name: body.name,
          staff_id: body.staffId ?? null,
          roles: body.staffId ? [] : (body.roles ?? []),
          token_hash: digestOf(secret),
          token_prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
          created_by: ctx.principal.staffId,
          created_at: clock.now(),
          // The token works through its last day, Riga time.
          expires_at: body.expiresOn ? rigaInstantOf(addCalendarDays(body.expiresOn, 1)) : null,
        });
        const token = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'api_token',
          entityId: id,
          after: token,
        });
        return { ...token, token: secret };
      });
    },

    async revoke(ctx: ActionContext, id: string): Promise<TApiToken> {
      requirePermission(ctx.principal, 'tokens.manage');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.revokedAt) return before;
        await revokeToken(trx, { id, by: ctx.principal.staffId, now: clock.now() });
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'revoke',
          entityType: 'api_token',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /** The token's owner and roles when the token still works. */
    async authenticate(secret: string) {
      if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
      const now = clock.now();
      const token = await findUsableToken(db, digestOf(secret), now);
      if (!token) return undefined;
      if (
        !token.last_used_at ||
        now.getTime() - token.last_used_at.getTime() > LAST_USED_RESOLUTION_MS
      ) {
        await touchToken(db, token.id, now);
      }
      return token;
    },

    /** Revokes a person's tokens when they leave, in the caller's transaction. */
    async revokePersonalTokensOf(trx: Executor, ctx: ActionContext, staffId: string) {
      const ids = await revokePersonalTokensOf(trx, {
        staffId,
        by: ctx.principal.staffId,
        now: clock.now(),
      });
      await audit.record(
        trx,
        ctx,
        ...ids.map((id) => ({ action: 'revoke', entityType: 'api_token', entityId: id })),
      );
    },
  };
}
export type TokensService = ReturnType<typeof createTokensService>;
