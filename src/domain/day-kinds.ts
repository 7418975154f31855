// Apart from calendar.ts so that the web app can name the kinds without loading the holiday rules.

/** What a day is in the Latvian working calendar. */
export const DAY_KINDS = [
  'working',
  'weekend',
  'holiday',
  'transferred-working',
  'transferred-off',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];
