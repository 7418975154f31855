import { z } from 'zod';
import { REQUEST_KINDS } from '../domain/requests';
import {
  IsoDate,
  KnowledgeAbilities,
  OptionalText,
  OptionalUrl,
  PageQuery,
  PersonContact,
  SearchText,
  Text,
  Version,
  pageOf,
} from './common';
import { DirectoryEntry } from './directory.contracts';

export const ServiceKind = z.enum(REQUEST_KINDS);

/** A document, form or legal act on a service card, with its link where there is one. */
export const LinkItem = z.strictObject({
  title: Text(300),
  url: OptionalUrl,
});
export type TLinkItem = z.infer<typeof LinkItem>;

/** Plain text that may be long (a description), possibly empty. */
const LongText = (max: number) => z.string().trim().max(max);

const serviceFields = {
  name: Text(300),
  nameEn: OptionalText(300),
  /** A consultation answers a question; an application starts a procedure. */
  kind: ServiceKind,
  description: LongText(10_000).default(''),
  /** Who may receive it. */
  audience: OptionalText(2000),
  territory: OptionalText(500),
  fee: OptionalText(1000),
  /** How long it takes. */
  duration: OptionalText(500),
  steps: z.array(Text(1000)).max(30).default([]),
  /** Documents and forms to bring or fill in. */
  documents: z.array(LinkItem).max(30).default([]),
  legalActs: z.array(LinkItem).max(30).default([]),
  notices: OptionalText(4000),
  /** The responsible institution and unit. */
  institutionId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  /** Staff whose competences include this word handle the service. */
  competence: OptionalText(100),
  eServiceUrl: OptionalUrl,
  /** Who keeps the card true. */
  ownerId: z.uuid(),
  /** When the card is next checked. */
  reviewOn: IsoDate,
  /** "Other services that fit this client" (clause 12.2). */
  relatedIds: z.array(z.uuid()).max(30).default([]),
  active: z.boolean().optional(),
};

export const CreateServiceBody = z.strictObject(serviceFields);
export type TCreateServiceBody = z.infer<typeof CreateServiceBody>;

export const UpdateServiceBody = z.strictObject({
  name: serviceFields.name.optional(),
  nameEn: serviceFields.nameEn,
  kind: serviceFields.kind.optional(),
  description: LongText(10_000).optional(),
  audience: serviceFields.audience,
  territory: serviceFields.territory,
  fee: serviceFields.fee,
  duration: serviceFields.duration,
  steps: z.array(Text(1000)).max(30).optional(),
  documents: z.array(LinkItem).max(30).optional(),
  legalActs: z.array(LinkItem).max(30).optional(),
  notices: serviceFields.notices,
  institutionId: serviceFields.institutionId,
  unitId: serviceFields.unitId,
  competence: serviceFields.competence,
  eServiceUrl: serviceFields.eServiceUrl,
  ownerId: z.uuid().optional(),
  reviewOn: IsoDate.optional(),
  relatedIds: z.array(z.uuid()).max(30).optional(),
  active: z.boolean().optional(),
  version: Version,
});
export type TUpdateServiceBody = z.infer<typeof UpdateServiceBody>;

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const ServiceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: ServiceKind,
  institution: Ref.nullable(),
  unit: Ref.nullable(),
  competence: z.string().nullable(),
  eServiceUrl: z.string().nullable(),
  owner: PersonContact,
  reviewOn: IsoDate,
  reviewedAt: z.string().nullable(),
  /** The review date has passed (Riga time). */
  reviewOverdue: z.boolean(),
  active: z.boolean(),
  version: z.int(),
});
export type TServiceSummary = z.infer<typeof ServiceSummary>;

export const Service = ServiceSummary.extend({
  description: z.string(),
  audience: z.string().nullable(),
  territory: z.string().nullable(),
  fee: z.string().nullable(),
  duration: z.string().nullable(),
  steps: z.array(z.string()),
  documents: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  legalActs: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  notices: z.string().nullable(),
  related: z.array(z.object({ id: z.uuid(), name: z.string(), kind: ServiceKind })),
  /** Who handles it today: staff with the competence, with their absence and stand-in. */
  specialists: z.array(DirectoryEntry),
  /** Knowledge-base articles about it. */
  articles: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.string(),
      visibility: z.enum(['internal', 'public']),
    }),
  ),
  /** Requests made for it: still open, and all. */
  requestCounts: z.object({ open: z.int(), total: z.int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the viewer may do with it. */
  can: KnowledgeAbilities,
});
export type TService = z.infer<typeof Service>;

export const ListServicesQuery = z.strictObject({
  /** Words in the name or description (diacritics and hyphens ignored, typos forgiven). */
  q: SearchText(200).optional(),
  kind: ServiceKind.optional(),
  institutionId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** Active ones unless asked otherwise. */
  active: z.stringbool().default(true),
  page: PageQuery.page,
  // Pickers load many at once: a catalogue holds hundreds of services, not thousands.
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
});
export type TListServicesQuery = z.infer<typeof ListServicesQuery>;

export const ServicePage = pageOf(ServiceSummary);
export type TServicePage = z.infer<typeof ServicePage>;

/** The owner (or an editor) checked the card: it is true as of now, next check on the date. */
export const MarkReviewedBody = z.strictObject({
  nextReviewOn: IsoDate,
  version: Version,
});
export type TMarkReviewedBody = z.infer<typeof MarkReviewedBody>;

export const SuggestedService = z.object({ id: z.uuid(), name: z.string(), kind: ServiceKind });
export type TSuggestedService = z.infer<typeof SuggestedService>;
export const SuggestedServices = z.object({ items: z.array(SuggestedService) });

export const SuggestedServicesQuery = z.strictObject({
  /** The services the client asked for; the answer leaves them out. */
  ids: z
    .union([z.uuid(), z.array(z.uuid()).max(20)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
});
