import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TPersonContact } from '../../../contracts/common';
import type { TContact, TIncident } from '../../../contracts/contacts.contracts';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import type { ContactRow, IncidentRow } from './contacts.repository';

/** A contact's place in the queue, as the queue module reads it. */
export interface ContactQueueEntry {
  id: string;
  state: NonNullable<TContact['queue']>['state'];
  assigned_to: string | null;
}

/** What a contact shows besides its own row, looked up by the service. */
export interface ContactRelated {
  client: TClientSummary | null;
  /** The staff named by the contact, its queue entry and its incidents. */
  people: ReadonlyMap<string, TPersonContact>;
  suggestedServices: TContact['suggestedServices'];
  /** The contact's requests its reader may see. */
  requests: TRequestSummary[];
  queueEntry: ContactQueueEntry | null;
  incidents: readonly IncidentRow[];
}

export function presentIncident(
  row: IncidentRow,
  people: ReadonlyMap<string, TPersonContact>,
): TIncident {
  return {
    id: row.id,
    contactId: row.contact_id,
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    description: row.description,
    policeCalled: row.police_called,
    securityCalled: row.security_called,
    recordedBy: row.recorded_by ? (people.get(row.recorded_by) ?? null) : null,
    recordedAt: row.recorded_at.toISOString(),
  };
}

export function presentContact(row: ContactRow, related: ContactRelated): TContact {
  const { people, queueEntry } = related;
  return {
    id: row.id,
    channel: row.channel,
    occurredAt: row.occurred_at.toISOString(),
    client: related.client,
    clientKind: row.client_kind,
    staff: (row.staff_id && people.get(row.staff_id)) || null,
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    reason: row.reason,
    outcome: row.outcome,
    nextSteps: row.next_steps,
    offeredServices: row.offered_services,
    suggestedServices: related.suggestedServices,
    closedAt: row.closed_at?.toISOString() ?? null,
    requests: related.requests,
    queue: queueEntry
      ? {
          id: queueEntry.id,
          state: queueEntry.state,
          assignedTo: (queueEntry.assigned_to && people.get(queueEntry.assigned_to)) || null,
        }
      : null,
    incidents: related.incidents.map((incident) => presentIncident(incident, people)),
    version: row.version,
  };
}
