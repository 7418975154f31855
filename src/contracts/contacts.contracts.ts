import { z } from 'zod';
import { ClientSummary, CreateClientBody } from './clients.contracts';
import { OptionalText, PersonContact, Text, Version } from './common';
import { SuggestedService } from './catalogue.contracts';
import { Channel, ContactClientKind, NewRequestInput, RequestSummary } from './requests.contracts';

export const CreateContactBody = z
  .strictObject({
    channel: Channel,
    /** When it happened; now when not given. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    /** An existing client... */
    clientId: z.uuid().optional(),
    /** ...or a new one registered with this contact; without either, the client is anonymous. */
    newClient: CreateClientBody.optional(),
    /** Why the client came or called (clause 11.1). */
    reason: OptionalText(2000),
    /** Where the contact happens: the client service centre or unit. */
    unitId: z.uuid(),
    /** Every service asked for; one visit, several services, one screen. */
    requests: z.array(NewRequestInput).min(1).max(20),
    /** Put the visitor in the unit's queue instead of serving them now. */
    queue: z.boolean().default(false),
  })
  .refine((body) => body.clientId === undefined || body.newClient === undefined, {
    message: 'client_or_new_client',
    path: ['newClient'],
  });
export type TCreateContactBody = z.infer<typeof CreateContactBody>;

/** What becomes of one of the visit's requests when the visit closes (decision 22). */
export const RequestSettlement = z.strictObject({
  /** Answered at the desk (the request closes, the clerk who served owns it), or kept open. */
  decision: z.enum(['answered_at_desk', 'keep_open']),
  /** Kept open for a colleague...  */
  ownerId: z.uuid().optional(),
  /** ...or a unit; without either, the clerk who closes the visit keeps it. */
  unitId: z.uuid().optional(),
  /** Why it stays open; needed when it does. */
  reason: OptionalText(2000),
});
export type TRequestSettlement = z.infer<typeof RequestSettlement>;

export const CloseContactBody = z.strictObject({
  /** What came of it. */
  outcome: Text(2000),
  /** What the client was told happens next (clause 11.5). */
  nextSteps: OptionalText(2000),
  /** Other services offered to the client (clause 12.2). */
  offeredServices: z.array(Text(300)).max(20).default([]),
  /**
   * Every open request of the visit the clerk sees, by its id, settled: none is left "new" and
   * unowned by accident.
   */
  requests: z.record(z.uuid(), RequestSettlement).default({}),
  version: Version,
});
export type TCloseContactBody = z.infer<typeof CloseContactBody>;

export const CreateIncidentBody = z.strictObject({
  description: Text(4000),
  policeCalled: z.boolean(),
  securityCalled: z.boolean(),
});
export type TCreateIncidentBody = z.infer<typeof CreateIncidentBody>;

export const Incident = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  description: z.string(),
  policeCalled: z.boolean(),
  securityCalled: z.boolean(),
  recordedBy: PersonContact.nullable(),
  recordedAt: z.string(),
});
export type TIncident = z.infer<typeof Incident>;

export const QueueState = z.enum(['waiting', 'serving', 'done', 'left']);

export const Contact = z.object({
  id: z.uuid(),
  channel: Channel,
  occurredAt: z.string(),
  client: ClientSummary.nullable(),
  clientKind: ContactClientKind,
  staff: PersonContact.nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
  outcome: z.string().nullable(),
  nextSteps: z.string().nullable(),
  offeredServices: z.array(z.string()),
  /** Services related to those asked for, to offer before closing (clause 12.2). */
  suggestedServices: z.array(SuggestedService),
  closedAt: z.string().nullable(),
  requests: z.array(RequestSummary),
  queue: z
    .object({ id: z.uuid(), state: QueueState, assignedTo: PersonContact.nullable() })
    .nullable(),
  incidents: z.array(Incident),
  version: z.int(),
});
export type TContact = z.infer<typeof Contact>;

export const ListIncidentsQuery = z.strictObject({
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const IncidentPage = z.object({
  items: z.array(Incident),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
