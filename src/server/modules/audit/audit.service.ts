import { addCalendarDays, rigaInstantOf } from '../../../domain/riga-time';
import type { TAuditPage, TAuditQuery } from '../../../contracts/audit.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import { requirePermission, type ActionContext } from '../../http/access';
import {
  findAuditEntries,
  findReadsOf,
  insertAuditEntries,
  type NewAuditRow,
} from './audit.repository';
import { presentAuditEntry } from './audit.presenter';

export interface AuditChange {
  /** What happened: create, update, delete, read, sign-in, sign-out, revoke, ... */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Why or in which connection, e.g. the case for which a client's data was read. */
  context?: unknown;
}

export interface AuditService {
  /** Records changes in the caller's transaction, so a change and its record stand or fall together. */
  record(trx: Executor, ctx: ActionContext, ...changes: AuditChange[]): Promise<void>;
  /**
   * Records that personal data was looked at (who, when, whose, in which connection). Later
   * modules call it when a client record or a case with personal data is opened.
   */
  recordRead(
    db: Executor,
    ctx: ActionContext,
    read: { entityType: string; entityId: string; context?: unknown },
  ): Promise<void>;
  /**
   * Holds the records made in the transaction until `flush` writes them in one statement, in the
   * order they were made: a transaction that stores many things (a group of letters, decision
   * 45) makes one insert of its records instead of one each. `mark` and `dropSince` let a part
   * rolled back to its savepoint drop its own records. The caller flushes before the commit.
   */
  deferIn(trx: Executor): DeferredRecords;
  list(ctx: ActionContext, query: TAuditQuery): Promise<TAuditPage>;
  /** Who read a record and when (for a data subject's request); the caller checks access. */
  readsOf(
    entityType: string,
    entityIds: readonly string[],
  ): Promise<
    Array<{
      at: Date;
      staffId: string | null;
      staffName: string | null;
      /** The API token the look came through: a system token's name is its only "who". */
      tokenId: string | null;
      tokenName: string | null;
      context: unknown;
    }>
  >;
}

export interface DeferredRecords {
  /** Where the records made from now on start. */
  mark(): number;
  /** Forgets the records made since the mark. */
  dropSince(mark: number): void;
  /** Writes the records held, and holds no more: later records are written at once again. */
  flush(): Promise<void>;
}

export function createAuditService(deps: { db: Executor; clock: Clock }): AuditService {
  const toRows = (ctx: ActionContext, changes: readonly AuditChange[]) => {
    const at = deps.clock.now();
    return changes.map((change) => ({
      at,
      actorStaffId: ctx.principal.staffId,
      actorTokenId: ctx.principal.tokenId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before,
      after: change.after,
      context: change.context,
      requestId: ctx.requestId,
      ip: ctx.ip,
    }));
  };

  const held = new WeakMap<Executor, NewAuditRow[]>();

  return {
    async record(trx, ctx, ...changes) {
      const rows = toRows(ctx, changes);
      const holding = held.get(trx);
      if (holding) holding.push(...rows);
      else await insertAuditEntries(trx, rows);
    },

    deferIn(trx) {
      const rows: NewAuditRow[] = [];
      held.set(trx, rows);
      return {
        mark: () => rows.length,
        dropSince: (mark) => void rows.splice(mark),
        async flush() {
          held.delete(trx);
          if (rows.length > 0) await insertAuditEntries(trx, rows);
        },
      };
    },

    async recordRead(db, ctx, read) {
      await insertAuditEntries(db, toRows(ctx, [{ action: 'read', ...read }]));
    },

    async readsOf(entityType, entityIds) {
      const rows = await findReadsOf(deps.db, { entityType, entityIds, limit: 10_000 });
      return rows.map((row) => ({
        at: row.at,
        staffId: row.actor_staff_id,
        staffName: row.actor_staff_name,
        tokenId: row.actor_token_id,
        tokenName: row.actor_token_name,
        context: row.context,
      }));
    },

    async list(ctx, query) {
      requirePermission(ctx.principal, 'audit.read');
      const rows = await findAuditEntries(deps.db, {
        entityType: query.entityType,
        entityId: query.entityId,
        actorId: query.actorId,
        action: query.action,
        fromInstant: query.from ? rigaInstantOf(query.from) : undefined,
        toInstant: query.to ? rigaInstantOf(addCalendarDays(query.to, 1)) : undefined,
        before: query.before,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const hasMore = rows.length > query.limit;
      return {
        items: page.map(presentAuditEntry),
        nextCursor: hasMore ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  };
}
