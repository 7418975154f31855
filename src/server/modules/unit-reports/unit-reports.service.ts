import type { Kysely } from 'kysely';
import { rigaDateOf } from '../../../domain/riga-time';
import { isFutureYear } from '../../../domain/control';
import { defaultReportYear, reportYearChoices } from '../../../domain/unit-reports';
import type {
  TCreateUnitReportBody,
  TSubmitUnitReportBody,
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
  findReportYears,
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

  /** A year not yet begun is refused where it was asked for. */
  function checkYear(year: number, part: 'body' | 'query', today: string): void {
    if (isFutureYear(year, today)) throw invalidField('year', 'year_in_future', {}, part);
  }

  async function load(executor: Executor, id: string): Promise<TUnitReport> {
    const row = await findUnitReportById(executor, id);
    if (!row) throw notFound();
    return presentUnitReport(row);
  }

  return {
    async list(ctx: ActionContext, query: TUnitReportsQuery): Promise<TUnitReportPage> {
      const reach = await reachOf(db, ctx);
      const today = rigaDateOf(clock.now());
      const year = query.year ?? defaultReportYear(today);
      checkYear(year, 'query', today);
      const scope = reach ? { all: false as const, unitIds: [...reach] } : { all: true as const };
      const rows = await findReportLines(db, {
        year,
        scope,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const years = reportYearChoices(today, await findReportYears(db, scope), year);
      return presentReportLines(rows, { ...query, year, years });
    },

    async get(ctx: ActionContext, id: string): Promise<TUnitReport> {
      return presentUnitReport(await seen(db, ctx, id));
    },

    /** Starts the year's draft with the unit's figures for the year as the records give them. */
    async create(ctx: ActionContext, body: TCreateUnitReportBody): Promise<TUnitReport> {
      return db.transaction().execute(async (trx) => {
        const reach = await reachOf(trx, ctx);
        if (reach && !reach.has(body.unitId)) throw invalidField('unitId', 'not_in_unit');
        const now = clock.now();
        checkYear(body.year, 'body', rigaDateOf(now));
        if (!(await findReportingUnit(trx, body.unitId))) {
          throw invalidField('unitId', 'unit_not_reporting');
        }
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
     * Writes the words sent and submits the report with them: its figures are counted once more,
     * as they stand now, and kept from then on as the year's record, whatever later corrections
     * to the records change. A refused submission writes nothing, so the draft keeps its version.
     */
    async submit(
      ctx: ActionContext,
      id: string,
      body: TSubmitUnitReportBody,
    ): Promise<TUnitReport> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        // Clause 29 asks for the shortcomings found; a unit that found none says so.
        if (body.shortcomings === '') throw invalidField('shortcomings', 'required');
        const before = presentUnitReport(row);
        const now = clock.now();
        const figures = await control.yearOf(trx, row.unit_id, row.year);
        const changed = await updateDraftUnitReport(trx, {
          id,
          version: body.version,
          changes: {
            shortcomings: body.shortcomings,
            measures: body.measures,
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
