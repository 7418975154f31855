import {
  CONTROL_FIGURES,
  onTimeShare,
  periodFigures,
  sumFigures,
  type ControlFigures,
  type Month,
} from '../../../domain/control';
import { csvText } from '../../../domain/csv';
import type {
  TControlAnswer,
  TControlExtension,
  TControlRow,
} from '../../../contracts/control.contracts';
import type { countFeedbackTopics, findControlUnits, findExtensions } from './control.repository';

type UnitRow = Awaited<ReturnType<typeof findControlUnits>>[number];
type TopicRow = Awaited<ReturnType<typeof countFeedbackTopics>>[number];
type ExtensionRow = Awaited<ReturnType<typeof findExtensions>>[number];

export function presentExtension(row: ExtensionRow): TControlExtension {
  return {
    requestId: row.request_id,
    requestNumber: row.request_number,
    unitId: row.unit_id,
    at: row.at.toISOString(),
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    inTime: row.in_time,
  };
}

function presentUnit(unit: UnitRow) {
  return { id: unit.id, name: unit.name, institutionName: unit.institution_name };
}

/** Every unit's months in the units' order, then every unit added up month by month. */
export function presentControl(input: {
  months: readonly Month[];
  units: readonly UnitRow[];
  table: ReadonlyMap<string, ReadonlyMap<Month, ControlFigures>>;
  topics: readonly TopicRow[];
  extensions: readonly ExtensionRow[];
  choices: readonly UnitRow[];
  running: boolean;
}): TControlAnswer {
  const { months, units, table } = input;
  const rows: TControlRow[] = units.flatMap((unit) =>
    months.map((month) => {
      const figures = table.get(unit.id)?.get(month) ?? sumFigures([]);
      return { unitId: unit.id, month, figures, onTimeShare: onTimeShare(figures) };
    }),
  );
  const totals = months.map((month) => {
    const figures = sumFigures(rows.filter((row) => row.month === month).map((row) => row.figures));
    return { month, figures, onTimeShare: onTimeShare(figures) };
  });
  const period = periodFigures(totals.map((total) => total.figures));
  return {
    from: months[0] ?? '',
    to: months[months.length - 1] ?? '',
    months: [...months],
    units: units.map(presentUnit),
    rows,
    totals,
    period: { figures: period, onTimeShare: onTimeShare(period) },
    running: input.running,
    choices: input.choices.map(presentUnit),
    topics: input.topics.map((topic) => ({
      unitId: topic.unit_id,
      month: topic.month,
      topic: topic.topic,
      count: topic.count,
    })),
    extensions: input.extensions.map(presentExtension),
    extensionCount: totals.reduce((all, total) => all + total.figures.extensions, 0),
  };
}

/** The figures as CSV: one line a unit and month, a column a figure (named as in the API). */
export function controlFiguresCsv(answer: TControlAnswer): string {
  const names = new Map(answer.units.map((unit) => [unit.id, unit]));
  return csvText(
    ['unit_id', 'institution', 'unit', 'month', ...CONTROL_FIGURES, 'onTimeShare'],
    answer.rows.map((row) => [
      row.unitId,
      names.get(row.unitId)?.institutionName,
      names.get(row.unitId)?.name,
      row.month,
      ...CONTROL_FIGURES.map((figure) => row.figures[figure]),
      row.onTimeShare === null ? '' : row.onTimeShare.toFixed(4),
    ]),
  );
}

/** Feedback by topic as CSV: one line a unit, month and topic. */
export function controlTopicsCsv(answer: TControlAnswer): string {
  const names = new Map(answer.units.map((unit) => [unit.id, unit.name]));
  return csvText(
    ['unit_id', 'unit', 'month', 'topic', 'count'],
    answer.topics.map((topic) => [
      topic.unitId,
      names.get(topic.unitId),
      topic.month,
      topic.topic,
      topic.count,
    ]),
  );
}

/** Every extension of the period with its reason, as CSV. */
export function controlExtensionsCsv(
  answer: Pick<TControlAnswer, 'units'>,
  extensions: readonly TControlExtension[],
): string {
  const names = new Map(answer.units.map((unit) => [unit.id, unit.name]));
  return csvText(
    ['request', 'unit_id', 'unit', 'at', 'due_before', 'due_after', 'reason', 'interim_in_time'],
    extensions.map((extension) => [
      extension.requestNumber,
      extension.unitId,
      names.get(extension.unitId),
      extension.at,
      extension.fromDate,
      extension.toDate,
      extension.reason,
      extension.inTime ? 'yes' : 'no',
    ]),
  );
}
