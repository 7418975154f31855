import { z } from 'zod';
import { CONTROL_FIGURES, isMonth, type ControlFigure } from '../domain/control';

/** A calendar month, YYYY-MM. */
export const Month = z.string().refine(isMonth, { message: 'invalid_format' });

export const ControlQuery = z.strictObject({
  /** The first month; by default eleven months before `to` (DEFAULT_CONTROL_MONTHS in all). */
  from: Month.optional(),
  /** The last month; by default this month. */
  to: Month.optional(),
  /** One unit; by default every unit the viewer controls. */
  unitId: z.uuid().optional(),
});
export type TControlQuery = z.infer<typeof ControlQuery>;

export const CONTROL_CSV_PARTS = ['figures', 'topics', 'extensions'] as const;
export type TControlCsvPart = (typeof CONTROL_CSV_PARTS)[number];

export const ControlCsvQuery = z.strictObject({
  ...ControlQuery.shape,
  /** The figures (one line a unit and month), feedback by topic, or the extensions' reasons. */
  part: z.enum(CONTROL_CSV_PARTS).default('figures'),
});

export const ControlFigures = z.object(
  Object.fromEntries(CONTROL_FIGURES.map((figure) => [figure, z.int()])) as Record<
    ControlFigure,
    z.ZodInt
  >,
);
export type TControlFigures = z.infer<typeof ControlFigures>;

export const ControlUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  institutionName: z.string(),
});

export const ControlRow = z.object({
  unitId: z.uuid(),
  month: z.string(),
  figures: ControlFigures,
  /** Written answers given on time among those answered or overdue (0…1); null: none due. */
  onTimeShare: z.number().nullable(),
});
export type TControlRow = z.infer<typeof ControlRow>;

export const ControlTopic = z.object({
  unitId: z.uuid(),
  month: z.string(),
  topic: z.string(),
  count: z.int(),
});

export const ControlExtension = z.object({
  requestId: z.uuid(),
  requestNumber: z.string(),
  unitId: z.uuid(),
  at: z.string(),
  /** The due date before and after. */
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  /** The interim reply left no later than the due date it moved. */
  inTime: z.boolean(),
});
export type TControlExtension = z.infer<typeof ControlExtension>;

/** The most extensions one answer lists; the CSV lists them all. */
export const CONTROL_EXTENSIONS_SHOWN = 200;

export const ControlAnswer = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  units: z.array(ControlUnit),
  /** One row a unit and month, every figure present. */
  rows: z.array(ControlRow),
  /** Every unit added up, one row a month. */
  totals: z.array(ControlRow.omit({ unitId: true })),
  /**
   * Every unit over the whole period: what happened in it added up, the states (overdue
   * requests, open escalations) as they stood at its end.
   */
  period: ControlRow.omit({ unitId: true, month: true }),
  /** The period's last month still runs: its states are read now rather than at its end. */
  running: z.boolean(),
  /** The units this viewer may ask for: every active unit, or those a unit head heads. */
  choices: z.array(ControlUnit),
  topics: z.array(ControlTopic),
  extensions: z.array(ControlExtension),
  extensionCount: z.int(),
});
export type TControlAnswer = z.infer<typeof ControlAnswer>;
