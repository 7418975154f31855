import { z } from 'zod';
import { ABSENCE_KINDS } from '../domain/absences';
import { IsoDate, OptionalText, PageQuery, PersonContact, Version, pageOf } from './common';

export const AbsenceKind = z.enum(ABSENCE_KINDS);

/** The kind as answered: `absent` to those who may not know why (sick leave is health data). */
export const ShownAbsenceKind = z.enum([...ABSENCE_KINDS, 'absent']);

export const CreateAbsenceBody = z
  .strictObject({
    staffId: z.uuid(),
    kind: AbsenceKind,
    startsOn: IsoDate,
    endsOn: IsoDate,
    substituteId: z.uuid().nullable().optional(),
    note: OptionalText(500),
  })
  .refine((body) => body.endsOn >= body.startsOn, {
    message: 'ends_before_starts',
    path: ['endsOn'],
  })
  .refine((body) => body.substituteId !== body.staffId, {
    message: 'substitute_is_self',
    path: ['substituteId'],
  });
export type TCreateAbsenceBody = z.infer<typeof CreateAbsenceBody>;

/** Changes to an absence; the rules across fields are checked against the merged record. */
export const UpdateAbsenceBody = z.strictObject({
  kind: AbsenceKind.optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  substituteId: z.uuid().nullable().optional(),
  note: OptionalText(500),
  version: Version,
});
export type TUpdateAbsenceBody = z.infer<typeof UpdateAbsenceBody>;

export const Absence = z.object({
  id: z.uuid(),
  staff: PersonContact,
  kind: ShownAbsenceKind,
  startsOn: IsoDate,
  endsOn: IsoDate,
  substitute: PersonContact.nullable(),
  /**
   * Who actually stands in on the list's date: the substitute, or the substitute's own
   * substitute when they are away too. Given only when the list asks for one date.
   */
  standIn: PersonContact.nullable(),
  /** Only for the person and those who manage their absences. */
  note: z.string().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAbsence = z.infer<typeof Absence>;

export const ListAbsencesQuery = z
  .strictObject({
    /** Who is away on this day (e.g. today). */
    date: IsoDate.optional(),
    /** Absences that overlap the period from–to. Without date or period: from today on. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    staffId: z.uuid().optional(),
    unitId: z.uuid().optional(),
    kind: AbsenceKind.optional(),
    ...PageQuery,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'range_reversed',
    path: ['to'],
  });
export type TListAbsencesQuery = z.infer<typeof ListAbsencesQuery>;

export const AbsencePage = pageOf(Absence);
export type TAbsencePage = z.infer<typeof AbsencePage>;
