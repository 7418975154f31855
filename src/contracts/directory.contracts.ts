import { z } from 'zod';
import { ShownAbsenceKind } from './absences.contracts';
import { IsoDate, PageQuery, PersonContact, pageOf, SearchText } from './common';

export const DirectoryQuery = z.strictObject({
  /** Words that must all occur in the name, position, competences or unit (diacritics ignored). */
  q: SearchText(100).optional(),
  unitId: z.uuid().optional(),
  position: SearchText(200).optional(),
  competence: SearchText(100).optional(),
  ...PageQuery,
});
export type TDirectoryQuery = z.infer<typeof DirectoryQuery>;

export const DirectoryEntry = z.object({
  id: z.uuid(),
  givenName: z.string(),
  surname: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
  email: z.string(),
  competences: z.array(z.string()),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), institutionName: z.string() })),
  /** Today's absence, when the person is away. */
  away: z.object({ kind: ShownAbsenceKind, until: IsoDate }).nullable(),
  /** Whom to ask instead today: the first person in the substitute chain who is at work. */
  standIn: PersonContact.nullable(),
});
export type TDirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryPage = pageOf(DirectoryEntry).extend({ date: IsoDate });
export type TDirectoryPage = z.infer<typeof DirectoryPage>;

export const DirectoryFacets = z.object({
  positions: z.array(z.string()),
  competences: z.array(z.string()),
});
export type TDirectoryFacets = z.infer<typeof DirectoryFacets>;
