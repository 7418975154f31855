import { kindShownTo } from '../../../domain/absences';
import type { TDirectoryEntry } from '../../../contracts/directory.contracts';
import type { Away } from '../absences/absences.service';
import type { DirectoryRow } from './directory.repository';

/** A colleague as the viewer may see them: sick leave only for those who manage their absences. */
export function presentDirectoryEntry(
  row: DirectoryRow,
  away: Away | undefined,
  mayManage: boolean,
): TDirectoryEntry {
  return {
    id: row.id,
    givenName: row.given_name,
    surname: row.surname,
    position: row.position,
    phone: row.phone,
    email: row.email,
    competences: row.competences,
    units: row.units,
    away: away
      ? { kind: kindShownTo(away.period.kind, mayManage), until: away.period.endsOn }
      : null,
    standIn: away?.standIn ?? null,
  };
}
