import { z } from 'zod';
import { COMMITMENT_FORMS } from '../domain/commitments';
import { PageQuery, PersonContact, Text, Version } from './common';

export const COMMITMENT_URGENCIES = ['kept', 'open', 'due_soon', 'overdue'] as const;

export const Commitment = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestNumber: z.string(),
  what: z.string(),
  dueAt: z.string(),
  form: z.enum(COMMITMENT_FORMS),
  keeper: PersonContact,
  keptAt: z.string().nullable(),
  /** It turns red (due_soon) a day before it is due. */
  urgency: z.enum(COMMITMENT_URGENCIES),
  version: z.int(),
});
export type TCommitment = z.infer<typeof Commitment>;

export const CreateCommitmentBody = z.strictObject({
  what: Text(500),
  dueAt: z.iso.datetime({ offset: true }),
  form: z.enum(COMMITMENT_FORMS),
  /** Who keeps it; the request's owner when not given. */
  keeperId: z.uuid().optional(),
});
export type TCreateCommitmentBody = z.infer<typeof CreateCommitmentBody>;

export const KeepCommitmentBody = z.strictObject({ version: Version });

export const ListCommitmentsQuery = z.strictObject({
  /** Open promises of the signed-in person (the default), or kept ones too. */
  includeKept: z.stringbool().default(false),
  ...PageQuery,
});

export const CommitmentPage = z.object({
  items: z.array(Commitment),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TCommitmentPage = z.infer<typeof CommitmentPage>;
