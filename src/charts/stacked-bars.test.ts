import { describe, expect, it } from 'vitest';
import type { RatingCounts } from '../domain/survey-stats';
import { stackedBarsChart, type StackedBarsInput } from './stacked-bars';
import { nodesOf, toSvgString, type SvgNode } from './svg';

const counts = (one: number, two: number, three: number, four: number, dk = 0): RatingCounts => ({
  '1': one,
  '2': two,
  '3': three,
  '4': four,
  dk,
});

function chart(rows: StackedBarsInput['rows'], language: 'lv' | 'en' = 'lv') {
  return stackedBarsChart({
    id: 'fig-1',
    title: 'Sadarbība',
    language,
    rows,
    scaleLabels: ['Ļoti slikti', 'Drīzāk slikti', 'Drīzāk labi', 'Ļoti labi'],
    dkLabel: 'Grūti pateikt',
  });
}

const rowGroup = (svg: SvgNode, index: number) =>
  nodesOf(svg).find((node) => node.tag === 'g' && node.attrs['data-row'] === index) as SvgNode;
const segments = (row: SvgNode) =>
  (row.children ?? []).filter((node) => node.attrs['data-answer'] !== undefined);
const texts = (node: SvgNode) =>
  nodesOf(node)
    .filter((child) => child.tag === 'text')
    .map((child) => child.text);
const width = (node: SvgNode) => Number(node.attrs.width);
const x = (node: SvgNode) => Number(node.attrs.x);

describe('stackedBarsChart', () => {
  it('draws segments from the best answer to "hard to say", as wide as their counts', () => {
    const svg = chart([{ label: 'Pašvaldības piemaksa', counts: counts(2, 7, 6, 2, 3) }]);
    const parts = segments(rowGroup(svg, 0));
    expect(parts.map((part) => part.attrs['data-answer'])).toEqual(['4', '3', '2', '1', 'dk']);
    const total = parts.reduce((sum, part) => sum + width(part), 0);
    const shares = parts.map((part) => width(part) / total);
    [2, 6, 7, 2, 3].forEach((count, index) => expect(shares[index]).toBeCloseTo(count / 20, 3));
    // Each segment starts where the one before ends.
    for (let index = 1; index < parts.length; index++) {
      const before = parts[index - 1] as SvgNode;
      expect(x(parts[index] as SvgNode)).toBeCloseTo(x(before) + width(before), 1);
    }
  });

  it('makes every bar the same length whatever its n', () => {
    const svg = chart([
      { label: 'A', counts: counts(0, 0, 2, 18) },
      { label: 'B', counts: counts(1, 0, 0, 0) },
    ]);
    const lengths = [0, 1].map((index) =>
      segments(rowGroup(svg, index)).reduce((sum, part) => sum + width(part), 0),
    );
    expect(lengths[0]).toBeCloseTo(lengths[1] as number, 1);
  });

  it('labels a segment with its count only when the count fits inside it', () => {
    const svg = chart([{ label: 'A', counts: counts(0, 0, 1, 99) }]);
    const row = rowGroup(svg, 0);
    expect(texts(row)).toContain('99');
    expect(texts(row)).not.toContain('1');
    expect(texts(row)).toContain('n = 100');
  });

  it('counts "hard to say" in n, since the bar shows it', () => {
    const svg = chart([{ label: 'A', counts: counts(0, 0, 0, 13, 7) }]);
    expect(texts(rowGroup(svg, 0))).toContain('n = 20');
  });

  it('draws a factor nobody answered as an empty outlined bar with n = 0', () => {
    const svg = chart([
      { label: 'Jauns faktors', counts: counts(0, 0, 0, 0) },
      { label: 'B', counts: counts(0, 0, 2, 18) },
    ]);
    const row = rowGroup(svg, 0);
    expect(segments(row)).toEqual([]);
    const outline = (row.children ?? []).find((node) => node.tag === 'rect');
    expect(outline?.attrs.fill).toBe('none');
    expect(width(outline as SvgNode)).toBeGreaterThan(0);
    expect(texts(row)).toContain('n = 0');
  });

  it('has a legend of the scale and "hard to say" in the chosen language', () => {
    const all = texts(chart([{ label: 'A', counts: counts(1, 1, 1, 1, 1) }]));
    const legend = ['Ļoti labi', 'Drīzāk labi', 'Drīzāk slikti', 'Ļoti slikti', 'Grūti pateikt'];
    const positions = legend.map((label) => all.indexOf(label));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).toContain('50 %');
    expect(texts(chart([{ label: 'A', counts: counts(1, 1, 1, 1) }], 'en'))).toContain('50%');
  });

  it('is named by its title and described by the counts, for screen readers', () => {
    const svg = chart([{ label: 'Sadarbība ar kolēģiem', counts: counts(0, 0, 2, 18) }]);
    expect(svg.attrs['aria-labelledby']).toBe('fig-1-title fig-1-desc');
    expect(svg.attrs.viewBox).toMatch(/^0 0 640 \d+(\.\d+)?$/);
    const desc = nodesOf(svg).find((node) => node.tag === 'desc');
    expect(desc?.text).toBe(
      'Sadarbība ar kolēģiem: Ļoti labi 18, Drīzāk labi 2, Drīzāk slikti 0, Ļoti slikti 0, Grūti pateikt 0; n = 20.',
    );
  });

  it('escapes labels in the SVG markup', () => {
    const markup = toSvgString(chart([{ label: 'A <b> & "c"', counts: counts(0, 0, 1, 1) }]));
    expect(markup).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(markup).not.toContain('<b>');
  });
});
