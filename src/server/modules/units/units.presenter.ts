import type { TUnit } from '../../../contracts/units.contracts';
import type { UnitListRow } from './units.repository';

export function presentUnit(row: UnitListRow): TUnit {
  return {
    id: row.id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    phone: row.phone,
    email: row.email,
    openingHours: row.opening_hours,
    active: row.active,
    servesExternalClients: row.serves_external_clients,
    staffCount: row.staff_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
