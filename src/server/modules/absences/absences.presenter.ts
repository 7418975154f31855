import { kindShownTo } from '../../../domain/absences';
import type { TAbsence } from '../../../contracts/absences.contracts';
import type { TPersonContact } from '../../../contracts/common';
import type { AbsenceListRow } from './absences.repository';

/**
 * An absence as the viewer may see it: those who do not manage the person's absences see neither
 * sick leave as such nor the note.
 */
export function presentAbsence(
  row: AbsenceListRow,
  { standIn = null, mayManage }: { standIn?: TPersonContact | null; mayManage: boolean },
): TAbsence {
  return {
    id: row.id,
    staff: {
      id: row.staff_id,
      givenName: row.given_name,
      surname: row.surname,
      position: row.position,
      phone: row.phone,
      email: row.email,
    },
    kind: kindShownTo(row.kind, mayManage),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    substitute:
      row.substitute_id &&
      row.sub_given_name &&
      row.sub_surname &&
      row.sub_position &&
      row.sub_email
        ? {
            id: row.substitute_id,
            givenName: row.sub_given_name,
            surname: row.sub_surname,
            position: row.sub_position,
            phone: row.sub_phone,
            email: row.sub_email,
          }
        : null,
    standIn,
    note: mayManage ? row.note : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
