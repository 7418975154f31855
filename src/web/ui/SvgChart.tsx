import { createElement, useId, type ReactNode } from 'react';
import type { SvgNode } from '../../charts/svg';

/**
 * SVG attribute names as React spells them: `text-anchor` → `textAnchor`, `class` → `className`;
 * `aria-*` and `data-*` stay as they are.
 */
function reactName(name: string): string {
  if (name === 'class') return 'className';
  if (name.startsWith('aria-') || name.startsWith('data-')) return name;
  return name.replace(/[-:]([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A chart from src/charts as inline SVG, as wide as its container. Its title and description get
 * ids unique on the page, since two charts built with the same id prefix would otherwise share
 * them, and they name the image for screen readers.
 */
export function SvgChart(props: { chart: SvgNode; className?: string }) {
  const id = useId();
  const { chart } = props;
  const ids = new Map<SvgNode, string>();
  for (const child of chart.children ?? []) {
    if (child.tag === 'title' || child.tag === 'desc') ids.set(child, `${id}-${child.tag}`);
  }

  const render = (node: SvgNode, key?: number, extra: Record<string, unknown> = {}): ReactNode => {
    const attributes: Record<string, unknown> = { key };
    for (const [name, value] of Object.entries(node.attrs)) attributes[reactName(name)] = value;
    if (ids.has(node)) attributes.id = ids.get(node);
    const children =
      node.text ?? node.children?.map((child, index) => render(child, index)) ?? null;
    return createElement(node.tag, { ...attributes, ...extra }, children);
  };

  return render(chart, undefined, {
    role: 'img',
    'aria-labelledby': [...ids.values()].join(' ') || undefined,
    className: props.className,
    style: { display: 'block', width: '100%', height: 'auto' },
  });
}
