/**
 * The importance–satisfaction map (the report's figure 6): each factor a point at (satisfaction,
 * importance), the pooled borders as dashed lines and the four quadrants named in the corners.
 */
import type { Quadrant } from '../domain/survey-stats';
import {
  CHART_WIDTH,
  GRID,
  INK,
  MUTED,
  TEXT,
  chartRoot,
  formatDecimal,
  textAttrs,
  textWidth,
  titleHeight,
  wrapText,
  type ChartLanguage,
} from './layout';
import { el, type SvgNode } from './svg';

export interface MapChartPoint {
  label: string;
  importance: number;
  satisfaction: number;
  quadrant: Quadrant;
}

export interface ImportanceMapInput {
  /** Prefix of the chart's ids; unique on the page. */
  id?: string;
  title: string;
  language: ChartLanguage;
  points: readonly MapChartPoint[];
  borders: { importance: number | null; satisfaction: number | null };
  /** The quadrants' names, e.g. Jāuzlabo, Jāstiprina, Jāsaglabā, Jāvēro. */
  quadrantLabels: Record<Quadrant, string>;
  axisLabels: { satisfaction: string; importance: string };
}

export interface AxisRange {
  min: number;
  max: number;
  /** The distance between ticks. */
  step: number;
}

const STEPS = [0.1, 0.25, 0.5];
const MAX_INTERVALS = 12;
const SCALE = { min: 1, max: 4 };

/**
 * An axis zoomed to the values: at least half a step of room on each side, ends on whole steps,
 * within the 1–4 scale, and the finest step that leaves at most 12 intervals. Real means crowd
 * between 2.5 and 4, where a full 1–4 axis would pile the points up.
 */
export function axisRange(values: readonly number[]): AxisRange {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { ...SCALE, step: 0.5 };
  const low = Math.max(SCALE.min, Math.min(...finite));
  const high = Math.min(SCALE.max, Math.max(...finite));
  let range: AxisRange = { ...SCALE, step: 0.5 };
  for (const step of STEPS) {
    // In whole steps, with a hair of tolerance so that 2.45 / 0.1 = 24.499… still counts as 24.5.
    const first = Math.floor((low - step / 2) / step + 1e-9);
    const last = Math.ceil((high + step / 2) / step - 1e-9);
    const min = Math.max(SCALE.min, round(first * step));
    const max = Math.min(SCALE.max, round(last * step));
    range = { min, max, step };
    if ((max - min) / step <= MAX_INTERVALS + 1e-9) break;
  }
  return range;
}

/** The ticks of a range, from min to max. */
export function axisTicks(range: AxisRange): number[] {
  const ticks: number[] = [];
  const count = Math.round((range.max - range.min) / range.step);
  for (let index = 0; index <= count; index++) ticks.push(round(range.min + index * range.step));
  return ticks;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const WORDS: Record<ChartLanguage, { borders: string }> = {
  lv: { borders: 'Kvadrantu robežas' },
  en: { borders: 'Quadrant borders' },
};

const PAD = 8;
const PLOT_HEIGHT = 400;
const POINT_RADIUS = 4.5;
const LABEL_LINE = 13;
const LABEL_WIDTH = 150;
const POINT_COLOURS: Record<Quadrant, string> = {
  improve: '#b2182b',
  strengthen: '#2166ac',
  keep: '#2166ac',
  watch: '#2166ac',
};

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The map as a chart. */
export function importanceMapChart(input: ImportanceMapInput): SvgNode {
  const width = CHART_WIDTH;
  const plot = {
    left: PAD + 56,
    right: width - PAD - 8,
    top: titleHeight(input.title, width) + 8,
    bottom: 0,
  };
  plot.bottom = plot.top + PLOT_HEIGHT;
  const borders = input.borders;
  const xRange = axisRange([
    ...input.points.map((point) => point.satisfaction),
    ...(borders.satisfaction === null ? [] : [borders.satisfaction]),
  ]);
  const yRange = axisRange([
    ...input.points.map((point) => point.importance),
    ...(borders.importance === null ? [] : [borders.importance]),
  ]);
  // One function per axis places points and lines alike, so a point on a border is on its line.
  const xOf = (value: number) =>
    plot.left + ((value - xRange.min) / (xRange.max - xRange.min)) * (plot.right - plot.left);
  const yOf = (value: number) =>
    plot.bottom - ((value - yRange.min) / (yRange.max - yRange.min)) * (plot.bottom - plot.top);
  const decimalsOf = (range: AxisRange) => (range.step === 0.25 ? 2 : 1);

  const nodes: SvgNode[] = [];
  for (const tick of axisTicks(xRange)) {
    const x = xOf(tick);
    nodes.push(
      el('line', {
        x1: x,
        y1: plot.top,
        x2: x,
        y2: plot.bottom + 4,
        stroke: GRID,
        'stroke-width': 0.75,
      }),
      el(
        'text',
        textAttrs(x, plot.bottom + 17, { size: TEXT.small, anchor: 'middle', fill: MUTED }),
        formatDecimal(tick, input.language, decimalsOf(xRange)),
      ),
    );
  }
  for (const tick of axisTicks(yRange)) {
    const y = yOf(tick);
    nodes.push(
      el('line', {
        x1: plot.left - 4,
        y1: y,
        x2: plot.right,
        y2: y,
        stroke: GRID,
        'stroke-width': 0.75,
      }),
      el(
        'text',
        textAttrs(plot.left - 7, y, {
          size: TEXT.small,
          anchor: 'end',
          fill: MUTED,
          centred: true,
        }),
        formatDecimal(tick, input.language, decimalsOf(yRange)),
      ),
    );
  }
  nodes.push(
    el('rect', {
      x: plot.left,
      y: plot.top,
      width: plot.right - plot.left,
      height: plot.bottom - plot.top,
      fill: 'none',
      stroke: MUTED,
      'stroke-width': 1,
    }),
    el(
      'text',
      textAttrs((plot.left + plot.right) / 2, plot.bottom + 38, { anchor: 'middle' }),
      input.axisLabels.satisfaction,
    ),
    el(
      'text',
      {
        ...textAttrs(PAD + 10, (plot.top + plot.bottom) / 2, { anchor: 'middle', centred: true }),
        transform: `rotate(-90 ${PAD + 10} ${(plot.top + plot.bottom) / 2})`,
      },
      input.axisLabels.importance,
    ),
  );
  // The quadrant names, the border lines and the points are placed first; the point labels then
  // keep clear of them.
  const taken: Box[] = [];
  if (borders.satisfaction !== null) {
    const x = xOf(borders.satisfaction);
    nodes.push(borderLine('satisfaction', x, plot.top, x, plot.bottom));
    taken.push({ left: x - 1, right: x + 1, top: plot.top, bottom: plot.bottom });
  }
  if (borders.importance !== null) {
    const y = yOf(borders.importance);
    nodes.push(borderLine('importance', plot.left, y, plot.right, y));
    taken.push({ left: plot.left, right: plot.right, top: y - 1, bottom: y + 1 });
  }
  const corners: Array<[Quadrant, 'start' | 'end', 'top' | 'bottom']> = [
    ['improve', 'start', 'top'],
    ['strengthen', 'end', 'top'],
    ['keep', 'end', 'bottom'],
    ['watch', 'start', 'bottom'],
  ];
  for (const [quadrant, anchor, edge] of corners) {
    const label = input.quadrantLabels[quadrant];
    const x = anchor === 'start' ? plot.left + 8 : plot.right - 8;
    const y = edge === 'top' ? plot.top + 16 : plot.bottom - 10;
    const labelWidth = textWidth(label, TEXT.label, true);
    taken.push({
      left: anchor === 'start' ? x : x - labelWidth,
      right: anchor === 'start' ? x + labelWidth : x,
      top: y - 12,
      bottom: y + 4,
    });
    nodes.push(el('text', textAttrs(x, y, { anchor, bold: true, fill: MUTED }), label));
  }

  const placed = input.points.map((point) => ({
    point,
    x: xOf(point.satisfaction),
    y: yOf(point.importance),
  }));
  for (const { x, y } of placed) {
    taken.push({
      left: x - POINT_RADIUS,
      right: x + POINT_RADIUS,
      top: y - POINT_RADIUS,
      bottom: y + POINT_RADIUS,
    });
  }
  const labels: SvgNode[] = [];
  const points: SvgNode[] = [];
  placed.forEach(({ point, x, y }, index) => {
    points.push(
      el('circle', {
        cx: x,
        cy: y,
        r: POINT_RADIUS,
        fill: POINT_COLOURS[point.quadrant],
        stroke: '#ffffff',
        'stroke-width': 1,
        'data-point': index,
      }),
    );
    const lines = wrapText(point.label, LABEL_WIDTH, TEXT.small, 2);
    const spot = labelSpot(lines, x, y, plot, taken);
    taken.push(spot.box);
    labels.push(
      el(
        'g',
        {},
        lines.map((line, lineIndex) =>
          el(
            'text',
            textAttrs(spot.x, spot.centre + (lineIndex - (lines.length - 1) / 2) * LABEL_LINE, {
              size: TEXT.small,
              anchor: spot.anchor,
              fill: INK,
              centred: true,
            }),
            line,
          ),
        ),
      ),
    );
  });

  const number = (value: number | null) =>
    value === null ? '–' : formatDecimal(value, input.language);
  const description = [
    `${WORDS[input.language].borders}: ${input.axisLabels.importance} ${number(borders.importance)}, ${input.axisLabels.satisfaction} ${number(borders.satisfaction)}.`,
    ...input.points.map(
      (point) =>
        `${point.label}: ${input.axisLabels.satisfaction} ${number(point.satisfaction)}, ${input.axisLabels.importance} ${number(point.importance)}, ${input.quadrantLabels[point.quadrant]}.`,
    ),
  ].join(' ');

  return chartRoot(
    {
      id: input.id ?? 'importance-map',
      title: input.title,
      description,
      width,
      height: plot.bottom + 48 + PAD,
    },
    [...nodes, ...points, ...labels],
  );
}

function borderLine(dimension: string, x1: number, y1: number, x2: number, y2: number): SvgNode {
  return el('line', {
    x1,
    y1,
    x2,
    y2,
    stroke: INK,
    'stroke-width': 1.25,
    'stroke-dasharray': '6 4',
    'data-border': dimension,
  });
}

/**
 * Where a point's label goes: beside the point to the right, else to the left, else half a label
 * higher or lower on either side, else centred above or below; the first spot inside the plot
 * that covers no label, point, border line or quadrant name wins, or else the one covering least.
 */
function labelSpot(
  lines: string[],
  x: number,
  y: number,
  plot: { left: number; right: number; top: number; bottom: number },
  taken: Box[],
): { x: number; centre: number; anchor: 'start' | 'middle' | 'end'; box: Box } {
  const labelWidth = Math.max(...lines.map((line) => textWidth(line, TEXT.small)));
  const height = lines.length * LABEL_LINE;
  const gap = POINT_RADIUS + 4;
  const shift = height / 2 + 5;
  const above = -(height / 2 + POINT_RADIUS + 2);
  const below = height / 2 + POINT_RADIUS + 2;
  const candidates = (
    [
      ['start', 0],
      ['end', 0],
      ['start', -shift],
      ['start', shift],
      ['end', -shift],
      ['end', shift],
      ['middle', above],
      ['middle', below],
    ] as const
  ).map(([anchor, dy]) => {
    const labelX = anchor === 'start' ? x + gap : anchor === 'end' ? x - gap : x;
    const labelLeft =
      anchor === 'start' ? labelX : anchor === 'end' ? labelX - labelWidth : x - labelWidth / 2;
    const centre = y + dy;
    const box: Box = {
      left: labelLeft,
      right: labelLeft + labelWidth,
      top: centre - height / 2,
      bottom: centre + height / 2,
    };
    const outside =
      box.left < plot.left ||
      box.right > plot.right ||
      box.top < plot.top ||
      box.bottom > plot.bottom;
    const covered = taken.reduce((sum, other) => sum + overlap(box, other), 0);
    return { x: labelX, centre, anchor, box, cost: covered + (outside ? 1e6 : 0) };
  });
  // Strictly less: on a tie the earlier, more natural spot stays.
  return candidates.reduce((a, b) => (b.cost < a.cost ? b : a));
}
