import { z } from 'zod';
import { CHANNELS, CLIENT_KINDS } from '../domain/channels';
import { REQUEST_KINDS, REQUEST_STATES } from '../domain/requests';
import { ClientSummary } from './clients.contracts';
import { Commitment } from './commitments.contracts';
import {
  IsoDate,
  OptionalText,
  PageQuery,
  PersonContact,
  SearchText,
  SortOrder,
  Text,
  Version,
} from './common';
import { Attachment, OutgoingMessage } from './correspondence.contracts';

export const RequestState = z.enum(REQUEST_STATES);
export const RequestKind = z.enum(REQUEST_KINDS);
export const Channel = z.enum(CHANNELS);
export const ContactClientKind = z.enum(CLIENT_KINDS);

const Tags = z.array(Text(40)).max(20);
const CaseType = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, { message: 'invalid_code' });

/** One service asked for in a contact; the deadline follows from the deadline policies. */
export const NewRequestInput = z.strictObject({
  /** The service from the catalogue... */
  serviceId: z.uuid().nullable().optional(),
  /** ...or in words, for what the catalogue does not hold; with serviceId the catalogue's name. */
  service: Text(300),
  kind: RequestKind,
  /** E.g. "submission" for a formal submission under the Law on Submissions. */
  caseType: CaseType.nullable().optional(),
  /** The unit responsible for it. */
  unitId: z.uuid(),
  institutionId: z.uuid().nullable().optional(),
  /** Who works on it; without one it waits in the unit's list. */
  ownerId: z.uuid().nullable().optional(),
  tags: Tags.optional(),
});
export type TNewRequestInput = z.infer<typeof NewRequestInput>;

const UnitRef = z.object({ id: z.uuid(), name: z.string() });

/** A request as work lists show it. */
export const RequestSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  service: z.string(),
  serviceId: z.uuid().nullable(),
  kind: RequestKind,
  state: RequestState,
  client: ClientSummary.nullable(),
  clientKind: ContactClientKind,
  channel: Channel,
  unit: UnitRef,
  owner: PersonContact.nullable(),
  dueOn: IsoDate,
  dueAt: z.string(),
  /** Still owed and past its due time. */
  overdue: z.boolean(),
  /** Still owed and due today (Riga time). */
  dueToday: z.boolean(),
  referred: z.boolean(),
  updatedAt: z.string(),
  version: z.int(),
});
export type TRequestSummary = z.infer<typeof RequestSummary>;

/** A request its viewer may not open, as its registrar sees it: no client, no content. */
export const LimitedRequest = z.object({
  id: z.uuid(),
  number: z.string(),
  service: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  state: RequestState,
});
export type TLimitedRequest = z.infer<typeof LimitedRequest>;

export const OutOfSightQuery = z
  .strictObject({ clientId: z.uuid().optional(), contactId: z.uuid().optional() })
  .refine((query) => (query.clientId === undefined) !== (query.contactId === undefined), {
    message: 'client_or_contact',
    path: ['clientId'],
  });

/** A client's or visit's requests beyond what the viewer may open (decision 22). */
export const OutOfSight = z.object({
  /** Those the viewer registered: number, service, unit and state. */
  registeredByMe: z.array(LimitedRequest),
  /** How many others there are. */
  others: z.int(),
});
export type TOutOfSight = z.infer<typeof OutOfSight>;

export const TimelineEntry = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const RequestDetail = RequestSummary.extend({
  contactId: z.uuid(),
  caseType: z.string().nullable(),
  /** The language the client prefers letters in, when their record says. */
  clientLanguage: z.enum(['lv', 'en', 'ru']).nullable(),
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  policyCode: z.string().nullable(),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  tags: z.array(z.string()),
  /** The states this request may move to now. */
  nextStates: z.array(RequestState),
  timeline: z.array(TimelineEntry),
  commitments: z.array(Commitment),
  attachments: z.array(Attachment),
  links: z.array(RequestSummary.pick({ id: true, number: true, service: true, state: true })),
  outgoingMessages: z.array(OutgoingMessage),
});
export type TRequestDetail = z.infer<typeof RequestDetail>;

export const REQUEST_LISTS = [
  'mine',
  'unit',
  'referred',
  'due-today',
  'overdue',
  'waiting',
  'all',
] as const;

export const ListRequestsQuery = z.strictObject({
  /** Which work list: one's own, the unit's, referred to one, due today, overdue, waiting. */
  list: z.enum(REQUEST_LISTS).default('mine'),
  state: RequestState.optional(),
  /** Words in the service, the number or the client's name. */
  q: SearchText(100).optional(),
  unitId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  /** Requests for one service of the catalogue. */
  serviceId: z.uuid().optional(),
  sort: z.enum(['due', 'updated', 'number']).default('due'),
  order: SortOrder,
  ...PageQuery,
});
export type TListRequestsQuery = z.infer<typeof ListRequestsQuery>;

export const RequestPage = z.object({
  items: z.array(RequestSummary),
  /** Counted up to 10 000; past that, `totalIsLowerBound` says there are more. */
  total: z.int(),
  totalIsLowerBound: z.boolean(),
  page: z.int(),
  pageSize: z.int(),
});
export type TRequestPage = z.infer<typeof RequestPage>;

export const UpdateRequestBody = z.strictObject({
  service: Text(300).optional(),
  kind: RequestKind.optional(),
  caseType: CaseType.nullable().optional(),
  institutionId: z.uuid().nullable().optional(),
  tags: Tags.optional(),
  version: Version,
});
export type TUpdateRequestBody = z.infer<typeof UpdateRequestBody>;

export const ChangeStateBody = z.strictObject({
  state: RequestState,
  note: OptionalText(2000),
  version: Version,
});
export type TChangeStateBody = z.infer<typeof ChangeStateBody>;

export const ReferBody = z
  .strictObject({
    /** A competent colleague (clauses 6.4.7, 15.5.2)... */
    ownerId: z.uuid().optional(),
    /** ...or a unit, whose people then see it in their list. */
    unitId: z.uuid().optional(),
    note: Text(2000),
    version: Version,
  })
  .refine((body) => body.ownerId !== undefined || body.unitId !== undefined, {
    message: 'owner_or_unit',
    path: ['ownerId'],
  });
export type TReferBody = z.infer<typeof ReferBody>;

export const ExtendBody = z.strictObject({
  /** The new date by which the client gets the answer. */
  dueOn: IsoDate,
  /** Why it takes longer; the client is told (clauses 21.1, 23.2). */
  reason: Text(2000),
  version: Version,
});
export type TExtendBody = z.infer<typeof ExtendBody>;

export const NoteBody = z.strictObject({ text: Text(4000) });

/** The numbers on the work lists' tabs: how a new owner learns of a referred request. */
export const WorkCounts = z.object({
  mine: z.int(),
  referred: z.int(),
  dueToday: z.int(),
  overdue: z.int(),
  commitmentsDue: z.int(),
});
export type TWorkCounts = z.infer<typeof WorkCounts>;

export const LinkBody = z.strictObject({ relatedId: z.uuid() });
export const LinkParams = z.strictObject({ id: z.uuid(), relatedId: z.uuid() });
