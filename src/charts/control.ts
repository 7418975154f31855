/**
 * The standard's control (clause 34) as a picture: the share of written answers given on time,
 * month by month, one line a unit (and the whole when there are many), on a 0–100 % scale.
 */
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
} from './layout';
import { el, type SvgNode } from './svg';

export interface OnTimeSeries {
  label: string;
  /** One value a month (0…1), null where nothing fell due. */
  values: ReadonlyArray<number | null>;
}

/** Colours that stay apart in grey print and for the colour-blind (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

/** The most lines one chart draws; beyond them the table carries the figures. */
export const MAX_SERIES = SERIES_COLOURS.length;

/** The narrowest a chart is drawn: a phone's width, so that its text is read at full size. */
export const NARROW_CHART_WIDTH = 360;

/** Room between two month labels, in viewBox units. */
const LABEL_GAP = 8;

/**
 * Which of the month labels to write: every so many, counted back from the last, so that none
 * overlaps another and the latest month is always named.
 */
export function shownMonthLabels(widths: readonly number[], spacing: number): Set<number> {
  const widest = Math.max(0, ...widths);
  const step =
    spacing <= 0 ? widths.length : Math.max(1, Math.ceil((widest + LABEL_GAP) / spacing));
  const shown = new Set<number>();
  for (let index = widths.length - 1; index >= 0; index -= step) shown.add(index);
  return shown;
}

export function onTimeChart(input: {
  title: string;
  /** How the month of each value is written under the plot, oldest first. */
  monthLabels: readonly string[];
  series: readonly OnTimeSeries[];
  emptyLabel: string;
  /** "72 % on time in May" for the description read aloud; the month by its index. */
  describe: (series: OnTimeSeries, monthIndex: number, value: number) => string;
  /** In viewBox units: CHART_WIDTH by default, NARROW_CHART_WIDTH on a phone. */
  width?: number;
}): SvgNode {
  const width = input.width ?? CHART_WIDTH;
  const shown = input.series.slice(0, MAX_SERIES);
  const top = titleHeight(input.title, width) + 8;
  const months = input.monthLabels.length;
  const labelWidths = input.monthLabels.map((label) => textWidth(label, TEXT.small));
  // The outer labels sit centred under the first and last points: the plot leaves room for
  // their halves, so that neither is cut at the chart's edge.
  const firstHalf = months > 1 ? (labelWidths[0] ?? 0) / 2 : 0;
  const lastHalf = months > 1 ? (labelWidths[months - 1] ?? 0) / 2 : 0;
  const plotLeft = Math.max(48, firstHalf + 4);
  const plotRight = width - Math.max(16, lastHalf + 4);
  const plotHeight = 200;
  const plotBottom = top + plotHeight;
  const keys = legend(
    shown.map((series, index) => ({
      label: series.label,
      fill: SERIES_COLOURS[index] ?? MUTED,
    })),
    plotLeft,
    plotBottom + 30,
    plotRight - plotLeft,
  );
  const height = plotBottom + 30 + keys.height + 8;
  const spacing = months <= 1 ? plotRight - plotLeft : (plotRight - plotLeft) / (months - 1);
  const xOf = (index: number) =>
    months <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + spacing * index;
  const yOf = (value: number) => plotBottom - value * plotHeight;
  const labelled = shownMonthLabels(labelWidths, spacing);

  const nodes: SvgNode[] = [];
  for (const step of [0, 0.25, 0.5, 0.75, 1]) {
    nodes.push(
      el('line', { x1: plotLeft, x2: plotRight, y1: yOf(step), y2: yOf(step), stroke: GRID }),
      el(
        'text',
        textAttrs(plotLeft - 6, yOf(step), { size: TEXT.small, anchor: 'end', centred: true }),
        `${step * 100} %`,
      ),
    );
  }
  input.monthLabels.forEach((label, index) => {
    if (!labelled.has(index)) return;
    nodes.push(
      el(
        'text',
        {
          ...textAttrs(xOf(index), plotBottom + 16, { size: TEXT.small, anchor: 'middle' }),
          'data-month': index,
        },
        label,
      ),
    );
  });
  const descriptions: string[] = [];
  shown.forEach((series, seriesIndex) => {
    const colour = SERIES_COLOURS[seriesIndex] ?? MUTED;
    const points: Array<[number, number]> = [];
    // A month with nothing due breaks the line: joining across it would draw figures never had.
    const runs: Array<Array<[number, number]>> = [[]];
    series.values.forEach((value, index) => {
      if (value === null) {
        runs.push([]);
        return;
      }
      const point: [number, number] = [xOf(index), yOf(value)];
      points.push(point);
      runs[runs.length - 1]?.push(point);
      descriptions.push(input.describe(series, index, value));
    });
    for (const run of runs.filter((run) => run.length > 1)) {
      nodes.push(
        el('polyline', {
          points: run.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2,
        }),
      );
    }
    for (const [x, y] of points) nodes.push(el('circle', { cx: x, cy: y, r: 4, fill: colour }));
  });
  if (descriptions.length === 0) {
    nodes.push(
      el(
        'text',
        textAttrs((plotLeft + plotRight) / 2, top + plotHeight / 2, {
          anchor: 'middle',
          fill: MUTED,
        }),
        input.emptyLabel,
      ),
    );
  }
  return chartRoot(
    {
      id: 'control-on-time',
      title: input.title,
      description: descriptions.length > 0 ? descriptions.join('; ') : input.emptyLabel,
      width,
      height,
    },
    [...nodes, ...keys.nodes],
  );
}
