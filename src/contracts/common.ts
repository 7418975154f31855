import { z } from 'zod';
import { isTimeOfDay } from '../domain/opening-hours';

// Building blocks of every contract. Custom messages are stable codes that the server turns
// into sentences in the user's language (server/http/messages.ts).

export const IdParams = z.strictObject({ id: z.uuid() });
/** A calendar date, YYYY-MM-DD, in the years people actually mean (PostgreSQL has no year 0). */
export const IsoDate = z.iso
  // A date that is not one (an empty field) gets that one message, not also "out of range".
  .date({ abort: true })
  .refine((date) => date >= '1900-01-01' && date <= '2999-12-31', { message: 'date_out_of_range' });

// Text the database cannot store as sent (a NUL character, half of a surrogate pair) is refused
// for every input in one place, before these contracts: server/http/text-input.ts.

/** Required text: trimmed, not empty, bounded. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

/** Words to search for (a query parameter): trimmed, bounded, possibly empty. */
export const SearchText = (max: number) => z.string().trim().max(max);

/** Optional text: trimmed; an empty value means "none" and is stored as null. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'invalid_email' }).max(254));

export const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    message: 'invalid_email',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const OptionalPhone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => value === '' || /^\+?[0-9][0-9 ()-]{3,}$/.test(value), {
    message: 'invalid_phone',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const OptionalUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === '' || /^https?:\/\/\S+$/.test(value), { message: 'invalid_url' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const TimeOfDay = z.string().refine(isTimeOfDay, { message: 'invalid_time' });

/** The version a client read; saving with an older one is refused (optimistic concurrency). */
export const Version = z.int().min(1);

/** Removing a record: the version the client read, so a changed record is not removed blindly. */
export const DeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const SortOrder = z.enum(['asc', 'desc']).default('asc');

export const PageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

/** A page of a list: the items, how many there are in all, and where this page is. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
  });
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        in: z.enum(['body', 'query', 'path', 'header']),
        code: z.string(),
        message: z.string(),
      }),
    )
    .optional(),
});
export type TProblem = z.infer<typeof Problem>;

/** A person as other records show them: enough to recognise and reach them. */
export const PersonContact = z.object({
  id: z.uuid(),
  givenName: z.string(),
  surname: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
  email: z.string(),
});
export type TPersonContact = z.infer<typeof PersonContact>;

/**
 * What the viewer may do with a service card or an article, decided by the server
 * (`knowledgeAbilitiesOf`), so the web app shows its buttons without repeating the rule.
 */
export const KnowledgeAbilities = z.object({ edit: z.boolean() });
