import Holidays from 'date-holidays';
import type { DayKind } from './day-kinds';
import { WEEKDAYS, type DayHours, type OpeningHours } from './opening-hours';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from './riga-time';

/** A reason in both languages of the product. */
export interface Reason {
  lv: string;
  en: string;
}

/** A day off declared by law for one year only, or a Song and Dance Festival closing day. */
export interface LegalDayOff {
  date: string;
  name: string;
  /** The legal act that declared it. */
  source: string;
}

/** A Cabinet order moving a working day (a weekday) to a Saturday. */
export interface WorkdayTransfer {
  /** The weekday that becomes a day off. */
  dayOff: string;
  /** The Saturday that becomes a working day instead. */
  workingDay: string;
  source: string;
}

/** What the law's fixed rules do not say: shipped as data and extended by an administrator. */
export interface CalendarData {
  oneOffDaysOff: readonly LegalDayOff[];
  /** Closing days of the general Latvian Song and Dance Festival, in the years it is held. */
  festivalClosingDays: readonly LegalDayOff[];
  transfers: readonly WorkdayTransfer[];
  /**
   * Whether the organisation follows the Cabinet's transfers: they bind state institutions and
   * are only recommended to municipalities.
   */
  followTransfers: boolean;
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  working: boolean;
  /** The last working day before a holiday: one hour shorter (Labour Law, section 135). */
  shortened: boolean;
  /** The holiday or order that made the day what it is; null for ordinary days. */
  reason: Reason | null;
  /** For a transferred working Saturday: the weekday it is worked instead of. */
  replaces: string | null;
}

export interface WorkingCalendar {
  day(date: string): CalendarDay;
  isWorkingDay(date: string): boolean;
  /** The first working day after the date. */
  nextWorkingDay(date: string): string;
  /** The date `count` working days after `date`: day 1 is the first working day after it. */
  addWorkingDays(date: string, count: number): string;
  /** How many working days come after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number;
}

/** The holidays whose day off moves to the next working day when they fall on a weekend. */
const MOVING_HOLIDAY_RULES = new Set(['05-04', '11-18']);

const FESTIVAL: Reason = {
  lv: 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena',
  en: 'Closing day of the Latvian Song and Dance Festival',
};

interface StatutoryHoliday {
  date: string;
  reason: Reason;
  moves: boolean;
}

const latvian = new Holidays('LV', { languages: ['lv'] });
const statutoryByYear = new Map<number, StatutoryHoliday[]>();
const english = new Holidays('LV', { languages: ['en'] });

/**
 * The recurring holidays of the law "Par svētku, atceres un atzīmējamām dienām" in a year, from
 * date-holidays: public holidays only, without its own substitute days (the weekend rule is
 * applied here) and without its one-off days (those are data with their legal source).
 */
function statutoryHolidays(year: number): StatutoryHoliday[] {
  // The same for every calendar built (each reading of the calendar data builds one).
  const known = statutoryByYear.get(year);
  if (known) return known;
  const names = new Map(english.getHolidays(year).map((h) => [`${h.date}|${h.rule}`, h.name]));
  const holidays = latvian
    .getHolidays(year)
    .filter((h) => h.type === 'public' && !h.substitute && !/^\d{4}-/.test(h.rule))
    .map((h) => ({
      date: h.date.slice(0, 10),
      reason: { lv: h.name, en: names.get(`${h.date}|${h.rule}`) ?? h.name },
      moves: MOVING_HOLIDAY_RULES.has(h.rule.slice(0, 5)),
    }));
  statutoryByYear.set(year, holidays);
  return holidays;
}

const isWeekend = (date: string): boolean => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** The weekday of a date as opening hours name it. */
export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  // getUTCDay counts from Sunday; WEEKDAYS from Monday.
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] as (typeof WEEKDAYS)[number];
}

/** The Latvian working calendar: the law's holidays, the weekend rule, transfers and one-off days. */
export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const transfers = data.followTransfers ? data.transfers : [];
  const transferredOff = new Map(transfers.map((t) => [t.dayOff, t]));
  const transferredWorking = new Map(transfers.map((t) => [t.workingDay, t]));
  const years = new Map<number, Map<string, Reason>>();

  /** Every day off by law in a year, the weekend rule applied: date → reason. */
  function holidaysOf(year: number): Map<string, Reason> {
    const known = years.get(year);
    if (known) return known;
    const holidays = new Map<string, Reason>();
    const moving: Array<{ date: string; reason: Reason }> = [];
    for (const holiday of statutoryHolidays(year)) {
      holidays.set(holiday.date, holiday.reason);
      if (holiday.moves) moving.push(holiday);
    }
    for (const festival of data.festivalClosingDays) {
      if (festival.date.startsWith(`${year}-`)) {
        holidays.set(festival.date, FESTIVAL);
        moving.push({ date: festival.date, reason: FESTIVAL });
      }
    }
    for (const day of data.oneOffDaysOff) {
      if (day.date.startsWith(`${year}-`)) {
        holidays.set(day.date, { lv: day.name, en: day.name });
      }
    }
    // A moving holiday on a Saturday or Sunday gives the next working day off.
    for (const { date, reason } of moving) {
      if (!isWeekend(date)) continue;
      let next = addCalendarDays(date, 1);
      while (isWeekend(next) || holidays.has(next)) next = addCalendarDays(next, 1);
      holidays.set(next, {
        lv: `${reason.lv} (pārceltā brīvdiena)`,
        en: `${reason.en} (day off moved from the weekend)`,
      });
    }
    years.set(year, holidays);
    return holidays;
  }

  const holidayOn = (date: string): Reason | undefined =>
    holidaysOf(Number(date.slice(0, 4))).get(date) ??
    // The weekend rule can carry a late-December holiday into the next year.
    holidaysOf(Number(date.slice(0, 4)) - 1).get(date);

  function kindOf(date: string): Omit<CalendarDay, 'shortened'> {
    const holiday = holidayOn(date);
    if (holiday) return { date, kind: 'holiday', working: false, reason: holiday, replaces: null };
    const off = transferredOff.get(date);
    if (off) {
      return {
        date,
        kind: 'transferred-off',
        working: false,
        reason: { lv: off.source, en: off.source },
        replaces: null,
      };
    }
    const worked = transferredWorking.get(date);
    if (worked) {
      return {
        date,
        kind: 'transferred-working',
        working: true,
        reason: { lv: worked.source, en: worked.source },
        replaces: worked.dayOff,
      };
    }
    if (isWeekend(date))
      return { date, kind: 'weekend', working: false, reason: null, replaces: null };
    return { date, kind: 'working', working: true, reason: null, replaces: null };
  }

  /**
   * Whether a holiday comes before the next working day: the last working day before a holiday
   * is the one shortened, so the Friday before a Monday holiday is, and so is a working Saturday.
   */
  function holidayComesNext(date: string): boolean {
    for (let next = addCalendarDays(date, 1); ; next = addCalendarDays(next, 1)) {
      if (holidayOn(next)) return true;
      if (kindOf(next).working) return false;
    }
  }

  function day(date: string): CalendarDay {
    const base = kindOf(date);
    // A worked Saturday keeps the pre-holiday status of the day it replaces when a holiday
    // follows that day directly: the one for Monday 23 December is shortened like it would be.
    const shortened =
      base.working &&
      (holidayComesNext(date) ||
        (base.replaces !== null && holidayOn(addCalendarDays(base.replaces, 1)) !== undefined));
    return { ...base, shortened };
  }

  const isWorkingDay = (date: string) => kindOf(date).working;

  function nextWorkingDay(date: string): string {
    let next = addCalendarDays(date, 1);
    while (!isWorkingDay(next)) next = addCalendarDays(next, 1);
    return next;
  }

  return {
    day,
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays(date, count) {
      let due = date;
      for (let n = 0; n < count; n += 1) due = nextWorkingDay(due);
      return due;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
        if (isWorkingDay(date)) count += 1;
      }
      return count;
    },
  };
}

const MINUTES_PER_HOUR = 60;

function minusOneHour(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const total = hours * MINUTES_PER_HOUR + minutes - MINUTES_PER_HOUR;
  return `${String(Math.floor(total / MINUTES_PER_HOUR)).padStart(2, '0')}:${String(total % MINUTES_PER_HOUR).padStart(2, '0')}`;
}

/**
 * A day's hours under the given weekly hours: none on a day off; a transferred working Saturday
 * keeps the hours of the weekday it replaces; a shortened day closes an hour earlier.
 */
export function hoursOn(
  calendar: WorkingCalendar,
  date: string,
  weekly: OpeningHours,
): DayHours | null {
  const day = calendar.day(date);
  if (!day.working) return null;
  const hours = weekly[weekdayOf(day.replaces ?? date)];
  if (!hours) return null;
  if (!day.shortened) return hours;
  const close = minusOneHour(hours.close);
  return close > hours.open ? { open: hours.open, close } : hours;
}

/**
 * The first moment after the instant when the office opens on a working day: where after-hours
 * voicemail goes at the start of the next working day. Looks at most a year ahead.
 */
export function nextWorkingDayStart(
  calendar: WorkingCalendar,
  instant: Date,
  weekly: OpeningHours,
): Date | null {
  let date = rigaDateOf(instant);
  for (let n = 0; n < 366; n += 1, date = addCalendarDays(date, 1)) {
    const hours = hoursOn(calendar, date, weekly);
    if (!hours) continue;
    const opens = rigaInstantOf(date, hours.open);
    if (opens.getTime() > instant.getTime()) return opens;
  }
  return null;
}
