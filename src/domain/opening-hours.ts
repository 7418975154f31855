/** Weekdays in the order a Latvian week is shown: Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A day's hours in local (Riga) time, "HH:MM". */
export interface DayHours {
  open: string;
  close: string;
}

/** Opening hours per weekday; null means closed that day. */
export type OpeningHours = Record<Weekday, DayHours | null>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether the text is a time of day written HH:MM (24-hour clock). */
export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** Whether the day's hours open before they close. */
export function opensBeforeCloses(hours: DayHours): boolean {
  return hours.open < hours.close;
}

/** The usual hours of a Latvian municipal office: 8:00–17:00 Monday to Thursday, 16:00 Friday. */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  mon: { open: '08:00', close: '17:00' },
  tue: { open: '08:00', close: '17:00' },
  wed: { open: '08:00', close: '17:00' },
  thu: { open: '08:00', close: '17:00' },
  fri: { open: '08:00', close: '16:00' },
  sat: null,
  sun: null,
};
