import { describe, expect, it } from 'vitest';
import { NARROW_CHART_WIDTH, onTimeChart, shownMonthLabels } from './control';
import { CHART_WIDTH, TEXT, textWidth } from './layout';
import { nodesOf, type SvgNode } from './svg';

const YEAR = [
  'janv. 2026',
  'febr. 2026',
  'marts 2026',
  'apr. 2026',
  'maijs 2026',
  'jūn. 2026',
  'jūl. 2026',
  'aug. 2026',
  'sept. 2026',
  'okt. 2026',
  'nov. 2026',
  'dec. 2026',
];

function chart(monthLabels: readonly string[], width?: number) {
  return onTimeChart({
    title: 'Rakstiskās atbildes laikā',
    monthLabels,
    series: [{ label: 'Visas struktūrvienības', values: monthLabels.map(() => 0.5) }],
    emptyLabel: 'Nav atbilžu',
    describe: (series, index, value) => `${series.label}: ${monthLabels[index]} ${value}`,
    ...(width === undefined ? {} : { width }),
  });
}

/** The month labels written under the plot, each with the span it takes from left to right. */
function monthLabels(svg: SvgNode) {
  return nodesOf(svg)
    .filter((node) => node.attrs['data-month'] !== undefined)
    .map((node) => {
      const half = textWidth(node.text ?? '', TEXT.small) / 2;
      const x = Number(node.attrs.x);
      return { text: node.text, left: x - half, right: x + half };
    });
}

describe('onTimeChart', () => {
  it('names every month when there is room for them', () => {
    const labels = monthLabels(chart(YEAR.slice(0, 6)));
    expect(labels.map((label) => label.text)).toEqual(YEAR.slice(0, 6));
  });

  it('on a phone names every few months, never overlapping, the latest always and whole', () => {
    for (const width of [NARROW_CHART_WIDTH, CHART_WIDTH]) {
      const labels = monthLabels(chart(YEAR, width));
      expect(labels.at(-1)?.text).toBe('dec. 2026');
      expect(labels.length).toBeGreaterThan(1);
      for (const label of labels) {
        expect(label.left).toBeGreaterThanOrEqual(0);
        expect(label.right).toBeLessThanOrEqual(width);
      }
      for (let index = 1; index < labels.length; index++) {
        expect(labels[index]?.left).toBeGreaterThan(labels[index - 1]?.right ?? Infinity);
      }
    }
  });

  it('draws a point for each month with a value, the width it is given', () => {
    const svg = chart(YEAR, NARROW_CHART_WIDTH);
    expect(svg.attrs.viewBox).toMatch(new RegExp(`^0 0 ${NARROW_CHART_WIDTH} `));
    expect(nodesOf(svg).filter((node) => node.tag === 'circle')).toHaveLength(12);
  });
});

describe('onTimeChart lines', () => {
  it('breaks the line at a month with nothing due instead of joining across it', () => {
    const svg = onTimeChart({
      title: 'Laikā',
      monthLabels: YEAR.slice(0, 5),
      series: [{ label: 'Centrs', values: [0.5, 0.6, null, 0.7, 0.8] }],
      emptyLabel: 'Nav',
      describe: () => '',
    });
    const lines = nodesOf(svg).filter((node) => node.tag === 'polyline');
    expect(lines.map((line) => String(line.attrs.points).split(' ').length)).toEqual([2, 2]);
    expect(nodesOf(svg).filter((node) => node.tag === 'circle')).toHaveLength(4);
  });
});

describe('shownMonthLabels', () => {
  it('counts back from the last label', () => {
    expect([...shownMonthLabels([50, 50, 50, 50, 50], 30)].sort((a, b) => a - b)).toEqual([
      0, 2, 4,
    ]);
    expect([...shownMonthLabels([50, 50, 50, 50], 30)].sort((a, b) => a - b)).toEqual([1, 3]);
    expect([...shownMonthLabels([50, 50, 50], 100)].sort((a, b) => a - b)).toEqual([0, 1, 2]);
  });
});
