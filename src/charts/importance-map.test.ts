import { describe, expect, it } from 'vitest';
import {
  axisRange,
  axisTicks,
  importanceMapChart,
  type ImportanceMapInput,
  type MapChartPoint,
} from './importance-map';
import { textWidth } from './layout';
import { nodesOf, type SvgNode } from './svg';

const QUADRANTS = {
  improve: 'Jāuzlabo',
  strengthen: 'Jāstiprina',
  keep: 'Jāsaglabā',
  watch: 'Jāvēro',
} as const;

function map(points: MapChartPoint[], borders: ImportanceMapInput['borders']) {
  return importanceMapChart({
    id: 'map',
    title: 'Karte',
    language: 'lv',
    points,
    borders,
    quadrantLabels: QUADRANTS,
    axisLabels: { satisfaction: 'Apmierinātība', importance: 'Nozīmīgums' },
  });
}

const find = (svg: SvgNode, test: (node: SvgNode) => boolean) => nodesOf(svg).filter(test);
const textNode = (svg: SvgNode, text: string) =>
  find(svg, (node) => node.tag === 'text' && node.text === text)[0];

describe('axisRange', () => {
  it('zooms to data between 2.5 and 4 in quarter steps, within the scale', () => {
    expect(axisRange([2.55, 3.9, 3.45])).toEqual({ min: 2.25, max: 4, step: 0.25 });
  });

  it('uses tenths for a narrow spread, with room on both sides', () => {
    expect(axisRange([3.3, 3.95, 3.62])).toEqual({ min: 3.2, max: 4, step: 0.1 });
    expect(axisRange([3.41, 3.58])).toEqual({ min: 3.3, max: 3.7, step: 0.1 });
  });

  it('keeps at least half a step around a single value', () => {
    const range = axisRange([3]);
    expect(range.min).toBeLessThanOrEqual(3 - range.step / 2);
    expect(range.max).toBeGreaterThanOrEqual(3 + range.step / 2);
  });

  it('stays within 1–4, and shows the whole scale without data', () => {
    expect(axisRange([0.5, 4.5])).toMatchObject({ min: 1, max: 4 });
    expect(axisRange([1, 4])).toMatchObject({ min: 1, max: 4 });
    expect(axisRange([])).toEqual({ min: 1, max: 4, step: 0.5 });
  });

  it('ends on whole steps, with ticks from end to end', () => {
    for (const values of [[2.51, 3.77], [3.123, 3.456], [1.2, 2.9], [3.99]]) {
      const range = axisRange(values);
      for (const end of [range.min, range.max]) {
        expect(Math.abs(end / range.step - Math.round(end / range.step))).toBeLessThan(1e-9);
      }
      const ticks = axisTicks(range);
      expect(ticks[0]).toBe(range.min);
      expect(ticks[ticks.length - 1]).toBe(range.max);
      expect(ticks.length - 1).toBeLessThanOrEqual(12);
    }
  });
});

describe('importanceMapChart', () => {
  const borders = { importance: 3.62, satisfaction: 3.45 };

  it('puts a point that lies on both borders exactly on both lines', () => {
    const svg = map(
      [{ label: 'Uz robežas', importance: 3.62, satisfaction: 3.45, quadrant: 'strengthen' }],
      borders,
    );
    const point = find(svg, (node) => node.tag === 'circle')[0];
    const vertical = find(svg, (node) => node.attrs['data-border'] === 'satisfaction')[0];
    const horizontal = find(svg, (node) => node.attrs['data-border'] === 'importance')[0];
    expect(point?.attrs.cx).toBe(vertical?.attrs.x1);
    expect(vertical?.attrs.x1).toBe(vertical?.attrs.x2);
    expect(point?.attrs.cy).toBe(horizontal?.attrs.y1);
    expect(horizontal?.attrs.y1).toBe(horizontal?.attrs.y2);
  });

  it('places higher importance higher and higher satisfaction further right', () => {
    const svg = map(
      [
        { label: 'A', importance: 3.9, satisfaction: 2.8, quadrant: 'improve' },
        { label: 'B', importance: 3.3, satisfaction: 3.8, quadrant: 'keep' },
      ],
      borders,
    );
    const [a, b] = find(svg, (node) => node.tag === 'circle');
    expect(Number(a?.attrs.cy)).toBeLessThan(Number(b?.attrs.cy));
    expect(Number(a?.attrs.cx)).toBeLessThan(Number(b?.attrs.cx));
  });

  it('names the quadrants in their corners: improve top left, keep bottom right', () => {
    const svg = map(
      [{ label: 'A', importance: 3.5, satisfaction: 3.5, quadrant: 'watch' }],
      borders,
    );
    const [width, height] = String(svg.attrs.viewBox).split(' ').slice(2).map(Number);
    const at = (label: string) => {
      const node = textNode(svg, label);
      return { x: Number(node?.attrs.x), y: Number(node?.attrs.y) };
    };
    expect(at('Jāuzlabo').x).toBeLessThan((width as number) / 2);
    expect(at('Jāuzlabo').y).toBeLessThan((height as number) / 2);
    expect(at('Jāstiprina').x).toBeGreaterThan((width as number) / 2);
    expect(at('Jāstiprina').y).toBe(at('Jāuzlabo').y);
    expect(at('Jāsaglabā').x).toBe(at('Jāstiprina').x);
    expect(at('Jāsaglabā').y).toBeGreaterThan((height as number) / 2);
    expect(at('Jāvēro').x).toBe(at('Jāuzlabo').x);
    expect(at('Jāvēro').y).toBe(at('Jāsaglabā').y);
  });

  it('writes the axis ticks with the decimal comma', () => {
    const svg = map(
      [{ label: 'A', importance: 3.9, satisfaction: 2.55, quadrant: 'improve' }],
      borders,
    );
    // Satisfaction 2.55–3.45 in tenths, importance 3.62–3.9 in tenths.
    expect(textNode(svg, '2,5')).toBeDefined();
    expect(textNode(svg, '3,9')).toBeDefined();
    const wide = map(
      [{ label: 'A', importance: 3.9, satisfaction: 2.2, quadrant: 'improve' }],
      borders,
    );
    expect(textNode(wide, '2,25')).toBeDefined();
  });

  it('moves the label of a point crowded by another out of its neighbour’s way', () => {
    const svg = map(
      [
        { label: 'Pirmais faktors', importance: 3.8, satisfaction: 3.0, quadrant: 'improve' },
        { label: 'Otrais faktors', importance: 3.8, satisfaction: 3.02, quadrant: 'improve' },
      ],
      borders,
    );
    const box = (label: string) => {
      const node = textNode(svg, label) as SvgNode;
      const x = Number(node.attrs.x);
      const y = Number(node.attrs.y);
      const width = textWidth(label, Number(node.attrs['font-size']));
      const anchor = node.attrs['text-anchor'];
      const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      return { left, right: left + width, top: y - 7, bottom: y + 7 };
    };
    const first = box('Pirmais faktors');
    const second = box('Otrais faktors');
    const apart =
      first.right <= second.left ||
      second.right <= first.left ||
      first.bottom <= second.top ||
      second.bottom <= first.top;
    expect(apart).toBe(true);
  });

  it('draws no border line where there is no border', () => {
    const svg = map([{ label: 'A', importance: 3.5, satisfaction: 3.5, quadrant: 'strengthen' }], {
      importance: null,
      satisfaction: null,
    });
    expect(find(svg, (node) => node.attrs['data-border'] !== undefined)).toEqual([]);
  });

  it('describes the borders and each point with its quadrant', () => {
    const svg = map(
      [{ label: 'Datorsistēma', importance: 3.95, satisfaction: 2.85, quadrant: 'improve' }],
      borders,
    );
    const desc = find(svg, (node) => node.tag === 'desc')[0];
    expect(desc?.text).toBe(
      'Kvadrantu robežas: Nozīmīgums 3,62, Apmierinātība 3,45. Datorsistēma: Apmierinātība 2,85, Nozīmīgums 3,95, Jāuzlabo.',
    );
  });
});
