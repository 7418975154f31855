import { z } from 'zod';
import { PageQuery, Version, pageOf } from './common';
import { ControlFigures } from './control.contracts';

/** The years a yearly report can be about. */
export const ReportYear = z.coerce.number().int().min(2000).max(2999);

export const UNIT_REPORT_STATES = ['missing', 'draft', 'submitted'] as const;

export const UnitReportsQuery = z.strictObject({
  /** By default, last year: a report is of a year that has ended. */
  year: ReportYear.optional(),
  page: PageQuery.page,
  // One line a unit serving external clients: tens in a municipality.
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});
export type TUnitReportsQuery = z.infer<typeof UnitReportsQuery>;

const PersonName = z.object({ id: z.uuid(), givenName: z.string(), surname: z.string() });

/** One unit's line in the year's overview: its report, or that it is missing. */
export const UnitReportLine = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  institutionName: z.string(),
  year: z.int(),
  reportId: z.uuid().nullable(),
  state: z.enum(UNIT_REPORT_STATES),
  submittedBy: PersonName.nullable(),
  submittedAt: z.string().nullable(),
});
export type TUnitReportLine = z.infer<typeof UnitReportLine>;

export const UnitReportPage = pageOf(UnitReportLine).extend({
  year: z.int(),
  /** The years to choose among, newest first: this and last, and each with a report in reach. */
  years: z.array(z.int()),
  /** Units with no submitted report, across every page. */
  notSubmitted: z.int(),
});
export type TUnitReportPage = z.infer<typeof UnitReportPage>;

export const CreateUnitReportBody = z.strictObject({
  unitId: z.uuid(),
  year: z.int().min(2000).max(2999),
});
export type TCreateUnitReportBody = z.infer<typeof CreateUnitReportBody>;

/** The unit's own words: both may stay empty while the report is a draft. */
export const UpdateUnitReportBody = z.strictObject({
  shortcomings: z.string().trim().max(20_000),
  measures: z.string().trim().max(20_000),
  version: Version,
});
export type TUpdateUnitReportBody = z.infer<typeof UpdateUnitReportBody>;

/**
 * The words as they stand when the person submits: written and submitted together, so a refused
 * submission leaves the draft, and its version, as they were.
 */
export const SubmitUnitReportBody = UpdateUnitReportBody;
export type TSubmitUnitReportBody = z.infer<typeof SubmitUnitReportBody>;

export const UnitReport = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  institutionName: z.string(),
  year: z.int(),
  state: z.enum(['draft', 'submitted']),
  /** Taken from the records when started, again at submission, then kept as they were. */
  figures: ControlFigures,
  shortcomings: z.string(),
  measures: z.string(),
  submittedBy: PersonName.nullable(),
  submittedAt: z.string().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUnitReport = z.infer<typeof UnitReport>;
