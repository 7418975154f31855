import type { TStaff } from '../../../contracts/staff.contracts';
import type { Role } from '../../../domain/roles';
import type { StaffListRow } from './staff.repository';

export function presentStaff(row: StaffListRow): TStaff {
  return {
    id: row.id,
    givenName: row.given_name,
    surname: row.surname,
    position: row.position,
    email: row.email,
    phone: row.phone,
    competences: row.competences,
    active: row.active,
    roles: row.roles as Role[],
    units: row.units,
    canSignIn: row.active && row.has_password,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
