import { z } from 'zod';
import { ROLES } from '../domain/roles';
import {
  Email,
  OptionalPhone,
  PageQuery,
  SortOrder,
  Text,
  Version,
  pageOf,
  SearchText,
} from './common';

export const Role = z.enum(ROLES);

export const Password = z.string().min(12).max(200);

const uniqueItems = <T>(items: T[]) => new Set(items).size === items.length;

const Roles = z.array(Role).max(ROLES.length).refine(uniqueItems, { message: 'duplicate_item' });

export const StaffUnitInput = z.strictObject({ unitId: z.uuid(), primary: z.boolean() });

const StaffUnits = z
  .array(StaffUnitInput)
  .max(20)
  .refine((units) => uniqueItems(units.map((unit) => unit.unitId)), { message: 'duplicate_item' })
  .refine((units) => units.length === 0 || units.filter((unit) => unit.primary).length === 1, {
    message: 'one_primary_unit',
  });

const Competences = z
  .array(Text(100))
  .max(50)
  .refine((items) => uniqueItems(items.map((item) => item.toLocaleLowerCase('lv'))), {
    message: 'duplicate_item',
  });

const staffFields = {
  givenName: Text(100),
  surname: Text(100),
  position: Text(200),
  email: Email,
  phone: OptionalPhone,
  competences: Competences.optional(),
  roles: Roles.optional(),
  units: StaffUnits.optional(),
  active: z.boolean().optional(),
};

export const CreateStaffBody = z.strictObject({
  ...staffFields,
  /** An initial password; without one the person cannot sign in until an administrator sets it. */
  password: Password.optional(),
});
export type TCreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z.strictObject({
  ...z.object(staffFields).partial().shape,
  version: Version,
});
export type TUpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const SetPasswordBody = z.strictObject({ password: Password });
export type TSetPasswordBody = z.infer<typeof SetPasswordBody>;

export const StaffUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  institutionName: z.string(),
  primary: z.boolean(),
});

export const Staff = z.object({
  id: z.uuid(),
  givenName: z.string(),
  surname: z.string(),
  position: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  competences: z.array(z.string()),
  active: z.boolean(),
  roles: z.array(Role),
  units: z.array(StaffUnit),
  canSignIn: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TStaff = z.infer<typeof Staff>;

export const ListStaffQuery = z.strictObject({
  q: SearchText(100).optional(),
  unitId: z.uuid().optional(),
  role: Role.optional(),
  active: z.stringbool().optional(),
  sort: z.enum(['surname', 'position', 'email', 'createdAt']).default('surname'),
  order: SortOrder,
  ...PageQuery,
});
export type TListStaffQuery = z.infer<typeof ListStaffQuery>;

export const StaffPage = pageOf(Staff);
export type TStaffPage = z.infer<typeof StaffPage>;
