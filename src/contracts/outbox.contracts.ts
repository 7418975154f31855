import { z } from 'zod';
import { PageQuery, pageOf } from './common';

/**
 * What a letter waiting for email carries in `lastError` while no mail server is configured:
 * the request page says so in words instead of showing the marker.
 */
export const NO_MAIL_SERVER = 'no mail server configured';

/** A letter the mail server would not take, for the administrator's list. */
export const FailedLetter = z.object({
  id: z.uuid(),
  request: z.object({ id: z.uuid(), number: z.string() }),
  recipient: z.string().nullable(),
  subject: z.string(),
  attempts: z.int(),
  /** The mail server's answer, or what went wrong on the way to it. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type TFailedLetter = z.infer<typeof FailedLetter>;

export const FailedLettersQuery = z.strictObject({ ...PageQuery });
export type TFailedLettersQuery = z.infer<typeof FailedLettersQuery>;

export const FailedLetterPage = pageOf(FailedLetter);
export type TFailedLetterPage = z.infer<typeof FailedLetterPage>;
