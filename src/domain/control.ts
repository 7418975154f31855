/**
 * The standard's control (clause 34): the figures the client service head, the deputy executive
 * director and each unit head watch, per unit and calendar month (Riga). Every figure is counted
 * from the records; this module only names them, bounds the period and adds them up.
 */
import { rigaInstantOf } from './riga-time';

/** A calendar month written YYYY-MM. */
export type Month = string;

/** The figures of one unit in one month, in the order tables and CSV files show them. */
export const CONTROL_FIGURES = [
  // Written answers due in the month (clause 21.1): external in 3 working days, internal in 1.
  'externalDue',
  'externalOnTime',
  'externalLate',
  'externalOpenOverdue',
  'internalDue',
  'internalOnTime',
  'internalLate',
  'internalOpenOverdue',
  // Extensions made in the month; each sends the client an interim reply (clause 23.2).
  'extensions',
  'interimInTime',
  // Promises to clients due in the month (clauses 11.9, 15.5.1).
  'commitmentsDue',
  'commitmentsKeptOnTime',
  'commitmentsKeptLate',
  'commitmentsOpenOverdue',
  // Requests still open past their due date at the month's end (or now, for this month).
  'overdueRequests',
  // Feedback received in the month (clause 25).
  'praise',
  'complaints',
  'suggestions',
  // Escalations open at the month's end (or now), by level (clauses 32–33).
  'escalationsManager',
  'escalationsHead',
  'escalationsEthics',
  // Improvement tasks due in the month, by their state now, and those overdue (clause 30).
  'tasksPlanned',
  'tasksInProgress',
  'tasksDone',
  'tasksCancelled',
  'tasksOverdue',
  // Missed calls to ring back, due in the month (clause 15.3).
  'callbacksDue',
  'callbacksInTime',
  'callbacksLate',
] as const;
export type ControlFigure = (typeof CONTROL_FIGURES)[number];
export type ControlFigures = Record<ControlFigure, number>;

/**
 * The figures that are a state read at a month's cutoff — how many requests are overdue, how many
 * escalations open — rather than a count of what happened in the month. Over a period they are
 * the state at its end, never a sum: a request overdue through March and April is one overdue
 * request, not two. The "open past due" figures of answers, promises and tasks are not among
 * them: each record counts once, in the month it fell due, so those add up like flows.
 */
export const STATE_FIGURES = [
  'overdueRequests',
  'escalationsManager',
  'escalationsHead',
  'escalationsEthics',
] as const satisfies readonly ControlFigure[];

const STATES: ReadonlySet<ControlFigure> = new Set(STATE_FIGURES);

/** Whether the figure is a state at the month's end rather than a count within it. */
export function isStateFigure(figure: ControlFigure): boolean {
  return STATES.has(figure);
}

/** How many months a look covers when no start is given: this one and the eleven before. */
export const DEFAULT_CONTROL_MONTHS = 12;

/** The longest period one look covers: two years of months. */
export const MAX_CONTROL_MONTHS = 24;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether the text is a month written YYYY-MM. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month after the given one. */
export function nextMonth(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The month before the given one. */
export function previousMonth(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` comes first. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

/** The month (YYYY-MM) of a date (YYYY-MM-DD). */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The instants a month starts and ends in Riga: [start, end). */
export function monthSpan(month: Month): { start: Date; end: Date } {
  return { start: rigaInstantOf(`${month}-01`), end: rigaInstantOf(`${nextMonth(month)}-01`) };
}

/**
 * The instant a month's state is read at: its end, or now while the month runs — an open request
 * is overdue at the end of a month gone by, and for this month, now.
 */
export function monthCutoff(month: Month, now: Date): Date {
  const { end } = monthSpan(month);
  return end < now ? end : now;
}

/** The months of a year. */
export function monthsOfYear(year: number): Month[] {
  return monthsBetween(`${year}-01`, `${year}-12`);
}

/** A figure set with every count zero. */
export function emptyFigures(): ControlFigures {
  return Object.fromEntries(CONTROL_FIGURES.map((figure) => [figure, 0])) as ControlFigures;
}

/** One family's counts for a unit and month, as a query gives them. */
export interface FigureCounts {
  unitId: string;
  month: Month;
  counts: Partial<ControlFigures>;
}

/**
 * The figures of each unit and month of the period, every figure present (zero when no record
 * counts towards it); counts outside the units or the months are left out.
 */
export function assembleFigures(
  unitIds: readonly string[],
  months: readonly Month[],
  counts: readonly FigureCounts[],
): Map<string, Map<Month, ControlFigures>> {
  const table = new Map<string, Map<Month, ControlFigures>>();
  for (const unitId of unitIds) {
    table.set(unitId, new Map(months.map((month) => [month, emptyFigures()])));
  }
  for (const { unitId, month, counts: family } of counts) {
    const figures = table.get(unitId)?.get(month);
    if (!figures) continue;
    for (const [figure, value] of Object.entries(family) as Array<[ControlFigure, number]>) {
      figures[figure] += value;
    }
  }
  return table;
}

/** The figures of several units in the same month added up: states and flows alike. */
export function sumFigures(all: Iterable<ControlFigures>): ControlFigures {
  const total = emptyFigures();
  for (const figures of all) {
    for (const figure of CONTROL_FIGURES) total[figure] += figures[figure];
  }
  return total;
}

/**
 * The figures of a period from those of its months, oldest first: what happened in it added up,
 * the states as they stood at its end (the last month's).
 */
export function periodFigures(months: readonly ControlFigures[]): ControlFigures {
  const total = sumFigures(months);
  const last = months[months.length - 1] ?? emptyFigures();
  for (const figure of STATE_FIGURES) total[figure] = last[figure];
  return total;
}

/** Whether a month lies after the one that runs today (a date YYYY-MM-DD). */
export function isFutureMonth(month: Month, today: string): boolean {
  return month > monthOf(today);
}

/** Whether a year lies after the one that runs today (a date YYYY-MM-DD). */
export function isFutureYear(year: number, today: string): boolean {
  return year > Number(today.slice(0, 4));
}

/** Written answers given on time, and those counted: answered (on time or late) or overdue. */
export function writtenAnswerCounts(figures: ControlFigures): { onTime: number; counted: number } {
  const onTime = figures.externalOnTime + figures.internalOnTime;
  const counted =
    onTime +
    figures.externalLate +
    figures.internalLate +
    figures.externalOpenOverdue +
    figures.internalOpenOverdue;
  return { onTime, counted };
}

/**
 * The share of written answers given on time among those answered or overdue (0…1); null when
 * nothing fell due, so that an empty month is not shown as a failure.
 */
export function onTimeShare(figures: ControlFigures): number | null {
  const { onTime, counted } = writtenAnswerCounts(figures);
  return counted === 0 ? null : onTime / counted;
}
