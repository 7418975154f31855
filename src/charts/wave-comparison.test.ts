import { describe, expect, it } from 'vitest';
import { nodesOf, type SvgNode } from './svg';
import { waveColours, waveComparisonChart } from './wave-comparison';

const svg = waveComparisonChart({
  id: 'waves',
  title: 'Vidējie vērtējumi',
  language: 'lv',
  waves: ['2021', '2022'],
  rows: [
    { label: 'Sadarbība ar pašvaldības kolēģiem', means: [3.76, 3.9] },
    { label: 'Jauns faktors', means: [null, 1] },
  ],
});

const row = (index: number) =>
  nodesOf(svg).find((node) => node.tag === 'g' && node.attrs['data-row'] === index) as SvgNode;
const bars = (group: SvgNode) => (group.children ?? []).filter((node) => node.tag === 'rect');
const texts = (node: SvgNode) =>
  nodesOf(node)
    .filter((child) => child.tag === 'text')
    .map((child) => child.text);

describe('waveComparisonChart', () => {
  it('draws a bar per wave from 1, as long as the mean on the 1–4 axis', () => {
    const [before, after] = bars(row(0));
    const length = (bar: SvgNode | undefined) => Number(bar?.attrs.width);
    expect(before?.attrs.x).toBe(after?.attrs.x);
    // Bars start at 1, so their lengths are in the ratio of (mean − 1).
    expect(length(before) / length(after)).toBeCloseTo(2.76 / 2.9, 2);
    expect(before?.attrs['data-wave']).toBe(0);
    expect(after?.attrs['data-wave']).toBe(1);
  });

  it('writes each mean with two decimals and the language’s decimal mark', () => {
    expect(texts(row(0))).toEqual(expect.arrayContaining(['3,76', '3,90']));
    const english = waveComparisonChart({
      title: 'Means',
      language: 'en',
      waves: ['2022'],
      rows: [{ label: 'A', means: [3.9] }],
    });
    expect(texts(english)).toContain('3.90');
  });

  it('shows a dash and no bar for a wave without answers', () => {
    const group = row(1);
    expect(bars(group)).toHaveLength(1);
    expect(texts(group)).toContain('–');
    expect(texts(group)).toContain('1,00');
  });

  it('has an axis from 1 to 4 and a legend of the waves', () => {
    const all = texts(svg);
    expect(all).toEqual(expect.arrayContaining(['1', '2', '3', '4', '2021', '2022']));
    const desc = nodesOf(svg).find((node) => node.tag === 'desc');
    expect(desc?.text).toContain('Sadarbība ar pašvaldības kolēģiem: 2021 3,76, 2022 3,90.');
    expect(desc?.text).toContain('Jauns faktors: 2021 –, 2022 1,00.');
  });
});

describe('waveColours', () => {
  it('gives each wave its own colour, the latest the darkest', () => {
    for (const count of [1, 2, 3, 5, 7]) {
      const colours = waveColours(count);
      expect(colours).toHaveLength(count);
      expect(colours[count - 1]).toBe('#08306b');
      if (count <= 5) expect(new Set(colours).size).toBe(count);
    }
  });
});
