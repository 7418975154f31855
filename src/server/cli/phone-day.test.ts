import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../domain/calls';
import {
  DAY_SECONDS,
  DEFAULT_CALLS,
  latvianNumber,
  planDay,
  randomSequence,
  tally,
} from './phone-day';

const lines = [
  { number: '+371 67000010', informationLine: true },
  { number: '+371 67000020', informationLine: false },
  { number: '+371 67000030', informationLine: false },
];

describe('the simulated day of calls', () => {
  it('is the same day for the same seed, and another for another', () => {
    expect(planDay({ seed: 7, lines })).toEqual(planDay({ seed: 7, lines }));
    expect(planDay({ seed: 8, lines })).not.toEqual(planDay({ seed: 7, lines }));
  });

  it('has the calls asked for, in order, inside the office day, each with its own id', () => {
    const day = planDay({ seed: 1, lines, calls: 500, callIdPrefix: 'run' });
    expect(day).toHaveLength(500);
    expect(planDay({ seed: 1, lines })).toHaveLength(DEFAULT_CALLS);
    const starts = day.map((call) => call.startSecond);
    expect(starts).toEqual(starts.toSorted((a, b) => a - b));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...starts)).toBeLessThan(DAY_SECONDS);
    expect(new Set(day.map((call) => call.callId)).size).toBe(500);
    expect(day[0]?.callId).toBe('run-1');
  });

  it('is busier in the late morning than at lunch or before closing', () => {
    const day = planDay({ seed: 3, lines, calls: 2000 });
    const inHour = (hour: number) =>
      day.filter((call) => Math.floor(call.startSecond / 3600) === hour).length;
    // 10:00–11:00 against 12:00–13:00 and 16:00–17:00.
    expect(inHour(2)).toBeGreaterThan(inHour(4) * 1.5);
    expect(inHour(2)).toBeGreaterThan(inHour(8) * 1.5);
  });

  it('ends most calls answered, some missed in every way, and leaves voicemail on the information line only', () => {
    const day = planDay({ seed: 11, lines, calls: 1000, menuKeys: ['1', '2'] });
    const counts = tally(day);
    expect(counts.answered + counts.transferred).toBeGreaterThan(600);
    for (const outcome of ['cancelled', 'no_answer', 'busy', 'voicemail', 'transferred'] as const) {
      expect(counts[outcome]).toBeGreaterThan(0);
    }
    const voicemail = day.filter((call) => call.outcome === 'voicemail');
    expect(new Set(voicemail.map((call) => call.to))).toEqual(new Set(['+371 67000010']));
    expect(voicemail.some((call) => call.menuKey === '1')).toBe(true);
    expect(voicemail.some((call) => call.menuKey === null)).toBe(true);
    expect(
      day.filter((call) => call.outcome !== 'voicemail').every((c) => c.menuKey === null),
    ).toBe(true);
  });

  it('has no voicemail when no line is the information line', () => {
    const day = planDay({ seed: 11, lines: lines.slice(1), calls: 1000 });
    expect(tally(day).voicemail).toBe(0);
  });

  it('talks only on answered calls, and rings no longer than an exchange waits', () => {
    for (const call of planDay({ seed: 5, lines, calls: 1000 })) {
      const answered = call.outcome === 'answered' || call.outcome === 'transferred';
      expect(call.talkSeconds > 0).toBe(answered);
      expect(call.ringSeconds).toBeLessThanOrEqual(35);
      if (!answered) expect(call.pickUp).toBe(0);
    }
  });

  it('calls from Latvian numbers, some callers twice', () => {
    const day = planDay({ seed: 9, lines, calls: 300 });
    for (const call of day) expect(normalisePhone(call.from)).toMatch(/^\+371[26][0-9]{7}$/);
    const callers = new Set(day.map((call) => normalisePhone(call.from)));
    expect(callers.size).toBeLessThan(day.length);
    expect(callers.size).toBeGreaterThan(day.length * 0.7);
  });

  it('writes numbers as exchanges do: with the country code, spaced or not, or bare', () => {
    const next = randomSequence(2);
    const numbers = Array.from({ length: 200 }, () => latvianNumber(next));
    expect(numbers.some((n) => /^\+371 [26]\d \d{3} \d{3}$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^\+371[26]\d{7}$/.test(n))).toBe(true);
    expect(numbers.some((n) => /^[26]\d{7}$/.test(n))).toBe(true);
  });

  it('refuses a day without lines', () => {
    expect(() => planDay({ seed: 1, lines: [] })).toThrow(/line/);
  });
});
