import { z } from 'zod';
import { WEEKDAYS, opensBeforeCloses, type Weekday } from '../domain/opening-hours';
import { UNIT_KINDS } from '../domain/organisation';
import {
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  PageQuery,
  Text,
  TimeOfDay,
  Version,
  pageOf,
  SearchText,
} from './common';

export const UnitKind = z.enum(UNIT_KINDS);

export const DayHours = z
  .strictObject({ open: TimeOfDay, close: TimeOfDay })
  .refine(opensBeforeCloses, { message: 'closes_before_opens', path: ['close'] });

export const OpeningHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, DayHours.nullable()])) as Record<
    Weekday,
    z.ZodNullable<typeof DayHours>
  >,
);
export type TOpeningHours = z.infer<typeof OpeningHours>;

const unitFields = {
  institutionId: z.uuid(),
  parentId: z.uuid().nullable().optional(),
  name: Text(200),
  kind: UnitKind,
  address: OptionalText(300),
  phone: OptionalPhone,
  email: OptionalEmail,
  openingHours: OpeningHours.optional(),
  active: z.boolean().optional(),
  /** It serves external clients and so reports its shortcomings yearly (clause 29). */
  servesExternalClients: z.boolean().optional(),
};

export const CreateUnitBody = z.strictObject(unitFields);
export type TCreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.strictObject({
  ...z.object(unitFields).partial().shape,
  version: Version,
});
export type TUpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const Unit = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: UnitKind,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: OpeningHours,
  active: z.boolean(),
  servesExternalClients: z.boolean(),
  staffCount: z.int(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUnit = z.infer<typeof Unit>;

export const ListUnitsQuery = z.strictObject({
  institutionId: z.uuid().optional(),
  q: SearchText(100).optional(),
  active: z.stringbool().optional(),
  page: PageQuery.page,
  // The tree is drawn whole: a municipality has tens to a few hundred units.
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});
export type TListUnitsQuery = z.infer<typeof ListUnitsQuery>;

export const UnitPage = pageOf(Unit);
export type TUnitPage = z.infer<typeof UnitPage>;
