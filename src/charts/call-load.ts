/**
 * The load of the phone (clause 15.1): for each weekday and hour, the incoming calls answered,
 * missed and called back within the callback policy, missed and not, and voicemail — so that a
 * head sees when the flow is uneven and calls go unanswered.
 */
import {
  CHART_WIDTH,
  GRID,
  MUTED,
  TEXT,
  chartRoot,
  legend,
  textAttrs,
  titleHeight,
} from './layout';
import { el, type SvgNode } from './svg';

/** The counts of one unit in one hour of one weekday, as the server gives them. */
export interface LoadCounts {
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  /** 0 … 23. */
  hour: number;
  answered: number;
  missed: number;
  calledBackInTime: number;
  voicemail: number;
}

export type LoadPart = 'answered' | 'calledBackInTime' | 'notCalledBack' | 'voicemail';

/** Bottom to top in a bar. */
export const LOAD_PARTS: readonly LoadPart[] = [
  'answered',
  'calledBackInTime',
  'notCalledBack',
  'voicemail',
];

/**
 * Blue for answered, a light and a dark red for missed calls called back in time and not (dark
 * is the alarm, and the two reds stay apart in grey print), grey for voicemail.
 */
export const LOAD_COLOURS: Record<LoadPart, string> = {
  answered: '#2166ac',
  calledBackInTime: '#f4a582',
  notCalledBack: '#b2182b',
  voicemail: '#9e9e9e',
};

/** One weekday and hour with every unit's counts added up. */
export interface LoadSlot {
  weekday: number;
  hour: number;
  parts: Record<LoadPart, number>;
  total: number;
}

const WORKING_DAYS = [1, 2, 3, 4, 5];
/** The hours shown even when quiet: a working day's. */
const FIRST_HOUR = 8;
const LAST_HOUR = 17;

/**
 * The weekday × hour grid: the working days, and Saturday or Sunday only when calls came then;
 * the hours of the working day, widened to any hour with calls. Cells of several units add up.
 */
export function loadGrid(cells: readonly LoadCounts[]): {
  weekdays: number[];
  hours: number[];
  slots: LoadSlot[];
} {
  const byKey = new Map<string, LoadSlot>();
  for (const cell of cells) {
    const key = `${cell.weekday}-${cell.hour}`;
    const slot = byKey.get(key) ?? {
      weekday: cell.weekday,
      hour: cell.hour,
      parts: { answered: 0, calledBackInTime: 0, notCalledBack: 0, voicemail: 0 },
      total: 0,
    };
    // A callback in time is one of the missed calls; never more of them than were missed.
    const inTime = Math.min(cell.calledBackInTime, cell.missed);
    slot.parts.answered += cell.answered;
    slot.parts.calledBackInTime += inTime;
    slot.parts.notCalledBack += cell.missed - inTime;
    slot.parts.voicemail += cell.voicemail;
    slot.total += cell.answered + cell.missed + cell.voicemail;
    byKey.set(key, slot);
  }
  const busy = [...byKey.values()].filter((slot) => slot.total > 0);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter(
    (day) => WORKING_DAYS.includes(day) || busy.some((slot) => slot.weekday === day),
  );
  const first = Math.min(FIRST_HOUR, ...busy.map((slot) => slot.hour));
  const last = Math.max(LAST_HOUR, ...busy.map((slot) => slot.hour));
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const slots = busy.sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  return { weekdays, hours, slots };
}

export interface CallLoadInput {
  /** Prefix of the chart's ids; unique on the page. */
  id?: string;
  title: string;
  cells: readonly LoadCounts[];
  /** Monday … Sunday, short. */
  weekdayLabels: readonly [string, string, string, string, string, string, string];
  partLabels: Record<LoadPart, string>;
  /** Said when there were no calls at all. */
  emptyLabel: string;
}

const PAD = 8;
const LABEL_WIDTH = 44;
const ROW_HEIGHT = 46;

/** The chart: a row per weekday, a column per hour, a stacked bar per cell. */
export function callLoadChart(input: CallLoadInput): SvgNode {
  const width = CHART_WIDTH;
  const { weekdays, hours, slots } = loadGrid(input.cells);
  const most = Math.max(0, ...slots.map((slot) => slot.total));
  const left = PAD + LABEL_WIDTH;
  const column = (width - PAD - left) / hours.length;
  const barWidth = Math.max(4, column * 0.7);
  const top = titleHeight(input.title, width) + 18;
  const weekdayLabel = (day: number) => input.weekdayLabels[day - 1] ?? String(day);

  const body: SvgNode[] = [];
  hours.forEach((hour, index) => {
    const x = left + column * index + column / 2;
    body.push(
      el(
        'text',
        textAttrs(x, top - 6, { size: TEXT.small, anchor: 'middle', fill: MUTED }),
        String(hour),
      ),
    );
  });
  weekdays.forEach((day, row) => {
    const rowTop = top + row * ROW_HEIGHT;
    const base = rowTop + ROW_HEIGHT - 4;
    const nodes: SvgNode[] = [
      el('line', {
        x1: left,
        y1: base,
        x2: width - PAD,
        y2: base,
        stroke: GRID,
        'stroke-width': 1,
      }),
      el(
        'text',
        textAttrs(left - 8, rowTop + ROW_HEIGHT / 2, { anchor: 'end', centred: true }),
        weekdayLabel(day),
      ),
    ];
    for (const slot of slots.filter((candidate) => candidate.weekday === day)) {
      const x = left + column * hours.indexOf(slot.hour) + (column - barWidth) / 2;
      // Heights from cumulative counts, so the parts meet exactly and the bar is as tall as all.
      let below = 0;
      for (const part of LOAD_PARTS) {
        const count = slot.parts[part];
        if (count === 0) continue;
        const bottom = base - ((ROW_HEIGHT - 8) * below) / most;
        below += count;
        const topEdge = base - ((ROW_HEIGHT - 8) * below) / most;
        nodes.push(
          el('rect', {
            x,
            y: topEdge,
            width: barWidth,
            height: bottom - topEdge,
            fill: LOAD_COLOURS[part],
            'data-part': part,
          }),
        );
      }
    }
    body.push(el('g', { 'data-weekday': day }, nodes));
  });
  const gridBottom = top + weekdays.length * ROW_HEIGHT;
  if (most === 0) {
    body.push(
      el(
        'text',
        textAttrs(width / 2, top + (gridBottom - top) / 2, {
          anchor: 'middle',
          fill: MUTED,
          centred: true,
        }),
        input.emptyLabel,
      ),
    );
  }
  const key = legend(
    LOAD_PARTS.map((part) => ({ label: input.partLabels[part], fill: LOAD_COLOURS[part] })),
    left,
    gridBottom + 12,
    width - PAD - left,
  );

  return chartRoot(
    {
      id: input.id ?? 'call-load',
      title: input.title,
      description: describe(slots, input, weekdayLabel),
      width,
      height: gridBottom + 12 + key.height + PAD,
    },
    [...body, ...key.nodes],
  );
}

/** The figures in words for a screen reader: the totals and the busiest hour. */
function describe(
  slots: readonly LoadSlot[],
  input: CallLoadInput,
  weekdayLabel: (day: number) => string,
): string {
  if (slots.length === 0) return input.emptyLabel;
  const totals = LOAD_PARTS.map(
    (part) => `${input.partLabels[part]} ${slots.reduce((sum, slot) => sum + slot.parts[part], 0)}`,
  );
  const busiest = slots.reduce((best, slot) => (slot.total > best.total ? slot : best));
  return `${totals.join(', ')}. ${weekdayLabel(busiest.weekday)} ${busiest.hour}:00 — ${busiest.total}.`;
}
