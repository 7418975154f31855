import type { Kysely } from 'kysely';
import type {
  TCreateImprovementTaskBody,
  TImprovementTask,
  TImprovementTaskPage,
  TListImprovementTasksQuery,
  TMoveImprovementTaskBody,
  TUpdateImprovementTaskBody,
} from '../../../contracts/improvements.contracts';
import { mayMoveTask, outcomeRequiredFor, type TaskMover } from '../../../domain/improvements';
import { rigaDateOf } from '../../../domain/riga-time';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext, type Principal } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { UnitsService } from '../units/units.service';
import { presentTask } from './improvements.presenter';
import {
  feedbackExists,
  findStaffActive,
  findTaskById,
  findTasks,
  findWaveSurveyId,
  insertTask,
  isTaskOfOwnIdea,
  surveyExists,
  unitExists,
  updateTask,
  type TaskRow,
  type TaskVisibility,
} from './improvements.repository';

/** The basis and the people of a task as they will be saved, checked against the records. */
interface TaskContent {
  unitId: string;
  ownerId: string | null;
  feedbackId: string | null;
  surveyId: string | null;
  surveyWaveId: string | null;
  surveyFactor: string | null;
}

export function createImprovementsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
}) {
  const { db, audit, clock, units } = deps;
  const today = () => rigaDateOf(clock.now());

  /** The department (30) sees every task, as do those who control the standard across units (34). */
  const seesAll = (principal: Principal) =>
    hasPermission(principal, 'improvements.manage') ||
    (hasPermission(principal, 'control.read') && hasPermission(principal, 'requests.read-all'));

  /** The units whose tasks a unit head sees and moves: those they head and their sub-units. */
  async function headedUnitsOf(executor: Executor, principal: Principal): Promise<Set<string>> {
    return hasPermission(principal, 'unit-reports.submit')
      ? units.subtreeOf(executor, principal.unitIds)
      : new Set();
  }

  /** How the principal may move the task: as the department, as its unit's head or owner, or not. */
  async function moverOf(
    executor: Executor,
    principal: Principal,
    row: TaskRow,
  ): Promise<TaskMover | null> {
    if (hasPermission(principal, 'improvements.manage')) return 'manager';
    if (principal.staffId !== null && row.owner_id === principal.staffId) return 'assignee';
    if ((await headedUnitsOf(executor, principal)).has(row.unit_id)) return 'assignee';
    return null;
  }

  async function present(executor: Executor, principal: Principal, row: TaskRow) {
    const mover = await moverOf(executor, principal, row);
    return presentTask(row, {
      today: today(),
      abilities: { edit: mover === 'manager', move: mover !== null },
    });
  }

  /**
   * Loads a task the principal may see; one they may not answers as missing. The author of an
   * idea that led to the task reads it too (31): they see what became of their idea.
   */
  async function visibleTask(executor: Executor, principal: Principal, id: string) {
    const row = await findVisibleTask(executor, principal, id);
    if (!row) throw notFound();
    return row;
  }

  async function findVisibleTask(executor: Executor, principal: Principal, id: string) {
    const row = await findTaskById(executor, id);
    if (!row) return null;
    if (seesAll(principal) || (await moverOf(executor, principal, row)) !== null) return row;
    if (principal.staffId !== null && (await isTaskOfOwnIdea(executor, id, principal.staffId)))
      return row;
    return null;
  }

  async function assertContent(trx: Executor, content: TaskContent) {
    if (!(await unitExists(trx, content.unitId))) throw invalidField('unitId', 'unknown_reference');
    if (content.ownerId !== null) {
      const owner = await findStaffActive(trx, content.ownerId);
      if (!owner) throw invalidField('ownerId', 'unknown_reference');
      if (!owner.active) throw invalidField('ownerId', 'person_inactive');
    }
    // One basis: a task follows either a client's feedback or a survey result, not both.
    if (content.feedbackId !== null && content.surveyId !== null)
      throw invalidField('surveyId', 'task_one_basis');
    if (content.feedbackId !== null && !(await feedbackExists(trx, content.feedbackId)))
      throw invalidField('feedbackId', 'unknown_reference');
    if (content.surveyId === null) {
      if (content.surveyWaveId !== null || content.surveyFactor !== null)
        throw invalidField('surveyId', 'required');
      return;
    }
    if (!(await surveyExists(trx, content.surveyId)))
      throw invalidField('surveyId', 'unknown_reference');
    if (
      content.surveyWaveId !== null &&
      (await findWaveSurveyId(trx, content.surveyWaveId)) !== content.surveyId
    )
      throw invalidField('surveyWaveId', 'unknown_reference');
  }

  async function load(executor: Executor, principal: Principal, id: string) {
    const row = await findTaskById(executor, id);
    if (!row) throw notFound();
    return present(executor, principal, row);
  }

  return {
    async list(
      ctx: ActionContext,
      query: TListImprovementTasksQuery,
    ): Promise<TImprovementTaskPage> {
      const { principal } = ctx;
      const visibility: TaskVisibility = seesAll(principal)
        ? { all: true }
        : {
            all: false,
            unitIds: [...(await headedUnitsOf(db, principal))],
            ownerId: principal.staffId,
          };
      const rows = await findTasks(db, {
        visibility,
        unitId: query.unitId,
        state: query.state,
        ownerId: query.ownerId,
        overdueOn: query.overdue ? today() : undefined,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const page = pageFrom(rows, query, (row) => row);
      return {
        ...page,
        items: await Promise.all(page.items.map((row) => present(db, principal, row))),
      };
    },

    /**
     * Whether the principal may see the task, in the caller's transaction: an idea's answer links
     * only such a task, since the idea's author then reads it.
     */
    async isVisible(executor: Executor, principal: Principal, id: string): Promise<boolean> {
      return (await findVisibleTask(executor, principal, id)) !== null;
    },

    async get(ctx: ActionContext, id: string): Promise<TImprovementTask> {
      return present(db, ctx.principal, await visibleTask(db, ctx.principal, id));
    },

    async create(ctx: ActionContext, body: TCreateImprovementTaskBody): Promise<TImprovementTask> {
      if (!hasPermission(ctx.principal, 'improvements.manage')) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        const content: TaskContent = {
          unitId: body.unitId,
          ownerId: body.ownerId ?? null,
          feedbackId: body.feedbackId ?? null,
          surveyId: body.surveyId ?? null,
          surveyWaveId: body.surveyWaveId ?? null,
          surveyFactor: body.surveyFactor ?? null,
        };
        if (body.dueOn < today()) throw invalidField('dueOn', 'date_in_past');
        await assertContent(trx, content);
        const now = clock.now();
        const { id } = await insertTask(trx, {
          unit_id: content.unitId,
          title: body.title,
          description: body.description ?? '',
          owner_id: content.ownerId,
          due_on: body.dueOn,
          state: 'planned',
          feedback_id: content.feedbackId,
          survey_id: content.surveyId,
          survey_wave_id: content.surveyWaveId,
          survey_factor: content.surveyFactor,
          created_by: ctx.principal.staffId,
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, ctx.principal, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'improvement_task',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      body: TUpdateImprovementTaskBody,
    ): Promise<TImprovementTask> {
      if (!hasPermission(ctx.principal, 'improvements.manage')) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        const current = await findTaskById(trx, id);
        if (!current) throw notFound();
        if (current.version !== body.version) throw versionConflict();
        const pick = <T>(value: T | undefined, fallback: T): T =>
          value !== undefined ? value : fallback;
        const content: TaskContent = {
          unitId: pick(body.unitId, current.unit_id),
          ownerId: pick(body.ownerId, current.owner_id),
          feedbackId: pick(body.feedbackId, current.feedback_id),
          surveyId: pick(body.surveyId, current.survey_id),
          surveyWaveId: pick(body.surveyWaveId, current.survey_wave_id),
          surveyFactor: pick(body.surveyFactor, current.survey_factor),
        };
        // A task already late may keep its date; a new date is one still to come.
        if (body.dueOn !== undefined && body.dueOn !== current.due_on && body.dueOn < today())
          throw invalidField('dueOn', 'date_in_past');
        await assertContent(trx, content);
        const updated = await updateTask(trx, {
          id,
          version: body.version,
          changes: {
            unit_id: content.unitId,
            title: body.title ?? current.title,
            description: pick(body.description, current.description) ?? '',
            owner_id: content.ownerId,
            due_on: body.dueOn ?? current.due_on,
            feedback_id: content.feedbackId,
            survey_id: content.surveyId,
            survey_wave_id: content.surveyWaveId,
            survey_factor: content.surveyFactor,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const before = await present(trx, ctx.principal, current);
        const after = await load(trx, ctx.principal, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'improvement_task',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async move(
      ctx: ActionContext,
      id: string,
      body: TMoveImprovementTaskBody,
    ): Promise<TImprovementTask> {
      return db.transaction().execute(async (trx) => {
        const current = await findTaskById(trx, id);
        if (!current) throw notFound();
        const mover = await moverOf(trx, ctx.principal, current);
        if (mover === null) throw new AppError('forbidden');
        if (current.version !== body.version) throw versionConflict();
        if (!mayMoveTask(current.state, body.state, mover)) {
          // A move the department could make is refused for who asks, not for where it goes.
          const code = mayMoveTask(current.state, body.state, 'manager')
            ? 'task_move_department_only'
            : 'task_invalid_transition';
          throw invalidField('state', code, { from: current.state, to: body.state });
        }
        const outcome = body.outcome ?? null;
        if (outcomeRequiredFor(body.state) && outcome === null)
          throw invalidField('outcome', 'required');
        const now = clock.now();
        const updated = await updateTask(trx, {
          id,
          version: body.version,
          changes: {
            state: body.state,
            // Reopening keeps what was written, so the next outcome can build on it.
            outcome: outcome ?? current.outcome,
            completed_at: body.state === 'done' || body.state === 'cancelled' ? now : null,
            updated_at: now,
          },
        });
        if (!updated) throw versionConflict();
        const before = await present(trx, ctx.principal, current);
        const after = await load(trx, ctx.principal, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'improvement_task',
          entityId: id,
          before,
          after,
          context: { state: body.state },
        });
        return after;
      });
    },

    /** Whether the task exists, for ideas that lead to one. */
    async exists(executor: Executor, id: string): Promise<boolean> {
      return (await findTaskById(executor, id)) !== undefined;
    },
  };
}
export type ImprovementsService = ReturnType<typeof createImprovementsService>;
