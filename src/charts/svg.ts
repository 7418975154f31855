/**
 * A tiny SVG tree: the charts build it once, the web app renders it as React elements and the
 * server serialises it for the PDF, so a chart cannot look different in the two places.
 */

export interface SvgNode {
  tag: string;
  /** Attribute names as in SVG markup (`text-anchor`, not `textAnchor`). */
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  /** Text content; a node has either text or children. */
  text?: string;
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * A node; `content` is its children or its text. Attributes left undefined are dropped, and
 * numbers are rounded to hundredths of a unit: finer is invisible, and floating-point tails such
 * as 120.00000000000001 would only bloat the markup, in the web app and the PDF alike.
 */
export function el(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  content?: SvgNode[] | string,
): SvgNode {
  const defined: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) defined[name] = typeof value === 'number' ? hundredths(value) : value;
  }
  if (typeof content === 'string') return { tag, attrs: defined, text: content };
  return content ? { tag, attrs: defined, children: content } : { tag, attrs: defined };
}

function hundredths(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** An attribute's value as markup writes it; numbers in hundredths, as `el` keeps them. */
export function formatAttribute(value: string | number): string {
  return typeof value === 'string' ? value : String(hundredths(value));
}

// Characters XML 1.0 forbids even escaped; a pasted label could carry one and break the parser
// of whoever reads the SVG (svg-to-pdfkit, a browser), so they are dropped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Standalone SVG markup; the root `svg` gets the namespace if it lacks one. */
export function toSvgString(node: SvgNode): string {
  const root =
    node.tag === 'svg' && !('xmlns' in node.attrs)
      ? { ...node, attrs: { xmlns: SVG_NAMESPACE, ...node.attrs } }
      : node;
  return serialise(root);
}

function serialise(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(formatAttribute(value))}"`)
    .join('');
  const inner =
    node.text !== undefined
      ? escapeXml(node.text)
      : (node.children ?? []).map((child) => serialise(child)).join('');
  return inner === '' ? `<${node.tag}${attrs}/>` : `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** The width and height of a chart's viewBox, to size it where it is placed. */
export function viewBoxSize(node: SvgNode): { width: number; height: number } {
  const parts = String(node.attrs.viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , width = NaN, height = NaN] = parts;
  if (parts.length !== 4 || !(width > 0) || !(height > 0)) {
    throw new Error(`Not a chart: the ${node.tag} has no usable viewBox.`);
  }
  return { width, height };
}

/** Every node of a tree, depth first, the node itself first: to look things up in a chart. */
export function nodesOf(node: SvgNode): SvgNode[] {
  return [node, ...(node.children ?? []).flatMap((child) => nodesOf(child))];
}
