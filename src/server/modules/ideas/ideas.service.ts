import type { Kysely } from 'kysely';
import type {
  TCreateIdeaBody,
  TIdea,
  TIdeaPage,
  TListIdeasQuery,
  TMoveIdeaBody,
} from '../../../contracts/ideas.contracts';
import {
  RECEIVING_ROLE,
  mayMoveIdea,
  receivesIdea,
  responseRequiredFor,
  type IdeaAddressee,
} from '../../../domain/ideas';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext, type Principal } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { ImprovementsService } from '../improvements/improvements.service';
import { offsetOf, pageFrom } from '../paging';
import { presentIdea } from './ideas.presenter';
import {
  findIdeaById,
  findIdeas,
  findPrimaryUnitId,
  insertIdea,
  unitExists,
  updateIdea,
  type IdeaRow,
} from './ideas.repository';

export function createIdeasService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  improvements: Pick<ImprovementsService, 'isVisible'>;
}) {
  const { db, audit, clock, improvements } = deps;

  const receives = (principal: Principal, row: IdeaRow) =>
    receivesIdea(principal, { addressee: row.addressee, unitId: row.unit_id });

  const present = (principal: Principal, row: IdeaRow) =>
    presentIdea(row, { respond: receives(principal, row) });

  async function load(executor: Executor, principal: Principal, id: string): Promise<TIdea> {
    const row = await findIdeaById(executor, id);
    if (!row) throw notFound();
    return present(principal, row);
  }

  return {
    async list(ctx: ActionContext, query: TListIdeasQuery): Promise<TIdeaPage> {
      const { principal } = ctx;
      // Only people have boxes: a system token neither writes nor receives ideas.
      if (principal.staffId === null)
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const addressees = (Object.keys(RECEIVING_ROLE) as Array<keyof typeof RECEIVING_ROLE>).filter(
        (addressee) => principal.roles.includes(RECEIVING_ROLE[addressee]),
      );
      const rows = await findIdeas(db, {
        box:
          query.box === 'mine'
            ? { box: 'mine', authorId: principal.staffId }
            : {
                box: 'received',
                headedUnitIds: principal.roles.includes('unit_head') ? [...principal.unitIds] : [],
                addressees,
              },
        state: query.state,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, (row) => present(principal, row));
    },

    /** The author and the receivers see an idea; to anyone else it does not exist. */
    async get(ctx: ActionContext, id: string): Promise<TIdea> {
      const row = await findIdeaById(db, id);
      if (!row) throw notFound();
      if (row.author_id !== ctx.principal.staffId && !receives(ctx.principal, row))
        throw notFound();
      return present(ctx.principal, row);
    },

    async create(ctx: ActionContext, body: TCreateIdeaBody): Promise<TIdea> {
      const { principal } = ctx;
      if (!hasPermission(principal, 'ideas.submit') || principal.staffId === null)
        throw new AppError('forbidden');
      const authorId = principal.staffId;
      return db.transaction().execute(async (trx) => {
        const unitId = await unitFor(trx, body.addressee, body.unitId ?? null, authorId);
        const now = clock.now();
        const { id } = await insertIdea(trx, {
          author_id: authorId,
          addressee: body.addressee,
          unit_id: unitId,
          title: body.title,
          text: body.text,
          state: 'submitted',
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, principal, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'staff_idea',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async move(ctx: ActionContext, id: string, body: TMoveIdeaBody): Promise<TIdea> {
      return db.transaction().execute(async (trx) => {
        const current = await findIdeaById(trx, id);
        if (!current) throw notFound();
        if (!receives(ctx.principal, current)) throw new AppError('forbidden');
        if (current.version !== body.version) throw versionConflict();
        if (!mayMoveIdea(current.state, body.state))
          throw invalidField('state', 'idea_invalid_transition', {
            from: current.state,
            to: body.state,
          });
        const response = body.response !== undefined ? body.response : current.response;
        if (responseRequiredFor(body.state) && response === null)
          throw invalidField('response', 'required');
        const taskId =
          body.improvementTaskId !== undefined
            ? body.improvementTaskId
            : current.improvement_task_id;
        // A newly linked task must be one the answerer sees: its author will read it (31).
        const unseen =
          taskId !== null &&
          taskId !== current.improvement_task_id &&
          !(await improvements.isVisible(trx, ctx.principal, taskId));
        if (unseen) throw invalidField('improvementTaskId', 'unknown_reference');
        const now = clock.now();
        const updated = await updateIdea(trx, {
          id,
          version: body.version,
          changes: {
            state: body.state,
            response,
            improvement_task_id: taskId,
            responded_by: ctx.principal.staffId,
            responded_at: now,
            updated_at: now,
          },
        });
        if (!updated) throw versionConflict();
        const before = present(ctx.principal, current);
        const after = await load(trx, ctx.principal, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'staff_idea',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };

  /** The unit an idea names: for the manager, the one whose head receives it (the author's own by default). */
  async function unitFor(
    trx: Executor,
    addressee: IdeaAddressee,
    given: string | null,
    authorId: string,
  ): Promise<string | null> {
    if (given !== null) {
      if (!(await unitExists(trx, given))) throw invalidField('unitId', 'unknown_reference');
      return given;
    }
    if (addressee !== 'manager') return null;
    const own = await findPrimaryUnitId(trx, authorId);
    if (own === undefined) throw invalidField('unitId', 'required');
    return own;
  }
}
export type IdeasService = ReturnType<typeof createIdeasService>;
