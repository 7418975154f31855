/** The organisation's time zone: every "today" and every deadline is a date in Riga. */
export const ORGANISATION_TIME_ZONE = 'Europe/Riga';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Riga at the given instant, whatever the server's zone. */
export function rigaDateOf(instant: Date): string {
  return dateFormat.format(instant);
}

/** Whether `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ORGANISATION_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Riga's clock is ahead of UTC at the instant, in minutes (120 in winter, 180 in summer). */
export function rigaOffsetMinutes(instant: Date): number {
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(partsFormat.formatToParts(instant).find((p) => p.type === type)?.value);
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant when Riga's clocks show the date and time (HH:MM); daylight saving included. */
export function rigaInstantOf(date: string, time = '00:00'): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const firstGuess = naive - rigaOffsetMinutes(new Date(naive)) * 60_000;
  // Near a clock change the offset at the guess may differ from the offset at the naive time.
  return new Date(naive - rigaOffsetMinutes(new Date(firstGuess)) * 60_000);
}

/** The date (YYYY-MM-DD) a number of calendar days after the given one. */
export function addCalendarDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The time of day (HH:MM) in Riga at the instant. */
export function rigaTimeOf(instant: Date): string {
  const parts = partsFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('hour') ?? '00'}:${part('minute') ?? '00'}`;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * What a form's date and time field ("YYYY-MM-DDTHH:MM", as `datetime-local` gives it) means:
 * that wall-clock time in Riga, whatever zone the browser is in. Null when it is not one.
 * Every form that takes a time sends it through here, and shows one through `rigaLocalOf`.
 */
export function rigaInstantOfLocal(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match?.[1] || !match[2] || !isIsoDate(match[1])) return null;
  const [hours = 0, minutes = 0] = match[2].split(':').map(Number);
  if (hours > 23 || minutes > 59) return null;
  return rigaInstantOf(match[1], match[2]);
}

/** The instant as Riga's wall clock shows it, "YYYY-MM-DDTHH:MM", for a `datetime-local` field. */
export function rigaLocalOf(instant: Date): string {
  return `${rigaDateOf(instant)}T${rigaTimeOf(instant)}`;
}
