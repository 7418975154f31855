import { z } from 'zod';
import { CHANNELS } from '../domain/channels';
import { checkPersonalCode } from '../domain/personal-code';
import {
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  PageQuery,
  SearchText,
  Text,
  Version,
  pageOf,
} from './common';

export const CLIENT_RECORD_KINDS = ['person', 'organisation', 'internal'] as const;
export const ClientRecordKind = z.enum(CLIENT_RECORD_KINDS);

/** A Latvian personal code as typed; stored and answered as "NNNNNN-NNNNN". */
export const PersonalCode = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const check = checkPersonalCode(value);
    if (check.valid) return check.normalised;
    ctx.addIssue({ code: 'custom', message: `personal_code_${check.problem}` });
    return z.NEVER;
  });

const OptionalPersonalCode = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const check = checkPersonalCode(value);
    if (check.valid) return check.normalised;
    ctx.addIssue({ code: 'custom', message: `personal_code_${check.problem}` });
    return z.NEVER;
  })
  .nullable()
  .optional();

const contactFields = {
  phone: OptionalPhone,
  email: OptionalEmail,
  /** The state's official electronic address (e-adrese), not an email address. */
  eAddress: OptionalText(200),
  address: OptionalText(300),
  preferredLanguage: z.enum(['lv', 'en', 'ru']).nullable().optional(),
  preferredChannel: z.enum(CHANNELS).nullable().optional(),
  /** What the client agreed to or asked for about their data and how to be contacted. */
  consentNotes: OptionalText(1000),
};

const personFields = {
  givenName: Text(100),
  surname: Text(100),
  personalCode: OptionalPersonalCode,
  ...contactFields,
};

const organisationFields = {
  name: Text(300),
  registrationNumber: OptionalText(30),
  ...contactFields,
};

export const CreateClientBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), ...personFields }),
  z.strictObject({ kind: z.literal('organisation'), ...organisationFields }),
  /** A colleague as an internal client (clause 4.2): name and contacts come from the staff record. */
  z.strictObject({ kind: z.literal('internal'), staffId: z.uuid() }),
]);
export type TCreateClientBody = z.infer<typeof CreateClientBody>;

/** Changes to a client; which fields apply depends on the kind, which does not change. */
export const UpdateClientBody = z.strictObject({
  givenName: Text(100).optional(),
  surname: Text(100).optional(),
  personalCode: OptionalPersonalCode,
  name: Text(300).optional(),
  registrationNumber: OptionalText(30),
  ...contactFields,
  version: Version,
});
export type TUpdateClientBody = z.infer<typeof UpdateClientBody>;

/** A client as lists show them: the personal code masked (123456-*****). */
export const ClientSummary = z.object({
  id: z.uuid(),
  kind: ClientRecordKind,
  displayName: z.string(),
  personalCodeMasked: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type TClientSummary = z.infer<typeof ClientSummary>;

/** A client record opened on its own: full details; opening it is recorded in the audit log. */
export const Client = ClientSummary.extend({
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  name: z.string().nullable(),
  personalCode: z.string().nullable(),
  staffId: z.uuid().nullable(),
  eAddress: z.string().nullable(),
  address: z.string().nullable(),
  preferredLanguage: z.enum(['lv', 'en', 'ru']).nullable(),
  preferredChannel: z.enum(CHANNELS).nullable(),
  consentNotes: z.string().nullable(),
  /** Set when this record was merged into another: the other one is the client now. */
  mergedInto: z.uuid().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TClient = z.infer<typeof Client>;

export const ListClientsQuery = z.strictObject({
  /** Name, personal code, phone or email; diacritics optional ("berzins" finds "Bērziņš"). */
  q: SearchText(100).optional(),
  kind: ClientRecordKind.optional(),
  ...PageQuery,
});
export type TListClientsQuery = z.infer<typeof ListClientsQuery>;

export const ClientPage = pageOf(ClientSummary);
export type TClientPage = z.infer<typeof ClientPage>;

export const MergeClientBody = z.strictObject({
  /** The record that stays; this one's contacts and requests move to it. */
  intoId: z.uuid(),
  version: Version,
});
export type TMergeClientBody = z.infer<typeof MergeClientBody>;

/** Who looked at a person's data, when, and in which connection (a data subject's request). */
export const ClientAccessLog = z.object({
  clientId: z.uuid(),
  entries: z.array(
    z.object({
      at: z.string(),
      staffId: z.string().nullable(),
      staffName: z.string().nullable(),
      /** The API token used, if any; for a system token, the only name of who looked. */
      tokenId: z.string().nullable(),
      tokenName: z.string().nullable(),
      requestNumber: z.string().nullable(),
    }),
  ),
});
export type TClientAccessLog = z.infer<typeof ClientAccessLog>;
/** The access log as JSON, or as CSV text when asked for `format=csv`. */
export const ClientAccessLogAnswer = z.union([ClientAccessLog, z.string()]);

export const AccessLogQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
});
