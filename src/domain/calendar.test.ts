import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, hoursOn, nextWorkingDayStart, type CalendarData } from './calendar';
import type { DayKind } from './day-kinds';
import { FESTIVAL_CLOSING_DAYS, ONE_OFF_DAYS_OFF, WORKDAY_TRANSFERS } from './calendar-data';
import { DEFAULT_OPENING_HOURS } from './opening-hours';

const shipped: CalendarData = {
  oneOffDaysOff: ONE_OFF_DAYS_OFF,
  festivalClosingDays: FESTIVAL_CLOSING_DAYS,
  transfers: WORKDAY_TRANSFERS,
  followTransfers: true,
};
const calendar = createWorkingCalendar(shipped);
const withoutTransfers = createWorkingCalendar({ ...shipped, followTransfers: false });

const kindOf = (date: string): DayKind => calendar.day(date).kind;

describe('holidays of the law "Par svētku, atceres un atzīmējamām dienām"', () => {
  it.each([
    ['2018-01-01', 'Jaunais Gads'],
    ['2018-03-30', 'Lielā Piektdiena'],
    ['2018-04-01', 'Lieldienas'],
    ['2018-04-02', 'Otrās Lieldienas'],
    ['2020-05-01', 'Darba svētki'],
    ['2021-05-04', 'Latvijas Republikas Neatkarības atjaunošanas diena'],
    ['2024-06-23', 'Līgo Diena'],
    ['2024-06-24', 'Jāņi'],
    ['2026-11-18', 'Latvijas Republikas proklamēšanas diena'],
    ['2027-12-24', 'Ziemassvētku vakars'],
    ['2027-12-25', 'Ziemassvētki'],
    ['2027-12-26', 'Otrie Ziemassvētki'],
    ['2028-12-31', 'Vecgada vakars'],
    ['2025-04-18', 'Lielā Piektdiena'],
    ['2025-04-21', 'Otrās Lieldienas'],
    ['2028-04-14', 'Lielā Piektdiena'],
    ['2028-04-17', 'Otrās Lieldienas'],
  ])('%s is a holiday: %s', (date, name) => {
    expect(calendar.day(date)).toMatchObject({ kind: 'holiday', working: false });
    expect(calendar.day(date).reason?.lv).toBe(name);
    expect(calendar.day(date).reason?.en).not.toBe('');
  });

  it('names the holidays in English too', () => {
    expect(calendar.day('2025-06-24').reason?.en).toBe('Midsummer');
  });

  it('keeps ordinary weekdays and weekends as they are', () => {
    expect(calendar.day('2025-04-16')).toMatchObject({
      kind: 'working',
      working: true,
      reason: null,
    });
    expect(calendar.day('2025-04-26')).toMatchObject({ kind: 'weekend', working: false });
  });
});

describe('the weekend rule', () => {
  it.each([
    ['2018-11-18', '2018-11-19'],
    ['2019-05-04', '2019-05-06'],
    ['2020-05-04', null],
    ['2023-11-18', '2023-11-20'],
    ['2024-05-04', '2024-05-06'],
    ['2025-05-04', '2025-05-05'],
    ['2028-11-18', '2028-11-20'],
  ])('moves %s to the next working day (%s)', (holiday, dayOff) => {
    expect(kindOf(holiday)).toBe('holiday');
    if (dayOff) {
      expect(calendar.day(dayOff)).toMatchObject({ kind: 'holiday', working: false });
      expect(calendar.day(dayOff).reason?.lv).toContain(calendar.day(holiday).reason?.lv);
    }
  });

  it('moves the Song and Dance Festival closing day when it falls on a Sunday', () => {
    expect(kindOf('2018-07-08')).toBe('holiday');
    expect(kindOf('2018-07-09')).toBe('holiday');
    expect(kindOf('2023-07-09')).toBe('holiday');
    expect(kindOf('2023-07-10')).toBe('holiday');
    expect(calendar.day('2023-07-10').reason?.lv).toContain('Dziesmu un deju svētku');
  });

  it.each([
    ['2021-05-01', '2021-05-03'],
    ['2021-12-25', '2021-12-27'],
    ['2022-01-01', '2022-01-03'],
    ['2022-06-25', '2022-06-27'],
    ['2027-12-26', '2027-12-27'],
  ])('moves no other holiday: after %s, %s is a working day', (_holiday, monday) => {
    // Monday 3 May 2021 was a transferred day off; without transfers it is a working day.
    expect(withoutTransfers.day(monday).kind).toBe('working');
  });

  it('has no festival day in a year when the festival is not held', () => {
    expect(kindOf('2026-07-06')).toBe('working');
  });
});

describe('one-off days off declared by law', () => {
  it('are holidays in their year only', () => {
    expect(kindOf('2023-05-29')).toBe('holiday');
    expect(kindOf('2018-09-24')).toBe('holiday');
    expect(kindOf('2024-05-29')).toBe('working');
    expect(calendar.day('2023-05-29').reason?.lv).toContain('hokeja');
  });

  it('come from the data: without them the day is an ordinary working day', () => {
    const bare = createWorkingCalendar({ ...shipped, oneOffDaysOff: [] });
    expect(bare.day('2023-05-29').kind).toBe('working');
  });
});

describe('transferred working days', () => {
  it.each([
    ['2025-05-02', '2025-05-10'],
    ['2025-11-17', '2025-11-08'],
    ['2026-01-02', '2026-01-17'],
    ['2026-06-22', '2026-06-27'],
    ['2008-05-02', '2008-05-10'],
    ['2009-01-02', '2009-01-10'],
    ['2017-05-05', '2017-05-13'],
    ['2018-04-30', '2018-04-21'],
    ['2021-11-19', '2021-11-13'],
    ['2023-05-05', '2023-05-20'],
    ['2024-12-23', '2024-12-14'],
    ['2024-12-30', '2024-12-28'],
  ])('%s is a day off, worked on Saturday %s', (dayOff, saturday) => {
    expect(calendar.day(dayOff)).toMatchObject({ kind: 'transferred-off', working: false });
    expect(calendar.day(saturday)).toMatchObject({
      kind: 'transferred-working',
      working: true,
      replaces: dayOff,
    });
    expect(calendar.day(saturday).reason?.lv).toContain('Ministru kabineta rīkojums');
  });

  it('keep the shortened day of the day they replace (Saturdays before Christmas 2024)', () => {
    expect(calendar.day('2024-12-14').shortened).toBe(true);
    expect(calendar.day('2024-12-28').shortened).toBe(true);
  });

  it('give the festival’s Monday and the one-off days off of 2018 and 2023', () => {
    for (const date of ['2018-07-09', '2018-09-24', '2023-05-29', '2023-07-10'])
      expect(calendar.day(date).working).toBe(false);
  });

  it('are ignored by an organisation that does not follow them', () => {
    expect(withoutTransfers.day('2025-05-02')).toMatchObject({ kind: 'working', working: true });
    expect(withoutTransfers.day('2025-05-10')).toMatchObject({ kind: 'weekend', working: false });
  });
});

describe('shortened days (Labour Law, section 135)', () => {
  it.each([
    ['2025-04-17', true],
    ['2025-04-30', true],
    ['2025-12-23', true],
    ['2023-11-17', true],
    ['2026-11-17', true],
    ['2025-06-20', true],
    ['2024-06-21', true],
    ['2018-12-21', true],
    ['2018-12-28', true],
    ['2023-12-29', true],
    ['2026-06-19', true],
    ['2025-06-19', false],
    ['2026-06-26', false],
    ['2025-04-16', false],
    ['2025-05-02', false],
    ['2025-12-24', false],
  ])('%s shortened: %s', (date, shortened) => {
    expect(calendar.day(date).shortened).toBe(shortened);
  });

  it('shortens the last working day before a holiday, over a weekend and a transferred day off', () => {
    // Jāņi 2026: Monday 22 June is transferred off, so Friday 19 June is the day before.
    expect(calendar.day('2026-06-22')).toMatchObject({ working: false, shortened: false });
    expect(withoutTransfers.day('2026-06-22')).toMatchObject({ working: true, shortened: true });
    expect(withoutTransfers.day('2026-06-19').shortened).toBe(false);
  });

  it('shortens a transferred working Saturday that precedes a holiday, not the Friday', () => {
    // Were Saturday 21 June 2025 worked, it would be the last working day before Jāņi.
    const workedSaturday = createWorkingCalendar({
      ...shipped,
      transfers: [{ dayOff: '2025-06-25', workingDay: '2025-06-21', source: 'Tests' }],
    });
    expect(workedSaturday.day('2025-06-21')).toMatchObject({
      kind: 'transferred-working',
      shortened: true,
    });
    expect(workedSaturday.day('2025-06-20').shortened).toBe(false);
  });
});

describe('counting working days', () => {
  it('counts from the day after receipt: Thursday 17 April 2025 + 3 is 24 April', () => {
    expect(calendar.addWorkingDays('2025-04-17', 3)).toBe('2025-04-24');
  });

  it('passes over Christmas, New Year and a transferred day off', () => {
    expect(calendar.addWorkingDays('2025-12-23', 3)).toBe('2026-01-05');
    expect(withoutTransfers.addWorkingDays('2025-12-23', 3)).toBe('2026-01-02');
  });

  it('counts a transferred working Saturday', () => {
    expect(calendar.addWorkingDays('2025-05-09', 1)).toBe('2025-05-10');
    expect(withoutTransfers.addWorkingDays('2025-05-09', 1)).toBe('2025-05-12');
  });

  it('starts on the first working day after a receipt on a day off', () => {
    expect(calendar.nextWorkingDay('2025-04-19')).toBe('2025-04-22');
    expect(calendar.addWorkingDays('2025-04-19', 1)).toBe('2025-04-22');
  });

  it('adds nothing for 0 working days', () => {
    expect(calendar.addWorkingDays('2025-04-19', 0)).toBe('2025-04-19');
  });

  it('counts the working days between two dates as the inverse of adding them', () => {
    for (const [from, count] of [
      ['2025-04-17', 3],
      ['2025-12-23', 3],
      ['2018-07-06', 5],
      ['2023-05-26', 2],
      ['2027-12-23', 7],
    ] as const) {
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, count))).toBe(count);
    }
    expect(calendar.workingDaysBetween('2025-04-24', '2025-04-17')).toBe(0);
    expect(calendar.workingDaysBetween('2025-04-17', '2025-04-17')).toBe(0);
  });

  it('counts 249 working days in 2025', () => {
    // 365 days, 104 weekend days, 12 holidays on weekdays (5 May for 4 May among them); the two
    // transfers each take a weekday and give a Saturday.
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(249);
  });
});

describe('hours of a day', () => {
  it('gives the weekday hours, an hour shorter before a holiday, none on a day off', () => {
    expect(hoursOn(calendar, '2025-04-16', DEFAULT_OPENING_HOURS)).toEqual({
      open: '08:00',
      close: '17:00',
    });
    expect(hoursOn(calendar, '2025-04-17', DEFAULT_OPENING_HOURS)).toEqual({
      open: '08:00',
      close: '16:00',
    });
    expect(hoursOn(calendar, '2025-04-18', DEFAULT_OPENING_HOURS)).toBeNull();
    expect(hoursOn(calendar, '2025-04-19', DEFAULT_OPENING_HOURS)).toBeNull();
  });

  it('works a transferred Saturday with the hours of the day it replaces', () => {
    // Saturday 10 May 2025 is worked instead of Friday 2 May: Friday's hours.
    expect(hoursOn(calendar, '2025-05-10', DEFAULT_OPENING_HOURS)).toEqual({
      open: '08:00',
      close: '16:00',
    });
  });

  it('gives no hours on a weekday the office is closed', () => {
    expect(hoursOn(calendar, '2025-04-16', { ...DEFAULT_OPENING_HOURS, wed: null })).toBeNull();
  });
});

describe('the start of the next working day, Riga time', () => {
  it('is Monday 08:00 after a Friday evening, across the spring clock change', () => {
    // Friday 28 March 2025, 20:00 in Riga (UTC+2); Monday 31 March is summer time (UTC+3).
    const start = nextWorkingDayStart(
      calendar,
      new Date('2025-03-28T18:00:00Z'),
      DEFAULT_OPENING_HOURS,
    );
    expect(start?.toISOString()).toBe('2025-03-31T05:00:00.000Z');
  });

  it('is Monday 08:00 winter time after the autumn clock change', () => {
    const start = nextWorkingDayStart(
      calendar,
      new Date('2025-10-24T17:00:00Z'),
      DEFAULT_OPENING_HOURS,
    );
    expect(start?.toISOString()).toBe('2025-10-27T06:00:00.000Z');
  });

  it('is the same morning for a message left before opening on a working day', () => {
    const start = nextWorkingDayStart(
      calendar,
      new Date('2025-06-03T03:30:00Z'),
      DEFAULT_OPENING_HOURS,
    );
    expect(start?.toISOString()).toBe('2025-06-03T05:00:00.000Z');
  });

  it('passes over Easter', () => {
    const start = nextWorkingDayStart(
      calendar,
      new Date('2025-04-17T15:00:00Z'),
      DEFAULT_OPENING_HOURS,
    );
    expect(start?.toISOString()).toBe('2025-04-22T05:00:00.000Z');
  });
});
