import type { TPersonContact } from '../../../contracts/common';
import type { TStaff } from '../../../contracts/staff.contracts';
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
    roles: row.roles,
    units: row.units,
    canSignIn: row.active && row.has_password,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The columns a query selects for a record's owner, joined from staff as `owner_*`. */
export interface OwnerColumns {
  owner_id: string;
  owner_given_name: string;
  owner_surname: string;
  owner_position: string;
  owner_phone: string | null;
  owner_email: string;
}

/** A record's owner as other records show people: enough to recognise and reach them. */
export function presentOwner(row: OwnerColumns): TPersonContact {
  return {
    id: row.owner_id,
    givenName: row.owner_given_name,
    surname: row.owner_surname,
    position: row.owner_position,
    phone: row.owner_phone,
    email: row.owner_email,
  };
}
