/**
 * What every chart shares: the font and its measurements, text sizes, colours, numbers written
 * as the language writes them, and the chart's frame with its accessible title and description.
 */
import { el, type SvgNode } from './svg';

export type ChartLanguage = 'lv' | 'en';

/** DejaVu Sans is the font the PDF embeds (it has the Latvian letters); browsers may fall back. */
export const FONT_FAMILY = 'DejaVu Sans, sans-serif';

/**
 * Text sizes in viewBox units. Charts are 640 units wide and printed about 170 mm wide, so 12
 * units come out near 9 pt: small but comfortable on paper, and larger on most screens.
 */
export const TEXT = { title: 15, label: 12, small: 11 } as const;

export const CHART_WIDTH = 640;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const GRID = '#d0d0d0';

// Advance widths of DejaVu Sans for the printable ASCII characters (space … tilde), in thousandths
// of an em, read from the font file. Letters with diacritics (ā, č, š …) are as wide as their
// base letter in this font, so they are measured by it.
const ASCII_WIDTHS = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const OTHER_WIDTH = 640;
/** DejaVu Sans Bold is about a tenth wider than the regular face. */
const BOLD_FACTOR = 1.1;

function charWidth(char: string): number {
  const base = char.normalize('NFD').charCodeAt(0);
  return ASCII_WIDTHS[base - 32] ?? OTHER_WIDTH;
}

/**
 * The width of a line of text in viewBox units, as DejaVu Sans sets it. Charts have no DOM to
 * measure with (they also run on the server), and a browser falling back to a narrower font only
 * leaves more room.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const char of text) thousandths += charWidth(char);
  return (thousandths / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * Words broken into lines no wider than `maxWidth`, at most `maxLines` of them; what does not fit
 * ends in an ellipsis. A single word wider than a line is cut too.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  bold = false,
): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth || current === '') current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  const kept = lines.slice(0, maxLines).map((line) => shortened(line, maxWidth, fontSize, bold));
  const last = lines[maxLines - 1];
  if (lines.length > maxLines && last !== undefined) {
    kept[maxLines - 1] = shortened(last, maxWidth, fontSize, bold, true);
  }
  return kept;
}

/** A line cut to fit with an ellipsis; `always` adds the ellipsis even when it fits. */
function shortened(
  line: string,
  maxWidth: number,
  fontSize: number,
  bold: boolean,
  always = false,
) {
  if (!always && textWidth(line, fontSize, bold) <= maxWidth) return line;
  const chars = Array.from(line);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth) {
    chars.pop();
  }
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A number with a fixed count of decimals and the language's decimal mark (Latvian writes 3,90).
 * Halves round away from zero: means are fractions such as 147/40 = 3.675, which binary floating
 * point holds as 3.67499…, and the report rounds them the way a person would.
 */
export function formatDecimal(value: number, language: ChartLanguage, decimals = 2): string {
  const text = roundHalfAway(value, decimals).toFixed(decimals);
  return language === 'lv' ? text.replace('.', ',') : text;
}

/** A number rounded to `decimals` places, halves away from zero (see formatDecimal). */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.round(Math.abs(value) * factor + 1e-9) / factor) * Math.sign(value);
}

/** The attributes that make a text node: position, size, anchor and the font. */
export function textAttrs(
  x: number,
  y: number,
  options: {
    size?: number;
    anchor?: 'start' | 'middle' | 'end';
    bold?: boolean;
    fill?: string;
    /** Vertically centred on y instead of sitting on it. */
    centred?: boolean;
  } = {},
): Record<string, string | number | undefined> {
  return {
    x,
    y,
    'font-size': options.size ?? TEXT.label,
    'text-anchor': options.anchor,
    'font-weight': options.bold ? 'bold' : undefined,
    fill: options.fill ?? INK,
    'dominant-baseline': options.centred ? 'central' : undefined,
  };
}

export interface ChartFrame {
  /** Prefix of the ids of the title and description; unique on a page. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
}

/**
 * The chart's root: a viewBox and no fixed size, so it takes the width it is given; the title is
 * both the accessible name and a visible heading, the description reads out the figures.
 */
export function chartRoot(frame: ChartFrame, body: SvgNode[]): SvgNode {
  const titleId = `${frame.id}-title`;
  const descId = `${frame.id}-desc`;
  const titleLines = wrapText(frame.title, frame.width - 16, TEXT.title, 2, true);
  return el(
    'svg',
    {
      viewBox: `0 0 ${frame.width} ${frame.height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': FONT_FAMILY,
    },
    [
      el('title', { id: titleId }, frame.title),
      el('desc', { id: descId }, frame.description),
      el('rect', { x: 0, y: 0, width: frame.width, height: frame.height, fill: '#ffffff' }),
      ...titleLines.map((line, index) =>
        el('text', textAttrs(8, 20 + index * 19, { size: TEXT.title, bold: true }), line),
      ),
      ...body,
    ],
  );
}

/** The height the chart's visible title takes, so the body can start below it. */
export function titleHeight(title: string, width: number): number {
  return 12 + wrapText(title, width - 16, TEXT.title, 2, true).length * 19;
}

/**
 * A legend of colour swatches in rows that wrap within the width; `top` is where it starts.
 * Returns the nodes and the height used.
 */
export function legend(
  items: Array<{ label: string; fill: string }>,
  left: number,
  top: number,
  width: number,
): { nodes: SvgNode[]; height: number } {
  const swatch = 12;
  const rowHeight = 18;
  const nodes: SvgNode[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    const label = shortened(item.label, width - swatch - 6, TEXT.small, false);
    const itemWidth = swatch + 6 + textWidth(label, TEXT.small) + 16;
    if (x > left && x + itemWidth > left + width) {
      x = left;
      y += rowHeight;
    }
    nodes.push(
      el('rect', {
        x,
        y,
        width: swatch,
        height: swatch,
        fill: item.fill,
      }),
      el(
        'text',
        textAttrs(x + swatch + 6, y + swatch / 2, { size: TEXT.small, centred: true }),
        label,
      ),
    );
    x += itemWidth;
  }
  return { nodes, height: items.length === 0 ? 0 : y - top + rowHeight };
}
