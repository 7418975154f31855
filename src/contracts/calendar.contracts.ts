import { z } from 'zod';
import { CHANNELS, CLIENT_KINDS } from '../domain/channels';
import { DAY_KINDS } from '../domain/day-kinds';
import { DEADLINE_UNITS } from '../domain/deadlines';
import { rigaDateOf } from '../domain/riga-time';
import { IsoDate, Text, TimeOfDay, Version } from './common';
import { OpeningHours } from './units.contracts';

/** Ranges longer than this are refused: two years of days is already a long answer. */
export const MAX_RANGE_DAYS = 731;

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const CalendarDaysQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    /** The unit whose opening hours to show; without it, the organisation's standard hours. */
    unitId: z.uuid().optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'range_reversed', path: ['to'] })
  .refine((query) => daysBetween(query.from, query.to) < MAX_RANGE_DAYS, {
    message: 'range_too_long',
    path: ['to'],
  });
export type TCalendarDaysQuery = z.infer<typeof CalendarDaysQuery>;

export const DayKind = z.enum(DAY_KINDS);

export const CalendarDay = z.object({
  date: IsoDate,
  kind: DayKind,
  working: z.boolean(),
  shortened: z.boolean(),
  hours: z.object({ open: z.string(), close: z.string() }).nullable(),
  /** The holiday or the order that made the day what it is, in the language asked for. */
  reason: z.string().nullable(),
});
export type TCalendarDay = z.infer<typeof CalendarDay>;

export const CalendarDays = z.object({ days: z.array(CalendarDay) });
export type TCalendarDays = z.infer<typeof CalendarDays>;

const inYears = (instant: string) => {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return false;
  const date = rigaDateOf(new Date(time));
  return date >= '1900-01-01' && date <= '2999-12-31';
};

/** A date, or a date and time with its offset, e.g. 2025-04-17 or 2025-04-17T18:20:00+03:00. */
export const ReceivedAt = z.union(
  [
    IsoDate,
    z.iso.datetime({ offset: true, abort: true }).refine(inYears, { message: 'date_out_of_range' }),
  ],
  { message: 'invalid_date_or_datetime' },
);

export const DeadlineQuery = z
  .strictObject({
    /** When the item was received; with a time, receipt after closing counts from the next working day. */
    from: ReceivedAt,
    // Digits only: a blank or "1e2" is a mistake, not 0 or 100 working days.
    workingDays: z
      .string()
      .regex(/^\d{1,3}$/, { message: 'not_integer' })
      .transform(Number)
      .pipe(z.int().max(366))
      .optional(),
    /** A deadline policy's code instead of a number of working days. */
    policy: z.string().trim().min(1).max(60).optional(),
  })
  .refine((query) => (query.workingDays === undefined) !== (query.policy === undefined), {
    message: 'working_days_or_policy',
    path: ['workingDays'],
  });
export type TDeadlineQuery = z.infer<typeof DeadlineQuery>;

export const Deadline = z.object({
  from: z.string(),
  /** Given back when asked for by working days. */
  workingDays: z.int().optional(),
  /** Given back when asked for by a deadline policy. */
  policy: z.string().optional(),
  due: z.iso.date(),
  /** The moment the office closes on the due day, Riga time. */
  dueEnd: z.string(),
});
export type TDeadline = z.infer<typeof Deadline>;

export const CalendarSettings = z.object({
  followTransfers: z.boolean(),
  standardHours: OpeningHours,
  version: z.int(),
});
export type TCalendarSettings = z.infer<typeof CalendarSettings>;

export const UpdateCalendarSettingsBody = z.strictObject({
  followTransfers: z.boolean().optional(),
  standardHours: OpeningHours.optional(),
  version: Version,
});
export type TUpdateCalendarSettingsBody = z.infer<typeof UpdateCalendarSettingsBody>;

export const DayOffKind = z.enum(['one-off', 'festival']);

const dayOffFields = {
  date: IsoDate,
  kind: DayOffKind,
  name: Text(200),
  source: Text(300),
};
export const CreateDayOffBody = z.strictObject(dayOffFields);
export type TCreateDayOffBody = z.infer<typeof CreateDayOffBody>;
export const UpdateDayOffBody = z.strictObject({
  ...z.object(dayOffFields).partial().shape,
  version: Version,
});
export type TUpdateDayOffBody = z.infer<typeof UpdateDayOffBody>;

export const DayOff = z.object({
  id: z.uuid(),
  date: IsoDate,
  kind: DayOffKind,
  name: z.string(),
  source: z.string(),
  version: z.int(),
});
export type TDayOff = z.infer<typeof DayOff>;

const isSaturday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 6;
const isWeekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
};

const transferFields = {
  dayOff: IsoDate.refine(isWeekday, { message: 'not_a_weekday' }),
  workingDay: IsoDate.refine(isSaturday, { message: 'not_a_saturday' }),
  source: Text(300),
};
export const CreateTransferBody = z.strictObject(transferFields);
export type TCreateTransferBody = z.infer<typeof CreateTransferBody>;
export const UpdateTransferBody = z.strictObject({
  ...z.object(transferFields).partial().shape,
  version: Version,
});
export type TUpdateTransferBody = z.infer<typeof UpdateTransferBody>;

export const Transfer = z.object({
  id: z.uuid(),
  dayOff: IsoDate,
  workingDay: IsoDate,
  source: z.string(),
  version: z.int(),
});
export type TTransfer = z.infer<typeof Transfer>;

export const CalendarFactsQuery = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});

export const DayOffList = z.object({ items: z.array(DayOff) });
export const TransferList = z.object({ items: z.array(Transfer) });

export const Channel = z.enum(CHANNELS);
export const ClientKind = z.enum(CLIENT_KINDS);

const policyFields = {
  name: Text(200),
  nameEn: Text(200),
  channel: Channel.nullable().optional(),
  clientKind: ClientKind.nullable().optional(),
  caseType: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, { message: 'invalid_code' })
    .nullable()
    .optional(),
  count: z.int().min(0).max(366),
  unit: z.enum(DEADLINE_UNITS),
  afterHoursNextDay: z.boolean(),
  sameDayCutoff: TimeOfDay.nullable().optional(),
  source: Text(300),
  active: z.boolean().optional(),
};

export const CreatePolicyBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, { message: 'invalid_code' }),
  ...policyFields,
});
export type TCreatePolicyBody = z.infer<typeof CreatePolicyBody>;

export const UpdatePolicyBody = z.strictObject({
  ...z.object(policyFields).partial().shape,
  version: Version,
});
export type TUpdatePolicyBody = z.infer<typeof UpdatePolicyBody>;

export const DeadlinePolicy = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  channel: Channel.nullable(),
  clientKind: ClientKind.nullable(),
  caseType: z.string().nullable(),
  count: z.int(),
  unit: z.enum(DEADLINE_UNITS),
  afterHoursNextDay: z.boolean(),
  sameDayCutoff: z.string().nullable(),
  source: z.string(),
  active: z.boolean(),
  version: z.int(),
});
export type TDeadlinePolicy = z.infer<typeof DeadlinePolicy>;

export const DeadlinePolicyList = z.object({ items: z.array(DeadlinePolicy) });
