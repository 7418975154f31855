/**
 * The day of calls the simulated exchange plays (`apkalpo phone simulate`): when each call comes,
 * from which number, to which line, and how it ends. Pure: the same seed gives the same day, so
 * a test can count on it and a demo can be replayed.
 */

/** How a planned call ends, as an exchange would report it. */
export const CALL_OUTCOMES = [
  'answered',
  'transferred',
  'cancelled',
  'no_answer',
  'busy',
  'voicemail',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface PlanLine {
  number: string;
  /** The free information line: its callers may leave a voicemail after choosing a topic. */
  informationLine: boolean;
}

export interface PlannedCall {
  /** The exchange's id of the call, unique in the run. */
  callId: string;
  /** Seconds after the office opens. */
  startSecond: number;
  /** The caller's number, written as exchanges variously write it. */
  from: string;
  /** The line called. */
  to: string;
  outcome: CallOutcome;
  /** Ringing until picked up, given up or sent to voicemail. */
  ringSeconds: number;
  /** Talking after the answer (0 when not answered). */
  talkSeconds: number;
  /** Which of the extensions the route gives picks up: 0 the first. */
  pickUp: number;
  /** The topic chosen in the information line's menu before a voicemail. */
  menuKey: string | null;
}

export interface DayPlanOptions {
  seed: number;
  lines: readonly PlanLine[];
  /** Calls in the day (default: a working day of a municipality's lines, 120). */
  calls?: number;
  /** The menu keys of the information line's topics; none: voicemail goes to triage. */
  menuKeys?: readonly string[];
  /** The start of every call id (default `sim-<seed>`); a run of its own needs its own. */
  callIdPrefix?: string;
}

/** The office day the plan covers: 08:00 to 17:00. */
export const DAY_SECONDS = 9 * 3600;
export const DEFAULT_CALLS = 120;

/**
 * Calls in each hour from 08:00, in proportion: a peak in the morning, a dip at lunch and a
 * second, lower peak after it, the uneven flow issue 15's load chart is there to show.
 */
const HOUR_WEIGHTS = [9, 15, 16, 12, 7, 11, 13, 10, 7] as const;

/** How calls end, in proportion: most are answered, about one in five is missed. */
const OUTCOME_WEIGHTS: ReadonlyArray<readonly [CallOutcome, number]> = [
  ['answered', 66],
  ['transferred', 6],
  ['cancelled', 10],
  ['no_answer', 8],
  ['busy', 5],
  ['voicemail', 5],
];

/** The share of calls from someone who called earlier the same day (trying again after a miss). */
const REPEAT_SHARE = 0.12;

/** Pseudo-random numbers in [0, 1) (mulberry32). */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(next: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const between = (next: () => number, min: number, max: number) =>
  min + Math.floor(next() * (max - min + 1));

/**
 * A Latvian caller's number: three in four a mobile (2x xxx xxx), else a landline
 * (6x xxx xxx); written with the country code and spaces, without spaces, or as the bare eight
 * digits many exchanges send for a domestic caller.
 */
export function latvianNumber(next: () => number): string {
  const first = next() < 0.75 ? '2' : '6';
  const digits = first + Array.from({ length: 7 }, () => between(next, 0, 9)).join('');
  const style = next();
  if (style < 0.5) return `+371 ${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
  if (style < 0.85) return `+371${digits}`;
  return digits;
}

/** Talk time in seconds: most calls a few minutes, a few long ones (about 30 s to 15 min). */
function talkTime(next: () => number): number {
  // The product of two uniforms leans to the short end, as call lengths do.
  return Math.round(30 + 870 * next() * next());
}

function ringTime(next: () => number, outcome: CallOutcome): number {
  switch (outcome) {
    case 'answered':
    case 'transferred':
      return between(next, 3, 25);
    case 'cancelled':
      return between(next, 2, 15);
    case 'no_answer':
      // Exchanges usually give up after 30 seconds of ringing.
      return between(next, 30, 35);
    case 'busy':
      return 0;
    case 'voicemail':
      return between(next, 20, 30);
  }
}

/**
 * A day of calls spread over the office hours by HOUR_WEIGHTS, in the order they come. Voicemail
 * is left on the information line only (a unit's own line has no menu to route it by); a plan
 * without an information line has none.
 */
export function planDay(options: DayPlanOptions): PlannedCall[] {
  const { seed, lines } = options;
  const count = options.calls ?? DEFAULT_CALLS;
  if (lines.length === 0) throw new Error('A day of calls needs at least one line.');
  if (!Number.isSafeInteger(count) || count < 0) throw new Error('The calls must be 0 or more.');
  const next = randomSequence(seed);
  const hourWeights = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const);
  const informationLine = lines.find((line) => line.informationLine);
  const menuKeys = options.menuKeys ?? [];
  const starts = Array.from({ length: count }, () => {
    const hour = weighted(next, hourWeights);
    return hour * 3600 + Math.floor(next() * 3600);
  }).sort((a, b) => a - b);

  const callers: string[] = [];
  return starts.map((startSecond, index) => {
    const repeat = callers.length > 0 && next() < REPEAT_SHARE;
    const from = repeat
      ? (callers[Math.floor(next() * callers.length)] as string)
      : latvianNumber(next);
    if (!repeat) callers.push(from);
    let outcome = weighted(next, OUTCOME_WEIGHTS);
    if (outcome === 'voicemail' && !informationLine) outcome = 'no_answer';
    const line =
      outcome === 'voicemail' && informationLine
        ? informationLine
        : (lines[Math.floor(next() * lines.length)] as PlanLine);
    const answered = outcome === 'answered' || outcome === 'transferred';
    return {
      callId: `${options.callIdPrefix ?? `sim-${seed}`}-${index + 1}`,
      startSecond,
      from,
      to: line.number,
      outcome,
      ringSeconds: ringTime(next, outcome),
      talkSeconds: answered ? talkTime(next) : 0,
      // Usually the first one rung picks up; sometimes they are slow and the next one does.
      pickUp: answered && next() < 0.2 ? 1 : 0,
      menuKey:
        outcome === 'voicemail' && menuKeys.length > 0 && next() < 0.7
          ? (menuKeys[Math.floor(next() * menuKeys.length)] as string)
          : null,
    };
  });
}

/** What the day comes to, for the summary the command prints. */
export function tally(calls: readonly PlannedCall[]): Record<CallOutcome, number> {
  const counts = Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    CallOutcome,
    number
  >;
  for (const call of calls) counts[call.outcome] += 1;
  return counts;
}
