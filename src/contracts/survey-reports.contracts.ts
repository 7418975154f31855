import { z } from 'zod';
import { PageQuery, Text, Version } from './common';
import { QuadrantLabels, Questionnaire, SurveyAnalysis } from './surveys.contracts';

// Survey reports: assembled from the analysis, written up by the analyst, published to staff.

const Quote = z.strictObject({
  responseId: z.uuid(),
  column: z.string().min(1).max(80),
  text: z.string().trim().min(1).max(4000),
});

const reportFields = {
  title: Text(300),
  /** Wave names pooled for the map's borders; empty: the report's wave and the one before. */
  borderWaves: z.array(z.string().min(1).max(40)).max(20).default([]),
  /** Rich text; the server keeps only safe HTML. */
  methodHtml: z.string().max(100_000).default(''),
  conclusionsHtml: z.string().max(100_000).default(''),
  recommendationsHtml: z.string().max(100_000).default(''),
  quotes: z.array(Quote).max(200).default([]),
};

export const CreateReportBody = z.strictObject({ waveId: z.uuid(), ...reportFields });
export type TCreateReportBody = z.infer<typeof CreateReportBody>;

export const UpdateReportBody = z.strictObject({
  title: reportFields.title.optional(),
  borderWaves: z.array(z.string().min(1).max(40)).max(20).optional(),
  methodHtml: z.string().max(100_000).optional(),
  conclusionsHtml: z.string().max(100_000).optional(),
  recommendationsHtml: z.string().max(100_000).optional(),
  quotes: z.array(Quote).max(200).optional(),
  version: Version,
});
export type TUpdateReportBody = z.infer<typeof UpdateReportBody>;

export const PublishReportBody = z.strictObject({ published: z.boolean(), version: Version });
export type TPublishReportBody = z.infer<typeof PublishReportBody>;

export const ReportSummary = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyTitle: z.string(),
  wave: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.int(),
});
export type TReportSummary = z.infer<typeof ReportSummary>;

export const ReportsPage = z.object({
  items: z.array(ReportSummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TReportsPage = z.infer<typeof ReportsPage>;

export const ListReportsQuery = z.strictObject({ ...PageQuery });
export type TListReportsQuery = z.infer<typeof ListReportsQuery>;

export const ReportMethod = z.object({
  plannedSample: z.int(),
  reachedSample: z.int(),
  fieldworkStart: z.string().nullable(),
  fieldworkEnd: z.string().nullable(),
  /** Completed interviews per case in the sample (0–1); null without a telephone sample. */
  responseRate: z.number().nullable(),
  strata: z.array(
    z.object({
      stratum: z.string(),
      /** Interviews the sample plan allots to the stratum; null without a plan. */
      planned: z.int().nullable(),
      /** People on the call list (or respondents, without one), replacements included. */
      sample: z.int(),
      completes: z.int(),
      refusals: z.int(),
      responseRate: z.number().nullable(),
    }),
  ),
  refusalReasons: z.array(z.object({ reason: z.string(), count: z.int() })),
});
export type TReportMethod = z.infer<typeof ReportMethod>;

/**
 * What a report's figures are made of. Kept with the report when it is published, so that a
 * published report shows, and prints, the figures it was published with.
 */
export const ReportFigures = z.object({
  survey: z.object({
    id: z.uuid(),
    title: z.string(),
    quadrantLabels: QuadrantLabels,
    questionnaire: Questionnaire,
  }),
  method: ReportMethod,
  analysis: SurveyAnalysis,
});
export type TReportFigures = z.infer<typeof ReportFigures>;

export const ReportView = ReportSummary.extend({
  ...ReportFigures.shape,
  borderWaves: z.array(z.string()),
  methodHtml: z.string(),
  conclusionsHtml: z.string(),
  recommendationsHtml: z.string(),
  quotes: z.array(Quote),
  /** Whether the figures are those kept at publication, not the current ones. */
  figuresAsPublished: z.boolean(),
  /** Whether the signed-in person may change and publish it. */
  canEdit: z.boolean(),
});
export type TReportView = z.infer<typeof ReportView>;

export const CommentsQuery = z.strictObject({
  /** One comment or text column; every one when absent. */
  column: z.string().max(80).optional(),
  ...PageQuery,
});
export type TCommentsQuery = z.infer<typeof CommentsQuery>;

export const CommentsPage = z.object({
  items: z.array(
    z.object({
      responseId: z.uuid(),
      column: z.string(),
      text: z.string(),
      stratum: z.string().nullable(),
    }),
  ),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TCommentsPage = z.infer<typeof CommentsPage>;

export const ReportPdfQuery = z.strictObject({ language: z.enum(['lv', 'en']).default('lv') });
