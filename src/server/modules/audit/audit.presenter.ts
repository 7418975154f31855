import type { TAuditEntry } from '../../../contracts/audit.contracts';
import type { AuditEntryRow } from './audit.repository';

export function presentAuditEntry(row: AuditEntryRow): TAuditEntry {
  const viaToken =
    row.actor_token_id && row.actor_token_name
      ? { id: row.actor_token_id, name: row.actor_token_name }
      : null;
  const actor: TAuditEntry['actor'] = row.actor_staff_id
    ? { kind: 'staff', id: row.actor_staff_id, name: row.actor_staff_name, viaToken }
    : row.actor_token_id
      ? { kind: 'token', id: row.actor_token_id, name: row.actor_token_name, viaToken: null }
      : { kind: 'system', id: null, name: null, viaToken: null };
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    context: row.context,
    requestId: row.request_id,
  };
}
