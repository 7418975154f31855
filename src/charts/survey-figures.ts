/**
 * The figures of a survey's results, as the 2022 report lays them out: per factor group, the
 * answer distributions of the chosen wave (stacked bars) and the means wave by wave; then the
 * importance–satisfaction map. Built from the analysis and the questionnaire only, so the web
 * app and the PDF report draw exactly the same charts.
 */
import {
  DK_LABEL,
  SCALE_LABELS,
  factorsOf,
  labelsOf,
  textIn,
  type Questionnaire,
  type RatingQuestion,
} from '../domain/questionnaire';
import {
  RATING_DIMENSIONS,
  compareWaves,
  type Quadrant,
  type RatingCounts,
  type RatingDimension,
} from '../domain/survey-stats';
import { importanceMapChart } from './importance-map';
import type { ChartLanguage } from './layout';
import { stackedBarsChart } from './stacked-bars';
import type { SvgNode } from './svg';
import { waveComparisonChart } from './wave-comparison';

/** The analysis as the API gives it (src/contracts/surveys.contracts.ts, SurveyAnalysis). */
export interface AnalysisForFigures {
  factors: ReadonlyArray<{
    factor: string;
    wave: string;
    dimension: RatingDimension;
    n: number;
    counts: RatingCounts;
    mean: number | null;
    change: number | null;
  }>;
  map: {
    wave: string;
    borders: { importance: number | null; satisfaction: number | null };
    points: ReadonlyArray<{
      factor: string;
      importance: number;
      satisfaction: number;
      quadrant: Quadrant;
    }>;
  } | null;
}

/** The quadrant names of the report; a survey may rename them. */
export const QUADRANT_LABELS: Record<Quadrant, { lv: string; en: string }> = {
  improve: { lv: 'Jāuzlabo', en: 'Improve' },
  strengthen: { lv: 'Jāstiprina', en: 'Strengthen' },
  keep: { lv: 'Jāsaglabā', en: 'Keep' },
  watch: { lv: 'Jāvēro', en: 'Watch' },
};

/** The dimensions' names, one term each wherever results are shown: page, report and PDF. */
export const DIMENSION_NAMES: Record<RatingDimension, { lv: string; en: string }> = {
  importance: { lv: 'svarīgums', en: 'importance' },
  satisfaction: { lv: 'apmierinātība', en: 'satisfaction' },
};

/** The importance–satisfaction map's name. */
export const MAP_TITLE = {
  lv: 'Svarīguma un apmierinātības karte',
  en: 'Importance–satisfaction map',
} as const;

/** One row of a results table: a factor's figures on one dimension in the chosen wave. */
export interface ResultRow {
  factor: string;
  label: string;
  dimension: RatingDimension;
  n: number;
  counts: RatingCounts;
  mean: number | null;
  previousWave: string | null;
  previousMean: number | null;
  change: number | null;
}

export interface FigureGroup {
  title: string;
  rows: ResultRow[];
  /** One stacked bar chart per dimension rated in the group. */
  distributions: SvgNode[];
  /** Means per wave, when there is more than one wave. */
  comparison: SvgNode | null;
  /** The quoted comments on the group's factors. */
  quotes: string[];
}

export interface SurveyFigures {
  wave: string;
  groups: FigureGroup[];
  map: SvgNode | null;
  /** Quotes that belong to no group's factor (open questions, factors not charted). */
  otherQuotes: string[];
  /** A factor's question text, or its code when the questionnaire no longer has it. */
  labelOf: (factor: string) => string;
}

/**
 * The figures of one wave: factors grouped by their questionnaire group (or section), in the
 * questionnaire's order; factors the questionnaire no longer has come last, named by their key.
 */
export function surveyFigures(input: {
  analysis: AnalysisForFigures;
  questionnaire: Questionnaire;
  wave: string;
  language: ChartLanguage;
  quadrantLabels?: Partial<Record<Quadrant, { lv?: string; en?: string }>>;
  /** Prefix of the charts' ids: unique on the page. */
  idPrefix?: string;
  /** Comments quoted in a report, each by its answer column (`<factor>:comment` or a key). */
  quotes?: ReadonlyArray<{ column: string; text: string }>;
}): SurveyFigures {
  const { analysis, questionnaire, wave, language } = input;
  const prefix = input.idPrefix ?? 'survey';
  const questionOf = new Map<string, RatingQuestion>();
  const groupOf = new Map<string, string>();
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.type !== 'rating') continue;
      questionOf.set(question.factor, question);
      groupOf.set(question.factor, question.group || textIn(section.title, language));
    }
  }
  const order = factorsOf(questionnaire).map((question) => question.factor);
  const labelOf = (factor: string) => {
    const question = questionOf.get(factor);
    return question ? textIn(question.text, language) : factor;
  };
  const waves = [...new Set(analysis.factors.map((entry) => entry.wave))].sort(compareWaves);

  const inWave = analysis.factors.filter((entry) => entry.wave === wave);
  const factorsInWave = [...new Set(inWave.map((entry) => entry.factor))].sort(
    (a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const groups = new Map<string, string[]>();
  for (const factor of factorsInWave) {
    const title = groupOf.get(factor) ?? (language === 'lv' ? 'Citi' : 'Other');
    groups.set(title, [...(groups.get(title) ?? []), factor]);
  }

  const result: FigureGroup[] = [];
  let groupIndex = 0;
  for (const [title, factors] of groups) {
    groupIndex++;
    const rows: ResultRow[] = [];
    for (const factor of factors) {
      for (const dimension of RATING_DIMENSIONS) {
        const entry = inWave.find((item) => item.factor === factor && item.dimension === dimension);
        if (!entry) continue;
        const earlier = analysis.factors
          .filter(
            (item) =>
              item.factor === factor &&
              item.dimension === dimension &&
              item.mean !== null &&
              compareWaves(item.wave, wave) < 0,
          )
          .sort((a, b) => compareWaves(a.wave, b.wave))
          .at(-1);
        rows.push({
          factor,
          label: labelOf(factor),
          dimension,
          n: entry.n,
          counts: entry.counts,
          mean: entry.mean,
          previousWave: earlier?.wave ?? null,
          previousMean: earlier?.mean ?? null,
          change: entry.change,
        });
      }
    }
    const distributions: SvgNode[] = [];
    for (const dimension of RATING_DIMENSIONS) {
      const dimensionRows = rows.filter((row) => row.dimension === dimension);
      if (dimensionRows.length === 0) continue;
      const sample = questionOf.get(dimensionRows[0]?.factor ?? '');
      const labels = sample ? labelsOf(sample, dimension) : SCALE_LABELS[dimension];
      distributions.push(
        stackedBarsChart({
          id: `${prefix}-bars-${groupIndex}-${dimension}`,
          title: `${title}: ${DIMENSION_NAMES[dimension][language]} (${wave})`,
          language,
          rows: dimensionRows.map((row) => ({ label: row.label, counts: row.counts })),
          scaleLabels: [
            textIn(labels[0], language),
            textIn(labels[1], language),
            textIn(labels[2], language),
            textIn(labels[3], language),
          ],
          dkLabel: textIn(DK_LABEL, language),
        }),
      );
    }
    const shownWaves = waves.filter((name) => compareWaves(name, wave) <= 0);
    const comparisonRows = rows
      .filter((row) => row.dimension === 'satisfaction')
      .map((row) => ({
        label: row.label,
        means: shownWaves.map(
          (name) =>
            analysis.factors.find(
              (item) =>
                item.factor === row.factor &&
                item.dimension === 'satisfaction' &&
                item.wave === name,
            )?.mean ?? null,
        ),
      }));
    const comparison =
      shownWaves.length > 1 && comparisonRows.length > 0
        ? waveComparisonChart({
            id: `${prefix}-waves-${groupIndex}`,
            title: `${title}: ${language === 'lv' ? 'vidējais vērtējums pa gadiem' : 'mean by wave'}`,
            language,
            waves: shownWaves,
            rows: comparisonRows,
          })
        : null;
    result.push({ title, rows, distributions, comparison, quotes: [] });
  }
  // A factor's comment goes with the group the factor is charted in.
  const groupOfFactor = new Map(
    result.flatMap((group) => group.rows.map((row) => [row.factor, group] as const)),
  );
  const otherQuotes: string[] = [];
  for (const quote of input.quotes ?? []) {
    const group = groupOfFactor.get(quote.column.replace(/:comment$/, ''));
    if (group) group.quotes.push(quote.text);
    else otherQuotes.push(quote.text);
  }

  const map = analysis.map;
  const names = (quadrant: Quadrant) => quadrantName(quadrant, language, input.quadrantLabels);
  return {
    wave,
    groups: result,
    otherQuotes,
    labelOf,
    map:
      map && map.points.length > 0
        ? importanceMapChart({
            id: `${prefix}-map`,
            title: `${MAP_TITLE[language]} (${map.wave})`,
            language,
            points: map.points.map((point) => ({
              label: labelOf(point.factor),
              importance: point.importance,
              satisfaction: point.satisfaction,
              quadrant: point.quadrant,
            })),
            borders: map.borders,
            quadrantLabels: {
              improve: names('improve'),
              strengthen: names('strengthen'),
              keep: names('keep'),
              watch: names('watch'),
            },
            axisLabels:
              language === 'lv'
                ? { satisfaction: 'Apmierinātība', importance: 'Svarīgums' }
                : { satisfaction: 'Satisfaction', importance: 'Importance' },
          })
        : null,
  };
}

/** A factor's place in the questionnaire; those it lacks come after. */
function rank(order: readonly string[], factor: string): number {
  const index = order.indexOf(factor);
  return index < 0 ? order.length : index;
}

/** The quadrant's name for a survey, in a language. */
export function quadrantName(
  quadrant: Quadrant,
  language: ChartLanguage,
  labels?: Partial<Record<Quadrant, { lv?: string; en?: string }>>,
): string {
  return (
    (language === 'en' ? labels?.[quadrant]?.en : undefined) ||
    labels?.[quadrant]?.lv ||
    QUADRANT_LABELS[quadrant][language]
  );
}
