import type { TInstitution } from '../../../contracts/institutions.contracts';
import type { InstitutionRow } from '../../db/schema';

export function presentInstitution(row: InstitutionRow): TInstitution {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    registrationNumber: row.registration_number,
    website: row.website,
    email: row.email,
    phone: row.phone,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
