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

export function onTimeChart(input: {
  title: string;
  monthLabels: readonly string[];
  series: readonly OnTimeSeries[];
  emptyLabel: string;
  /** "72 % on time in May" for the description read aloud. */
  describe: (series: OnTimeSeries, month: string, value: number) => string;
}): SvgNode {
  const width = CHART_WIDTH;
  const shown = input.series.slice(0, MAX_SERIES);
  const top = titleHeight(input.title, width) + 8;
  const plotLeft = 48;
  const plotRight = width - 16;
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
  const months = input.monthLabels.length;
  const xOf = (index: number) =>
    months <= 1
      ? (plotLeft + plotRight) / 2
      : plotLeft + ((plotRight - plotLeft) * index) / (months - 1);
  const yOf = (value: number) => plotBottom - value * plotHeight;

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
    nodes.push(
      el(
        'text',
        textAttrs(xOf(index), plotBottom + 16, { size: TEXT.small, anchor: 'middle' }),
        label,
      ),
    );
  });
  const descriptions: string[] = [];
  shown.forEach((series, seriesIndex) => {
    const colour = SERIES_COLOURS[seriesIndex] ?? MUTED;
    const points: Array<[number, number]> = [];
    series.values.forEach((value, index) => {
      if (value === null) return;
      points.push([xOf(index), yOf(value)]);
      descriptions.push(input.describe(series, input.monthLabels[index] ?? '', value));
    });
    if (points.length > 1) {
      nodes.push(
        el('polyline', {
          points: points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
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
