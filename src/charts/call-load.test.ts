import { describe, expect, it } from 'vitest';
import { callLoadChart, loadGrid, type LoadCounts } from './call-load';
import { nodesOf, toSvgString, type SvgNode } from './svg';

const cell = (weekday: number, hour: number, counts: Partial<LoadCounts> = {}): LoadCounts => ({
  weekday,
  hour,
  answered: 0,
  missed: 0,
  calledBackInTime: 0,
  voicemail: 0,
  ...counts,
});

function chart(cells: LoadCounts[]) {
  return callLoadChart({
    id: 'load',
    title: 'Zvanu slodze',
    cells,
    weekdayLabels: ['P', 'O', 'T', 'C', 'Pk', 'S', 'Sv'],
    partLabels: {
      answered: 'Atbildēti',
      calledBackInTime: 'Atzvanīts laikā',
      notCalledBack: 'Neatzvanīts laikā',
      voicemail: 'Balss ziņas',
    },
    emptyLabel: 'Zvanu nav',
  });
}

const weekdayRow = (svg: SvgNode, weekday: number) =>
  nodesOf(svg).find((node) => node.tag === 'g' && node.attrs['data-weekday'] === weekday);
const bars = (node: SvgNode | undefined) =>
  nodesOf(node as SvgNode).filter((child) => child.attrs['data-part'] !== undefined);
const height = (node: SvgNode) => Number(node.attrs.height);

describe('loadGrid', () => {
  it('adds up the units of one hour and splits the missed calls by their callback', () => {
    const { slots } = loadGrid([
      cell(1, 9, { answered: 3, missed: 2, calledBackInTime: 1 }),
      cell(1, 9, { answered: 1, missed: 1, calledBackInTime: 1, voicemail: 1 }),
    ]);
    expect(slots).toEqual([
      {
        weekday: 1,
        hour: 9,
        parts: { answered: 4, calledBackInTime: 2, notCalledBack: 1, voicemail: 1 },
        total: 8,
      },
    ]);
  });

  it('shows the working days and hours, widened to a weekend or late hour with calls', () => {
    expect(loadGrid([]).weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(loadGrid([]).hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const grid = loadGrid([cell(6, 20, { voicemail: 1 })]);
    expect(grid.weekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(grid.hours.at(-1)).toBe(20);
  });
});

describe('callLoadChart', () => {
  it('stacks each hour’s parts in order, the busiest hour the tallest', () => {
    const svg = chart([
      cell(2, 10, { answered: 6, missed: 2, calledBackInTime: 1, voicemail: 0 }),
      cell(2, 11, { answered: 2 }),
    ]);
    const parts = bars(weekdayRow(svg, 2));
    expect(parts.map((part) => part.attrs['data-part'])).toEqual([
      'answered',
      'calledBackInTime',
      'notCalledBack',
      'answered',
    ]);
    const [answered, inTime, notInTime, quiet] = parts as [SvgNode, SvgNode, SvgNode, SvgNode];
    expect(height(answered) / height(inTime)).toBeCloseTo(6, 1);
    expect(height(notInTime)).toBeCloseTo(height(inTime), 1);
    expect(height(answered) + height(inTime) + height(notInTime)).toBeCloseTo(height(quiet) * 4, 1);
    // The parts meet: each starts where the one below ends.
    expect(Number(inTime.attrs.y) + height(inTime)).toBeCloseTo(Number(answered.attrs.y), 1);
  });

  it('names itself and tells the totals and the busiest hour in words', () => {
    const svg = chart([cell(1, 9, { answered: 5, missed: 1 }), cell(3, 14, { answered: 1 })]);
    const description = nodesOf(svg).find((node) => node.tag === 'desc')?.text;
    expect(description).toBe(
      'Atbildēti 6, Atzvanīts laikā 0, Neatzvanīts laikā 1, Balss ziņas 0. P 9:00 — 6.',
    );
    expect(toSvgString(svg)).toContain('<title id="load-title">Zvanu slodze</title>');
  });

  it('says so when there were no calls', () => {
    const svg = chart([]);
    expect(bars(svg)).toEqual([]);
    expect(nodesOf(svg).some((node) => node.text === 'Zvanu nav')).toBe(true);
  });
});
