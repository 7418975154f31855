import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TPersonContact } from '../../../contracts/common';
import type { TQueueEntry } from '../../../contracts/queue.contracts';
import { minutesWaiting } from '../../../domain/queue';
import type { findServicesOf, QueueEntryRow } from './queue.repository';

/** What a queue entry shows besides its own row, looked up once for a whole list. */
export interface QueueEntryRelated {
  clients: ReadonlyMap<string, TClientSummary>;
  /** The services asked for in the entries' contacts, in the order they were entered. */
  services: Awaited<ReturnType<typeof findServicesOf>>;
  people: ReadonlyMap<string, TPersonContact>;
  now: Date;
}

/** A person in the queue; the minutes waited stop counting when they are called in. */
export function presentQueueEntry(row: QueueEntryRow, related: QueueEntryRelated): TQueueEntry {
  return {
    id: row.id,
    contactId: row.contact_id,
    client: (row.client_id && related.clients.get(row.client_id)) || null,
    reason: row.reason,
    services: related.services.filter((s) => s.contact_id === row.contact_id).map((s) => s.service),
    external: row.external,
    inPerson: row.in_person,
    arrivedAt: row.arrived_at.toISOString(),
    minutesWaiting: minutesWaiting(row.arrived_at, row.called_at ?? related.now),
    state: row.state,
    assignedTo: (row.assigned_to && related.people.get(row.assigned_to)) || null,
    calledAt: row.called_at?.toISOString() ?? null,
    version: row.version,
  };
}
