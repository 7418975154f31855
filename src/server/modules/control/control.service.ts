import type { Kysely } from 'kysely';
import {
  DEFAULT_CONTROL_MONTHS,
  MAX_CONTROL_MONTHS,
  assembleFigures,
  isFutureMonth,
  isFutureYear,
  monthCutoff,
  monthOf,
  monthSpan,
  monthsBetween,
  monthsOfYear,
  nextMonth,
  periodFigures,
  previousMonth,
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
import { AppError, invalidField, notFound, type FieldError } from '../../http/errors';
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
    const today = rigaDateOf(now);
    // Nothing has happened in a month to come: say so rather than show an empty page.
    const future: FieldError[] = (['from', 'to'] as const)
      .filter((field) => {
        const month = query[field];
        return month !== undefined && isFutureMonth(month, today);
      })
      .map((field) => ({ field, in: 'query', code: 'month_in_future', params: {} }));
    if (future.length > 0) throw new AppError('validation', 'validation', {}, future);
    const to = query.to ?? monthOf(today);
    let from = query.from;
    if (!from) {
      from = to;
      for (let back = 1; back < DEFAULT_CONTROL_MONTHS; back++) from = previousMonth(from);
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

  /**
   * The units one may choose (all, or a unit head's own) and those in view: the one asked for
   * (404 beyond one's reach, as for a unit that does not exist), or every choice.
   */
  async function unitsInView(executor: Executor, ctx: ActionContext, unitId: string | undefined) {
    const reach = await reachOf(executor, ctx);
    const choices = await findControlUnits(
      executor,
      reach ? { all: false, unitIds: [...reach] } : { all: true },
    );
    if (!unitId) return { choices, units: choices };
    const units = choices.filter((unit) => unit.id === unitId);
    if (units.length === 0) throw notFound();
    return { choices, units };
  }

  async function figures(ctx: ActionContext, query: TControlQuery): Promise<TControlAnswer> {
    requirePermission(ctx.principal, 'control.read');
    const now = clock.now();
    const months = periodOf(query, now);
    const { choices, units: unitRows } = await unitsInView(db, ctx, query.unitId);
    const period = spanOf(
      unitRows.map((unit) => unit.id),
      months,
      now,
    );
    const table = await figuresOf(db, period, months);
    const topics = period.unitIds.length === 0 ? [] : await countFeedbackTopics(db, period);
    const extensions =
      period.unitIds.length === 0 ? [] : await findExtensions(db, period, CONTROL_EXTENSIONS_SHOWN);
    const running = months[months.length - 1] === monthOf(rigaDateOf(now));
    return presentControl({ months, units: unitRows, table, topics, extensions, choices, running });
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
     * A unit's figures for a calendar year — what happened in it added up, the states at its end
     * (or now, while it runs) — read in the caller's transaction: what a yearly unit report
     * (clause 29) starts from and keeps. A year to come is refused on the caller's `year`.
     */
    async yearOf(executor: Executor, unitId: string, year: number): Promise<ControlFigures> {
      const now = clock.now();
      if (isFutureYear(year, rigaDateOf(now))) throw invalidField('year', 'year_in_future');
      const months = monthsOfYear(year);
      const table = await figuresOf(executor, spanOf([unitId], months, now), months);
      return periodFigures([...(table.get(unitId)?.values() ?? [])]);
    },
  };
}
export type ControlService = ReturnType<typeof createControlService>;
