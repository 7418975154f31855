import { z } from 'zod';
import { ClientSummary } from './clients.contracts';
import { PersonContact, Version } from './common';
import { QueueState } from './contacts.contracts';

export const QueueQuery = z.strictObject({ unitId: z.uuid() });

export const QueueEntry = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  client: ClientSummary.nullable(),
  reason: z.string().nullable(),
  services: z.array(z.string()),
  external: z.boolean(),
  inPerson: z.boolean(),
  arrivedAt: z.string(),
  minutesWaiting: z.int(),
  state: QueueState,
  /** Who serves them, or the colleague they were moved to. */
  assignedTo: PersonContact.nullable(),
  calledAt: z.string().nullable(),
  version: z.int(),
});
export type TQueueEntry = z.infer<typeof QueueEntry>;

/** The unit's queue: those waiting in the order they are served (clause 11.10), and those being served. */
export const Queue = z.object({
  unitId: z.uuid(),
  waiting: z.array(QueueEntry),
  serving: z.array(QueueEntry),
});
export type TQueue = z.infer<typeof Queue>;

export const CallNextBody = z.strictObject({ unitId: z.uuid() });

export const AssignQueueEntryBody = z.strictObject({
  /** The colleague who will serve this person. */
  staffId: z.uuid(),
  version: Version,
});

export const LeaveQueueBody = z.strictObject({ version: Version });
