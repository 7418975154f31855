/**
 * Each factor's mean on the 1–4 scale in each wave, side by side on one axis, so a year's change
 * reads at a glance (the report compares 2022 with 2021: 3.90 against 3.76).
 */
import {
  CHART_WIDTH,
  GRID,
  MUTED,
  TEXT,
  chartRoot,
  formatDecimal,
  legend,
  textAttrs,
  textWidth,
  titleHeight,
  wrapText,
  type ChartLanguage,
} from './layout';
import { el, type SvgNode } from './svg';

export interface WaveComparisonInput {
  /** Prefix of the chart's ids; unique on the page. */
  id?: string;
  title: string;
  language: ChartLanguage;
  /** The waves' names in the order drawn, oldest first. */
  waves: readonly string[];
  /** Per factor, its mean in each wave (in the order of `waves`), null where nobody answered. */
  rows: ReadonlyArray<{ label: string; means: ReadonlyArray<number | null> }>;
}

// Sequential blues, light to dark: the latest wave is the darkest, and the order survives grey
// print and colour blindness because only lightness changes.
const WAVE_PALETTE = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08306b'];

/** The colours of `count` waves, spread over the palette and ending at its darkest. */
export function waveColours(count: number): string[] {
  const last = WAVE_PALETTE.length - 1;
  return Array.from({ length: count }, (_, index) => {
    const position = count === 1 ? last : Math.round((index * last) / (count - 1));
    return WAVE_PALETTE[Math.min(position, last)] ?? '#08306b';
  });
}

const SCALE_MIN = 1;
const SCALE_MAX = 4;

const PAD = 8;
const BAR_HEIGHT = 12;
const BAR_GAP = 3;
const LINE_HEIGHT = 14;

/** The chart of means per factor and wave on the 1–4 axis. */
export function waveComparisonChart(input: WaveComparisonInput): SvgNode {
  const width = CHART_WIDTH;
  const colours = waveColours(input.waves.length);
  const widest = Math.max(0, ...input.rows.map((row) => textWidth(row.label, TEXT.label)));
  const labelWidth = Math.min(Math.max(widest, 60), width * 0.36);
  const axisLeft = PAD + labelWidth + 12;
  const axisRight = width - PAD - textWidth('0,00', TEXT.small) - 10;
  const xOf = (mean: number) =>
    axisLeft + ((mean - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * (axisRight - axisLeft);

  let y = titleHeight(input.title, width) + 6;
  const top = y;
  const rows: SvgNode[] = [];
  input.rows.forEach((row, index) => {
    const lines = wrapText(row.label, labelWidth, TEXT.label, 3);
    const barsHeight = input.waves.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    const rowHeight = Math.max(barsHeight, lines.length * LINE_HEIGHT) + 14;
    const middle = y + rowHeight / 2;
    const nodes: SvgNode[] = lines.map((line, lineIndex) =>
      el(
        'text',
        textAttrs(axisLeft - 12, middle + (lineIndex - (lines.length - 1) / 2) * LINE_HEIGHT, {
          anchor: 'end',
          centred: true,
        }),
        line,
      ),
    );
    input.waves.forEach((_, wave) => {
      const mean = row.means[wave] ?? null;
      const barTop = middle - barsHeight / 2 + wave * (BAR_HEIGHT + BAR_GAP);
      const centre = barTop + BAR_HEIGHT / 2;
      if (mean === null) {
        nodes.push(
          el(
            'text',
            textAttrs(axisLeft + 4, centre, { size: TEXT.small, fill: MUTED, centred: true }),
            '–',
          ),
        );
        return;
      }
      const end = xOf(Math.min(Math.max(mean, SCALE_MIN), SCALE_MAX));
      nodes.push(
        el('rect', {
          x: axisLeft,
          y: barTop,
          width: end - axisLeft,
          height: BAR_HEIGHT,
          fill: colours[wave] ?? MUTED,
          'data-wave': wave,
        }),
        el(
          'text',
          textAttrs(end + 4, centre, { size: TEXT.small, centred: true }),
          formatDecimal(mean, input.language),
        ),
      );
    });
    rows.push(el('g', { 'data-row': index }, nodes));
    y += rowHeight;
  });

  const axis: SvgNode[] = [];
  for (let tick = SCALE_MIN; tick <= SCALE_MAX; tick += 0.5) {
    const x = xOf(tick);
    const whole = Number.isInteger(tick);
    axis.push(el('line', { x1: x, y1: top, x2: x, y2: y + 4, stroke: GRID, 'stroke-width': 1 }));
    if (whole) {
      axis.push(
        el(
          'text',
          textAttrs(x, y + 16, { size: TEXT.small, anchor: 'middle', fill: MUTED }),
          String(tick),
        ),
      );
    }
  }
  const key = legend(
    input.waves.map((wave, index) => ({ label: wave, fill: colours[index] ?? MUTED })),
    axisLeft,
    y + 28,
    width - PAD - axisLeft,
  );

  const description = input.rows
    .map((row) => {
      const parts = input.waves.map((wave, index) => {
        const mean = row.means[index] ?? null;
        return `${wave} ${mean === null ? '–' : formatDecimal(mean, input.language)}`;
      });
      return `${row.label}: ${parts.join(', ')}.`;
    })
    .join(' ');

  return chartRoot(
    {
      id: input.id ?? 'wave-comparison',
      title: input.title,
      description,
      width,
      height: y + 28 + key.height + PAD,
    },
    [...axis, ...rows, ...key.nodes],
  );
}
