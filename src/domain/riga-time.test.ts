import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  isIsoDate,
  rigaDateOf,
  rigaInstantOf,
  rigaInstantOfLocal,
  rigaLocalOf,
  rigaOffsetMinutes,
} from './riga-time';

describe('rigaDateOf', () => {
  it('is already tomorrow in Riga late in the UTC evening (winter, UTC+2)', () => {
    expect(rigaDateOf(new Date('2026-01-14T21:59:59Z'))).toBe('2026-01-14');
    expect(rigaDateOf(new Date('2026-01-14T22:00:00Z'))).toBe('2026-01-15');
  });

  it('turns the date at 21:00 UTC in summer (UTC+3)', () => {
    expect(rigaDateOf(new Date('2025-07-01T20:59:59Z'))).toBe('2025-07-01');
    expect(rigaDateOf(new Date('2025-07-01T21:00:00Z'))).toBe('2025-07-02');
  });

  it('crosses the year in Riga before it does in UTC', () => {
    expect(rigaDateOf(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
  });

  it('gives the same date as UTC in the middle of the day', () => {
    expect(rigaDateOf(new Date('2025-03-30T12:00:00Z'))).toBe('2025-03-30');
  });
});

describe('rigaOffsetMinutes', () => {
  it('is 120 in winter and 180 in summer', () => {
    expect(rigaOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(120);
    expect(rigaOffsetMinutes(new Date('2025-07-15T12:00:00Z'))).toBe(180);
  });

  it('changes at 01:00 UTC on the last Sunday of March and of October', () => {
    expect(rigaOffsetMinutes(new Date('2025-03-30T00:59:59Z'))).toBe(120);
    expect(rigaOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(180);
    expect(rigaOffsetMinutes(new Date('2025-10-26T00:59:59.999Z'))).toBe(180);
    expect(rigaOffsetMinutes(new Date('2025-10-26T01:00:00Z'))).toBe(120);
  });
});

describe('rigaInstantOf', () => {
  it('gives Riga midnight in winter and in summer', () => {
    expect(rigaInstantOf('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(rigaInstantOf('2025-07-15').toISOString()).toBe('2025-07-14T21:00:00.000Z');
  });

  it('gets the day clocks go forward (2025-03-30) right on both sides of the change', () => {
    expect(rigaInstantOf('2025-03-30', '00:00').toISOString()).toBe('2025-03-29T22:00:00.000Z');
    expect(rigaInstantOf('2025-03-30', '02:59').toISOString()).toBe('2025-03-30T00:59:00.000Z');
    expect(rigaInstantOf('2025-03-30', '04:00').toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(rigaInstantOf('2025-03-30', '12:00').toISOString()).toBe('2025-03-30T09:00:00.000Z');
    expect(rigaInstantOf('2025-03-31').toISOString()).toBe('2025-03-30T21:00:00.000Z');
  });

  it('gets the day clocks go back (2025-10-26) right on both sides of the change', () => {
    expect(rigaInstantOf('2025-10-26', '00:00').toISOString()).toBe('2025-10-25T21:00:00.000Z');
    expect(rigaInstantOf('2025-10-26', '04:00').toISOString()).toBe('2025-10-26T02:00:00.000Z');
    expect(rigaInstantOf('2025-10-26', '12:00').toISOString()).toBe('2025-10-26T10:00:00.000Z');
    expect(rigaInstantOf('2025-10-27').toISOString()).toBe('2025-10-26T22:00:00.000Z');
  });

  it('makes days 23 and 25 hours long when the clocks change', () => {
    const hours = (from: string, to: string) =>
      (rigaInstantOf(to).getTime() - rigaInstantOf(from).getTime()) / 3_600_000;
    expect(hours('2025-03-30', '2025-03-31')).toBe(23);
    expect(hours('2025-10-26', '2025-10-27')).toBe(25);
    expect(hours('2025-06-10', '2025-06-11')).toBe(24);
  });

  it('gives an instant on the same Riga date, at any time of day, every day for three years', () => {
    let date = '2024-01-01';
    const wrong: string[] = [];
    while (date < '2027-01-01') {
      for (const time of ['00:00', '01:30', '12:00', '23:59']) {
        if (rigaDateOf(rigaInstantOf(date, time)) !== date) wrong.push(`${date} ${time}`);
      }
      date = addCalendarDays(date, 1);
    }
    expect(wrong).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it('takes real dates written YYYY-MM-DD, 29 February of a leap year included', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuses days that do not exist', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
  });

  it('refuses other ways of writing a date', () => {
    for (const value of [
      '2025-1-05',
      '05.01.2025',
      '2025/01/05',
      '20250105',
      '2025-01-05T00:00',
      '',
    ])
      expect(isIsoDate(value)).toBe(false);
  });
});

describe('addCalendarDays', () => {
  it('crosses the end of a month, of February in leap and common years, and of the year', () => {
    expect(addCalendarDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('goes backwards with a negative number and stays put with zero', () => {
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-06-15', 0)).toBe('2025-06-15');
  });

  it('counts whole days across a daylight-saving change', () => {
    expect(addCalendarDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addCalendarDays('2025-10-25', 2)).toBe('2025-10-27');
  });

  it('adds a year of days', () => {
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
  });
});

describe('a form’s date and time, read as Riga time in a browser elsewhere', () => {
  // A clerk's laptop set to New York: the browser's own reading of the field would be wrong.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the Riga wall-clock time, not the browser’s', () => {
    expect(new Date('2026-03-10T14:30').toISOString()).toBe('2026-03-10T18:30:00.000Z');
    expect(rigaInstantOfLocal('2026-03-10T14:30')?.toISOString()).toBe('2026-03-10T12:30:00.000Z');
    expect(rigaInstantOfLocal('2026-07-10T14:30')?.toISOString()).toBe('2026-07-10T11:30:00.000Z');
  });

  it('reads the hour after the clocks go forward in Riga right', () => {
    expect(rigaInstantOfLocal('2026-03-29T04:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(rigaInstantOfLocal('2026-03-29T02:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
  });

  it('shows an instant back as the Riga wall clock, the way it was entered', () => {
    for (const local of ['2026-01-02T08:15', '2026-06-30T23:45', '2026-10-25T12:00'])
      expect(rigaLocalOf(rigaInstantOfLocal(local) ?? new Date(0))).toBe(local);
    expect(rigaLocalOf(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01T00:30');
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['', '2026-02-30T10:00', '2026-03-10 10:00', '2026-03-10T24:00', 'x'])
      expect(rigaInstantOfLocal(value)).toBeNull();
  });
});
