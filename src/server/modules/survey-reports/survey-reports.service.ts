import type { Kysely } from 'kysely';
import type {
  TCommentsPage,
  TCommentsQuery,
  TCreateReportBody,
  TListReportsQuery,
  TPublishReportBody,
  TReportMethod,
  TReportsPage,
  TReportFigures,
  TReportView,
  TUpdateReportBody,
} from '../../../contracts/survey-reports.contracts';
import type { TSurveyAnalysis } from '../../../contracts/surveys.contracts';
import { slugOf } from '../../../domain/knowledge-search';
import { columnsOf } from '../../../domain/questionnaire';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { hasPermission, requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound, versionConflict } from '../../http/errors';
import { safeHtml } from '../../lib/safe-html';
import { renderSurveyReportPdf } from '../../lib/survey-report-pdf';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { SurveysService } from '../surveys/surveys.service';
import {
  keptFiguresOf,
  pdfModelOf,
  presentComment,
  presentMethod,
  presentReportSummary,
  presentReportSurvey,
  presentReportView,
} from './survey-reports.presenter';
import {
  catiStrata,
  completesByStratum,
  findComments,
  findReport,
  findReports,
  findCompleteAnswers,
  findSurveyOfReport,
  findWaveOfReport,
  hasWaveNamed,
  insertReport,
  refusalReasons,
  updateReport,
  type ReportRow,
} from './survey-reports.repository';

/**
 * Reports of a survey wave (standard 28): the method's figures and the analysis are assembled
 * from the data, the analyst writes the method, conclusions and recommendations and picks the
 * verbatim comments; a published report is open to all staff and prints as a PDF.
 */
export function createSurveyReportsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  surveys: SurveysService;
}) {
  const { db, audit, clock, surveys } = deps;

  /** Border waves named must be waves of the survey with answers. */
  async function checkedBorders(surveyId: string, names: readonly string[]): Promise<string[]> {
    const unique = [...new Set(names)];
    for (const [index, name] of unique.entries()) {
      if (!(await hasWaveNamed(db, surveyId, name))) {
        throw invalidField(`borderWaves.${index}`, 'unknown_wave', { wave: name });
      }
    }
    return unique;
  }

  /**
   * The quotes as the respondents wrote them: each names a completed response of the wave and
   * one of its open answers, whose stored text is what the report quotes.
   */
  async function checkedQuotes(waveId: string, quotes: TCreateReportBody['quotes']) {
    const answers = await findCompleteAnswers(db, waveId, [
      ...new Set(quotes.map((quote) => quote.responseId)),
    ]);
    return quotes.map((quote, index) => {
      const response = answers.get(quote.responseId);
      if (!response) throw invalidField(`quotes.${index}.responseId`, 'unknown_reference');
      const text = response[quote.column];
      if (text === undefined || text.trim() === '') {
        throw invalidField(`quotes.${index}.column`, 'unknown_question');
      }
      return { responseId: quote.responseId, column: quote.column, text };
    });
  }

  async function load(ctx: ActionContext, id: string): Promise<ReportRow> {
    const row = await findReport(db, id);
    if (!row) throw notFound();
    // A draft is the analyst's; once published, every member of staff may read it.
    if (row.published_at === null) requirePermission(ctx.principal, 'surveys.manage');
    return row;
  }

  async function methodOf(waveId: string, reached: number): Promise<TReportMethod> {
    const [wave, cati, reasons, completes] = await Promise.all([
      findWaveOfReport(db, waveId),
      catiStrata(db, waveId),
      refusalReasons(db, waveId),
      completesByStratum(db, waveId),
    ]);
    return presentMethod({ wave, cati, reasons, completes, reached });
  }

  /** The report's figures as the answers and the plan give them now. */
  async function currentFigures(row: ReportRow): Promise<TReportFigures> {
    const survey = await findSurveyOfReport(db, row.survey_id);
    const wave = await findWaveOfReport(db, row.wave_id);
    if (!survey || !wave) throw notFound();
    const analysis: TSurveyAnalysis = await surveys
      .analyse(row.survey_id, {
        mapWave: row.wave_name,
        ...(row.border_waves.length > 0 ? { borderWaves: row.border_waves.join(',') } : {}),
      })
      .catch(() =>
        // A border wave chosen before its answers came in: the default borders meanwhile.
        surveys.analyse(row.survey_id, { mapWave: row.wave_name }),
      );
    return {
      survey: presentReportSurvey(survey, wave),
      method: await methodOf(row.wave_id, analysis.responses[row.wave_name] ?? 0),
      analysis,
    };
  }

  async function viewOf(ctx: ActionContext, row: ReportRow): Promise<TReportView> {
    const kept = keptFiguresOf(row);
    const figures = kept ?? (await currentFigures(row));
    return presentReportView(row, figures, {
      figuresAsPublished: kept !== null,
      canEdit: hasPermission(ctx.principal, 'surveys.manage'),
    });
  }

  return {
    async list(
      ctx: ActionContext,
      surveyId: string,
      query: TListReportsQuery,
    ): Promise<TReportsPage> {
      requirePermission(ctx.principal, 'surveys.manage');
      const rows = await findReports(
        db,
        { surveyId },
        {
          limit: query.pageSize,
          offset: offsetOf(query),
        },
      );
      return pageFrom(rows, query, presentReportSummary);
    },

    /** Published reports, for every member of staff (the intranet page). */
    async published(_ctx: ActionContext, query: TListReportsQuery): Promise<TReportsPage> {
      const rows = await findReports(
        db,
        { published: true },
        {
          limit: query.pageSize,
          offset: offsetOf(query),
        },
      );
      return pageFrom(rows, query, presentReportSummary);
    },

    async create(
      ctx: ActionContext,
      surveyId: string,
      body: TCreateReportBody,
    ): Promise<TReportView> {
      requirePermission(ctx.principal, 'surveys.manage');
      if (!(await findSurveyOfReport(db, surveyId))) throw notFound();
      const wave = await findWaveOfReport(db, body.waveId);
      if (!wave || wave.survey_id !== surveyId) throw invalidField('waveId', 'unknown_reference');
      const borderWaves = await checkedBorders(surveyId, body.borderWaves);
      const quotes = await checkedQuotes(wave.id, body.quotes);
      const id = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const created = await insertReport(trx, {
          survey_id: surveyId,
          wave_id: wave.id,
          title: body.title,
          border_waves: borderWaves,
          method_html: safeHtml(body.methodHtml),
          conclusions_html: safeHtml(body.conclusionsHtml),
          recommendations_html: safeHtml(body.recommendationsHtml),
          quotes: JSON.stringify(quotes),
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'survey_report',
          entityId: created,
          after: { title: body.title, wave: wave.name },
        });
        return created;
      });
      return viewOf(ctx, await load(ctx, id));
    },

    async get(ctx: ActionContext, id: string): Promise<TReportView> {
      return viewOf(ctx, await load(ctx, id));
    },

    async update(ctx: ActionContext, id: string, body: TUpdateReportBody): Promise<TReportView> {
      requirePermission(ctx.principal, 'surveys.manage');
      const before = await load(ctx, id);
      if (before.version !== body.version) throw versionConflict();
      const borderWaves =
        body.borderWaves === undefined
          ? undefined
          : await checkedBorders(before.survey_id, body.borderWaves);
      const quotes =
        body.quotes === undefined ? undefined : await checkedQuotes(before.wave_id, body.quotes);
      await db.transaction().execute(async (trx: Executor) => {
        const changed = await updateReport(trx, id, body.version, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(borderWaves !== undefined ? { border_waves: borderWaves } : {}),
          ...(body.methodHtml !== undefined ? { method_html: safeHtml(body.methodHtml) } : {}),
          ...(body.conclusionsHtml !== undefined
            ? { conclusions_html: safeHtml(body.conclusionsHtml) }
            : {}),
          ...(body.recommendationsHtml !== undefined
            ? { recommendations_html: safeHtml(body.recommendationsHtml) }
            : {}),
          ...(quotes !== undefined ? { quotes: JSON.stringify(quotes) } : {}),
          updated_at: clock.now(),
        });
        if (!changed) throw versionConflict();
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'survey_report',
          entityId: id,
          before: { title: before.title },
          after: { title: body.title ?? before.title },
        });
      });
      return viewOf(ctx, await load(ctx, id));
    },

    /** Publishes a report to all staff, or takes it back to a draft. */
    async publish(ctx: ActionContext, id: string, body: TPublishReportBody): Promise<TReportView> {
      requirePermission(ctx.principal, 'surveys.manage');
      const before = await load(ctx, id);
      if (before.version !== body.version) throw versionConflict();
      // The figures are read before the transaction (one connection) and kept with the report;
      // a report already published keeps those it has, and a draft keeps none.
      const kept = body.published
        ? (keptFiguresOf(before) ?? (await currentFigures(before)))
        : null;
      await db.transaction().execute(async (trx: Executor) => {
        const now = clock.now();
        const changed = await updateReport(trx, id, body.version, {
          published_at: body.published ? (before.published_at ?? now) : null,
          published_by: body.published ? ctx.principal.staffId : null,
          published_figures: kept === null ? null : JSON.stringify(kept),
          updated_at: now,
        });
        if (!changed) throw versionConflict();
        await audit.record(trx, ctx, {
          action: body.published ? 'publish' : 'unpublish',
          entityType: 'survey_report',
          entityId: id,
          after: { title: before.title, published: body.published },
        });
      });
      return viewOf(ctx, await load(ctx, id));
    },

    /** The report as an A4 PDF, with the same charts as the web page. */
    async pdf(
      ctx: ActionContext,
      id: string,
      language: 'lv' | 'en',
    ): Promise<{ filename: string; content: Buffer }> {
      const view = await viewOf(ctx, await load(ctx, id));
      const content = await renderSurveyReportPdf(pdfModelOf(view, language, clock.now()));
      return { filename: `${slugOf(view.title)}.pdf`, content };
    },

    /** Open answers of a wave, to choose the report's verbatim quotes from. */
    async comments(
      ctx: ActionContext,
      waveId: string,
      query: TCommentsQuery,
    ): Promise<TCommentsPage> {
      requirePermission(ctx.principal, 'surveys.manage');
      const wave = await findWaveOfReport(db, waveId);
      if (!wave) throw notFound();
      const open = columnsOf(wave.definition)
        .filter((column) => column.kind === 'comment' || column.kind === 'text')
        .map((column) => column.name);
      const columns =
        query.column === undefined ? open : open.filter((name) => name === query.column);
      if (query.column !== undefined && columns.length === 0) {
        throw invalidField('column', 'unknown_question', {}, 'query');
      }
      const rows = await findComments(db, waveId, columns, {
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentComment);
    },
  };
}
export type SurveyReportsService = ReturnType<typeof createSurveyReportsService>;
