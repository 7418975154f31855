import { z } from 'zod';
import { INSTITUTION_KINDS } from '../domain/organisation';
import {
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  OptionalUrl,
  PageQuery,
  SortOrder,
  Text,
  Version,
  pageOf,
  SearchText,
} from './common';

export const InstitutionKind = z.enum(INSTITUTION_KINDS);

const institutionFields = {
  name: Text(200),
  shortName: OptionalText(60),
  kind: InstitutionKind,
  registrationNumber: OptionalText(30),
  website: OptionalUrl,
  email: OptionalEmail,
  phone: OptionalPhone,
  active: z.boolean().optional(),
};

export const CreateInstitutionBody = z.strictObject(institutionFields);
export type TCreateInstitutionBody = z.infer<typeof CreateInstitutionBody>;

export const UpdateInstitutionBody = z.strictObject({
  ...z.object(institutionFields).partial().shape,
  version: Version,
});
export type TUpdateInstitutionBody = z.infer<typeof UpdateInstitutionBody>;

export const Institution = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: InstitutionKind,
  registrationNumber: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInstitution = z.infer<typeof Institution>;

export const ListInstitutionsQuery = z.strictObject({
  q: SearchText(100).optional(),
  kind: InstitutionKind.optional(),
  active: z.stringbool().optional(),
  sort: z.enum(['name', 'kind', 'createdAt']).default('name'),
  order: SortOrder,
  page: PageQuery.page,
  // Pickers load them all: a municipality works with tens of institutions, not thousands.
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
});
export type TListInstitutionsQuery = z.infer<typeof ListInstitutionsQuery>;

export const InstitutionPage = pageOf(Institution);
export type TInstitutionPage = z.infer<typeof InstitutionPage>;
