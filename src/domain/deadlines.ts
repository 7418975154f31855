import type { WorkingCalendar } from './calendar';

/** How a deadline is counted. */
export const DEADLINE_UNITS = ['working_days', 'calendar_months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** The part of a deadline policy that decides the due date. */
export interface DeadlineRule {
  count: number;
  unit: DeadlineUnit;
  /**
   * Something received after closing time, or on a day off, counts as received on the next
   * working day.
   */
  afterHoursNextDay: boolean;
  /**
   * With a count of 0 ("the nearest possible time"): received on a working day before this
   * local time (HH:MM) it is due the same day, otherwise on the next working day.
   */
  sameDayCutoff: string | null;
}

/** When something was received, in Riga: the date, and the time when it is known. */
export interface Received {
  date: string;
  time: string | null;
}

/** The date (YYYY-MM-DD) `months` calendar months later; the 31st becomes the month's last day. */
export function addCalendarMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The day something is due. Working days count from the day after receipt (day 1 is the first
 * working day after it); a term in months that ends on a day off ends on the next working day.
 * `closingTime` tells when the office closes on a date (null on a day off).
 */
export function dueDateOf(
  calendar: WorkingCalendar,
  rule: DeadlineRule,
  received: Received,
  closingTime: (date: string) => string | null,
): string {
  let start = received.date;
  if (rule.afterHoursNextDay) {
    const closes = closingTime(start);
    const outsideHours =
      !calendar.isWorkingDay(start) ||
      (received.time !== null && (closes === null || received.time >= closes));
    if (outsideHours) start = calendar.nextWorkingDay(start);
  }
  if (rule.unit === 'calendar_months') {
    const end = addCalendarMonths(start, rule.count);
    return calendar.isWorkingDay(end) ? end : calendar.nextWorkingDay(end);
  }
  if (rule.count === 0) {
    // Moved to the next working day above, it is due that day whatever the hour it came in.
    const moved = start !== received.date;
    const inTime =
      calendar.isWorkingDay(start) &&
      (moved ||
        rule.sameDayCutoff === null ||
        received.time === null ||
        received.time < rule.sameDayCutoff);
    return inTime ? start : calendar.nextWorkingDay(start);
  }
  return calendar.addWorkingDays(start, rule.count);
}

/** What a deadline policy applies to; null means "any". */
export interface PolicyScope {
  code: string;
  active: boolean;
  channel: string | null;
  clientKind: 'external' | 'internal' | null;
  caseType: string | null;
}

// A case type says most about what is owed, then the channel, then the kind of client: a
// voicemail from a resident is due the next working day, not in three.
const SPECIFICITY = { caseType: 4, channel: 2, clientKind: 1 } as const;

/** The most specific active policy whose every stated condition the item meets. */
export function choosePolicy<P extends PolicyScope>(
  policies: readonly P[],
  item: { channel: string; clientKind: 'external' | 'internal'; caseType: string | null },
): P | null {
  let best: { policy: P; score: number } | null = null;
  for (const policy of policies) {
    if (!policy.active) continue;
    if (policy.channel !== null && policy.channel !== item.channel) continue;
    if (policy.clientKind !== null && policy.clientKind !== item.clientKind) continue;
    if (policy.caseType !== null && policy.caseType !== item.caseType) continue;
    const score =
      (policy.caseType !== null ? SPECIFICITY.caseType : 0) +
      (policy.channel !== null ? SPECIFICITY.channel : 0) +
      (policy.clientKind !== null ? SPECIFICITY.clientKind : 0);
    if (!best || score > best.score || (score === best.score && policy.code < best.policy.code)) {
      best = { policy, score };
    }
  }
  return best?.policy ?? null;
}
