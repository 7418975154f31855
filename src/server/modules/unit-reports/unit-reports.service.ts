import type { Kysely } from 'kysely';
import { rigaDateOf } from '../../../domain/riga-time';
import type {
  TCreateUnitReportBody,
  TUnitReport,
  TUnitReportPage,
  TUnitReportsQuery,
  TUpdateUnitReportBody,
} from '../../../contracts/unit-reports.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext } from '../../http/access';
import { AppError, forbidden, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { ControlService } from '../control/control.service';
import { offsetOf } from '../paging';
import type { UnitsService } from '../units/units.service';
import { presentReportLines, presentUnitReport } from './unit-reports.presenter';
import {
  figuresJson,
  findReportLines,
  findReportingUnit,
  findUnitReportById,
  insertUnitReport,
  updateDraftUnitReport,
} from './unit-reports.repository';

/**
 * The yearly report of each unit that serves external clients (clause 29): the unit head writes
 * the shortcomings and measures beside the unit's figures, counted from the records; the head of
 * client service sees which units have not submitted theirs.
 */
export function createUnitReportsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
  control: ControlService;
}) {
  const { db, audit, clock, units, control } = deps;

  /** The units whose reports the person sees and writes: null for all of them. */
  async function reachOf(executor: Executor, ctx: ActionContext): Promise<Set<string> | null> {
    if (hasPermission(ctx.principal, 'improvements.manage')) return null;
    if (!hasPermission(ctx.principal, 'unit-reports.submit')) throw forbidden();
    return units.subtreeOf(executor, ctx.principal.unitIds);
  }

  /** A report the person may see; one of another unit is as missing as one that is not there. */
  async function seen(executor: Executor, ctx: ActionContext, id: string) {
    const reach = await reachOf(executor, ctx);
    const row = await findUnitReportById(executor, id);
    if (!row || (reach && !reach.has(row.unit_id))) throw notFound();
    return row;
  }

  async function forChange(trx: Executor, ctx: ActionContext, id: string, version: number) {
    const row = await seen(trx, ctx, id);
    if (row.state === 'submitted') throw new AppError('conflict', 'unit_report_submitted');
    if (row.version !== version) throw versionConflict();
    return row;
  }

  async function load(executor: Executor, id: string): Promise<TUnitReport> {
    const row = await findUnitReportById(executor, id);
    if (!row) throw notFound();
    return presentUnitReport(row);
  }

  return {
    async list(ctx: ActionContext, query: TUnitReportsQuery): Promise<TUnitReportPage> {
      const reach = await reachOf(db, ctx);
      const year = query.year ?? Number(rigaDateOf(clock.now()).slice(0, 4)) - 1;
      const rows = await findReportLines(db, {
        year,
        scope: reach ? { all: false, unitIds: [...reach] } : { all: true },
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return presentReportLines(rows, { ...query, year });
    },

    async get(ctx: ActionContext, id: string): Promise<TUnitReport> {
      return presentUnitReport(await seen(db, ctx, id));
    },

    /** Starts the year's draft with the unit's figures for the year as the records give them. */
    async create(ctx: ActionContext, body: TCreateUnitReportBody): Promise<TUnitReport> {
      return db.transaction().execute(async (trx) => {
        const reach = await reachOf(trx, ctx);
        if (reach && !reach.has(body.unitId)) throw invalidField('unitId', 'not_in_unit');
        if (!(await findReportingUnit(trx, body.unitId))) {
          throw invalidField('unitId', 'unit_not_reporting');
        }
        const now = clock.now();
        const figures = await control.yearOf(trx, body.unitId, body.year);
        const id = await insertUnitReport(trx, {
          unit_id: body.unitId,
          year: body.year,
          state: 'draft',
          figures: figuresJson(figures),
          created_at: now,
          updated_at: now,
        });
        if (!id) throw new AppError('conflict', 'unit_report_exists');
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'unit_report',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(
      ctx: ActionContext,
      id: string,
      body: TUpdateUnitReportBody,
    ): Promise<TUnitReport> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        const before = presentUnitReport(row);
        const changed = await updateDraftUnitReport(trx, {
          id,
          version: body.version,
          changes: {
            shortcomings: body.shortcomings,
            measures: body.measures,
            updated_at: clock.now(),
          },
        });
        if (!changed) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'unit_report',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /**
     * Submits the report: its figures are counted once more, as they stand now, and kept from
     * then on as the year's record, whatever later corrections to the records change.
     */
    async submit(ctx: ActionContext, id: string, version: number): Promise<TUnitReport> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, version);
        if (row.shortcomings.trim() === '') throw invalidField('shortcomings', 'required');
        const before = presentUnitReport(row);
        const now = clock.now();
        const figures = await control.yearOf(trx, row.unit_id, row.year);
        const changed = await updateDraftUnitReport(trx, {
          id,
          version,
          changes: {
            state: 'submitted',
            figures: figuresJson(figures),
            submitted_by: ctx.principal.staffId,
            submitted_at: now,
            updated_at: now,
          },
        });
        if (!changed) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'submit',
          entityType: 'unit_report',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type UnitReportsService = ReturnType<typeof createUnitReportsService>;
