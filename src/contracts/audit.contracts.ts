import { z } from 'zod';
import { IsoDate, SearchText } from './common';

export const AuditQuery = z
  .strictObject({
    entityType: SearchText(50).optional(),
    entityId: SearchText(100).optional(),
    actorId: z.uuid().optional(),
    action: SearchText(50).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Entries older than this one (the previous page's nextCursor). */
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'range_reversed',
    path: ['to'],
  });
export type TAuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['staff', 'token', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    /**
     * The API token used, when the person acted through one: a personal token is issued by an
     * administrator, so the log shows that the person did not act in a session of their own.
     */
    viaToken: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  context: z.unknown(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: z.int().nullable(),
});
export type TAuditPage = z.infer<typeof AuditPage>;
