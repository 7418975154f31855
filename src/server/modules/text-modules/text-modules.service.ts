import type { Kysely } from 'kysely';
import type {
  TCreateTextModuleBody,
  TListTextModulesQuery,
  TTextModule,
  TTextModulePage,
  TUpdateTextModuleBody,
} from '../../../contracts/text-modules.contracts';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import { presentTextModule } from './text-modules.presenter';
import {
  findTextModuleById,
  findTextModules,
  insertTextModule,
  updateTextModule,
} from './text-modules.repository';

/**
 * Ready pieces of letters (issue 14): the heads write them once with placeholders for the client,
 * the request's number and due date; every clerk starts an answer from one and edits it.
 */
export function createTextModulesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, audit, clock } = deps;

  async function load(executor: Executor, id: string): Promise<TTextModule> {
    const row = await findTextModuleById(executor, id);
    if (!row) throw notFound();
    return presentTextModule(row);
  }

  return {
    /** Anyone signed in may use them; the list folds diacritics like every search. */
    async list(_ctx: ActionContext, query: TListTextModulesQuery): Promise<TTextModulePage> {
      const rows = await findTextModules(db, {
        terms: searchTermsOf(query.q ?? ''),
        language: query.language,
        active: query.active,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentTextModule);
    },

    async get(_ctx: ActionContext, id: string): Promise<TTextModule> {
      return load(db, id);
    },

    async create(ctx: ActionContext, body: TCreateTextModuleBody): Promise<TTextModule> {
      requirePermission(ctx.principal, 'text-modules.manage');
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const id = await insertTextModule(trx, {
          title: body.title,
          language: body.language,
          body: body.body,
          search_text: searchTextOf([body.title, body.body]),
          created_by: ctx.principal.staffId,
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'text_module',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      body: TUpdateTextModuleBody,
    ): Promise<TTextModule> {
      requirePermission(ctx.principal, 'text-modules.manage');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        const title = body.title ?? before.title;
        const text = body.body ?? before.body;
        const written = await updateTextModule(trx, id, body.version, {
          title,
          language: body.language ?? before.language,
          body: text,
          active: body.active ?? before.active,
          search_text: searchTextOf([title, text]),
          updated_at: clock.now(),
        });
        if (!written) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'text_module',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type TextModulesService = ReturnType<typeof createTextModulesService>;
