import type { Kysely } from 'kysely';
import {
  MAX_CONTROL_MONTHS,
  assembleFigures,
  monthCutoff,
  monthOf,
  monthSpan,
  monthsBetween,
  monthsOfYear,
  nextMonth,
  previousMonth,
  sumFigures,
  type ControlFigures,
  type FigureCounts,
  type Month,
} from '../../../domain/control';
import { rigaDateOf } from '../../../domain/riga-time';
import {
  CONTROL_EXTENSIONS_SHOWN,
  type TControlAnswer,
  type TControlCsvPart,
  type TControlQuery,
} from '../../../contracts/control.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound } from '../../http/errors';
import type { UnitsService } from '../units/units.service';
import {
  controlExtensionsCsv,
  controlFiguresCsv,
  controlTopicsCsv,
  presentControl,
  presentExtension,
} from './control.presenter';
import {
  countCallbacks,
  countCommitments,
  countExtensions,
  countFeedback,
  countFeedbackTopics,
  countImprovementTasks,
  countOpenEscalations,
  countOverdueRequests,
  countWrittenAnswers,
  findControlUnits,
  findExtensions,
  type ControlPeriod,
} from './control.repository';

/** How many months a look covers when no start is given: this one and the five before. */
const DEFAULT_MONTHS = 6;

/**
 * The standard's control (clause 34): figures counted from the records for the client service
 * head, the deputy executive director and the auditor over every unit, and for a unit head over
 * the units they head and those below them.
 */
export function createControlService(deps: { db: Kysely<DB>; clock: Clock; units: UnitsService }) {
  const { db, clock, units } = deps;

  /** The units the person may control: null for all of them. */
  async function reachOf(executor: Executor, ctx: ActionContext): Promise<Set<string> | null> {
    if (hasPermission(ctx.principal, 'requests.read-all')) return null;
    return units.subtreeOf(executor, ctx.principal.unitIds);
  }

  function periodOf(query: TControlQuery, now: Date): Month[] {
    const to = query.to ?? monthOf(rigaDateOf(now));
    let from = query.from;
    if (!from) {
      from = to;
      for (let back = 1; back < DEFAULT_MONTHS; back++) from = previousMonth(from);
    }
    if (from > to) throw invalidField('from', 'range_reversed', {}, 'query');
    const months = monthsBetween(from, to);
    if (months.length > MAX_CONTROL_MONTHS) {
      throw invalidField('to', 'range_too_long', {}, 'query');
    }
    return months;
  }

  function spanOf(unitIds: readonly string[], months: readonly Month[], now: Date): ControlPeriod {
    const first = months[0] ?? monthOf(rigaDateOf(now));
    const last = months[months.length - 1] ?? first;
    return {
      unitIds,
      start: monthSpan(first).start,
      end: monthSpan(last).end,
      startDate: `${first}-01`,
      endDate: `${nextMonth(last)}-01`,
      cutoffs: months.map((month) => ({ month, cutoff: monthCutoff(month, now) })),
      now,
    };
  }

  /** Every family of figures, one statement each, added into one table. */
  async function figuresOf(
    executor: Executor,
    period: ControlPeriod,
    months: readonly Month[],
  ): Promise<Map<string, Map<Month, ControlFigures>>> {
    if (period.unitIds.length === 0) return new Map();
    const today = rigaDateOf(period.now);
    // One after another: inside a transaction they share one connection anyway.
    const families = [
      await countWrittenAnswers(executor, period),
      await countExtensions(executor, period),
      await countCommitments(executor, period),
      await countOverdueRequests(executor, period),
      await countFeedback(executor, period),
      await countOpenEscalations(executor, period),
      await countImprovementTasks(executor, period, today),
      await countCallbacks(executor, period),
    ];
    const counts: FigureCounts[] = families.flatMap((rows) =>
      rows.map(({ unit_id, month, ...family }) => ({ unitId: unit_id, month, counts: family })),
    );
    return assembleFigures(period.unitIds, months, counts);
  }

  /** The units in view: one asked for (404 beyond one's reach), or all one may control. */
  async function unitsInView(executor: Executor, ctx: ActionContext, unitId: string | undefined) {
    const reach = await reachOf(executor, ctx);
    if (unitId) {
      if (reach && !reach.has(unitId)) throw notFound();
      const rows = await findControlUnits(executor, { all: false, unitIds: [unitId] });
      if (rows.length === 0) throw notFound();
      return rows;
    }
    return findControlUnits(executor, reach ? { all: false, unitIds: [...reach] } : { all: true });
  }

  async function figures(ctx: ActionContext, query: TControlQuery): Promise<TControlAnswer> {
    requirePermission(ctx.principal, 'control.read');
    const now = clock.now();
    const months = periodOf(query, now);
    const unitRows = await unitsInView(db, ctx, query.unitId);
    const period = spanOf(
      unitRows.map((unit) => unit.id),
      months,
      now,
    );
    const table = await figuresOf(db, period, months);
    const topics = period.unitIds.length === 0 ? [] : await countFeedbackTopics(db, period);
    const extensions =
      period.unitIds.length === 0 ? [] : await findExtensions(db, period, CONTROL_EXTENSIONS_SHOWN);
    return presentControl({ months, units: unitRows, table, topics, extensions });
  }

  return {
    figures,

    /** One part of the control as CSV; the extensions part lists every one, not the first few. */
    async csv(ctx: ActionContext, query: TControlQuery, part: TControlCsvPart): Promise<string> {
      const answer = await figures(ctx, query);
      switch (part) {
        case 'figures':
          return controlFiguresCsv(answer);
        case 'topics':
          return controlTopicsCsv(answer);
        case 'extensions': {
          const period = spanOf(
            answer.units.map((unit) => unit.id),
            answer.months,
            clock.now(),
          );
          const all = period.unitIds.length === 0 ? [] : await findExtensions(db, period, null);
          return controlExtensionsCsv(answer, all.map(presentExtension));
        }
      }
    },

    /**
     * A unit's figures for a calendar year, added up over its months, read in the caller's
     * transaction: what a yearly unit report (clause 29) starts from and keeps.
     */
    async yearOf(executor: Executor, unitId: string, year: number): Promise<ControlFigures> {
      const now = clock.now();
      const months = monthsOfYear(year);
      const table = await figuresOf(executor, spanOf([unitId], months, now), months);
      return sumFigures(table.get(unitId)?.values() ?? []);
    },
  };
}
export type ControlService = ReturnType<typeof createControlService>;
