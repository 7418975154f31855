/**
 * The answer distribution of each factor as a horizontal 100 % bar, best answer first, as in the
 * report's figures 1–5: one bar per factor, a segment per answer labelled with its count.
 */
import { ratingSummary, type RatingCounts } from '../domain/survey-stats';
import {
  CHART_WIDTH,
  GRID,
  MUTED,
  TEXT,
  chartRoot,
  legend,
  textAttrs,
  textWidth,
  titleHeight,
  wrapText,
  type ChartLanguage,
} from './layout';
import { el, type SvgNode } from './svg';

export type AnswerKey = keyof RatingCounts;

/** Left to right: the best answer first, "hard to say" last, apart from the scale. */
export const ANSWER_ORDER: readonly AnswerKey[] = ['4', '3', '2', '1', 'dk'];

/**
 * A diverging blue–red palette (ColorBrewer RdBu, which stays distinct for the common kinds of
 * colour blindness and in grey print: the ends are dark, the middle light) and a neutral grey
 * for "hard to say". Counts are white on the dark ends.
 */
export const ANSWER_COLOURS: Record<AnswerKey, { fill: string; text: string }> = {
  '4': { fill: '#2166ac', text: '#ffffff' },
  '3': { fill: '#92c5de', text: '#1a1a1a' },
  '2': { fill: '#f4a582', text: '#1a1a1a' },
  '1': { fill: '#b2182b', text: '#ffffff' },
  dk: { fill: '#d9d9d9', text: '#1a1a1a' },
};

export interface StackedBarsInput {
  /** Prefix of the chart's ids; unique on the page. */
  id?: string;
  title: string;
  language: ChartLanguage;
  rows: ReadonlyArray<{ label: string; counts: RatingCounts }>;
  /** The labels of the scale's points 1 … 4 in the chosen language. */
  scaleLabels: readonly [string, string, string, string];
  dkLabel: string;
}

const PAD = 8;
const BAR_HEIGHT = 20;
const LINE_HEIGHT = 14;

/** All answers to a factor, "hard to say" included: the bar's 100 %. */
function answerTotal(counts: RatingCounts): number {
  return ratingSummary(counts).n + counts.dk;
}

/** The stacked bar chart of the rows' answer distributions. */
export function stackedBarsChart(input: StackedBarsInput): SvgNode {
  const width = CHART_WIDTH;
  const [one, two, three, four] = input.scaleLabels;
  const answerLabels: Record<AnswerKey, string> = {
    '1': one,
    '2': two,
    '3': three,
    '4': four,
    dk: input.dkLabel,
  };
  const labelFor = (key: AnswerKey) => answerLabels[key];

  const widest = Math.max(0, ...input.rows.map((row) => textWidth(row.label, TEXT.label)));
  const labelWidth = Math.min(Math.max(widest, 60), width * 0.36);
  const nWidth = textWidth('n = 0000', TEXT.small) + 8;
  const barLeft = PAD + labelWidth + 10;
  const barWidth = width - PAD - nWidth - barLeft;
  const percent = (share: number) => `${share}${input.language === 'lv' ? ' %' : '%'}`;

  let y = titleHeight(input.title, width) + 6;
  const top = y;
  const rows: SvgNode[] = [];
  input.rows.forEach((row, index) => {
    const lines = wrapText(row.label, labelWidth, TEXT.label, 3);
    const rowHeight = Math.max(BAR_HEIGHT + 10, lines.length * LINE_HEIGHT + 10);
    const middle = y + rowHeight / 2;
    const total = answerTotal(row.counts);
    const barTop = middle - BAR_HEIGHT / 2;
    const nodes: SvgNode[] = lines.map((line, lineIndex) =>
      el(
        'text',
        textAttrs(barLeft - 10, middle + (lineIndex - (lines.length - 1) / 2) * LINE_HEIGHT, {
          anchor: 'end',
          centred: true,
        }),
        line,
      ),
    );
    if (total === 0) {
      nodes.push(
        el('rect', {
          x: barLeft,
          y: barTop,
          width: barWidth,
          height: BAR_HEIGHT,
          fill: 'none',
          stroke: MUTED,
          'stroke-width': 1,
          'stroke-dasharray': '4 3',
        }),
      );
    }
    // Edges from cumulative counts, so the segments meet exactly and end at 100 %.
    let before = 0;
    for (const key of ANSWER_ORDER) {
      const count = row.counts[key];
      if (total === 0 || count === 0) continue;
      const left = barLeft + (barWidth * before) / total;
      before += count;
      const right = barLeft + (barWidth * before) / total;
      const colours = ANSWER_COLOURS[key];
      nodes.push(
        el('rect', {
          x: left,
          y: barTop,
          width: right - left,
          height: BAR_HEIGHT,
          fill: colours.fill,
          'data-answer': key,
        }),
      );
      const text = String(count);
      if (right - left >= textWidth(text, TEXT.small) + 6) {
        nodes.push(
          el(
            'text',
            textAttrs((left + right) / 2, middle, {
              size: TEXT.small,
              anchor: 'middle',
              fill: colours.text,
              centred: true,
            }),
            text,
          ),
        );
      }
    }
    nodes.push(
      el(
        'text',
        textAttrs(barLeft + barWidth + 6, middle, { size: TEXT.small, fill: MUTED, centred: true }),
        `n = ${total}`,
      ),
    );
    rows.push(el('g', { 'data-row': index }, nodes));
    y += rowHeight;
  });

  const grid: SvgNode[] = [];
  for (const share of [0, 25, 50, 75, 100]) {
    const x = barLeft + (barWidth * share) / 100;
    grid.push(
      el('line', { x1: x, y1: top, x2: x, y2: y + 4, stroke: GRID, 'stroke-width': 1 }),
      el(
        'text',
        textAttrs(x, y + 16, { size: TEXT.small, anchor: 'middle', fill: MUTED }),
        percent(share),
      ),
    );
  }
  const key = legend(
    ANSWER_ORDER.map((answer) => ({ label: labelFor(answer), fill: ANSWER_COLOURS[answer].fill })),
    barLeft,
    y + 28,
    width - PAD - barLeft,
  );

  const description = input.rows
    .map((row) => {
      const parts = ANSWER_ORDER.map((answer) => `${labelFor(answer)} ${row.counts[answer]}`);
      return `${row.label}: ${parts.join(', ')}; n = ${answerTotal(row.counts)}.`;
    })
    .join(' ');

  return chartRoot(
    {
      id: input.id ?? 'stacked-bars',
      title: input.title,
      description,
      width,
      height: y + 28 + key.height + PAD,
    },
    [...grid, ...rows, ...key.nodes],
  );
}
