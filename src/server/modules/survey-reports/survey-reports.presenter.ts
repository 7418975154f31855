import { surveyFigures } from '../../../charts/survey-figures';
import {
  ReportFigures,
  type TCommentsPage,
  type TReportFigures,
  type TReportMethod,
  type TReportSummary,
  type TReportView,
} from '../../../contracts/survey-reports.contracts';
import { REFUSAL_REASON_LABELS, isRefusalReason } from '../../../domain/cati';
import { compareWaves } from '../../../domain/survey-stats';
import type { SurveyReportModel, SurveyReportSection } from '../../lib/survey-report-pdf';
import type {
  catiStrata,
  completesByStratum,
  findComments,
  findSurveyOfReport,
  findWaveOfReport,
  refusalReasons,
  ReportRow,
} from './survey-reports.repository';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type WaveOfReport = NonNullable<Rows<typeof findWaveOfReport>>;

export function presentReportSummary(row: ReportRow): TReportSummary {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyTitle: row.survey_title,
    wave: { id: row.wave_id, name: row.wave_name },
    title: row.title,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * The method's figures: per stratum the plan, sample, completes and refusals of the telephone
 * interviews, or, for a wave without them, its completed answers as both sample and completes.
 */
export function presentMethod({
  wave,
  cati,
  reasons,
  completes,
  reached,
}: {
  wave: WaveOfReport | undefined;
  cati: Rows<typeof catiStrata>;
  reasons: Rows<typeof refusalReasons>;
  completes: Rows<typeof completesByStratum>;
  /** Completed answers of the wave, by the analysis. */
  reached: number;
}): TReportMethod {
  const allocation = wave?.allocation ?? {};
  const rate = (done: number, cases: number) => (cases > 0 ? done / cases : null);
  const strata =
    cati.length > 0
      ? cati.map((row) => ({
          stratum: row.stratum,
          planned: allocation[row.stratum] ?? null,
          sample: row.sample,
          completes: row.completes,
          refusals: row.refusals,
          responseRate: rate(row.completes, row.sample - row.ineligible),
        }))
      : completes.map((row) => ({
          stratum: row.stratum,
          planned: allocation[row.stratum] ?? null,
          sample: row.completes,
          completes: row.completes,
          refusals: 0,
          responseRate: null,
        }));
  const catiCases = cati.reduce((sum, row) => sum + row.sample - row.ineligible, 0);
  const catiCompletes = cati.reduce((sum, row) => sum + row.completes, 0);
  return {
    plannedSample: wave?.planned ?? reached,
    reachedSample: reached,
    fieldworkStart: wave?.fieldwork_start ?? null,
    fieldworkEnd: wave?.fieldwork_end ?? null,
    responseRate: cati.length > 0 ? rate(catiCompletes, catiCases) : null,
    strata,
    refusalReasons: reasons,
  };
}

export function presentReportSurvey(
  survey: NonNullable<Rows<typeof findSurveyOfReport>>,
  wave: WaveOfReport,
): TReportFigures['survey'] {
  return {
    id: survey.id,
    title: survey.title,
    quadrantLabels: survey.quadrant_labels,
    questionnaire: wave.definition,
  };
}

/** The figures kept at publication; null for a draft, or a report published without them. */
export function keptFiguresOf(row: ReportRow): TReportFigures | null {
  if (row.published_at === null || row.published_figures === null) return null;
  const parsed = ReportFigures.safeParse(row.published_figures);
  return parsed.success ? parsed.data : null;
}

export function presentReportView(
  row: ReportRow,
  figures: TReportFigures,
  { figuresAsPublished, canEdit }: { figuresAsPublished: boolean; canEdit: boolean },
): TReportView {
  return {
    ...presentReportSummary(row),
    ...figures,
    borderWaves: row.border_waves,
    methodHtml: row.method_html,
    conclusionsHtml: row.conclusions_html,
    recommendationsHtml: row.recommendations_html,
    quotes: row.quotes,
    figuresAsPublished,
    canEdit,
  };
}

export function presentComment(
  row: Rows<typeof findComments>[number],
): TCommentsPage['items'][number] {
  return {
    responseId: row.response_id,
    column: row.column,
    text: row.text,
    stratum: row.stratum,
  };
}

const OTHER_COMMENTS = { lv: 'Citi komentāri', en: 'Other comments' };

/** The PDF's model: the web page's figures, tables and quotes, in one language. */
export function pdfModelOf(view: TReportView, language: 'lv' | 'en', now: Date): SurveyReportModel {
  const wave = view.wave.name;
  const figures = surveyFigures({
    analysis: view.analysis,
    questionnaire: view.survey.questionnaire,
    wave,
    language,
    quadrantLabels: view.survey.quadrantLabels,
    idPrefix: 'report',
    quotes: view.quotes,
  });
  const answered = Object.keys(view.analysis.responses).sort(compareWaves);
  const previousWaveName = answered.filter((name) => compareWaves(name, wave) < 0).at(-1) ?? null;
  const sections: SurveyReportSection[] = figures.groups.map((group) => {
    return {
      title: group.title,
      charts: [...group.distributions, ...(group.comparison ? [group.comparison] : [])],
      table: group.rows.map((row) => ({
        factor: row.label,
        dimension: row.dimension,
        n: row.n,
        mean: row.mean,
        previousMean: row.previousWave === previousWaveName ? row.previousMean : null,
      })),
      quotes: group.quotes,
    };
  });
  if (figures.otherQuotes.length > 0) {
    sections.push({
      title: OTHER_COMMENTS[language],
      charts: [],
      table: [],
      quotes: figures.otherQuotes,
    });
  }
  return {
    language,
    title: view.title,
    surveyTitle: view.survey.title,
    waveName: wave,
    previousWaveName,
    date: (view.publishedAt ?? now.toISOString()).slice(0, 10),
    method: {
      ...view.method,
      refusalReasons: view.method.refusalReasons.map((entry) => ({
        reason: isRefusalReason(entry.reason)
          ? REFUSAL_REASON_LABELS[entry.reason][language]
          : entry.reason,
        count: entry.count,
      })),
      fieldworkStart: view.method.fieldworkStart ?? '',
      fieldworkEnd: view.method.fieldworkEnd ?? '',
      html: view.methodHtml,
    },
    sections,
    map:
      figures.map && view.analysis.map
        ? { chart: figures.map, borders: view.analysis.map.borders }
        : null,
    conclusionsHtml: view.conclusionsHtml,
    recommendationsHtml: view.recommendationsHtml,
  };
}
