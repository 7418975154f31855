import SVGtoPDF from 'svg-to-pdfkit';
import { formatDecimal, roundHalfAway } from '../../charts/layout';
import { toSvgString, viewBoxSize, type SvgNode } from '../../charts/svg';
import { DIMENSION_NAMES, MAP_TITLE } from '../../charts/survey-figures';
import type { RatingDimension } from '../../domain/survey-stats';
import { openPdf, writeSafeHtml, type PdfFontName } from './pdf';

// A survey's report as an A4 PDF, in the order of the quality studies' reports: method (sample,
// fieldwork, response and refusals), results per section with their charts, table and verbatim
// comments, the importance–satisfaction map, then the analyst's conclusions and
// recommendations. Charts are the same SVG the web app shows, drawn as vector graphics
// (svg-to-pdfkit) with the DejaVu fonts, so they stay sharp in print and keep Latvian letters.

export type ReportLanguage = 'lv' | 'en';

export interface SurveyReportStratum {
  stratum: string;
  /** Interviews the plan allots; null without a plan. */
  planned: number | null;
  /** People contacted, replacements included. */
  sample: number;
  completes: number;
  refusals: number;
  /** Completes per sampled unit, 0–1; null when nothing was sampled. */
  responseRate: number | null;
}

export interface SurveyReportMethod {
  plannedSample: number;
  reachedSample: number;
  /** Fieldwork dates, YYYY-MM-DD. */
  fieldworkStart: string;
  fieldworkEnd: string;
  /** 0–1; null when unknown. */
  responseRate: number | null;
  strata: SurveyReportStratum[];
  refusalReasons: Array<{ reason: string; count: number }>;
  /** The analyst's description of the method: safe HTML. */
  html: string;
}

export interface SurveyReportTableRow {
  /** The factor's label in the report's language. */
  factor: string;
  dimension: RatingDimension;
  /** Answers 1–4 ("hard to say" left out, as in the mean). */
  n: number;
  /** Unrounded mean on the 1–4 scale; null when n is 0. */
  mean: number | null;
  /** The same factor's mean in the previous wave; null when it was not asked or not answered. */
  previousMean: number | null;
}

export interface SurveyReportSection {
  title: string;
  charts: SvgNode[];
  table: SurveyReportTableRow[];
  /** Verbatim comments chosen by the analyst. */
  quotes: string[];
}

export interface SurveyReportModel {
  language: ReportLanguage;
  title: string;
  surveyTitle: string;
  waveName: string;
  /** Heads the table's column of previous means; null when there is no earlier wave. */
  previousWaveName: string | null;
  /** When the report was published, or created while it is a draft: YYYY-MM-DD. */
  date: string;
  method: SurveyReportMethod;
  sections: SurveyReportSection[];
  /** The importance–satisfaction map and its borders; null when no factor is on it. */
  map: {
    chart: SvgNode;
    borders: { importance: number | null; satisfaction: number | null };
  } | null;
  /** Safe HTML. */
  conclusionsHtml: string;
  /** Safe HTML. */
  recommendationsHtml: string;
}

const WORDS = {
  lv: {
    date: 'Datums',
    method: 'Metode',
    plannedSample: 'Plānotā izlase',
    reachedSample: 'Sasniegtā izlase',
    fieldwork: 'Lauka darbs',
    responseRate: 'Atsaucība',
    stratum: 'Slānis',
    planned: 'Plānots',
    sample: 'Kontakti',
    completes: 'Intervijas',
    refusals: 'Atteikumi',
    total: 'Kopā',
    refusalReasons: 'Atteikumu iemesli',
    results: 'Rezultāti',
    factor: 'Faktors',
    dimension: 'Dimensija',
    mean: 'Vidējais',
    previous: 'Iepriekš',
    change: 'Izmaiņas',
    importance: DIMENSION_NAMES.importance.lv,
    satisfaction: DIMENSION_NAMES.satisfaction.lv,
    comments: 'Komentāri',
    map: MAP_TITLE.lv,
    borders: 'Kvadrantu robežas (vidējie)',
    conclusions: 'Secinājumi',
    recommendations: 'Ieteikumi',
    quote: ['„', '“'],
  },
  en: {
    date: 'Date',
    method: 'Method',
    plannedSample: 'Planned sample',
    reachedSample: 'Reached sample',
    fieldwork: 'Fieldwork',
    responseRate: 'Response rate',
    stratum: 'Stratum',
    planned: 'Planned',
    sample: 'Contacts',
    completes: 'Interviews',
    refusals: 'Refusals',
    total: 'Total',
    refusalReasons: 'Reasons for refusal',
    results: 'Results',
    factor: 'Factor',
    dimension: 'Dimension',
    mean: 'Mean',
    previous: 'Previous',
    change: 'Change',
    importance: DIMENSION_NAMES.importance.en,
    satisfaction: DIMENSION_NAMES.satisfaction.en,
    comments: 'Comments',
    map: MAP_TITLE.en,
    borders: 'Quadrant borders (means)',
    conclusions: 'Conclusions',
    recommendations: 'Recommendations',
    quote: ['“', '”'],
  },
} satisfies Record<ReportLanguage, Record<string, string | string[]>>;

const INK = '#111111';
const MUTED = '#555555';
const RULE = '#999999';
const BODY_SIZE = 10.5;
const SMALL_SIZE = 9;

/** A date as the language writes it: 18.05.2022. in Latvian, 18/05/2022 in English. */
export function formatReportDate(isoDate: string, language: ReportLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return language === 'lv' ? `${day}.${month}.${year}.` : `${day}/${month}/${year}`;
}

/** A share 0–1 as a percentage with one decimal: 95,0 % in Latvian, 95.0% in English. */
export function formatPercent(share: number, language: ReportLanguage): string {
  const value = formatDecimal(share * 100, language, 1);
  return language === 'lv' ? `${value} %` : `${value}%`;
}

/**
 * The change between two means as the table shows it, signed (+0,14, −0,06). It is the difference
 * of the two rounded means, so that the printed columns add up.
 */
export function formatChange(
  mean: number | null,
  previous: number | null,
  language: ReportLanguage,
): string {
  if (mean === null || previous === null) return '–';
  const hundredths =
    Math.round(roundHalfAway(mean, 2) * 100) - Math.round(roundHalfAway(previous, 2) * 100);
  const text = formatDecimal(Math.abs(hundredths) / 100, language);
  return hundredths > 0 ? `+${text}` : hundredths < 0 ? `−${text}` : text;
}

interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align: 'left' | 'right';
}

/** Renders the report; resolves with the PDF's bytes. */
export async function renderSurveyReportPdf(model: SurveyReportModel): Promise<Buffer> {
  const words = WORDS[model.language];
  const { doc, finished } = openPdf({
    title: model.title,
    language: model.language,
    bufferPages: true,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const number = (value: number | null) =>
    value === null ? '–' : formatDecimal(value, model.language);

  /** A new page unless `height` still fits on this one. */
  function room(height: number) {
    if (doc.y + height > bottom()) doc.addPage();
  }

  function text(
    content: string,
    options: { font?: PdfFontName; size?: number; color?: string; indent?: number } = {},
  ) {
    doc
      .font(options.font ?? 'regular')
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.color ?? INK)
      .text(content, left + (options.indent ?? 0), doc.y, {
        width: width - (options.indent ?? 0),
        lineGap: 2,
      });
  }

  /** The height a chart takes at the text's full width. */
  function chartHeight(node: SvgNode) {
    const size = viewBoxSize(node);
    return (width * size.height) / size.width;
  }

  /** A heading, kept on one page with the first `keep` points of what follows it. */
  function heading(content: string, level: 1 | 2, keep = 60) {
    room((level === 1 ? 60 : 40) + keep);
    doc.moveDown(level === 1 ? 0.8 : 0.5);
    text(content, { font: 'bold', size: level === 1 ? 16 : 13 });
    doc.moveDown(0.4);
  }

  function html(content: string) {
    if (content.trim() === '') return;
    doc.font('regular').fontSize(BODY_SIZE).fillColor(INK);
    doc.x = left;
    writeSafeHtml(doc, content);
  }

  function chart(node: SvgNode) {
    const height = chartHeight(node);
    room(height + 8);
    const top = doc.y;
    SVGtoPDF(doc, toSvgString(node), left, top, {
      width,
      height,
      fontCallback: (_family, bold, italic) =>
        bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular',
    });
    doc.x = left;
    doc.y = top + height + 10;
  }

  function table(columns: Column[], rows: string[][], options: { lastBold?: boolean } = {}) {
    const padding = 3;
    const lefts: number[] = [];
    let x = left;
    for (const column of columns) {
      lefts.push(x);
      x += column.width * width;
    }
    const rowHeight = (cells: string[], font: PdfFontName) => {
      doc.font(font).fontSize(SMALL_SIZE);
      return (
        Math.max(
          ...cells.map((cell, index) =>
            doc.heightOfString(cell, { width: (columns[index]?.width ?? 0) * width - padding * 2 }),
          ),
        ) +
        padding * 2
      );
    };
    const line = (y: number, color: string) =>
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.5)
        .strokeColor(color)
        .stroke();
    const row = (cells: string[], font: PdfFontName) => {
      const height = rowHeight(cells, font);
      const top = doc.y;
      doc.font(font).fontSize(SMALL_SIZE).fillColor(INK);
      cells.forEach((cell, index) => {
        const column = columns[index];
        if (!column) return;
        doc.text(cell, (lefts[index] ?? left) + padding, top + padding, {
          width: column.width * width - padding * 2,
          align: column.align,
        });
      });
      doc.x = left;
      doc.y = top + height;
      return height;
    };
    const header = () => {
      row(
        columns.map((column) => column.header),
        'bold',
      );
      line(doc.y, INK);
    };

    room(
      rowHeight(
        columns.map((column) => column.header),
        'bold',
      ) + 40,
    );
    header();
    rows.forEach((cells, index) => {
      const font = options.lastBold && index === rows.length - 1 ? 'bold' : 'regular';
      // A table that runs over the page repeats its header on the next one.
      if (doc.y + rowHeight(cells, font) > bottom()) {
        doc.addPage();
        header();
      }
      row(cells, font);
      line(doc.y, RULE);
    });
    doc.moveDown(0.8);
  }

  // Title block.
  text(model.title, { font: 'bold', size: 20 });
  doc.moveDown(0.3);
  text(`${model.surveyTitle} · ${model.waveName}`, { size: 12 });
  text(`${words.date}: ${formatReportDate(model.date, model.language)}`, {
    size: SMALL_SIZE,
    color: MUTED,
  });
  doc.moveDown(0.5);

  // Method.
  const method = model.method;
  heading(words.method, 1);
  const facts: Array<[string, string]> = [
    [words.plannedSample, String(method.plannedSample)],
    [words.reachedSample, String(method.reachedSample)],
    [
      words.fieldwork,
      `${formatReportDate(method.fieldworkStart, model.language)}–${formatReportDate(method.fieldworkEnd, model.language)}`,
    ],
    [
      words.responseRate,
      method.responseRate === null ? '–' : formatPercent(method.responseRate, model.language),
    ],
  ];
  for (const [label, value] of facts) text(`${label}: ${value}`);
  doc.moveDown(0.5);
  html(method.html);
  if (method.strata.length > 0) {
    const total = method.strata.reduce(
      (sum, stratum) => ({
        sample: sum.sample + stratum.sample,
        refusals: sum.refusals + stratum.refusals,
      }),
      { sample: 0, refusals: 0 },
    );
    const rate = (value: number | null) =>
      value === null ? '–' : formatPercent(value, model.language);
    table(
      [
        { header: words.stratum, width: 0.26, align: 'left' },
        { header: words.planned, width: 0.12, align: 'right' },
        { header: words.sample, width: 0.14, align: 'right' },
        { header: words.completes, width: 0.15, align: 'right' },
        { header: words.refusals, width: 0.15, align: 'right' },
        { header: words.responseRate, width: 0.18, align: 'right' },
      ],
      [
        ...method.strata.map((stratum) => [
          stratum.stratum,
          stratum.planned === null ? '–' : String(stratum.planned),
          String(stratum.sample),
          String(stratum.completes),
          String(stratum.refusals),
          rate(stratum.responseRate),
        ]),
        // The totals are the method's own figures, not sums that could tell another story.
        [
          words.total,
          String(method.plannedSample),
          String(total.sample),
          String(method.reachedSample),
          String(total.refusals),
          rate(method.responseRate),
        ],
      ],
      { lastBold: true },
    );
  }
  if (method.refusalReasons.length > 0) {
    heading(words.refusalReasons, 2);
    for (const reason of method.refusalReasons) {
      text(`• ${reason.reason}: ${reason.count}`, { indent: 12 });
    }
  }

  // Results.
  if (model.sections.length > 0) heading(words.results, 1);
  for (const section of model.sections) {
    const [first] = section.charts;
    heading(section.title, 2, first ? chartHeight(first) + 8 : undefined);
    for (const node of section.charts) chart(node);
    if (section.table.length > 0) {
      table(
        [
          { header: words.factor, width: 0.4, align: 'left' },
          { header: words.dimension, width: 0.17, align: 'left' },
          { header: 'n', width: 0.07, align: 'right' },
          { header: words.mean, width: 0.12, align: 'right' },
          { header: model.previousWaveName ?? words.previous, width: 0.12, align: 'right' },
          { header: words.change, width: 0.12, align: 'right' },
        ],
        section.table.map((row) => [
          row.factor,
          words[row.dimension],
          String(row.n),
          number(row.mean),
          number(row.previousMean),
          formatChange(row.mean, row.previousMean, model.language),
        ]),
      );
    }
    if (section.quotes.length > 0) {
      room(60);
      text(words.comments, { font: 'bold' });
      doc.moveDown(0.3);
      const [open, close] = words.quote;
      for (const quote of section.quotes) {
        text(`${open}${quote.trim()}${close}`, { font: 'italic', color: '#333333', indent: 18 });
        doc.moveDown(0.3);
      }
    }
  }

  if (model.map) {
    heading(words.map, 1, chartHeight(model.map.chart) + 8);
    chart(model.map.chart);
    const borders = model.map.borders;
    text(
      `${words.borders}: ${words.importance} ${number(borders.importance)}; ${words.satisfaction} ${number(borders.satisfaction)}.`,
      { size: SMALL_SIZE, color: MUTED },
    );
  }

  if (model.conclusionsHtml.trim() !== '') {
    heading(words.conclusions, 1);
    html(model.conclusionsHtml);
  }
  if (model.recommendationsHtml.trim() !== '') {
    heading(words.recommendations, 1);
    html(model.recommendationsHtml);
  }

  // Page numbers, once the count is known.
  const pages = doc.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(SMALL_SIZE)
      .fillColor(MUTED)
      .text(`${index + 1} / ${pages.count}`, left, doc.page.height - margin / 2 - SMALL_SIZE, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return finished;
}
