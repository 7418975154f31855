import { z } from 'zod';
import { IsoDate, PageQuery, PersonContact, Text, pageOf } from './common';
import { Role } from './staff.contracts';

export const CreateTokenBody = z
  .strictObject({
    name: Text(100),
    /** A personal token acts as this person, with their roles. */
    staffId: z.uuid().optional(),
    /** A system token (e.g. the telephone exchange) acts with these roles. */
    roles: z.array(Role).max(6).optional(),
    /** The last day the token works; without it the token works until revoked. */
    expiresOn: IsoDate.optional(),
  })
  .refine((body) => (body.staffId !== undefined) !== (body.roles?.length ?? 0) > 0, {
    message: 'token_owner_or_roles',
    path: ['roles'],
  });
export type TCreateTokenBody = z.infer<typeof CreateTokenBody>;

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['personal', 'system']),
  staff: PersonContact.nullable(),
  roles: z.array(Role),
  /** The first characters of the token, to tell tokens apart; the token itself is shown once. */
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ApiToken>;

export const CreatedToken = ApiToken.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof CreatedToken>;

export const ListTokensQuery = z.strictObject({
  includeRevoked: z.stringbool().default(false),
  ...PageQuery,
});
export type TListTokensQuery = z.infer<typeof ListTokensQuery>;

export const TokenPage = pageOf(ApiToken);
